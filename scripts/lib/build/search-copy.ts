// What Pagefind reads of each page: a copy of the page's searchable part with its text split
// into words (src/search/segment.ts), written to a folder beside the site. The site's own
// pages are never changed.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BLOCK_END, HEADING_END, segmentWords } from '../../../src/search/segment.ts';

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

/**
 * The searchable copy of a built page: its `<main data-pagefind-body>` (with the filters, meta
 * and sort it holds) in a bare document, every text split into words and padded with spaces, so
 * a tag between two words never glues them. Code samples are left out, and a mark follows every
 * heading and every block of text (`BLOCK_END`, `HEADING_END`), so that excerpts can keep to one
 * block (`src/search/excerpt.ts`). Undefined for a page that is not searched.
 */
export function searchCopy(html: string): string | undefined {
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
  const words = main.replace(/>([^<]+)</g, (whole, text: string) => (text.trim() ? `> ${escape(segmentWords(decode(text)))} <` : whole));
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${words}</body></html>\n`;
}

/** Copies the searchable pages of `files` (paths relative to `siteDir`); returns how many. */
export async function copySearchable(siteDir: string, copyDir: string, files: readonly string[]): Promise<number> {
  let copied = 0;
  for (const file of files) {
    const copy = searchCopy(await readFile(path.join(siteDir, file), 'utf8'));
    if (copy === undefined) continue;
    await mkdir(path.dirname(path.join(copyDir, file)), { recursive: true });
    await writeFile(path.join(copyDir, file), copy);
    copied++;
  }
  return copied;
}

/** Below this many pages one thread is quicker than starting others. */
const PARALLEL_MIN_FILES = 400;

/**
 * Writes the searchable copy of every page of the built site into `copyDir`, on as many
 * threads as there are CPUs for a large site (segmenting is most of the work: about 1 ms a page).
 * `skip` names top-level folders holding no searchable page (the print edition, one large file).
 */
export async function writeSearchCopy(siteDir: string, copyDir: string, skip: ReadonlySet<string> = new Set()): Promise<number> {
  const files = (await readdir(siteDir, { recursive: true }))
    .filter((file) => file.endsWith('.html') && !skip.has(file.split(path.sep)[0]!))
    .sort();
  const threads = files.length < PARALLEL_MIN_FILES ? 1 : Math.min(4, availableParallelism());
  if (threads === 1) return copySearchable(siteDir, copyDir, files);
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL('./search-copy-worker.ts', import.meta.url), { workerData: { siteDir, copyDir, files: share } });
          worker.once('message', (count: number) => resolve(count));
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`搜索索引的分词线程意外退出（退出码 ${code}）`)));
        }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}
