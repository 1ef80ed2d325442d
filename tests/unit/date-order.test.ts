import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DATE_ORDER_FILE, writeDateOrder } from '../../scripts/lib/build/date-order.ts';

const fragment = (meta: Record<string, string>) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/x/', content: '', meta, filters: {}, anchors: [] })}`));

describe('the date order (the search page’s date sort, outside Pagefind’s metadata)', () => {
  test('groups the page ids by their date meta, newest first, undated last, ids sorted within a date', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-date-order-'));
    try {
      await mkdir(path.join(dir, 'fragment'));
      const pages: [string, Record<string, string>][] = [
        ['und_b', { date: '2021-00-00' }],
        ['und_a', { date: '2021-00-00' }],
        ['und_c', { date: '2024-05-00' }],
        ['und_d', {}],
        ['und_e', { date: '0000-00-00' }],
      ];
      for (const [id, meta] of pages) await writeFile(path.join(dir, 'fragment', `${id}.pf_fragment`), fragment(meta));
      expect(await writeDateOrder(dir)).toBe(5);
      const written = await readFile(path.join(dir, DATE_ORDER_FILE), 'utf8');
      expect(JSON.parse(written)).toEqual({ '2024-05-00': ['und_c'], '2021-00-00': ['und_a', 'und_b'], '0000-00-00': ['und_d', 'und_e'] });
      // Key order is the order: newest first.
      expect(Object.keys(JSON.parse(written))).toEqual(['2024-05-00', '2021-00-00', '0000-00-00']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
