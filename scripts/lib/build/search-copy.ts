// What Pagefind reads of each page: a copy of the page's searchable part with its text split
// into words (src/search/segment.ts), handed to Pagefind in memory. The site's own pages are
// never changed.
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BLOCK_END, HEADING_END, segmentEach } from '../../../src/search/segment.ts';

const BODY_START = /<main\b[^>]*\sdata-pagefind-body\b[^>]*>/;
/** Never text to search: scripts, styles, templates, and code samples (the authors' guide's YAML and MDX). */
const NOT_TEXT = /<(script|style|template|pre)\b[^>]*>[\s\S]*?<\/\1>/g;
/** Where a heading ends, and where it starts (so the text before it ends too). */
const HEADING_CLOSE = /<\/h[1-6]>/g;
const HEADING_OPEN = /<h[1-6]\b/g;
/** Where any other block of text ends: paragraphs, list items, definitions, cells, notes, sections. */
const BLOCK_CLOSE = /<\/(?:p|li|dd|td|th|caption|figcaption|blockquote|aside|summary|details|div|section|header|footer|nav|ul|ol|dl|tr|table)>|<br\s*\/?>/g;
/** A term of a definition list runs into its definition, as “term：definition”. */
const TERM_CLOSE = /<\/dt>/g;
/** The text between two tags. */
const TEXT = />([^<]+)</g;
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** An element that is searched as a record of its own (a glossary entry), found at `#id` of its page. */
const ENTRY_OPEN = /<([a-z][a-z0-9]*)\b([^>]*\sdata-search-entry\b[^>]*)>/g;
/** The page's search fields (filters, date, region: SearchFields.astro), which each entry record carries too. */
const FIELDS = /<div\b[^>]*\sdata-search-fields\b[^>]*>[\s\S]*?<\/div>/;

/** Where the element opened at `from` (a `tag` element) closes: the index just past its end tag, or -1. */
function elementEnd(html: string, tag: string, from: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/**
 * Elements marked `data-search-entry` with an `id` (the glossary's entries) taken out of the
 * page's searchable part, each to be a record of its own at `#id`, with the page's search fields;
 * its title and summary are the elements it marks `data-pagefind-meta="title"` and `"summary"`.
 * A reader asking what a term means then lands on the term, ranked by its own title.
 */
function splitEntries(main: string): { rest: string; entries: { id: string; html: string }[] } {
  const entries: { id: string; html: string }[] = [];
  const fields = FIELDS.exec(main)?.[0] ?? '';
  let rest = '';
  let last = 0;
  for (const m of main.matchAll(ENTRY_OPEN)) {
    if (m.index < last) continue; // an entry inside an entry stays in it
    const id = /\sid="([^"]+)"/.exec(m[2]!)?.[1];
    const end = elementEnd(main, m[1]!, m.index);
    if (!id || end < 0) continue;
    // Without its id: the record is the entry, not a page holding a section of it (no sub-result to itself).
    const element = main.slice(m.index, end).replace(m[0], m[0].replace(/\sid="[^"]+"/, ''));
    entries.push({ id, html: `<main data-pagefind-body>${fields}${element}</main>` });
    rest += main.slice(last, m.index);
    last = end;
  }
  return { rest: rest + main.slice(last), entries };
}

/** A record for Pagefind: a page's searchable copy, or one of its entries (`fragment`: its id). */
export interface SearchCopy {
  fragment?: string;
  html: string;
}

/** The searchable part of a page in a bare document, its text split into words. */
function wordsDocument(main: string, lang: string): string {
  // Every text between two tags, split into words in one pass.
  const texts = [...main.matchAll(TEXT)].map((m) => m[1]!).filter((text) => text.trim()).map(decode);
  const segmented = segmentEach(texts);
  let next = 0;
  const words = main.replace(TEXT, (whole, text: string) => (text.trim() ? `> ${escape(segmented[next++]!)} <` : whole));
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${words}</body></html>\n`;
}

/**
 * The searchable copies of a built page: its `<main data-pagefind-body>` (with the filters, meta
 * and sort it holds) in a bare document, every text split into words and padded with spaces, so
 * a tag between two words never glues them, then one record per entry it marks
 * (`splitEntries`). Code samples are left out, and a mark follows every heading and every block
 * of text (`BLOCK_END`, `HEADING_END`), so that excerpts can keep to one block
 * (`src/search/excerpt.ts`). Undefined for a page that is not searched.
 */
export function searchCopies(html: string): SearchCopy[] | undefined {
  const start = BODY_START.exec(html);
  if (!start) return undefined;
  const end = html.lastIndexOf('</main>');
  if (end < start.index) return undefined;
  const lang = /<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? '';
  const main = `${html
    .slice(start.index, end)
    .replace(NOT_TEXT, '')
    .replace(HEADING_OPEN, `${BLOCK_END}$&`)
    .replace(HEADING_CLOSE, `$&${HEADING_END}`)
    .replace(BLOCK_CLOSE, `$&${BLOCK_END}`)
    .replace(TERM_CLOSE, '$&：')
    // The date goes to the page's meta, not to Pagefind's sort: see date-order.ts.
    .replaceAll('data-pagefind-sort="date:', 'data-pagefind-meta="date:')}</main>`;
  const { rest, entries } = splitEntries(main);
  return [{ html: wordsDocument(rest, lang) }, ...entries.map((e) => ({ fragment: e.id, html: wordsDocument(e.html, lang) }))];
}

/** The page's own searchable copy (`searchCopies` without its entries). */
export function searchCopy(html: string): string | undefined {
  return searchCopies(html)?.[0]?.html;
}

/** A searchable page: the URL Pagefind gives it and its search copy (`searchCopy`). */
export interface SearchCopyPage {
  url: string;
  html: string;
}

/** The URL of the page at `file` (relative to the site), as Pagefind gives a page of a folder it indexes: `cases/x/index.html` → `/cases/x/`. */
export function pageUrl(file: string): string {
  return `/${file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The search copy of each of `files` (paths relative to `siteDir`), in order, as each is ready: undefined for a page that is not searched. */
export async function copyEach(siteDir: string, files: readonly string[], each: (index: number, copies: SearchCopy[] | undefined) => void): Promise<void> {
  for (const [index, file] of files.entries()) each(index, searchCopies(await readFile(path.join(siteDir, file), 'utf8')));
}

/** Below this many pages one thread is quicker than starting others. */
const PARALLEL_MIN_FILES = 400;

/** The site's searchable HTML files, relative to `siteDir`, in the order Pagefind numbers them. */
export async function searchableFiles(siteDir: string, skip: ReadonlySet<string>): Promise<string[]> {
  return (await readdir(siteDir, { recursive: true }))
    .filter((file) => file.endsWith('.html') && !skip.has(file.split(path.sep)[0]!))
    .sort();
}

/**
 * Hands the search copy of every searchable page of the built site to `add`, in the order of
 * the pages' paths (so that Pagefind numbers the pages the same way in every build), making the
 * copies on as many threads as there are CPUs for a large site (segmenting is most of the work:
 * about 1 ms a page). Nothing is written to disk: Pagefind takes each copy as it comes, and
 * indexes it while the next ones are made. `skip` names top-level folders holding no searchable
 * page (the print edition, one large file). `made` holds copies made already (early-copies.ts),
 * by file: those pages are not read again, and each is let go once handed over. Returns how many
 * pages were handed over.
 */
export async function forEachSearchCopy(
  siteDir: string,
  skip: ReadonlySet<string>,
  add: (page: SearchCopyPage) => void,
  made: Map<string, SearchCopy[] | undefined> = new Map(),
): Promise<number> {
  const files = await searchableFiles(siteDir, skip);
  let added = 0;
  // Copies arrive from the threads in any order; they go to `add` in the files' order.
  const ready = new Map<number, SearchCopy[] | undefined>();
  let next = 0;
  const take = (index: number, copies: SearchCopy[] | undefined) => {
    ready.set(index, copies);
    for (; ready.has(next); next++) {
      const records = ready.get(next);
      ready.delete(next);
      if (records === undefined) continue;
      const url = pageUrl(files[next]!);
      for (const { fragment, html } of records) add({ url: fragment ? `${url}#${fragment}` : url, html });
      added++;
    }
  };
  const todo: (readonly [number, string])[] = [];
  for (const [index, file] of files.entries()) {
    if (!made.has(file)) todo.push([index, file]);
    else {
      take(index, made.get(file));
      made.delete(file);
    }
  }
  const threads = todo.length < PARALLEL_MIN_FILES ? 1 : Math.min(4, availableParallelism());
  if (threads === 1) {
    await copyEach(siteDir, todo.map(([, file]) => file), (at, html) => take(todo[at]![0], html));
    return added;
  }
  await Promise.all(
    Array.from(
      { length: threads },
      (_, thread) =>
        new Promise<void>((resolve, reject) => {
          const share = todo.filter((_, at) => at % threads === thread);
          const worker = new Worker(new URL('./search-copy-worker.ts', import.meta.url), { workerData: { siteDir, files: share.map(([, file]) => file) } });
          worker.on('message', ([at, copies]: [number, SearchCopy[] | undefined]) => take(share[at]![0], copies));
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`搜索索引的分词线程意外退出（退出码 ${code}）`))));
        }),
    ),
  );
  return added;
}
