import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { evaluate, formatReport, parseQuestionSet, type EvalReport } from '../../scripts/lib/search-eval.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSite } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

let site: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  site = await defaultSite();
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A question set of tests/fixtures, run through the search page's engine on the bundled site (`npm run eval:search`). */
async function run(file: string): Promise<EvalReport> {
  const report = await evaluate(site, parseQuestionSet(JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'))), PROJECT_ROOT);
  console.log(formatReport(report, file, true));
  return report;
}

describe('search finds the page that answers a realistic question (the development sets, npm run eval:search)', () => {
  for (const file of ['search-queries.json', 'search-dev-2.json', 'search-dev-3.json', 'search-dev-4.json']) {
    test(`${file}: at least 90 % find a right page in the top five, no false “nothing”, results claimed for at most one question in twenty without a page`, async () => {
      const report = await run(file);
      expect(report.answerable).toBeGreaterThanOrEqual(50);
      expect(report.unanswerable).toBeGreaterThanOrEqual(10);
      for (const answer of report.answers) {
        for (const url of answer.expected) expect(existsSync(path.join(site, url.split('#')[0]!, 'index.html')), `${answer.question} → ${url}`).toBe(true);
      }
      expect(report.hits / report.answerable).toBeGreaterThanOrEqual(0.9);
      expect(report.falseNothing).toBe(0);
      expect(report.confidentOnUnanswerable / report.unanswerable).toBeLessThanOrEqual(0.05);
    });
  }
});

/** The headings of a built page, each with the first characters of the text that follows it. */
async function headingJoins(url: string): Promise<string[]> {
  const html = await readFile(path.join(site, url.split('#')[0]!, 'index.html'), 'utf8');
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
