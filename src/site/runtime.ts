import type { SiteConfig } from '../schemas/site-config.ts';

/**
 * What the build hands the pages through the virtual module `virtual:yishi/config`
 * (scripts/lib/astro/integration.ts): settings travel as integration options, not environment
 * variables.
 */
export interface HandbookRuntime {
  /** handbook.config.ts, validated, with the user's overrides applied. */
  site: SiteConfig;
  /** The content folder (absolute). */
  contentDir: string;
  /** Above this many cases the print edition puts its cases in volumes of a year each. */
  printSplit: number;
  /** Other volumes' base URLs whose search indexes the search page merges (YISHI_SEARCH_VOLUMES, docs/scale.md). */
  searchVolumes: string[];
  /** The handbook's version (handbook.config.ts, else package.json). */
  version: string;
  /** When the content last changed, YYYY-MM-DD (scripts/lib/build/build-info.ts); '' when unknown. */
  dataDate: string;
  /** True under `npm run dev` only (Astro's command, set by the integration): development-only links such as “编辑本页”. */
  dev?: boolean;
}
