/**
 * Reading offline: the names shared by the pages (src/layouts/Base.astro, src/client/offline*.ts),
 * the service worker (src/client/sw.ts, which receives them in its CONFIG) and the build step that
 * writes it (scripts/lib/build/offline.ts).
 */

/** `<meta name="yishi-build" content="…">` in every page's head: the build the page belongs to. */
export const BUILD_META = 'yishi-build';

/**
 * What the pages are rendered with; the build writes the build id over it, in place (same length).
 * A page that still carries it was not built by scripts/build.ts (`npm run dev`).
 */
export const BUILD_PLACEHOLDER = 'yishi-unbuilt-00';

/** Length of a build id: hex digits of a SHA-256 over the site's files. */
export const BUILD_ID_LENGTH = BUILD_PLACEHOLDER.length;

/** The service worker's file and scope, under `base`. */
export const SW_FILE = 'sw.js';

/** What "save the whole handbook" costs: `{ build, bytes, files, pages }`, small enough to fetch on every visit of the home page. */
export const SUMMARY_FILE = 'offline.json';

/** Every file of the offline copy: `{ build, files: [path, bytes, hash][] }` (hash empty for fingerprinted files). */
export const FILES_FILE = 'offline-files.json';

/** The page shown offline for an address that was not saved. */
export const OFFLINE_PAGE = 'offline/';

/** Not a file: where the service worker keeps the offline copy's state (`{ build, full, savedAt }`) in its cache. */
export const STATE_KEY = 'offline-state';

/** The request header a page sets to ask the service worker to keep a file (answered 204, 409 or 503). */
export const SAVE_HEADER = 'x-yishi-save';

/** The response header of a kept file: when it was saved (ISO 8601). */
export const SAVED_HEADER = 'x-yishi-saved';

/** What the service worker reports about the offline copy. */
export interface OfflineState {
  build: string;
  /** Whether the reader saved the whole handbook (and it is kept whole through updates). */
  full: boolean;
  /** When the copy was saved or last brought up to date (ISO 8601). */
  savedAt: string;
}

/** The start of the name of every cache of this handbook (one per build): handbooks under other bases of the same origin keep theirs. */
export const cachePrefix = (base: string) => `yishi ${base} `;
