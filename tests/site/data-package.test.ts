import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importLedger } from '../../scripts/lib/import/index.ts';
import { writeTemplate } from '../../scripts/lib/import/template.ts';
import { buildInfo } from '../../scripts/lib/build/build-info.ts';
import { loadSiteConfig } from '../../scripts/lib/site-config.ts';
import { bibtex, gbt7714, ris } from '../../src/site/citation.ts';
import { datasetCitation, NO_LICENCE } from '../../src/site/data-package.ts';
import { LEDGER_HEADER } from '../../src/site/ledger.ts';
import { buildSite, readPage } from '../helpers/build.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { HELD_OUT_HEADER, HELD_OUT_ROWS, HELD_OUT_TITLE, writeLedgerXlsx } from '../helpers/ledger.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

/** Both builds date their data the same way: 2026-01-01. */
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const DATA_FILES = ['cases.csv', 'cases-excel.csv', 'case-sources.csv', 'case-methods.csv', 'case-models.csv', 'cases.json', 'cases.xlsx', 'cases-template.xlsx', 'methods.csv', 'models.csv', 'sources.csv', 'codebook.csv', 'datapackage.json'];

let site: string;
const cleanup: string[] = [];

beforeAll(async () => {
  site = await buildSite({ env: EPOCH });
  cleanup.push(path.dirname(site));
});

afterAll(async () => {
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

const bytes = (root: string, file: string) => readFile(path.join(root, 'data', file));

describe('the data package of the bundled handbook', () => {
  test('/data/ links every file, states the version, the data date and that no licence is stated', async () => {
    const html = await readPage(site, '/data/');
    for (const file of DATA_FILES) {
      expect(html).toContain(`href="/data/${file}"`);
      expect((await bytes(site, file)).length, file).toBeGreaterThan(0);
    }
    expect(html).toMatch(/<dt[^>]*>版本<\/dt><dd[^>]*>0\.1\.0<\/dd>/);
    expect(html).toMatch(/<dt[^>]*>数据日期<\/dt><dd[^>]*>2026-01-01（/);
    expect(html).toContain(NO_LICENCE);
    expect(html).toContain('议事手册编写组. 议事手册案例数据集[DS/OL]. 0.1.0版. (2026-01-01)[引用日期]. /data/.');
    // The footer of every page links to it.
    expect(await readPage(site, '/')).toMatch(/<footer[\s\S]*href="\/data\/"[\s\S]*<\/footer>/);
  });

  test('/data/ cites the data set exactly as datasetCitation() does, in GB/T 7714, BibTeX and RIS', async () => {
    const html = await readPage(site, '/data/');
    const block = /<details class="cite-this"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    expect(block).toContain('引用本数据集');
    const text = (escaped: string) => escaped.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[name]!);
    const shown = Object.fromEntries([...block.matchAll(/<pre data-format="(\w+)"[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map(([, format, code]) => [format, text(code!)]));
    // The site's config and build info, as this build had them (SOURCE_DATE_EPOCH for the date).
    const config = loadSiteConfig({ root: PROJECT_ROOT, env: {} });
    const citation = datasetCitation(config, buildInfo(PROJECT_ROOT, path.join(PROJECT_ROOT, 'content'), config.version, EPOCH));
    expect(citation).toMatchObject({ type: 'dataset', title: '议事手册案例数据集', version: '0.1.0', updated: '2026-01-01', url: '/data/' });
    expect(shown).toEqual({ gbt: gbt7714(citation), bibtex: bibtex(citation), ris: ris(citation) });
  });

  test('datapackage.json describes files that exist; cases.xlsx has the template’s columns and a row per case', async () => {
    const descriptor = JSON.parse((await bytes(site, 'datapackage.json')).toString('utf8')) as { resources: { path: string }[] };
    for (const resource of descriptor.resources) expect(DATA_FILES).toContain(resource.path);
    const cases = JSON.parse((await bytes(site, 'cases.json')).toString('utf8')) as { count: number };
    const sheet = (await readSheet(path.join(site, 'data/cases.xlsx'), '案例')) as unknown[][];
    expect(sheet[0]).toEqual(LEDGER_HEADER);
    expect(sheet).toHaveLength(cases.count + 1);
    const template = (await readSheet(path.join(site, 'data/cases-template.xlsx'), '案例')) as unknown[][];
    expect(template[0]).toEqual(LEDGER_HEADER);
    expect(template).toHaveLength(2);
  });

  test('npm run new -- ledger writes the same workbook as /data/cases-template.xlsx', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-template-'));
    cleanup.push(dir);
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = EPOCH.SOURCE_DATE_EPOCH;
    try {
      expect(await writeTemplate({ file: path.join(dir, 't.xlsx'), root: PROJECT_ROOT, contentDir: path.join(PROJECT_ROOT, 'content') })).toEqual({ ok: true });
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
    expect((await readFile(path.join(dir, 't.xlsx'))).equals(await bytes(site, 'cases-template.xlsx'))).toBe(true);
  });

  test('case, method, model and guide pages offer 引用本页 in GB/T 7714, BibTeX and RIS', async () => {
    for (const [url, title] of [
      ['/cases/huzhou-qingnilai/', '湖州市政协'],
      ['/methods/eight-step-method/', '八步工作法'],
      ['/models/huzhou-1246-x/', '1246'],
      ['/guides/writing-a-case/', ''],
    ] as const) {
      const html = await readPage(site, url);
      const block = /<details class="cite-this"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
      expect(block, url).toContain('<summary');
      expect(block, url).toContain('引用本页');
      expect(block, url).toMatch(new RegExp(`议事手册编写组\\. [^<]*${title}[^<]*\\[EB/OL\\]\\. \\(2026-01-01\\)\\[引用日期\\]\\. ${url.replace(/\//g, '\\/')}\\.`));
      expect(block, url).toContain('@online{');
      expect(block, url).toContain('TY  - ELEC');
      // Not part of the search index.
      expect(block, url).toContain('data-pagefind-ignore');
    }
  });
});

describe('in a browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(site);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the citation gets today’s date and the full address, and the copy button copies it', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/huzhou-qingnilai/`, { waitUntil: 'networkidle' });
    await page.locator('.cite-this summary').click();
    const today = await page.evaluate(() => {
      const d = new Date();
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    });
    const gbt = (await page.locator('pre[data-format="gbt"]').textContent()) ?? '';
    expect(gbt.startsWith('议事手册编写组. ')).toBe(true);
    expect(gbt.endsWith(`[EB/OL]. (2026-01-01)[${today}]. ${server.url}/cases/huzhou-qingnilai/.`)).toBe(true);
    expect(await page.locator('pre[data-format="ris"]').textContent()).toContain(`Y2  - ${today.replace(/-/g, '/')}`);
    const button = page.locator('figure', { has: page.locator('pre[data-format="gbt"]') }).locator('button');
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gbt);
    await context.close();
  });
});

describe('export → import --update → export', () => {
  test('a copy of the content with cases deleted and edited, brought back from /data/cases.xlsx, publishes byte-identical data', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-roundtrip-'));
    cleanup.push(dir);
    const content = path.join(dir, 'content');
    await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
    // Published cases only: drafts (`_…`) are not in the export, so deleting one brings nothing back.
    const cases = (await readdir(path.join(content, 'cases'))).filter((file) => !file.startsWith('_')).sort();
    for (const file of cases.slice(0, 5)) await rm(path.join(content, 'cases', file));
    const edited = path.join(content, 'cases', cases[6]!);
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^level: .*$/m, 'level: national').replace(/^summary: .*$/m, 'summary: 改过的摘要。'));

    const ledger = path.join(dir, 'cases.xlsx');
    await writeFile(ledger, await bytes(site, 'cases.xlsx'));
    const result = await importLedger({ file: ledger, contentDir: content, root: dir, update: true });
    expect(result.ok, result.ok ? '' : result.problems.join('\n')).toBe(true);
    if (!result.ok) return;
    const actions = result.written.map((w) => w.action);
    expect(actions.filter((a) => a === 'created')).toHaveLength(5);
    expect(actions.filter((a) => a === 'updated')).toHaveLength(1);

    const again = await buildSite({ content, env: EPOCH });
    cleanup.push(path.dirname(again));
    for (const file of ['cases.csv', 'cases.json', 'cases.xlsx']) {
      expect((await bytes(again, file)).equals(await bytes(site, file)), file).toBe(true);
    }
  });
});

describe('a held-out ledger', () => {
  test('ten valid rows of an .xlsx become ten case pages', async () => {
    const content = await contentWith();
    const root = path.dirname(content);
    cleanup.push(root);
    const ledger = path.join(root, '台账.xlsx');
    await writeLedgerXlsx(ledger, [HELD_OUT_HEADER, ...HELD_OUT_ROWS], { titleRow: HELD_OUT_TITLE });
    const result = await importLedger({ file: ledger, contentDir: content, root });
    expect(result.ok, result.ok ? '' : result.problems.join('\n')).toBe(true);
    if (!result.ok) return;
    const built = await buildSite({ content });
    cleanup.push(path.dirname(built));
    for (const [i, written] of result.written.entries()) {
      const id = path.basename(written.file, '.mdx');
      const html = await readPage(built, `/cases/${id}/`);
      expect(html, id).toContain(`<h1`);
      expect(html, id).toContain(HELD_OUT_ROWS[i]![0]);
      expect(html, id).toContain('引用本页');
    }
    const data = JSON.parse((await bytes(built, 'cases.json')).toString('utf8')) as { count: number };
    expect(data.count).toBe(2 + 10);
  });
});
