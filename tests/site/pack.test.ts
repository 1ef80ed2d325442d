import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSite } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { requireCommand } from '../../scripts/lib/system-tools.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

// Issue 26, item 4: a trainer's pack (讲义), built while reading, shared as a link, printed as one
// document. The site has no `site`: every address comes from where the pages were opened.
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  requireCommand('zbarimg'); requireCommand('pdftoppm'); requireCommand('pdftotext');
  server = await serveStatic(await defaultSite());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a training pack', () => {
  test('three entries added while reading, opened from its link in a fresh browser, printed with a cover, contents and every QR code decoding', async () => {
    const first = await browser.newContext();
    const page = await first.newPage();
    // A case page and a model page whole, and one step of a method.
    await page.goto(`${server.url}/cases/huzhou-qingnilai/`);
    await page.locator('.share pack-add button').click();
    await expect.poll(() => page.locator('.share pack-add [role="status"]').textContent()).toContain('共 1 项');
    await page.goto(`${server.url}/methods/six-step-procedure/`);
    await page.locator('.step').nth(2).locator('pack-add button').click();
    await expect.poll(() => page.locator('.step').nth(2).locator('pack-add [role="status"]').textContent()).toContain('共 2 项');
    await page.goto(`${server.url}/models/huzhou-1246-x/`);
    await page.locator('.share pack-add button').click();

    await page.goto(`${server.url}/pack/`);
    const titles = page.locator('.pack-item__title a');
    await expect.poll(() => titles.count()).toBe(3);
    const listed = await titles.allTextContents();
    expect(listed[0]).toContain('湖州市政协');
    expect(listed[1]).toContain('第 3 步');
    await page.fill('#pack-title', '社区议事会成员培训');
    await page.fill('#pack-note', '第一次培训，请提前读完第一篇。');
    await page.fill('#pack-entry-note-1', '重点讲这一步');
    // Reordering: the model up to second place, then back.
    await page.locator('.pack-item').nth(2).getByRole('button', { name: /^上移/ }).click();
    expect((await titles.allTextContents())[1]).toBe(listed[2]);
    await page.locator('.pack-item').nth(1).getByRole('button', { name: /^下移/ }).click();
    expect(await titles.allTextContents()).toEqual(listed);
    await page.waitForSelector('pack-page[data-ready="true"]');
    const link = await page.locator('[data-pack-link]').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${server.url}/pack/\\?`));
    expect(decodeURIComponent(link!)).toContain('methods/six-step-procedure#3');
    // Kept in this browser: a reload shows the same pack.
    await page.reload();
    expect(await page.locator('.pack-item__title a').allTextContents()).toEqual(listed);
    await first.close();

    // Another trainer opens the link: the same pack, title, notes and order.
    const second = await browser.newContext();
    const other = await second.newPage();
    await other.goto(link!);
    await expect.poll(() => other.locator('.pack-item__title a').allTextContents()).toEqual(listed);
    expect(await other.inputValue('#pack-title')).toBe('社区议事会成员培训');
    expect(await other.inputValue('#pack-entry-note-1')).toBe('重点讲这一步');
    await other.waitForSelector('pack-page[data-ready="true"]');
    await other.locator('.pack-share__qr:not([hidden])').waitFor();

    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-pack-'));
    const pdf = path.join(dir, 'pack.pdf');
    await other.pdf({ path: pdf, preferCSSPageSize: true });
    await second.close();
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    const flat = text.replace(/\s+/g, '');
    const cover = text.split('\f')[0]!.replace(/\s+/g, '');
    expect(cover).toContain('社区议事会成员培训');
    expect(cover).toContain('第一次培训，请提前读完第一篇。');
    expect(cover).toMatch(/日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(cover).toMatch(/版本/);
    expect(cover).toContain('目录');
    for (const title of listed) expect(cover).toContain(title.replace(/\s+/g, ''));
    expect(flat).toContain('培训者备注：重点讲这一步');
    expect(flat.match(/引用（GB\/T7714-2015）：/g)).toHaveLength(3);
    expect(flat).toContain(`${server.url}/methods/six-step-procedure/#step-3`);
    spawnSync('pdftoppm', ['-r', '150', '-png', pdf, path.join(dir, 'page')]);
    const codes = (await readdir(dir)).filter((f) => f.endsWith('.png')).flatMap((f) => spawnSync('zbarimg', ['--raw', '-q', path.join(dir, f)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean));
    expect(codes).toEqual(expect.arrayContaining([
      `${server.url}/cases/huzhou-qingnilai/`,
      `${server.url}/methods/six-step-procedure/#step-3`,
      `${server.url}/models/huzhou-1246-x/`,
      link,
    ]));
    expect(codes).toHaveLength(4);
  });
});
