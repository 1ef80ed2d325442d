import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSite } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { serveStatic } from '../helpers/serve.ts';

interface Expectation {
  query: string;
  expect: string;
}

interface Outcome extends Expectation {
  /** The query searched for after conversion to Simplified characters. */
  searched: string;
  /** The variant that found results, if any. */
  variant: string | null;
  tried: string[];
  top: string[];
}

/** Where the test page and the bundled query module are served, beside the built site. */
const TEST_PATH = '/__search-regression__/';

let cases: Expectation[];
let site: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ queries: cases } = JSON.parse(await readFile(path.join(FIXTURES, 'search-queries.json'), 'utf8')) as { queries: Expectation[] });
  site = await defaultSite();
  server = await serveStatic(site);

  // The search page's own query code, bundled for the browser exactly as it will ship.
  const bundle = await build({
    entryPoints: [path.join(PROJECT_ROOT, 'src/search/query.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const queryModule = bundle.outputFiles[0]!.text;

  browser = await launchChromium();
  page = await browser.newPage();
  // A blank page in Chinese, as the search page will be: Pagefind splits queries into words only
  // when the page's language is one that needs it (zh).
  await page.route(`${server.url}${TEST_PATH}**`, (route) => {
    const isModule = new URL(route.request().url()).pathname.endsWith('/query.js');
    return route.fulfill(
      isModule
        ? { contentType: 'text/javascript; charset=utf-8', body: queryModule }
        : { contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title></head><body></body></html>' },
    );
  });
  await page.goto(`${server.url}${TEST_PATH}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs every query in the page: Traditional converted to Simplified, then each variant in turn
 * until Pagefind finds something, and the first five results' URLs. Passed as a string so the
 * test runner does not rewrite its dynamic imports.
 */
const RUN_QUERIES = `async (cases) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const { searchWithVariants } = await import('${TEST_PATH}query.js');
  const outcomes = [];
  for (const c of cases) {
    const found = await searchWithVariants(c.query, async (q) => (await pagefind.search(q)).results);
    const top = await Promise.all(found.results.slice(0, 5).map(async (r) => (await r.data()).url));
    outcomes.push({ ...c, searched: found.query, variant: found.variant ?? null, tried: found.tried, top });
  }
  return outcomes;
}`;

describe('search finds the page that answers a realistic query', () => {
  test('the regression set is large enough and every expected page exists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    for (const { query, expect: url } of cases) {
      expect(existsSync(path.join(site, url, 'index.html')), `${query} → ${url}`).toBe(true);
    }
  });

  test('at least 90% of the queries find their page among the first five results', async () => {
    const outcomes = (await page.evaluate(`(${RUN_QUERIES})(${JSON.stringify(cases)})`)) as Outcome[];
    expect(outcomes).toHaveLength(cases.length);
    const misses = outcomes.filter((o) => !o.top.includes(o.expect));
    const passed = outcomes.length - misses.length;
    const lines = [`search regression: ${passed}/${outcomes.length} found (${((100 * passed) / outcomes.length).toFixed(1)}%)`];
    for (const miss of misses) {
      const searched = miss.searched === miss.query ? '' : ` [简体：${miss.searched}]`;
      lines.push(`  miss: “${miss.query}”${searched} → expected ${miss.expect}`);
      lines.push(`        tried: ${miss.tried.map((t) => `“${t}”`).join(' → ')}; found with: ${miss.variant ? `“${miss.variant}”` : 'nothing'}`);
      lines.push(`        top five: ${miss.top.join('  ') || '(none)'}`);
    }
    console.log(lines.join('\n'));
    expect(passed / outcomes.length).toBeGreaterThanOrEqual(0.9);
  });
});
