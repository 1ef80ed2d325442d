import runtime from 'virtual:yishi/config';
import { publicUrl } from './paths.ts';

/** The validated handbook config (handbook.config.ts with the user's overrides), from the build. */
export const site = runtime.site;

/** Above this many cases the print edition puts its cases in volumes of a year each. */
export const printSplit = runtime.printSplit;

/** Other volumes whose search indexes the search page merges (docs/scale.md). */
export const searchVolumes: readonly string[] = runtime.searchVolumes ?? [];

/** The handbook's version and the date its content last changed (scripts/lib/build/build-info.ts). */
export const buildInfo = { version: runtime.version, dataDate: runtime.dataDate };

/** Whether the pages are served by `npm run dev` (never true in a build). */
export const isDev = runtime.dev === true;

/** The absolute URL of a page when `site` is configured, for canonical links. */
export function canonicalUrl(pathname: string): string | undefined {
  return site.site ? publicUrl(site, pathname.replace(new RegExp(`^${site.base.replace(/\/$/, '')}`), '')) : undefined;
}
