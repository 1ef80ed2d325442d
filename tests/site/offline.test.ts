// Readable offline (issue 18): the service worker, the 保存整本手册 download, updates and the base
// path, in Chromium with the network cut by `context.setOffline(true)`.
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

/** A case a reader opens, which the search for VISITED_QUERY finds among its first results, with other pages. */
const VISITED = 'community-four-six';
const VISITED_QUERY = '环卫工人';
/** The case changed by the rebuild: a word only the first build has, and one only the second has. */
const CHANGED = 'huzhou-logistics-hub-2019';
const OLD_WORD = 'jacaranda';
const NEW_WORD = 'wisteria';
const OFFLINE_TITLE = '这一页没有保存在本机';

interface Summary {
  build: string;
  bytes: number;
  pages: number;
}
interface FileList {
  build: string;
  files: [string, number, string][];
}

let work: string;
let siteA: string;
let siteB: string;
let siteUnderBase: string;
/** What the server serves: a link to siteA or siteB (a rebuild swaps it). */
let served: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

/** The bundled handbook with one sentence added to one case: `word` is in it. */
async function contentWith(word: string): Promise<string> {
  const content = path.join(work, word, 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
  const file = path.join(content, 'cases', `${CHANGED}.mdx`);
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.trimEnd()}\n\n校订记号：${word}。\n`);
  return content;
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

async function serve(site: string): Promise<void> {
  await rm(served, { force: true });
  await symlink(site, served);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'yishi-offline-'));
  const [contentA, contentB] = [await contentWith(OLD_WORD), await contentWith(NEW_WORD)];
  siteA = await buildSite({ content: contentA });
  siteB = await buildSite({ content: contentB });
  siteUnderBase = await buildSite({ content: contentA, env: { YISHI_BASE: '/handbook/' } });
  served = path.join(work, 'served');
  await serve(siteA);
  server = await serveStatic(served);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  // Each site is the `dist` folder of its own temporary folder; `work` is a temporary folder itself.
  await Promise.all([siteA, siteB, siteUnderBase].filter(Boolean).map((site) => rm(path.dirname(site), { recursive: true, force: true })));
  if (work) await rm(work, { recursive: true, force: true });
});

/** Requests to another origin and content security policy violations, in every context below. */
const problems: string[] = [];
let watched = 0;

async function newContext(origin: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  watched++;
  await context.addInitScript(() => {
    if (typeof document === 'undefined') return;
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  context.on('console', (message) => {
    if (/content security policy|CSP violation|refused to/i.test(message.text())) problems.push(message.text());
  });
  return context;
}

/** Waits until a function run in the page returns true (the test's timeout bounds it). */
async function until(page: Page, check: (arg: string) => Promise<boolean> | boolean, arg: string): Promise<void> {
  while (!(await page.evaluate(check, arg))) await page.waitForTimeout(50);
}

/** Waits until the service worker has kept a URL. */
const kept = (page: Page, url: string) => until(page, (u) => caches.match(u).then((r) => r !== undefined), url);

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

interface Found {
  status: string;
  urls: string[];
  /** Results marked as not kept on this device. */
  notKept: string[];
  missing: number;
}

async function results(page: Page): Promise<Found> {
  await page.locator('#search-status').filter({ hasNotText: '正在搜索' }).waitFor();
  // Results, and the pages that match only in part (search-ui.ts shows them under their own heading).
  const items = page.locator('#search-results > li, #search-partial > li');
  const found: Found = { status: (await page.locator('#search-status').textContent()) ?? '', urls: [], notKept: [], missing: 0 };
  for (const item of await items.all()) {
    const link = item.locator('h3 a');
    if ((await link.count()) === 0) {
      found.missing++;
      continue;
    }
    const url = (await link.getAttribute('href'))!;
    found.urls.push(url);
    if ((await item.locator('.not-kept').count()) > 0) found.notKept.push(url);
  }
  return found;
}

/** Opens the search page for a query. */
async function search(page: Page, root: string, query: string): Promise<Found> {
  await page.goto(`${root}search/?q=${encodeURIComponent(query)}`);
  return results(page);
}

/** Searches again on the search page already open (no page load). */
async function searchAgain(page: Page, query: string): Promise<Found> {
  await page.locator('#search-q').fill(query);
  await page.locator('#search-q').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  return results(page);
}

/** The notice under the header, or null when hidden. */
async function notice(page: Page): Promise<string | null> {
  const element = page.locator('offline-notice');
  return (await element.isHidden()) ? null : ((await element.textContent()) ?? '').trim();
}

/** Clicks 保存整本手册 and waits until it reports the copy saved; every status shown on the way. */
async function saveWholeHandbook(page: Page): Promise<string[]> {
  await page.locator('offline-save [data-size]').filter({ hasText: '共' }).waitFor();
  await page.evaluate(() => {
    const status = document.querySelector('offline-save [data-status]')!;
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('button', { name: '保存整本手册，离线阅读' }).click();
  await page.locator('offline-save [data-status]').filter({ hasText: /^已于 .+ 保存整本手册/ }).waitFor();
  return page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
}

/** The pages of a built site's offline list, as URL paths under `root`. */
async function offlinePages(site: string, root: string): Promise<string[]> {
  const list = await readJson<FileList>(path.join(site, 'offline-files.json'));
  return list.files.map(([file]) => file).filter((file) => (file === '' || file.endsWith('/')) && file !== 'offline/').map((file) => root + file);
}

/** Build ids of the pages kept in every cache of this origin. */
function keptBuilds(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const builds: Record<string, number> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const build = /<meta name="yishi-build" content="([^"]*)"/.exec(await (await cache.match(request))!.text())?.[1];
        if (build) builds[build] = (builds[build] ?? 0) + 1;
      }
    }
    return builds;
  });
}

describe('reading offline', () => {
  test('home and a case opened online open offline, an unvisited page shows a clear offline page, and a search run online works', async () => {
    await serve(siteA);
    const root = `${server.url}/`;
    const context = await newContext(server.url);
    const page = await context.newPage();
    await page.goto(root);
    await controlled(page);
    // The first page loaded before the worker ran: it is kept once the worker takes over.
    await kept(page, root);
    await page.goto(`${root}cases/${VISITED}/`);
    const title = await page.locator('h1').textContent();
    await kept(page, `${root}cases/${VISITED}/`);
    expect(await notice(page)).toBeNull();
    const online = await search(page, root, VISITED_QUERY);
    await kept(page, `${root}search/`);
    expect(online.urls).toContain(`/cases/${VISITED}/`);
    expect(online.notKept).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${root}cases/${VISITED}/`);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await notice(page)).toMatch(/^离线阅读 现在没有网络，这是 \d{4}年\d+月\d+日 \d\d:\d\d 保存在本机的副本。$/);
    await page.goto(root);
    expect(await page.title()).toBe('议事手册');
    expect(await notice(page)).toMatch(/^离线阅读 /);

    await page.goto(`${root}methods/eight-step-method/`);
    expect(await page.locator('h1').textContent()).toBe(OFFLINE_TITLE);
    expect(await page.locator('[data-address]').textContent()).toBe('/methods/eight-step-method/');
    expect(await notice(page)).toBe('离线阅读 现在没有网络。已经保存在本机的页面仍可打开。');
    // It lists what is kept, the case among them.
    await page.locator('[data-kept] li').first().waitFor();
    expect(await page.locator('[data-kept] a').allTextContents()).toContain(`${title} · 议事手册`);

    // The search run online, offline: the same results; those whose page is not kept say so.
    const offline = await search(page, root, VISITED_QUERY);
    expect(offline.status).toBe(online.status);
    expect(offline.urls).toEqual(online.urls);
    expect(offline.notKept).toEqual(online.urls.filter((url) => url !== `/cases/${VISITED}/`));
    expect(offline.notKept.length).toBeGreaterThan(0);
    expect(await page.locator('.not-kept').first().textContent()).toBe('没有保存在本机：联网后才能打开');
    expect(await page.locator('#search-note').textContent()).toContain('本机只保存了联网时搜索过的那部分索引');
    await context.close();
  });

  test('after 保存整本手册, every page of the bundled handbook opens offline and any query finds what it found online', async () => {
    await serve(siteA);
    const root = `${server.url}/`;
    const summary = await readJson<Summary>(path.join(siteA, 'offline.json'));
    const context = await newContext(server.url);
    const page = await context.newPage();
    await page.goto(root);
    // The size before anything is downloaded.
    const size = await page.locator('offline-save [data-size]').filter({ hasText: '共' }).textContent();
    expect(size).toMatch(new RegExp(`^共 ${summary.pages} 页和搜索索引，约 ${(summary.bytes / 1024 / 1024).toFixed(1)} MB。$`));
    const statuses = await saveWholeHandbook(page);
    expect(statuses.some((s) => /^正在保存：[\d.]+ (KB|MB) \/ [\d.]+ MB$/.test(s)), statuses.join(' | ')).toBe(true);

    // Every other query of the search regression set: readers' words of every kind, in half the time.
    const queries = (await readJson<{ queries: { query: string }[] }>(path.join(FIXTURES, 'search-queries.json'))).queries.filter((_, i) => i % 2 === 0);
    const online = new Map<string, Found>();
    await search(page, root, '');
    for (const { query } of queries) online.set(query, await searchAgain(page, query));

    await context.setOffline(true);
    const pages = await offlinePages(siteA, root);
    expect(pages.length).toBe(summary.pages);
    const notOpened: string[] = [];
    for (const url of pages) {
      await page.goto(url);
      const servedOffline = await page.locator('meta[name="yishi-build"][data-offline]').count();
      if ((await page.title()).startsWith(OFFLINE_TITLE) || servedOffline !== 1) notOpened.push(url);
    }
    expect(notOpened).toEqual([]);

    await search(page, root, '');
    for (const { query } of queries) {
      const offline = await searchAgain(page, query);
      expect({ query, ...offline }).toEqual({ query, ...online.get(query)!, notKept: [], missing: 0 });
    }
    // The regression set's queries find their pages (tests/site/search-regression.test.ts): nearly all find something.
    expect([...online.values()].filter((found) => found.urls.length > 0).length).toBeGreaterThanOrEqual(queries.length * 0.9);
    expect(await page.locator('#search-note').textContent()).not.toContain('结果可能不全');
    await context.close();
  });

  test.each([
    ['pages opened online', false],
    ['the whole handbook saved', true],
  ])('after a rebuild with one changed case, the next online visit serves the new case and the new index, never the old ones (%s)', async (_, whole) => {
    await serve(siteA);
    const root = `${server.url}/`;
    const buildA = (await readJson<Summary>(path.join(siteA, 'offline.json'))).build;
    const buildB = (await readJson<Summary>(path.join(siteB, 'offline.json'))).build;
    const context = await newContext(server.url);
    const page = await context.newPage();
    await page.goto(root);
    await controlled(page);
    if (whole) await saveWholeHandbook(page);
    await page.goto(`${root}cases/${CHANGED}/`);
    expect(await page.locator('main').textContent()).toContain(OLD_WORD);
    expect((await search(page, root, OLD_WORD)).urls).toEqual([`/cases/${CHANGED}/`]);
    await kept(page, `${root}cases/${CHANGED}/`);
    expect(Object.keys(await keptBuilds(page))).toEqual([buildA]);

    await serve(siteB);
    // The next visit online: the new case at once.
    await page.goto(`${root}cases/${CHANGED}/`);
    let text = await page.locator('main').textContent();
    expect(text).toContain(NEW_WORD);
    expect(text).not.toContain(OLD_WORD);
    // The new worker replaces the copy: one cache, the new build's.
    await until(page, async (build) => {
      const names = await caches.keys();
      return names.length === 1 && names[0]!.endsWith(` ${build}`);
    }, buildB);
    expect((await search(page, root, NEW_WORD)).urls).toEqual([`/cases/${CHANGED}/`]);
    expect((await search(page, root, OLD_WORD)).urls).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${root}cases/${CHANGED}/`);
    text = await page.locator('main').textContent();
    expect(text).toContain(NEW_WORD);
    expect(text).not.toContain(OLD_WORD);
    expect(await notice(page)).toMatch(/^离线阅读 /);
    expect((await search(page, root, NEW_WORD)).urls).toEqual([`/cases/${CHANGED}/`]);
    expect((await search(page, root, OLD_WORD)).urls).toEqual([]);
    // Nothing of the old build is left.
    const builds = await keptBuilds(page);
    expect(Object.keys(builds)).toEqual([buildB]);
    if (whole) {
      // The whole handbook again, as the new build has it.
      expect(builds[buildB]).toBe((await offlinePages(siteB, root)).length + 1);
      const notOpened: string[] = [];
      for (const url of await offlinePages(siteB, root)) {
        await page.goto(url);
        if ((await page.title()).startsWith(OFFLINE_TITLE)) notOpened.push(url);
      }
      expect(notOpened).toEqual([]);
    }
    await context.close();
  });

  test('the service worker is a script of the site, under 10 KB gzipped, and the content security policy stays as strict', async () => {
    const sw = await readFile(path.join(siteA, 'sw.js'));
    expect(gzipSync(sw, { level: 9 }).length).toBeLessThan(10 * 1024);
    expect(sw.toString()).not.toMatch(/https?:\/\//);
    const html = await readFile(path.join(siteA, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)![1]!;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('script-src')!.filter((v) => !/^'sha256-[A-Za-z0-9+/=]+'$/.test(v))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  test('a handbook under base /handbook/ (site unset) works offline, its worker scoped to the base', async () => {
    const underBase = await serveStatic(siteUnderBase, { base: '/handbook/' });
    try {
      const root = `${underBase.url}/handbook/`;
      const context = await newContext(underBase.url);
      const outside: string[] = [];
      context.on('request', (request) => {
        if (!request.url().startsWith(root)) outside.push(request.url());
      });
      const page = await context.newPage();
      await page.goto(root);
      await controlled(page);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(root);
      await kept(page, root);
      await page.goto(`${root}cases/${VISITED}/`);
      await kept(page, `${root}cases/${VISITED}/`);
      const online = await search(page, root, VISITED_QUERY);
      expect(online.urls).toContain(`/handbook/cases/${VISITED}/`);

      await context.setOffline(true);
      await page.goto(`${root}cases/${VISITED}/`);
      expect(await page.title()).not.toMatch(OFFLINE_TITLE);
      expect(await notice(page)).toMatch(/^离线阅读 /);
      await page.goto(`${root}methods/eight-step-method/`);
      expect(await page.locator('h1').textContent()).toBe(OFFLINE_TITLE);
      expect(await page.locator('[data-address]').textContent()).toBe('/handbook/methods/eight-step-method/');
      expect((await search(page, root, VISITED_QUERY)).urls).toEqual(online.urls);

      await context.setOffline(false);
      await page.goto(root);
      await saveWholeHandbook(page);
      await context.setOffline(true);
      const notOpened: string[] = [];
      for (const url of await offlinePages(siteUnderBase, root)) {
        await page.goto(url);
        if ((await page.title()).startsWith(OFFLINE_TITLE)) notOpened.push(url);
      }
      expect(notOpened).toEqual([]);
      expect((await search(page, root, VISITED_QUERY)).urls).toContain(`/handbook/cases/${VISITED}/`);
      expect(outside).toEqual([]);
      await context.close();
    } finally {
      await underBase.close();
    }
  });

  test('no request to another origin and no content security policy violation, online or offline, in any of the above', () => {
    expect(watched).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });
});
