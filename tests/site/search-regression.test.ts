import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSite } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

interface Expectation {
  query: string;
  /** The page (or any of the pages) that must be among the first five results; null: the “nothing relevant” state. */
  expect: string | string[] | null;
  kind?: string;
}

/** The pages that answer an expectation. */
const answers = (c: Expectation): string[] => (c.expect === null ? [] : Array.isArray(c.expect) ? c.expect : [c.expect]);

interface Outcome extends Expectation {
  /** The query searched for after conversion to Simplified characters. */
  searched: string;
  relevant: boolean;
  /** Answered with results (not only pages matching in part). */
  confident: boolean;
  /** What was searched, with how many pages each found. */
  tried: string[];
  synonyms: string[];
  top: string[];
  /** Below the floor: the pages that shared words with the query. */
  nearby: string[];
}

/** Where the test page and the bundled query module are served, beside the built site. */
const TEST_PATH = '/__search-regression__/';

let cases: Expectation[];
let outOfDomain: string[];
let site: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ queries: cases, nothingRelevant: outOfDomain } = JSON.parse(await readFile(path.join(FIXTURES, 'search-queries.json'), 'utf8')) as {
    queries: Expectation[];
    nothingRelevant: string[];
  });
  site = await defaultSite();
  server = await serveStatic(site);

  // The search page's own search code, bundled for the browser as it will ship.
  const bundle = await build({
    stdin: {
      contents: "export { searchHandbook } from './src/search/engine.ts'; export { Thesaurus } from './src/search/thesaurus.ts';",
      resolveDir: PROJECT_ROOT,
      loader: 'ts',
    },
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
 * Runs every query in the page with the search page's engine and the thesaurus the built
 * search page carries: the first five results' URLs, or none when nothing cleared the floor.
 * Passed as a string so the test runner does not rewrite its dynamic imports.
 */
const RUN_QUERIES = `async (cases) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const { searchHandbook, Thesaurus } = await import('${TEST_PATH}query.js');
  const html = await (await fetch('/search/')).text();
  const json = new DOMParser().parseFromString(html, 'text/html').querySelector('#search-engine').textContent;
  const engine = JSON.parse(json);
  const thesaurus = new Thesaurus(engine.thesaurus);
  const url = async (page) => (await page.hit.data()).url;
  const outcomes = [];
  for (const c of cases) {
    const found = await searchHandbook(c.query, async (q) => (await pagefind.search(q)).results, { thesaurus, pageCount: engine.pageCount, metaFields: true });
    const shown = [...found.pages, ...found.partial];
    outcomes.push({
      ...c,
      searched: found.query,
      relevant: found.grade !== 'nothing',
      confident: found.grade === 'confident',
      tried: found.tried.map((t) => t.text + ':' + t.found),
      synonyms: found.synonyms.map((s) => s.word + '→' + s.used.join('/')),
      top: await Promise.all(shown.slice(0, 5).map(url)),
      nearby: await Promise.all(found.nearby.slice(0, 3).map(url)),
    });
  }
  return outcomes;
}`;

function describeMiss(miss: Outcome): string[] {
  const searched = miss.searched === miss.query ? '' : ` [简体：${miss.searched}]`;
  return [
    `  miss: “${miss.query}”${searched} → expected ${miss.expect ?? 'nothing relevant'}${miss.kind ? ` (${miss.kind})` : ''}`,
    `        tried: ${miss.tried.join('  ')}${miss.synonyms.length ? `; synonyms ${miss.synonyms.join(' ')}` : ''}`,
    `        top five: ${miss.top.join('  ') || '(nothing relevant)'}${miss.nearby.length ? `; below the floor: ${miss.nearby.join('  ')}` : ''}`,
  ];
}

describe('search finds the page that answers a realistic query', () => {
  test('the regression set is large enough and every expected page exists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(54 + 60);
    expect(cases.filter((c) => c.kind).length).toBeGreaterThanOrEqual(60);
    expect(outOfDomain.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      for (const url of answers(c)) expect(existsSync(path.join(site, url, 'index.html')), `${c.query} → ${url}`).toBe(true);
    }
  });

  test('at least 90% of the queries find their page among the first five results', async () => {
    const outcomes = (await page.evaluate(`(${RUN_QUERIES})(${JSON.stringify(cases)})`)) as Outcome[];
    expect(outcomes).toHaveLength(cases.length);
    const misses = outcomes.filter((o) => !answers(o).some((url) => o.top.includes(url)));
    const passed = outcomes.length - misses.length;
    const lines = [`search regression: ${passed}/${outcomes.length} found (${((100 * passed) / outcomes.length).toFixed(1)}%)`];
    for (const miss of misses) lines.push(...describeMiss(miss));
    console.log(lines.join('\n'));
    expect(passed / outcomes.length).toBeGreaterThanOrEqual(0.9);
  });

  test('no out-of-domain question is answered with results: “nothing relevant”, or at most the closest pages said to match only in part', async () => {
    const found = (await page.evaluate(`(${RUN_QUERIES})(${JSON.stringify(outOfDomain.map((query) => ({ query, expect: null })))})`)) as Outcome[];
    const claimed = found.filter((o) => o.confident);
    if (claimed.length) console.log(['out-of-domain queries that claimed results:', ...claimed.flatMap(describeMiss)].join('\n'));
    expect(claimed.map((o) => o.query)).toEqual([]);
  });
});

/** The headings of a built page, each with the first characters of the text that follows it. */
async function headingJoins(url: string): Promise<string[]> {
  const html = await readFile(path.join(site, url, 'index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, '').replace(/\s+/g, '');
  const joins: string[] = [];
  for (const m of main.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>([\s\S]{0,400})/g)) {
    const heading = text(m[2]!);
    const next = text(m[3]!).slice(0, 3);
    if (heading && next) joins.push(heading + next);
  }
  return joins;
}

describe('the search page shows clean results', () => {
  test('excerpts start at a word, never glue a heading to its text, hold no markup, and come one per page', async () => {
    const queries = ['议题', '停车', '公厕', '公共厕所', '环卫工人', '1+7+X', '社区协商', '中山街', '用到这一方法的案例', '案例字段怎么写', 'Cite source', '复制链接', '协商'];
    const results = [];
    for (const q of queries) {
      const search = await browser.newPage({ viewport: { width: 390, height: 800 } });
      await search.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
      await search.locator('#search-status').filter({ hasNotText: '正在搜索' }).filter({ hasText: /\S/ }).waitFor();
      for (const item of await search.locator('#search-results > li').all()) {
        const url = (await item.locator('h3 a').getAttribute('href'))!;
        results.push({ q, url, excerpts: await item.locator('.excerpt').allTextContents(), subs: await item.locator('.subs a').allTextContents() });
      }
      await search.close();
    }
    expect(results.length).toBeGreaterThan(30);
    const joins = new Map<string, string[]>();
    for (const { q, url, excerpts, subs } of results) {
      const where = `“${q}” → ${url}`;
      expect(excerpts, where).toHaveLength(1);
      const [excerpt] = excerpts as [string];
      expect(excerpt.trim().length, where).toBeGreaterThan(0);
      expect(excerpt, where).not.toMatch(/^[，、。；：！？,.;:!?）)】〕》”’]/);
      expect(excerpt, where).not.toMatch(/[<>]|source=|title:|复制链接/);
      expect(excerpt, where).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
      if (!joins.has(url)) joins.set(url, await headingJoins(url));
      for (const glued of joins.get(url)!) expect(excerpt, `${where}: heading glued (${glued})`).not.toContain(glued);
      for (const sub of subs) expect(sub, where).not.toMatch(/[<>]|复制链接/);
    }
  });

  test('an out-of-domain question shows the nothing-relevant state: no results, the closest topics with their browse pages, and how to add a case', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 800 } });
    const search = await context.newPage();
    await search.goto(`${server.url}/search/?q=${encodeURIComponent('广场舞噪音')}`);
    const status = search.locator('#search-status');
    await status.filter({ hasText: '还没有' }).waitFor();
    expect(await status.textContent()).toBe('手册里还没有关于“广场舞噪音”的案例。');
    expect(await search.locator('#search-results > li').count()).toBe(0);
    const empty = search.locator('#search-empty');
    expect(await empty.isVisible()).toBe(true);
    const topics = await empty.locator('a[href^="/browse/topics/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(topics).toContain('/browse/topics/public-order/');
    for (const href of topics) expect(existsSync(path.join(site, href!, 'index.html')), href!).toBe(true);
    // For readers: no command line, and the invitation links to the authors' guide.
    expect(await empty.locator('code, pre').count()).toBe(0);
    expect(await empty.textContent()).not.toMatch(/npm|--/);
    expect(await empty.locator('a[href="/guides/writing-a-case/"]').count()).toBe(1);
    // The topic is chosen by the word the question shares with it, and says which.
    expect(await empty.locator('a[href="/browse/topics/public-order/"]').locator('xpath=..').textContent()).toContain('“噪音”');
    // The state is as accessible as a list of results.
    await search.evaluate(await readFile(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await search.evaluate(async () => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  test('a result found through the thesaurus says which of the handbook’s words it searched', async () => {
    const search = await browser.newPage();
    await search.goto(`${server.url}/search/?q=${encodeURIComponent('街上没有厕所')}`);
    await search.locator('#search-status').filter({ hasText: '找到' }).waitFor();
    expect(await search.locator('#search-note').textContent()).toContain('“厕所”也按手册的说法“公厕”查找');
    const hrefs = await search.locator('#search-results > li h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/cases/community-four-six/');
    await search.close();
  });
});
