import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where the date order is written, inside Pagefind's folder of the built site. */
export const DATE_ORDER_FILE = 'date-order.json';

/** Pagefind's fragments are gzipped JSON after this signature. */
const SIGNATURE = 'pagefind_dcd';

/**
 * The search page's date sort, as a table built here instead of Pagefind's sort metadata: the
 * Pagefind page ids (the result ids) by their sortable date. Pagefind puts a sort's values
 * for every page in the metadata file that each first search loads (23 KB gzipped at 10,000
 * cases); this table is fetched only when a reader sorts by date. The date comes from the
 * page's `date` meta, which the search copy carries instead of `data-pagefind-sort`.
 */
export async function writeDateOrder(pagefindDir: string): Promise<number> {
  const dir = path.join(pagefindDir, 'fragment');
  const pages: { id: string; date: string }[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.pf_fragment'))) {
    const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
    const json = JSON.parse(text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text) as { meta?: Record<string, string> };
    pages.push({ id: name.slice(0, -'.pf_fragment'.length), date: json.meta?.date ?? '0000-00-00' });
  }
  pages.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1));
  // Grouped by date, newest first: { "2024-05-00": [ids…], … }. Volumes merged on one search
  // page (docs/scale.md) sort together by these dates.
  const groups: Record<string, string[]> = {};
  for (const page of pages) (groups[page.date] ??= []).push(page.id);
  await writeFile(path.join(pagefindDir, DATE_ORDER_FILE), JSON.stringify(groups));
  return pages.length;
}
