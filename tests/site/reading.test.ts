import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSite, htmlFiles, readPage } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { PAGE_KINDS } from '../../scripts/lib/page-kinds.ts';
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

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

describe('reading the handbook', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG 2.1 AA or best-practice violation on any page kind, ${scheme} scheme`, async () => {
      const axe = await readFile(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
      // axe is injected by the test, not shipped: bypass the site's own content security policy.
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const [kind, url] of Object.entries(PAGE_KINDS)) {
        const page = await context.newPage();
        await page.goto(server.url + url, { waitUntil: 'networkidle' });
        await page.evaluate(axe);
        const violations = await page.evaluate(async (tags) => {
          const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
        }, AXE_TAGS);
        if (violations.length) found[kind] = violations;
        await page.close();
      }
      await context.close();
      expect(found).toEqual({});
    });
  }

  test('no page kind requests another origin or logs a console error', async () => {
    const problems: string[] = [];
    for (const [kind, url] of Object.entries(PAGE_KINDS)) {
      const page = await browser.newPage();
      page.on('console', (m) => m.type() === 'error' && problems.push(`${kind}: console error: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`${kind}: ${e.message}`));
      page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && problems.push(`${kind}: request to ${r.url()}`));
      await page.goto(server.url + url, { waitUntil: 'networkidle' });
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  test('no page kind scrolls sideways on a 320 px wide phone, and the skip link leads to the main content', async () => {
    const wide: string[] = [];
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const [kind, url] of Object.entries(PAGE_KINDS)) {
      await page.goto(server.url + url, { waitUntil: 'networkidle' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${kind}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await page.goto(server.url + PAGE_KINDS['case-consultation']!);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });

  test('the Nu HTML checker finds no errors in any built page', () => {
    const jar = path.join(PROJECT_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', site], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.error).toBeUndefined();
    const messages = (JSON.parse(result.stderr || '{"messages":[]}') as { messages: { url: string; lastLine?: number; message: string }[] }).messages;
    const errors = messages.map((m) => `${path.relative(site, new URL(m.url).pathname)}:${m.lastLine ?? 0} ${m.message}`);
    expect(errors).toEqual([]);
  });

  test("a case page's HTML and CSS together stay within 40 KB gzipped", async () => {
    for (const url of [PAGE_KINDS['case-consultation']!, PAGE_KINDS['case-practice']!]) {
      const html = await readPage(site, url);
      const css = await Promise.all([...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFile(path.join(site, m[1]!), 'utf8')));
      const bytes = gzipSync(html).length + css.reduce((sum, c) => sum + gzipSync(c).length, 0);
      expect(bytes, url).toBeLessThanOrEqual(40 * 1024);
    }
  });

  test('content pages ship no JavaScript beyond small custom elements', async () => {
    for (const file of await htmlFiles(site)) {
      if (!/^(cases|methods|models|guides)\//.test(file)) continue;
      const html = await readPage(site, file);
      // An old address (an alias) is a redirect page, not a content page: its one script keeps the #fragment.
      if (/<meta http-equiv="refresh"/.test(html)) continue;
      expect(html, file).not.toMatch(/<script(?![^>]*type="module")/);
      for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) {
        const js = await readFile(path.join(site, src!), 'utf8');
        expect(js, `${file} → ${src}`).toMatch(/customElements\.define/);
        expect(gzipSync(js).length, src).toBeLessThan(2048);
      }
      const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      for (const js of inline) expect(js, file).toMatch(/customElements\.define/);
    }
  });
});
