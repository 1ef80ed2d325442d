import { loadSiteConfig, publicUrl } from '../../scripts/lib/site-config.ts';

/** The validated handbook config, read once for every page. */
export const site = loadSiteConfig();

/** The absolute URL of a page when `site` is configured, for canonical links. */
export function canonicalUrl(pathname: string): string | undefined {
  return site.site ? publicUrl(site, pathname.replace(new RegExp(`^${site.base.replace(/\/$/, '')}`), '')) : undefined;
}
