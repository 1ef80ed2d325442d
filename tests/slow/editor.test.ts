// `npm run edit` in Chromium: a case created through the forms (values picked, a body with a
// <Cite> from the source picker), the check's message for an impossible date beside the field,
// fixed, saved, and then the content check passes. Axe on the list, a form with problems and a
// method's ordered steps, light and dark.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { startEditor, type EditorServer } from '../../scripts/lib/editor/server.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

let dir: string;
let content: string;
let editor: EditorServer;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'yishi-editor-browser-'));
  content = path.join(dir, 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
  editor = await startEditor({ contentDir: content });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await editor?.close();
  await rm(dir, { recursive: true, force: true });
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }, AXE_TAGS);
}

/** The control of a field, by its frontmatter path. */
const field = (page: Page, fieldPath: string) => page.locator(`.field[data-path="${fieldPath}"]`);

describe('the editor in Chromium', () => {
  test('a case created through the forms, an impossible date reported beside its field, fixed, saved: the check passes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith(editor.url) && errors.push(`request to ${r.url()}`));
    await page.goto(editor.url);
    await page.waitForSelector('body[data-ready]');

    // New: 案例, a title, the id proposed from it in pinyin.
    await page.getByRole('button', { name: '新建' }).click();
    const dialog = page.locator('#dialog');
    await dialog.getByLabel('类型').selectOption({ label: '案例' });
    await dialog.getByLabel('标题', { exact: true }).fill('城东社区加装电梯协商');
    await dialog.getByLabel('标题', { exact: true }).press('Tab');
    await expect.poll(() => dialog.getByLabel(/^id/).inputValue()).toBe('cheng-dong-she-qu-jia-zhuang-dian-ti-xie-shang');
    await dialog.getByLabel(/^id/).fill('chengdong-elevator');
    await dialog.getByRole('button', { name: '新建' }).click();
    await page.waitForURL(/#\/edit\/cases\/chengdong-elevator\.mdx$/);
    await page.waitForSelector('#problems h3');
    // The template's 【待填写】 marks are problems until replaced.
    await expect.poll(() => page.locator('#problems').textContent()).toContain('还有没填写的地方');

    await field(page, 'summary').locator('textarea').fill('城东社区居民议事会就老旧小区加装电梯的出资和选址组织协商，形成方案并落实。');
    await field(page, 'kind').getByRole('combobox').selectOption({ label: '协商事例' });
    await field(page, 'region.province').getByRole('combobox').selectOption({ label: '浙江省' });
    await field(page, 'region.city').locator('input').fill('湖州市');
    await field(page, 'level').getByRole('combobox').selectOption({ label: '社区' });
    for (const [name, value] of [['forms', '议事会协商'], ['topics', '公共设施维护']] as const) {
      await field(page, name).getByLabel(/不是可用的值/).uncheck();
      await field(page, name).getByLabel(value, { exact: true }).check();
    }
    // The inferred mark beside the level.
    await field(page, 'level').getByLabel('本手册推断（层级）').check();
    // Sources: remove the placeholder, pick one by title.
    await field(page, 'sources').getByRole('button', { name: /移除/ }).click();
    await field(page, 'sources').getByLabel(/添加资料来源/).selectOption('community-extension-speech');
    // Methods: pick one.
    await field(page, 'methods').getByLabel(/添加方法/).selectOption('six-step-procedure');
    // The date, day precision: 2023-02-30 does not exist.
    const date = field(page, 'date');
    await date.getByLabel('日期的精确程度'.replace('日期', '时间')).selectOption({ label: '知道年月日' });
    await date.getByLabel('年', { exact: true }).fill('2023');
    await date.getByLabel('月', { exact: true }).fill('2');
    await date.getByLabel('日', { exact: true }).fill('30');

    // The body, with a citation picked through the toolbar.
    const body = page.locator('#body');
    await body.fill('## 经过\n\n城东社区一栋老楼的居民提出加装电梯，社区召集议事会协商出资比例。');
    await page.getByRole('button', { name: '〔出处〕' }).click();
    await page.locator('#cite-source').selectOption('community-extension-speech');
    await page.locator('#dialog').getByRole('button', { name: '插入' }).click();
    await body.press('End');
    await body.pressSequentially('\n\n<Unstated>资料没有说明电梯何时完工。</Unstated>\n');
    await expect.poll(() => body.inputValue()).toContain('<Cite source="community-extension-speech" />');
    // The preview draws the citation and the note as the page does.
    await expect.poll(() => page.locator('#preview sup.cite a').getAttribute('aria-label')).toMatch(/^出处：/);
    await expect.poll(() => page.locator('#preview aside.note--unstated').textContent()).toContain('资料未载明');

    // The check's message beside the date field, in Chinese, with its code and fix, within a second or so.
    const started = Date.now();
    await expect.poll(() => date.locator('.problem').textContent(), { timeout: 5000 }).toContain('日期“2023-02-30”不存在');
    const elapsed = Date.now() - started;
    expect(await date.locator('.problem').textContent()).toContain('［date.impossible］');
    expect(await date.locator('.problem__fix').textContent()).toMatch(/^怎么改：/);
    expect(elapsed).toBeLessThan(3000);
    expect(await axe(page)).toEqual([]);

    // Fixed: the problem goes, the check passes.
    await date.getByLabel('日', { exact: true }).fill('28');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 5000 }).toContain('检查通过');
    expect(await date.locator('.problem').count()).toBe(0);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^已保存。检查通过/);

    const text = await readFile(path.join(content, 'cases/chengdong-elevator.mdx'), 'utf8');
    expect(text).toContain('date: 2023-02-28');
    expect(text).toContain('inferred: [level]');
    expect(text).toContain('<Cite source="community-extension-speech" />');
    expect(text.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n')).not.toContain('【待填写】');
    // What `npm run check` runs on this content folder.
    const result = await validateContent(content, dir);
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`)).toEqual([]);
    expect(result.entries.some((e) => e.id === 'chengdong-elevator')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test('a file with problems is saved as work in progress, and the editor says it will not be published', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${editor.url}#/edit/methods/six-step-procedure.mdx`);
    await page.waitForSelector('.items__item');
    // Steps as an ordered list: remove one, and the title's 六步 no longer matches.
    const steps = page.locator('.field[data-path="steps"]');
    expect(await steps.locator('.items__item').count()).toBe(6);
    await steps.getByRole('button', { name: '删除：第 6 步' }).click();
    await expect.poll(() => steps.locator(':scope > .field__problems .problem').textContent(), { timeout: 5000 }).toContain('steps.count');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('不会发布');
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 60_000);

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation on the list and a case form, ${scheme} scheme`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${editor.url}#/edit/cases/anji-consultation-standard.mdx`);
      await page.waitForSelector('#problems h3');
      expect(await axe(page)).toEqual([]);
      // Nothing wider than the window at 1280 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await context.close();
    }, 60_000);
  }
});
