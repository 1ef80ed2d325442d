// What a reader's browser downloads for a first search, and what a case page weighs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/chromium.ts';
import { serveStatic } from '../lib/serve.ts';

export interface SearchDownload {
  query: string;
  /** What the page showed (找到 N 条结果). */
  status: string;
  requests: number;
  /** Bytes as served (no compression by the server). */
  pagefindBytes: number;
  /** The search page's own scripts (/_astro/*.js). */
  scriptBytes: number;
  /** pagefind + scripts: the budgeted figure. */
  searchBytes: number;
  /** The same, each response gzipped as a static host would send it (Pagefind's index files are already compressed). */
  searchBytesGzip: number;
  /** Everything the page loaded, HTML and CSS included. */
  allBytes: number;
  allBytesGzip: number;
  files: { path: string; bytes: number; gzip: number }[];
}

const gz = (body: Buffer) => gzipSync(body, { level: 6 }).length;

/** The screens a first search is measured on: a phone (filters folded) and a desktop (filters open beside the results). */
export const SEARCH_SCREENS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/**
 * Opens /search/?q=… in a fresh Chromium and adds up every response until the page is idle
 * (results shown and, where the filters are open, their counts).
 */
export async function measureFirstSearch(site: string, query = '停车', screen: keyof typeof SEARCH_SCREENS = 'phone'): Promise<SearchDownload> {
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: SEARCH_SCREENS[screen] });
    const page = await context.newPage();
    const files: SearchDownload['files'] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push((async () => {
        const body = await response.body().catch(() => undefined);
        if (!body) return;
        const url = new URL(response.url());
        files.push({ path: url.pathname + url.search, bytes: body.length, gzip: gz(body) });
      })());
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    const status = page.locator('#search-status');
    await status.filter({ hasNotText: '正在搜索' }).filter({ hasText: /\S/ }).waitFor({ timeout: 120_000 });
    // The status is announced once the first results (or the nothing-relevant note) are on the page.
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const text = (await status.textContent()) ?? '';
    await context.close();
    const sum = (list: typeof files, key: 'bytes' | 'gzip') => list.reduce((total, f) => total + f[key], 0);
    const pagefind = files.filter((f) => f.path.startsWith('/pagefind/'));
    const scripts = files.filter((f) => f.path.startsWith('/_astro/') && f.path.endsWith('.js'));
    const searchFiles = [...pagefind, ...scripts];
    files.sort((a, b) => b.bytes - a.bytes);
    return {
      query,
      status: text,
      requests: files.length,
      pagefindBytes: sum(pagefind, 'bytes'),
      scriptBytes: sum(scripts, 'bytes'),
      searchBytes: sum(searchFiles, 'bytes'),
      searchBytesGzip: sum(searchFiles, 'gzip'),
      allBytes: sum(files, 'bytes'),
      allBytesGzip: sum(files, 'gzip'),
      files,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The reference page for plain Pagefind: its default JS API, as its documentation shows it. */
export const PLAIN_PAGE = '/__plain-pagefind__.html';

/** A page on the site that searches with Pagefind's default API and loads the first ten results' data. */
export function plainPagefindHtml(base = '/'): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plain Pagefind</title></head><body><p id="status">…</p>
<script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('${base}pagefind/pagefind.js');
const search = await pagefind.search(q);
const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
document.querySelector('#status').textContent = 'done ' + search.results.length + ' ' + data.map((d) => d.url).join(' ');
</script></body></html>`;
}

/** What a page's first search with plain Pagefind downloads, on the same site: Pagefind's files, gzipped as a static host would send them. */
export interface PlainDownload {
  query: string;
  results: number;
  requests: number;
  pagefindBytes: number;
  pagefindBytesGzip: number;
  files: { path: string; bytes: number; gzip: number }[];
}

/**
 * Pagefind's default API (`pagefind.search(q)`, then the first ten results' `data()`) on a built
 * site, in a fresh Chromium with the given screen: the bare reference's first search. The page is
 * served beside the site (a route), so the site's folder is not written.
 */
export async function measurePlainPagefind(site: string, query: string, screen: keyof typeof SEARCH_SCREENS = 'phone'): Promise<PlainDownload> {
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: SEARCH_SCREENS[screen] });
    await context.route(`**${PLAIN_PAGE}*`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: plainPagefindHtml() }));
    const page = await context.newPage();
    const files: PlainDownload['files'] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push((async () => {
        const body = await response.body().catch(() => undefined);
        if (!body) return;
        const url = new URL(response.url());
        files.push({ path: url.pathname + url.search, bytes: body.length, gzip: gz(body) });
      })());
    });
    await page.goto(`${server.url}${PLAIN_PAGE}?q=${encodeURIComponent(query)}`);
    const status = page.locator('#status');
    await status.filter({ hasText: /^done/ }).waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const text = (await status.textContent()) ?? '';
    await context.close();
    const pagefind = files.filter((f) => f.path.startsWith('/pagefind/'));
    files.sort((a, b) => b.bytes - a.bytes);
    return {
      query,
      results: Number(/^done (\d+)/.exec(text)?.[1] ?? 0),
      requests: pagefind.length,
      pagefindBytes: pagefind.reduce((t, f) => t + f.bytes, 0),
      pagefindBytesGzip: pagefind.reduce((t, f) => t + f.gzip, 0),
      files,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A query that matches many cases, and one that matches none, for the first-search comparisons. */
export const FIRST_SEARCH_QUERIES = { match: '停车', none: '量子计算机' } as const;

export interface PageWeight {
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  cssBytes: number;
  cssGzip: number;
  /** HTML + CSS, each gzipped. */
  totalGzip: number;
}

/** A page's HTML and the stylesheets it links, raw and gzipped. */
export async function pageWeight(site: string, urlPath: string): Promise<PageWeight> {
  const html = await readFile(path.join(site, urlPath, 'index.html'));
  const links = [...html.toString('utf8').matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
    .filter((href): href is string => !!href && href.startsWith('/'));
  let cssBytes = 0;
  let cssGzip = 0;
  for (const href of links) {
    const css = await readFile(path.join(site, href));
    cssBytes += css.length;
    cssGzip += gz(css);
  }
  const htmlGzip = gz(html);
  return { page: urlPath, htmlBytes: html.length, htmlGzip, cssBytes, cssGzip, totalGzip: htmlGzip + cssGzip };
}

/** How well a topic word finds cases of that topic: of the first ten results, how many are. */
export interface TopicPrecision {
  topic: string;
  word: string;
  /** Results shown (at most ten looked at). */
  results: number;
  /** Of the first ten, cases filed under the topic. */
  ofTopic: number;
  /** ofTopic / min(10, results); 0 when nothing was found. */
  precision: number;
}

/** A word a reader might search for each topic (a word of the topic's label, which every case of it shows). */
export const TOPIC_WORDS: Readonly<Record<string, string>> = {
  traffic: '交通',
  facilities: '设施',
  environment: '环境',
  'public-order': '治安',
  'public-welfare': '公益',
  assistance: '救助',
  'health-education': '医疗',
  economy: '经济',
  agriculture: '农业',
  employment: '就业',
  governance: '治理',
  training: '培训',
};

/**
 * A reader's topic word for each topic, searched on the search page as a reader would: the
 * first ten results, each a case of that topic or not (from the site's own /data/cases.json).
 */
export async function measureTopicPrecision(site: string, words: Readonly<Record<string, string>>): Promise<TopicPrecision[]> {
  const data = JSON.parse(await readFile(path.join(site, 'data', 'cases.json'), 'utf8')) as { cases: { id: string; topics: { key: string }[] }[] };
  const topicsOf = new Map(data.cases.map((c) => [`/cases/${c.id}/`, new Set(c.topics.map((t) => t.key))]));
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: SEARCH_SCREENS.desktop });
    const out: TopicPrecision[] = [];
    for (const [topic, word] of Object.entries(words)) {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(word)}`);
      await page.locator('#search-status').filter({ hasNotText: '正在搜索' }).filter({ hasText: /\S/ }).waitFor({ timeout: 120_000 });
      // The page shows five results first: 显示更多 until ten are shown (or all there are).
      const items = page.locator('#search-results > li');
      for (let shown = await items.count(); shown < 10 && (await page.locator('#search-more').isVisible()); shown = await items.count()) {
        await page.locator('#search-more').click();
        await page.waitForFunction((before) => document.querySelectorAll('#search-results > li').length > before, shown);
      }
      const links = (await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).slice(0, 10);
      const ofTopic = links.filter((href) => topicsOf.get(new URL(href, 'http://x').pathname)?.has(topic)).length;
      out.push({ topic, word, results: links.length, ofTopic, precision: links.length ? ofTopic / links.length : 0 });
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
