import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, readPage } from '../helpers/build.ts';
import { contentWith } from '../helpers/fixtures.ts';

let site: string;

beforeAll(async () => {
  site = await buildSite({ content: await contentWith('rules/labels/pass', 'site-extras') });
});

describe('a site built from fixture content', () => {
  test('a case written with Chinese labels instead of keys builds and shows the labels', async () => {
    const html = await readPage(site, 'cases/chinese-labels/');
    const text = html.replace(/<[^>]+>/g, '|');
    expect(text).toMatch(/层级\|+社区\|/);
    expect(text).toMatch(/形式\|+议事会协商\|+、\|+现场协商\|/);
    expect(text).toMatch(/领域\|+公共设施维护\|/);
  });

  test('drafts (names starting with _) are not published', () => {
    expect(existsSync(path.join(site, 'cases/_draft-case'))).toBe(false);
    expect(existsSync(path.join(site, 'cases/draft-case'))).toBe(false);
  });

  test('an old id listed in aliases redirects to the new page', async () => {
    const html = await readPage(site, 'cases/old-case-id/');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/cases/moved-case/">');
    expect(html).toContain('<link rel="canonical" href="/cases/moved-case/">');
  });

  test('GFM tables, task lists and footnotes render', async () => {
    const html = await readPage(site, 'guides/demo-guide/');
    expect(html).toMatch(/<table>[\s\S]*<th>列一<\/th>/);
    expect(html).toMatch(/<input type="checkbox" checked disabled\s*\/?>/);
    expect(html).toMatch(/<section[^>]*class="footnotes"/);
  });

  test('a consultation names the practice it belongs to, and the practice lists it', async () => {
    const child = await readPage(site, 'cases/demo-consultation/');
    expect(child).toMatch(/<a href="\/cases\/demo-practice\/"[^>]*>示例社区议事实践<\/a>/);
    const parent = await readPage(site, 'cases/demo-practice/');
    expect(parent).toMatch(/<a href="\/cases\/demo-consultation\/"[^>]*>示例停车难协商<\/a>/);
  });
});

describe('an old address with a step anchor', () => {
  test('redirects to the new page and keeps the #fragment', async () => {
    const { serveStatic } = await import('../../scripts/lib/serve.ts');
    const { launchChromium } = await import('../../scripts/lib/chromium.ts');
    const server = await serveStatic(site);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/cases/old-case-id/#some-heading`);
      await page.waitForURL(`${server.url}/cases/moved-case/#some-heading`);
      expect(new URL(page.url()).hash).toBe('#some-heading');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

test('code blocks are always escaped text, whatever their language', async () => {
  const html = await readPage(site, 'cases/moved-case/');
  expect(html).toContain('&lt;script&gt;alert(');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('&lt;b&gt;不是标签&lt;/b&gt;');
  expect(html).not.toMatch(/<script>alert/);
  expect(html).not.toContain('<img src=x');
});
