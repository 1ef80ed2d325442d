import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { findLayoutProblems, LAYOUT_DEFAULTS } from '../helpers/layout.ts';

// The layout detector of tests/site/layout.test.ts, against small pages laid out by Chromium.
let browser: Browser;
let page: Page;
let factsPanel: string;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  factsPanel = await readFile(path.join(PROJECT_ROOT, 'tests/fixtures/layout/facts-panel.html'), 'utf8');
}, 60_000);
afterAll(async () => browser?.close());

const check = async (html: string, width = 390) => {
  await page.setViewportSize({ width, height: 800 });
  await page.setContent(html);
  return page.evaluate(findLayoutProblems, LAYOUT_DEFAULTS);
};

describe('the layout detector', () => {
  test('catches the old facts-panel rule: every value laid out one character a line', async () => {
    for (const width of [320, 390, 1280]) {
      const findings = await check(factsPanel, width);
      const narrow = findings.filter((f) => f.kind === 'narrow').map((f) => f.text);
      expect(narrow, `${width}px`).toEqual(expect.arrayContaining(['协商事例', '浙江省·湖州市', '议事会协商']));
      expect(findings.every((f) => f.kind === 'narrow' && f.where.includes('dd')), `${width}px`).toBe(true);
    }
  });

  test('passes the same panel once the pair rule no longer matches the outer box', async () => {
    const fixed = factsPanel.replace('div[data-cid] {', 'dl > div[data-cid] {');
    for (const width of [320, 390, 1280]) expect(await check(fixed, width), `${width}px`).toEqual([]);
  });

  test('reports a page that scrolls sideways, and text sticking out of its box', async () => {
    const findings = await check('<body style="margin:0"><p style="width:100px;white-space:nowrap">一段不换行的很长很长的文字，超出了它的盒子</p><div style="width:600px">宽</div></body>', 390);
    expect(findings.map((f) => f.kind).sort()).toEqual(['overflow', 'scroll']);
  });

  test('reports a short label broken across lines in a row of links, not a link breaking with its sentence', async () => {
    const row = (nav: string) => `<body style="margin:0;font-size:16px"><nav style="${nav}"><a href="#">资料来源</a><a href="#">术语</a><a href="#">分类浏览</a><a href="#">开放数据</a><a href="#">打印版</a><a href="#">给作者</a></nav></body>`;
    const squeezed = await check(row('display:flex;gap:16px;width:260px'), 320);
    expect(squeezed.filter((f) => f.kind === 'split').map((f) => f.text)).toEqual(expect.arrayContaining(['资料来源', '术语']));
    expect(await check(row('display:flex;flex-wrap:wrap;gap:16px;width:260px'), 320)).toEqual([]);
    // 议 ends the first line of ten characters, 事会 begins the second.
    const sentence = '<body style="margin:0;font-size:16px"><p style="width:170px;word-break:break-all">一二三四五六七八九<a href="#">议事会</a>时正好换行。</p></body>';
    expect(await check(sentence, 320)).toEqual([]);
    expect(await page.evaluate(() => new Set([...document.querySelector('a')!.getClientRects()].map((r) => r.top)).size)).toBe(2);
  });

  test('ignores visually hidden text, text in scrolling boxes, and short words in narrow boxes', async () => {
    const html = `<body style="margin:0">
      <h2 style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap">只给读屏软件的标题</h2>
      <div style="width:100px;overflow-x:auto"><pre>一行很长很长很长很长很长很长很长的代码，可以横向滚动</pre></div>
      <p style="width:1.5em">不详</p>
      <p>一段正常的文字，在宽度足够的盒子里自然换行，最后一行只有一个字也不算问题。</p>
    </body>`;
    expect(await check(html, 320)).toEqual([]);
  });
});
