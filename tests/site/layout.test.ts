import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, defaultSite } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { findLayoutProblems, formatFindings, LAYOUT_DEFAULTS } from '../helpers/layout.ts';
import { PAGE_KINDS } from '../../scripts/lib/page-kinds.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

// Text no one can read because of layout, on every page kind, at phone and desktop widths and on
// paper: one character a line, sideways scroll, text sticking out of its box (tests/helpers/layout.ts;
// tests/unit/layout-detector.test.ts shows it catches the old facts-panel rule).
let browser: Browser;
let servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
const pages: { kind: string; url: string }[] = [];

beforeAll(async () => {
  const [site, split] = await Promise.all([defaultSite(), buildSite({ env: { YISHI_PRINT_SPLIT: '0' } })]);
  servers = [await serveStatic(site), await serveStatic(split)];
  for (const [kind, url] of Object.entries(PAGE_KINDS)) pages.push({ kind, url: servers[0]!.url + url });
  // A handbook with many cases prints them in volumes of a year each.
  pages.push({ kind: 'print-volume', url: `${servers[1]!.url}/print/cases/undated/` });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function open(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' });
  if (url.includes('/search/')) await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
}

// A4 less the print stylesheet's margins, at 96 px an inch: the width printed text is laid out in.
const A4_TEXT_WIDTH = Math.round(((210 - 2 * 16) / 25.4) * 96);

describe('every page kind is laid out readably', () => {
  for (const width of [320, 390, 1280]) {
    test(`at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const found: string[] = [];
      for (const { kind, url } of pages) {
        await open(page, url);
        found.push(...formatFindings(kind, await page.evaluate(findLayoutProblems, LAYOUT_DEFAULTS)));
      }
      await page.close();
      expect(found).toEqual([]);
    });
  }

  test('in print, on A4', async () => {
    const page = await browser.newPage({ viewport: { width: A4_TEXT_WIDTH, height: 1000 } });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const found: string[] = [];
    for (const { kind, url } of pages) {
      await open(page, url);
      found.push(...formatFindings(kind, await page.evaluate(findLayoutProblems, LAYOUT_DEFAULTS)));
    }
    await page.close();
    expect(found).toEqual([]);
  });
});

test('the 1+7+X diagram is readable on a phone: who sits in each part, and 邀请 not broken across lines', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await open(page, `${servers[0]!.url}/models/council-1-7-x/`);
  const boxes = await page.locator('.formula li').allInnerTexts();
  expect(boxes[1]).toContain('政协委员');
  expect(boxes[1]).toContain('各类几席未载明');
  const lines = await page.evaluate(() => {
    const label = [...document.querySelectorAll('.formula .label')].find((l) => l.textContent?.includes('邀请'))!;
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('邀请');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 2);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }
    return 0;
  });
  expect(lines).toBe(1);
  await page.close();
});

describe('on paper, no component splits across pages', () => {
  // Printed as a reader prints (the print stylesheet's A4, backgrounds off); each component's
  // first and last text must be on the same page of the PDF.
  const printed = async (url: string, selector: string) => {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await open(page, url);
    await page.waitForSelector('html[data-addresses]');
    const ends = await page.$$eval(selector, (elements) =>
      elements.map((el) => {
        const lines = (el as HTMLElement).innerText.split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l.length > 1);
        return { first: lines[0]!, last: lines[lines.length - 1]! };
      }),
    );
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-split-')), 'page.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true });
    await page.close();
    const pages = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.split('\f').map((p) => p.replace(/\s+/g, ''));
    return { ends, pages };
  };

  test("the case's outcome tracker and the completeness meter each stay on one page", async () => {
    for (const kind of ['case-practice', 'case-consultation']) {
      const { ends, pages } = await printed(servers[0]!.url + PAGE_KINDS[kind]!, '.timeline, .completeness');
      expect(ends.length, kind).toBe(2);
      for (const { first, last } of ends) {
        const at = pages.findIndex((p) => p.includes(first));
        expect(at, `${kind}: ${first}`).toBeGreaterThanOrEqual(0);
        expect(pages[at], `${kind}: ${first} … ${last} split`).toContain(last);
      }
    }
  });

  test('each step card of a method stays on one page', async () => {
    for (const url of [PAGE_KINDS.method!, '/methods/six-step-procedure/']) {
      const { ends, pages } = await printed(servers[0]!.url + url, '.step');
      expect(ends.length, url).toBeGreaterThan(3);
      for (const { first, last } of ends) {
        const at = pages.findIndex((p) => p.includes(first));
        expect(at, `${url}: ${first}`).toBeGreaterThanOrEqual(0);
        expect(pages[at], `${url}: ${first} … ${last} split`).toContain(last);
      }
    }
  });
});

test('a typical case prints on one or two A4 pages', async () => {
  // Every third case, printed as a reader prints it; the long practices with many consultations
  // may take more.
  const { readdir } = await import('node:fs/promises');
  const site = await defaultSite();
  const { readFileSync } = await import('node:fs');
  // Case pages only: an old address (an alias) is a redirect page.
  const pages = (await readdir(path.join(site, 'cases'), { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !readFileSync(path.join(site, 'cases', e.name, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
    .map((e) => e.name);
  const ids = pages.filter((_, i) => i % 3 === 0);
  expect(ids.length).toBeGreaterThan(10);
  const dir = await mkdtemp(path.join(tmpdir(), 'yishi-case-pages-'));
  const page = await browser.newPage();
  const counts: Record<string, number> = {};
  for (const id of ids) {
    await open(page, `${servers[0]!.url}/cases/${id}/`);
    await page.waitForSelector('html[data-addresses]');
    const file = path.join(dir, `${id}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true });
    counts[id] = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
  }
  await page.close();
  const short = Object.values(counts).filter((n) => n <= 2).length;
  expect(short / ids.length, JSON.stringify(counts)).toBeGreaterThanOrEqual(0.75);
});
