import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateContent, type ValidEntry } from '../../scripts/lib/check/index.ts';
import { defaultSite, htmlFiles, readPage } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';
import { refreshTarget } from '../../scripts/lib/html-scan.ts';

let site: string;
let entries: ValidEntry[];
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  site = await defaultSite();
  ({ entries } = await validateContent(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT));
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const published = (collection: string) => entries.filter((e) => e.collection === collection && !e.draft);

describe('the bundled handbook, built', () => {
  test('every case, method, model and guide has its page at the contract URL', () => {
    for (const collection of ['cases', 'methods', 'models', 'guides']) {
      const list = published(collection);
      expect(list.length).toBeGreaterThan(0);
      for (const entry of list) expect(existsSync(path.join(site, collection, entry.id, 'index.html')), `${collection}/${entry.id}`).toBe(true);
    }
  });

  test('each method step is at #step-N, in order, and no further', async () => {
    for (const method of published('methods')) {
      const html = await readPage(site, `methods/${method.id}/`);
      const steps = (method.data as { steps: unknown[] }).steps.length;
      const anchors = [...html.matchAll(/id="step-(\d+)"/g)].map((m) => Number(m[1]));
      expect(anchors, method.id).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
    }
  });

  test('every term and source has its anchor on /terms/ and /sources/', async () => {
    const terms = await readPage(site, 'terms/');
    for (const term of published('terms')) expect(terms).toContain(`id="${term.id}"`);
    const sources = await readPage(site, 'sources/');
    for (const source of published('sources')) expect(sources).toContain(`id="${source.id}"`);
  });

  test('every page is Chinese (lang="zh-CN") and content pages mark their body for search', async () => {
    const files = await htmlFiles(site);
    for (const file of files) {
      const html = await readPage(site, file);
      expect(html, file).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/i);
      // An old id's redirect page (aliases) sits where a page was, and is no content page. The
      // list of sources is not searched: a report's title finds the pages that cite it.
      const isContent = (/^(cases|methods|models|guides)\/[^/]+\/index\.html$/.test(file) && refreshTarget(html) === undefined) || file === 'terms/index.html';
      expect(html.includes('data-pagefind-body'), file).toBe(isContent);
    }
  });

  test('a Pagefind index is written at the end of the build', () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json']) expect(existsSync(path.join(site, 'pagefind', file)), file).toBe(true);
  });

  test('no build leftovers sit beside the output', async () => {
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.dirname(site))).toEqual(['dist']);
  });
});

describe('in a browser', () => {
  test('the home page opens and leads to a case page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => !request.url().startsWith(server.url) && foreign.push(request.url()));

    await page.goto(`${server.url}/`);
    await expect(page.title()).resolves.toBe('议事手册');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('议事手册');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案例' }).click();
    await page.waitForURL(`${server.url}/cases/`);
    const caseEntry = published('cases').find((e) => e.id === 'huzhou-logistics-hub-2019')!;
    const title = (caseEntry.data as { title: string }).title;
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.waitForURL(`${server.url}/cases/huzhou-logistics-hub-2019/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    const facts = await page.locator('dl dt').allTextContents();
    expect(facts).toEqual(expect.arrayContaining(['地区', '层级', '形式', '领域', '时间', '成果状态']));
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  test('a step anchor scrolls to that step of the eight-step method', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
    await page.goto(`${server.url}/methods/eight-step-method/#step-5`);
    const top = await page.locator('#step-5').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(60);
    expect(await page.locator('#step-5').textContent()).toMatch(/^第 5 步/);
    await page.close();
  });
});
