// What a reader's browser downloads for a first search, and what a case page weighs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/helpers/chromium.ts';
import { serveStatic } from '../../tests/helpers/serve.ts';

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
    await page.locator('#search-results > li').first().waitFor({ timeout: 60_000 }).catch(() => undefined);
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
