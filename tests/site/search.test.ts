import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateContent, type ValidEntry } from '../../scripts/lib/check/index.ts';
import { buildSite, readPage } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';
import { showAllResults } from '../helpers/search-results.ts';

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let cases: ValidEntry[];
let site: string;

beforeAll(async () => {
  const content = await contentWith('rules/labels/pass', 'site-extras', 'search-extras');
  cases = (await validateContent(content, path.dirname(content))).entries.filter((e) => e.collection === 'cases' && !e.draft);
  site = await buildSite({ content });
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.url + url);
  await page.locator('#search-status').filter({ hasNotText: '正在搜索' }).waitFor();
  // Wide screens show the filters open: their counts come right after the results.
  if (width >= 960) await page.locator('#search-facets fieldset').first().waitFor();
  return page;
}

/** The count shown beside a filter value. */
async function shownCount(page: Page, facet: string, value: string): Promise<number> {
  const text = await page.locator(`input[name="${facet}"][value="${value}"]`).locator('xpath=..').textContent();
  return Number(/\((\d+)\)/.exec(text ?? '')?.[1]);
}

describe('the search page', () => {
  test('facet counts are right: each facet counts with the other facets applied, OR within itself', async () => {
    const page = await open('/search/?level=community&topics=traffic');
    const data = (e: ValidEntry) => e.data as { level: string; topics: string[]; forms: string[] };
    const matches = cases.filter((e) => data(e).level === 'community' && data(e).topics.includes('traffic'));
    await expect(page.locator('#search-status').textContent()).resolves.toBe(`找到 ${matches.length} 条结果`);
    // Five results first (each one fetches its page's text), the rest a click away.
    expect(await page.locator('#search-results > li').count()).toBe(Math.min(5, matches.length));
    expect(await showAllResults(page)).toBe(matches.length);
    expect(await page.locator('#search-results > li').count()).toBe(matches.length);
    // topics counts leave the topics selection out: community cases per topic.
    for (const topic of ['traffic', 'facilities', 'governance']) {
      const expected = cases.filter((e) => data(e).level === 'community' && data(e).topics.includes(topic)).length;
      expect(await shownCount(page, 'topics', topic), topic).toBe(expected);
    }
    // level counts leave the level selection out: traffic cases per level.
    for (const level of ['community', 'city']) {
      const expected = cases.filter((e) => data(e).level === level && data(e).topics.includes('traffic')).length;
      expect(await shownCount(page, 'level', level), level).toBe(expected);
    }
    // forms counts apply both selections.
    const council = matches.filter((e) => data(e).forms.includes('council')).length;
    expect(await shownCount(page, 'forms', 'council')).toBe(council);
    await page.close();
  });

  test('the URL carries the whole state, and changing a filter updates it', async () => {
    const page = await open('/search/?q=%E5%81%9C%E8%BD%A6&level=community&sort=date');
    expect(await page.locator('#search-q').inputValue()).toBe('停车');
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('date');
    expect(await page.locator('input[name="level"][value="community"]').isChecked()).toBe(true);
    await page.locator('input[name="forms"][value="council"]').check();
    await page.waitForURL(/forms=council/);
    expect(new URL(page.url()).search).toBe('?q=%E5%81%9C%E8%BD%A6&level=community&forms=council&sort=date');
    await page.reload();
    await page.locator('#search-status').filter({ hasNotText: '正在搜索' }).waitFor();
    expect(await page.locator('input[name="forms"][value="council"]').isChecked()).toBe(true);
    await page.close();
  });

  test('on paper, the answer comes first: no list of filters, only the ones applied, and no buttons', async () => {
    const page = await open('/search/?q=%E5%81%9C%E8%BD%A6');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('.bar button').isVisible()).toBe(false);
    expect(await page.locator('#search-results > li').first().isVisible()).toBe(true);
    // The first result starts on the first sheet of A4 (297 mm at 96 px per inch).
    const top = (await page.locator('#search-results > li').first().boundingBox())!.y;
    expect(top).toBeLessThan((297 / 25.4) * 96);
    const filtered = await open('/search/?q=%E5%81%9C%E8%BD%A6&level=community');
    await filtered.emulateMedia({ media: 'print' });
    const applied = filtered.locator('input[name="level"][value="community"]').locator('xpath=..');
    expect(await applied.isVisible()).toBe(true);
    expect(await filtered.locator('input[name="level"][value="city"]').locator('xpath=..').isVisible()).toBe(false);
    expect(await filtered.locator('input[name="topics"]').first().locator('xpath=..').isVisible()).toBe(false);
    await page.close();
    await filtered.close();
  });

  test('a search from the header is usable by keyboard and announces the number of results', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/cases/`); // the home page has its own search box instead
    await page.locator('#site-search').focus();
    await page.keyboard.type('停车');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const status = page.locator('#search-status');
    await status.filter({ hasText: '找到' }).waitFor();
    expect(await status.getAttribute('role')).toBe('status');
    // The results page has one search box, holding the query: the header leaves its own out.
    const boxes = page.locator('input[type="search"]');
    expect(await boxes.count()).toBe(1);
    expect(await boxes.inputValue()).toBe('停车');
    // From the top of the page, Tab reaches the skip link first, then the search box holding the
    // query, then the first result's link; Enter on it opens that result.
    const focused = () => page.evaluate(() => {
      const element = document.activeElement;
      return {
        tag: element?.tagName ?? '',
        id: element?.id ?? '',
        className: element instanceof HTMLElement ? element.className : '',
        value: element instanceof HTMLInputElement ? element.value : '',
        inResults: !!element?.closest('#search-results'),
        href: element instanceof HTMLAnchorElement ? element.getAttribute('href') : null,
      };
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', className: 'skip-link' });
    const visited: string[] = [];
    let current = await focused();
    while (!current.inResults && visited.length < 300) {
      await page.keyboard.press('Tab');
      current = await focused();
      visited.push(current.id || current.tag);
      if (current.id === 'search-q') expect(current.value).toBe('停车');
    }
    expect(visited).toContain('search-q');
    const firstResult = await page.locator('#search-results a').first().getAttribute('href');
    expect(current).toMatchObject({ tag: 'A', inResults: true, href: firstResult });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === new URL(firstResult!, server.url).pathname);
    await page.close();
  });

  test('a query in Traditional characters finds Simplified text, loading the converter only then', async () => {
    const page = await browser.newPage();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto(`${server.url}/search/?q=停车`);
    await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
    expect(loaded.some((u) => /t2cn/.test(u))).toBe(false);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('議事會')}`);
    await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
    expect(loaded.some((u) => /t2cn/.test(u))).toBe(true);
    expect(await page.locator('#search-note').textContent()).toContain('议事会');
    await page.close();
  });

  test('axe finds no violation with results shown and filters open, light and dark', async () => {
    const axe = await readFile(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, bypassCSP: true, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('停车')}&level=community`);
      await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
      await page.locator('details.filters > summary').click();
      expect(await page.locator('details.filters').getAttribute('open')).not.toBeNull();
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
      await context.close();
    }
  });

  test('on a phone a first search fetches no filter file; opening the filters loads them and shows counts', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('停车')}`);
    await page.locator('#search-results > li').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => u.startsWith('/pagefind/index/')).length).toBeGreaterThan(0);
    expect(fetched.filter((u) => u.startsWith('/pagefind/filter/'))).toEqual([]);
    // Nor Pagefind's web worker: the searches run on the page's thread.
    expect(fetched.filter((u) => u.includes('pagefind-worker'))).toEqual([]);
    await page.locator('details.filters > summary').click();
    await page.locator('input[name="level"]').first().waitFor();
    expect(fetched.filter((u) => u.startsWith('/pagefind/filter/')).length).toBeGreaterThan(0);
    const withTraffic = cases.filter((e) => (e.data as { topics: string[] }).topics.includes('traffic')).length;
    const found = Number(/找到 (\d+) 条/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
    expect(await shownCount(page, 'topics', 'traffic')).toBeGreaterThan(0);
    expect(await shownCount(page, 'topics', 'traffic')).toBeLessThanOrEqual(Math.min(withTraffic, found));
    await context.close();
  });

  test('result titles and excerpts read as the pages do: no spaces between the words the index was split into', async () => {
    const page = await open('/search/?q=' + encodeURIComponent('公示协商结果'));
    const result = page.locator('#search-results > li').filter({ has: page.locator('a[href="/methods/demo-method/"]') });
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(await readPage(site, 'methods/demo-method/'))?.[1]?.replace(/<[^>]+>/g, '').trim();
    expect(h1).toBeTruthy();
    expect(await result.locator('h3 a').textContent()).toBe(h1);
    const excerpts = await page.locator('#search-results .excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt, excerpt).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
    expect(await result.locator('.excerpt mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('similar cases on a case page: same-topic cases rank above unrelated ones, with a reason', async () => {
    const html = await readPage(site, 'cases/city-traffic/');
    const section = /<section class="similar[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const ids = [...section.matchAll(/href="\/cases\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(5);
    expect(ids).not.toContain('city-traffic');
    const traffic = new Set(cases.filter((e) => (e.data as { topics: string[] }).topics.includes('traffic')).map((e) => e.id));
    const firstUnrelated = ids.findIndex((id) => !traffic.has(id!));
    const lastRelated = ids.map((id) => traffic.has(id!)).lastIndexOf(true);
    expect(lastRelated).toBeGreaterThanOrEqual(0);
    if (firstUnrelated !== -1) expect(lastRelated).toBeLessThan(firstUnrelated);
    expect(section).toContain('同为道路交通管理');
  });

  test('a result links straight to the matching step of a method (sub-results at #step-N)', async () => {
    const page = await open('/search/?q=' + encodeURIComponent('公示协商结果'));
    const method = page.locator('#search-results > li').filter({ has: page.locator('a[href="/methods/demo-method/"]') });
    await expect(method.count()).resolves.toBe(1);
    const subs = await method.locator('.subs a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(subs).toContain('/methods/demo-method/#step-3');
    await page.close();
  });
  test('a question about a term lands on its glossary entry (a record of its own at /terms/#id), first', async () => {
    const page = await open('/search/?q=' + encodeURIComponent('议事会是什么意思'));
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('a[href="/terms/#demo-term"]').first().textContent()).toBe('议事会');
    // The entry's definition is its summary; the glossary page's other entries are not in it.
    expect(await first.textContent()).toContain('测试用的术语释义');
    // The entry is the record: no link to a section of itself under it.
    expect(await first.locator('.subs a').count()).toBe(0);
    await page.close();
  });

  test('the list of sources is not a search result: a report’s title finds the pages that cite it', async () => {
    const page = await open('/search/?q=' + encodeURIComponent('示例资料：社区协商工作讲话'));
    const links = await page.locator('#search-results h3 a, #search-partial h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => href.startsWith('/sources/'))).toEqual([]);
    await page.close();
  });

  test('a question covered only in part: no results claimed, the closest pages under their own heading, each with the words it lacks', async () => {
    const page = await open('/search/?q=' + encodeURIComponent('路灯和量子'), 390);
    expect(await page.locator('#search-status').textContent()).toMatch(/^手册里没有完全符合“路灯和量子”的页面。下面 \d+ 个页面只部分符合。$/);
    expect(await page.locator('#search-results > li').count()).toBe(0);
    expect(await page.locator('#search-partial-heading').isVisible()).toBe(true);
    const item = page.locator('#search-partial > li').filter({ has: page.locator('a[href="/cases/community-facilities/"]') });
    expect(await item.count()).toBe(1);
    expect(await item.locator('.lacks').textContent()).toBe('没有谈到：“量子”');
    await page.close();
  });

  test('axe finds no violation in the partial answer, the near-word suggestion and the similar-consultations form', async () => {
    const axe = await readFile(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const url of ['/search/?q=' + encodeURIComponent('路灯和量子'), '/search/?q=' + encodeURIComponent('主干路'), '/search/?similar=' + encodeURIComponent('主干道早晚高峰很堵')]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(server.url + url);
      await page.locator('#search-status').filter({ hasNotText: '正在搜索' }).filter({ hasText: /\S/ }).waitFor();
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
      });
      expect(violations, url).toEqual([]);
      await context.close();
    }
  });

  test('a word the index lacks gets the closest word it holds, as a link searching with it', async () => {
    const page = await open('/search/?q=' + encodeURIComponent('主干路'), 390);
    const near = page.locator('#search-near');
    expect(await near.textContent()).toBe('你是不是要找：主干道');
    await near.locator('a').click();
    await page.waitForURL(/q=%E4%B8%BB%E5%B9%B2%E9%81%93/);
    await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
    expect(await page.locator('#search-results a[href="/cases/city-traffic/"]').count()).toBe(1);
    await page.close();
  });

  test('找相似的协商 from a description: the most similar cases first, each with what it shares', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${server.url}/`);
    // The home page's entry opens the search page's form.
    await page.locator(`a[href="/search/#similar"]`).click();
    await page.waitForURL(/\/search\/#similar$/);
    expect(await page.locator('#similar').getAttribute('open')).not.toBeNull();
    await page.locator('#similar-text').fill('我们这里主干道早晚高峰很堵，想在网上征集大家的意见。');
    await page.locator('form.similar-form button').click();
    await page.waitForURL(/similar=/);
    await page.locator('#search-status').filter({ hasText: /相似的协商/ }).waitFor();
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('h3 a').getAttribute('href')).toBe('/cases/city-traffic/');
    expect(await first.locator('.reason').textContent()).toMatch(/都谈到.*“主干道”/);
    // Only consultations (cases), never a guide or a method.
    for (const href of await page.locator('#search-results h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/cases\//);
    await page.close();
  });

  test('找相似的协商 from a case page: the case’s own topic, level and form give the reasons, and the case itself is left out', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${server.url}/cases/community-traffic-toilet/`);
    await page.locator('section.similar a', { hasText: '找相似的协商' }).click();
    await page.waitForURL(/similar=.*from=/);
    await page.locator('#search-status').filter({ hasText: /相似的协商/ }).waitFor();
    const links = await page.locator('#search-results h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).not.toContain('/cases/community-traffic-toilet/');
    const reasons = await page.locator('#search-results .reason').allTextContents();
    expect(reasons.some((r) => r.includes('同为道路交通管理'))).toBe(true);
    expect(reasons.some((r) => r.includes('同为社区一级'))).toBe(true);
    await page.close();
  });
});
