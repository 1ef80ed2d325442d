import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { addDateOrder, DATE_ORDER_FILE } from '../../scripts/lib/build/date-order.ts';
import type { IndexFiles } from '../../scripts/lib/build/search-meta.ts';

const fragment = (meta: Record<string, string>) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/x/', content: '', meta, filters: {}, anchors: [] })}`));

describe('the date order (the search page’s date sort, outside Pagefind’s metadata)', () => {
  test('groups the page ids by their date meta, newest first, undated last, ids sorted within a date', () => {
    const pages: [string, Record<string, string>][] = [
      ['und_b', { date: '2021-00-00' }],
      ['und_a', { date: '2021-00-00' }],
      ['und_c', { date: '2024-05-00' }],
      ['und_d', {}],
      ['und_e', { date: '0000-00-00' }],
    ];
    const files: IndexFiles = new Map(pages.map(([id, meta]) => [`fragment/${id}.pf_fragment`, fragment(meta)]));
    files.set('index/und_x.pf_index', Buffer.from('not a fragment'));
    expect(addDateOrder(files)).toBe(5);
    const written = Buffer.from(files.get(DATE_ORDER_FILE)!).toString('utf8');
    expect(JSON.parse(written)).toEqual({ '2024-05-00': ['und_c'], '2021-00-00': ['und_a', 'und_b'], '0000-00-00': ['und_d', 'und_e'] });
    // Key order is the order: newest first.
    expect(Object.keys(JSON.parse(written))).toEqual(['2024-05-00', '2021-00-00', '0000-00-00']);
  });
});
