// A handbook built as volumes (docs/scale.md): two content folders, each built on its own with
// its own Pagefind index, served side by side; the first volume's search page merges the
// second's index (YISHI_SEARCH_VOLUMES, Pagefind's mergeIndex) and finds pages of both.
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchVolumes } from '../../src/site/search-volumes.ts';
import { buildSite } from '../helpers/build.ts';
import { showAllResults } from '../helpers/search-results.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { contentWith } from '../helpers/fixtures.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  // Volume a: the bundled content, under /a/, merging volume b. Volume b: the test fixtures' content, under /b/.
  const a = await buildSite({ env: { YISHI_BASE: '/a/', YISHI_SEARCH_VOLUMES: '/b/' } });
  const b = await buildSite({ content: await contentWith('search-extras'), env: { YISHI_BASE: '/b/' } });
  const host = await mkdtemp(path.join(tmpdir(), 'yishi-volumes-'));
  await symlink(a, path.join(host, 'a'), 'dir');
  await symlink(b, path.join(host, 'b'), 'dir');
  server = await serveStatic(host);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('two volumes, one search page', () => {
  test('the search page of volume a finds cases of volume a and of volume b, each linking into its own volume', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/a/search/?q=${encodeURIComponent('停车')}`);
    await page.locator('#search-status').filter({ hasText: /找到 \d+ 条结果/ }).waitFor();
    await showAllResults(page);
    const links = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    // A case of the bundled handbook (volume a) about parking, whichever ranks first.
    expect(links.some((l) => l.startsWith('/a/cases/'))).toBe(true);
    expect(links).toContain('/b/cases/city-traffic/');
    expect(links.every((l) => l.startsWith('/a/') || l.startsWith('/b/'))).toBe(true);
    // Both indexes were read: each volume's own Pagefind files.
    expect(fetched.some((p) => p.startsWith('/a/pagefind/') && p.includes('.pf_index'))).toBe(true);
    expect(fetched.some((p) => p.startsWith('/b/pagefind/') && p.includes('.pf_index'))).toBe(true);
    // Sorted by date, the pages of both volumes come in one newest-first order.
    await page.locator('select[name="sort"]').selectOption('date');
    await page.waitForURL(/sort=date/);
    await page.locator('#search-status').filter({ hasText: /找到 \d+ 条结果/ }).waitFor();
    // Five come first; the fixture volume's cases are older than many of the casebook's.
    await showAllResults(page);
    const sorted = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(sorted.some((l) => l.startsWith('/b/'))).toBe(true);
    expect(fetched).toContain('/b/pagefind/date-order.json');
    await page.close();
  });

  test('YISHI_SEARCH_VOLUMES: paths or URLs, each ending in /; anything else is refused in Chinese', () => {
    expect(searchVolumes('')).toEqual([]);
    expect(searchVolumes('/2024, https://example.org/2025/')).toEqual(['/2024/', 'https://example.org/2025/']);
    expect(() => searchVolumes('2024')).toThrow(/YISHI_SEARCH_VOLUMES.*“2024”/);
  });
});
