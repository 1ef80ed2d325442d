import { readPagefindFile, type IndexFiles } from './search-meta.ts';

/** Where the date order is written, inside Pagefind's folder of the built site. */
export const DATE_ORDER_FILE = 'date-order.json';

const FRAGMENT = /^fragment\/(.+)\.pf_fragment$/;

/**
 * The search page's date sort, as a table built here instead of Pagefind's sort metadata: the
 * Pagefind page ids (the result ids) by their sortable date. Pagefind puts a sort's values
 * for every page in the metadata file that each first search loads (23 KB gzipped at 10,000
 * cases); this table is fetched only when a reader sorts by date. The date comes from the
 * page's `date` meta, which the search copy carries instead of `data-pagefind-sort`. Added to
 * Pagefind's files in memory, before they are written; returns how many pages it orders.
 */
export function addDateOrder(files: IndexFiles): number {
  const pages: { id: string; date: string }[] = [];
  for (const [name, bytes] of files) {
    const id = FRAGMENT.exec(name)?.[1];
    if (id === undefined) continue;
    const json = JSON.parse(readPagefindFile(bytes, name).toString('utf8')) as { meta?: Record<string, string> };
    pages.push({ id, date: json.meta?.date ?? '0000-00-00' });
  }
  pages.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1));
  // Grouped by date, newest first: { "2024-05-00": [ids…], … }. Volumes merged on one search
  // page (docs/scale.md) sort together by these dates.
  const groups: Record<string, string[]> = {};
  for (const page of pages) (groups[page.date] ??= []).push(page.id);
  files.set(DATE_ORDER_FILE, Buffer.from(JSON.stringify(groups)));
  return pages.length;
}
