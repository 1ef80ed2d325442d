import type { SiteConfig } from '../schemas/site-config.ts';

/** A site path under `base`: `withBase('/handbook/', '/cases/x/')` → `/handbook/cases/x/`. */
export function withBase(base: string, pathname: string): string {
  return `${base.replace(/\/+$/, '')}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}

/** An absolute URL when `site` is known, else the path under `base` (relative to the host). */
export function publicUrl(config: Pick<SiteConfig, 'site' | 'base'>, pathname: string): string {
  const local = withBase(config.base, pathname);
  return config.site ? `${config.site}${local}` : local;
}

/** The collections with a page per entry; terms and sources are anchors on one shared page. */
type Collection = 'cases' | 'methods' | 'models' | 'guides' | 'terms' | 'sources';

/**
 * The permanent path of an entry's page, or of its place on a shared page (from the site root,
 * without `base`: pass it to `href` or `publicUrl`).
 * @example entryPath('cases', 'sanitation-workers') // '/cases/sanitation-workers/'
 * @example entryPath('terms', 'liangwei') // '/terms/#liangwei'
 */
export function entryPath(collection: Collection, id: string): string {
  if (collection === 'terms' || collection === 'sources') return `/${collection}/#${id}`;
  return `/${collection}/${id}/`;
}
