// The first-search byte budget (issue 19): on a phone, a reader's first search through the
// search page downloads no more than Pagefind's default API does for the same query on the same
// built site. Bytes, gzipped as a static host sends them; never time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIRST_SEARCH_QUERIES, measureFirstSearch, measurePlainPagefind, type PlainDownload, type SearchDownload } from '../../scripts/bench/search.ts';
import { defaultSite } from '../helpers/build.ts';

let site: string;

beforeAll(async () => {
  site = await defaultSite();
});

const list = (files: { path: string; gzip: number }[]) => files.map((f) => `${f.path} ${f.gzip}`).join('\n');

describe('first search on a phone (390 px): no heavier than plain Pagefind on the same site', () => {
  const measured: Record<string, { ours: SearchDownload; plain: PlainDownload }> = {};

  afterAll(() => {
    // For the record in the test output: the figures the assertions compared.
    for (const [which, { ours, plain }] of Object.entries(measured)) {
      console.log(`first search “${ours.query}” (${which}): ours ${ours.searchBytesGzip} B gzip in ${ours.requests} requests, plain Pagefind ${plain.pagefindBytesGzip} B in ${plain.requests}`);
    }
  });

  for (const [which, query] of Object.entries(FIRST_SEARCH_QUERIES)) {
    test(`“${query}” (${which === 'match' ? 'matches cases' : 'matches nothing'})`, async () => {
      const [ours, plain] = [await measureFirstSearch(site, query, 'phone'), await measurePlainPagefind(site, query, 'phone')];
      measured[which] = { ours, plain };
      // Both really searched: Pagefind's index was fetched, and the page said what it found.
      expect(ours.files.some((f) => f.path.includes('.pf_index')) || which === 'none').toBe(true);
      expect(ours.status).not.toBe('');
      if (which === 'match') {
        expect(plain.results).toBeGreaterThan(0);
        expect(ours.status).toMatch(/找到 \d+ 条结果/);
      }
      // The page's first search loads no filter file (filters folded on a phone) and no worker.
      expect(ours.files.filter((f) => f.path.includes('.pf_filter') || f.path.includes('worker')).map((f) => f.path)).toEqual([]);
      expect(ours.searchBytesGzip, `ours:\n${list(ours.files)}\nplain:\n${list(plain.files)}`).toBeLessThanOrEqual(plain.pagefindBytesGzip);
    });
  }
});
