import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { mapLimited } from '../check/parallel.ts';
import {
  BUILD_ID_LENGTH,
  BUILD_META,
  BUILD_PLACEHOLDER,
  cachePrefix,
  FILES_FILE,
  OFFLINE_PAGE,
  SAVE_HEADER,
  SAVED_HEADER,
  STATE_KEY,
  SUMMARY_FILE,
  SW_FILE,
} from '../../../src/client/offline-names.ts';

/**
 * Reading offline, the build's part: after Pagefind, every page gets the build id, and the site
 * gets the list of what a reader can keep offline (offline.json, offline-files.json) and the
 * service worker that keeps it (sw.js, from src/client/sw.ts).
 */

/** The service worker's source: TypeScript whose types are stripped, nothing else. */
const SW_SOURCE = path.resolve(import.meta.dirname, '../../../src/client/sw.ts');

/** Files whose name changes with their content: Astro's assets and Pagefind's chunks and metadata. */
export const FINGERPRINTED = /^(_astro\/|pagefind\/(index|fragment|filter)\/|pagefind\/[^/]+\.pf_meta$)/;

/**
 * Never kept offline: the print edition (every case again, for paper), the open data files (not
 * their page) and feeds, the error pages, Pagefind's own interfaces and its worker (the search
 * page uses its API on the page's thread), and these files themselves.
 */
const NOT_OFFLINE =
  /^(print\/|data\/(?!index\.html$)|schemas\/|rss\.xml$|sitemap\.xml$|robots\.txt$|40\d\.html$|50\d\.html$|pagefind\/pagefind-(ui|modular-ui|component-ui|highlight|worker)\.|sw\.js$|offline(-files)?\.json$)/;

/** What Pagefind loads before any query: its script, worker, WebAssembly, entry and metadata. */
const SEARCH_START = /^pagefind\/[^/]+$/;

/** Where the build id goes in a page: `<meta name="yishi-build" content="…">`. */
const MARKER = Buffer.from(`<meta name="${BUILD_META}" content="${BUILD_PLACEHOLDER}"`);
const MARKER_VALUE = MARKER.length - BUILD_PLACEHOLDER.length - 1;

/** One file of the offline copy: its path under the base (a page's URL), bytes, and hash unless fingerprinted. */
export type OfflineFile = [path: string, bytes: number, hash: string];

export interface OfflineResult {
  build: string;
  /** What saving the whole handbook downloads (bytes as stored). */
  bytes: number;
  files: number;
  pages: number;
  /** The service worker's size, and gzipped. */
  swBytes: number;
  swGzipBytes: number;
}

interface SiteFile {
  path: string;
  bytes: number;
  /** First 16 hex digits of its SHA-256; empty for fingerprinted files. */
  hash: string;
  /** Where the build id goes, for a page that has the marker. */
  markerAt?: number;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** `cases/x/index.html` → `cases/x/`; the paths a browser asks for, percent-encoded. */
function urlPath(file: string): string {
  const url = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return encodeURI(url);
}

/** Pagefind's folder: written last, by the search index. */
const isIndex = (file: string) => file.startsWith('pagefind/');

/** The files of the site for which `keep` is true, read and hashed. */
async function readSite(siteDir: string, keep: (file: string) => boolean): Promise<SiteFile[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).filter(keep);
  const files: SiteFile[] = [];
  let next = 0;
  const read = async () => {
    while (next < paths.length) {
      const file = paths[next++]!;
      // A fingerprinted file's name says what it holds: its size is enough.
      if (FINGERPRINTED.test(file)) {
        files.push({ path: file, bytes: (await stat(path.join(siteDir, file))).size, hash: '' });
        continue;
      }
      const content = await readFile(path.join(siteDir, file));
      const entry: SiteFile = { path: file, bytes: content.length, hash: sha256(content).slice(0, 16) };
      if (file.endsWith('.html')) {
        // In the head, near the top: only the first few kilobytes are searched.
        const at = content.subarray(0, 8192).indexOf(MARKER);
        if (at >= 0) entry.markerAt = at + MARKER_VALUE;
      }
      files.push(entry);
    }
  };
  await Promise.all(Array.from({ length: 16 }, read));
  return files;
}

/** What the offline copy needs of the site's files outside Pagefind's folder (`writeOfflineFiles`). */
export type SitePages = Promise<SiteFile[]>;

/**
 * Reads and hashes the site's files outside Pagefind's folder: the build starts this once Astro
 * is done, while the search index is being made, and hands it to `writeOfflineFiles`.
 */
export function readSitePages(siteDir: string): SitePages {
  const pages = readSite(siteDir, (file) => !isIndex(file));
  pages.catch(() => undefined); // awaited later, or not at all when the index fails
  return pages;
}

/** The service worker: src/client/sw.ts without its types and comments, after its CONFIG. */
export async function serviceWorkerSource(config: Record<string, unknown>): Promise<string> {
  const typescript = await readFile(SW_SOURCE, 'utf8');
  // Node warns that type stripping is experimental; the build's output is no place for that.
  const emitWarning = process.emitWarning;
  let javascript: string;
  try {
    process.emitWarning = () => undefined;
    javascript = stripTypeScriptTypes(typescript, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
  const lines: string[] = [];
  let inComment = false;
  for (const raw of javascript.split('\n')) {
    const line = raw.trim();
    if (inComment) {
      inComment = !line.endsWith('*/');
      continue;
    }
    if (line.startsWith('/*')) {
      inComment = !line.endsWith('*/');
      continue;
    }
    if (line === '' || line.startsWith('//') || line === 'export {};') continue;
    lines.push(line);
  }
  const source = `"use strict";\nconst CONFIG = ${JSON.stringify(config)};\n${lines.join('\n')}\n`;
  new Script(source, { filename: SW_FILE }); // a syntax error stops the build here, not in a reader's browser
  return source;
}

/**
 * Writes the build id into every page (over the placeholder, same length, so nothing moves),
 * then offline.json, offline-files.json and sw.js. `outside`: the files outside Pagefind's folder,
 * read already (`readSitePages`), which must not have changed since. The build id is a hash of every file of the
 * site, so the same content always gets the same id and any change a new one.
 */
export async function writeOfflineFiles(siteDir: string, base: string, outside: SitePages = readSitePages(siteDir)): Promise<OfflineResult> {
  const site = [...(await outside), ...(await readSite(siteDir, isIndex))].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const build = sha256(`${base}\n${site.map((f) => `${f.path}\t${f.bytes}\t${f.hash}`).join('\n')}`).slice(0, BUILD_ID_LENGTH);

  const id = Buffer.from(build);
  await mapLimited(site.filter((f) => f.markerAt !== undefined), async (file) => {
    const handle = await open(path.join(siteDir, file.path), 'r+');
    try {
      await handle.write(id, 0, id.length, file.markerAt);
    } finally {
      await handle.close();
    }
  }, 16);

  const kept = site.filter((f) => !NOT_OFFLINE.test(f.path) && (!f.path.endsWith('.html') || f.markerAt !== undefined));
  const offline = kept.find((f) => f.path === `${OFFLINE_PAGE}index.html`);
  if (!offline) throw new Error(`离线阅读：找不到离线提示页 ${OFFLINE_PAGE}index.html（src/pages/offline.astro），或它没有使用 Base 布局`);
  const files: OfflineFile[] = kept.map((f) => [urlPath(f.path), f.bytes, f.hash]);
  const pages = kept.filter((f) => f.path.endsWith('.html') && f !== offline).length;
  const bytes = kept.reduce((sum, f) => sum + f.bytes, 0);
  await writeFile(path.join(siteDir, SUMMARY_FILE), `${JSON.stringify({ build, bytes, files: files.length, pages })}\n`);
  await writeFile(path.join(siteDir, FILES_FILE), `${JSON.stringify({ build, files })}\n`);

  const verify = Object.fromEntries(kept.filter((f) => f.hash && !f.path.endsWith('.html')).map((f) => [urlPath(f.path), f.hash]));
  const sw = await serviceWorkerSource({
    build,
    base,
    prefix: cachePrefix(base),
    meta: BUILD_META,
    placeholder: BUILD_PLACEHOLDER,
    offlinePage: OFFLINE_PAGE,
    state: STATE_KEY,
    files: FILES_FILE,
    saveHeader: SAVE_HEADER,
    savedHeader: SAVED_HEADER,
    fingerprinted: FINGERPRINTED.source,
    verify,
    search: kept.filter((f) => SEARCH_START.test(f.path)).map((f) => urlPath(f.path)),
  });
  await writeFile(path.join(siteDir, SW_FILE), sw);
  return { build, bytes, files: files.length, pages, swBytes: Buffer.byteLength(sw), swGzipBytes: gzipSync(sw, { level: 9 }).length };
}
