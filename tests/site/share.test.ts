import { existsSync } from 'node:fs';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, sharedSite, htmlFiles, readPage } from '../helpers/build.ts';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { requireCommand } from '../../scripts/lib/system-tools.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';
import { refreshTarget } from '../../scripts/lib/html-scan.ts';

// What readers and trainers see of the share kit, the print stylesheet and the wording, on a
// handbook with `site` set (absolute URLs, QR codes) and on one without.
const SITE = 'https://handbook.example.org';
let site: string;
let bare: { out: string; stdout: string; stderr: string };
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  // A missing system tool is named, not met as an empty output (npm test installs them).
  requireCommand('zbarimg'); requireCommand('pdfinfo'); requireCommand('pdftotext');
  site = await sharedSite({ YISHI_SITE: SITE });
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-site-')), 'dist');
  const built = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out], { encoding: 'utf8', cwd: PROJECT_ROOT, env: { ...process.env, YISHI_SITE: '' } });
  if (built.status !== 0) throw new Error(built.stderr);
  bare = { out, stdout: built.stdout, stderr: built.stderr };
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Case, method and model pages; not the redirect pages of old ids (aliases) beside them. */
const shared = async () => {
  const files = (await htmlFiles(site)).filter((f) => /^(cases|methods|models)\/[^/]+\/index\.html$/.test(f));
  const pages = [];
  for (const file of files) if (refreshTarget(await readPage(site, file)) === undefined) pages.push(file);
  return pages;
};

describe('the share kit', () => {
  test('every case, method and model page has a QR code that decodes to its own URL, and a copy-link button', async () => {
    const files = await shared();
    expect(files.length).toBeGreaterThan(15);
    const page = await browser.newPage({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 3 });
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-qr-'));
    const wrong: string[] = [];
    for (const file of files) {
      const url = `${SITE}/${path.dirname(file)}/`;
      await page.goto(`${server.url}/${path.dirname(file)}/`);
      expect(await page.locator('.share copy-link button').isVisible(), file).toBe(true);
      const png = path.join(dir, 'qr.png');
      await page.locator('.share__qr').screenshot({ path: png });
      const decoded = spawnSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).stdout.trim();
      if (decoded !== url) wrong.push(`${file}: ${decoded || '(nothing)'}`);
    }
    await page.close();
    await rm(dir, { recursive: true, force: true });
    expect(wrong).toEqual([]);
  });

  test("each step of a method has its own QR code of the step's URL", async () => {
    const html = await readPage(site, 'methods/six-step-procedure/');
    for (let n = 1; n <= 6; n++) expect(html).toContain(`aria-label="二维码：${SITE}/methods/six-step-procedure/#step-${n}"`);
  });

  test('RSS, the sitemap, canonical links and the print edition carry absolute URLs', async () => {
    const rss = await readFile(path.join(site, 'rss.xml'), 'utf8');
    const sitemap = await readFile(path.join(site, 'sitemap.xml'), 'utf8');
    const urls = [...rss.matchAll(/<(?:link|guid)[^>]*>([^<]+)</g), ...sitemap.matchAll(/<loc>([^<]+)</g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => !u.startsWith(`${SITE}/`))).toEqual([]);
    const print = await readPage(site, 'print/');
    const links = [...print.matchAll(/<main[\s\S]*<\/main>/g)][0]![0].matchAll(/\shref="([^"#][^"]*)"/g);
    expect([...links].map((m) => m[1]!).filter((u) => !u.startsWith(`${SITE}/`))).toEqual([]);
    for (const file of await shared()) expect(await readPage(site, file), file).toContain(`<link rel="canonical" href="${SITE}/${path.dirname(file)}/">`);
  });

  test('without site, the build warns once, in plain Chinese, readers see no note about it, and QR codes are left to the page', async () => {
    const output = bare.stdout + bare.stderr;
    expect(output.match(/没有填写网站地址（site）/g)).toHaveLength(1);
    expect(output).toContain('二维码');
    expect(output).toContain('npm run build');
    // A feed and a sitemap of paths would be invalid: they are not written, and the warning says so.
    expect(output).toContain('没有生成 RSS（rss.xml）和网站地图（sitemap.xml）');
    for (const file of ['rss.xml', 'sitemap.xml']) expect(existsSync(path.join(bare.out, file)), file).toBe(false);
    expect(await readPage(site, 'print/')).not.toContain('handbook.config.ts');
    for (const file of await htmlFiles(bare.out)) {
      const html = await readPage(bare.out, file);
      expect(html, file).not.toContain('handbook.config.ts');
      // No QR code made at build time: the page draws it from its own address (tests/site/addresses.test.ts).
      expect(html, file).not.toMatch(/class="share__qr"[^>]*><svg/);
      if (html.includes('class="share__qr"')) expect(html, file).toMatch(/class="share__qr"[^>]*data-qr="\/[^"]*"[^>]*hidden/);
    }
  });
});

describe('printing', () => {
  test('a case page printed by Chromium with its default settings comes out A4, with page numbers', async () => {
    const out = path.join(path.dirname(site), 'case.pdf');
    // Asynchronously: the page is served from this process.
    await promisify(execFile)(CHROMIUM_PATH, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, `${server.url}/cases/huzhou-logistics-hub-2019/`], { timeout: 60_000 });
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    // The print stylesheet's page numbers (Chromium's own header and footer are switched off).
    expect(text).toMatch(new RegExp(`^1\\s*/\\s*${pages}$`, 'm'));
    // The citations stay, as numbered notes at the end of each section.
    expect(text).toMatch(/〔1〕\s*深化“请你来协商”平台建设的湖州实践/);
  });

  test('the contents of the print edition number each entry once, and parts not at all', async () => {
    const html = await readPage(site, 'print/');
    expect(html).toMatch(/<ul class="parts"/);
    expect(html).not.toMatch(/<ol[^>]*>\s*<li[^>]*>\s*<span class="part"/);
  });
});

describe('wording a reader sees', () => {
  test('no English keys or source ids, no developer talk, no 资料未载明 box that repeats itself, one 〔出处〕 per source and section', async () => {
    const problems: string[] = [];
    const sourceIds = (await readdir(path.join(PROJECT_ROOT, 'content/sources'))).map((f) => f.replace(/\.ya?ml$/, ''));
    expect(sourceIds.length).toBeGreaterThan(2);
    for (const file of await htmlFiles(site)) {
      if (file.startsWith('schemas/') || file.startsWith('data/')) continue;
      const html = await readPage(site, file);
      // Keys an author types (the writing guide's tables) are shown as code, not as words.
      const text = html.replace(/<(script|style|code|pre)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '');
      if (/无需脚本|JavaScript|脚本/.test(text) && !file.startsWith('search/') && !file.startsWith('guides/writing-a-case')) problems.push(`${file}: talks about scripts`);
      if (/资料未载明：\s*资料没有/.test(text)) problems.push(`${file}: 资料未载明：资料没有…`);
      if (/\b(public-welfare|health-education|public-order)\b/.test(text)) problems.push(`${file}: an English taxonomy key`);
      for (const id of sourceIds) if (text.includes(id)) problems.push(`${file}: the source id ${id} instead of its title`);
      for (const section of html.split(/<h2[\s>]/)) {
        const sources = [...section.matchAll(/<sup class="cite" data-source="([^"]+)"/g)].map((m) => m[1]!);
        if (new Set(sources).size !== sources.length) problems.push(`${file}: a source cited twice in one section`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the home page has one search box, a statement of scope and a path for a council member', async () => {
    const html = await readPage(site, '');
    expect(html.match(/type="search"/g)).toHaveLength(1);
    expect(html).toMatch(/本手册收入 \d+ 个案例，出自 \d+ 份公开资料。/);
    expect(html).toContain('写作“xx”或“**”');
    expect(html).not.toContain('href="/guides/writing-a-case/"><');
    const start = html.slice(html.indexOf('id="start-heading"'), html.indexOf('id="scope-heading"'));
    expect(start).not.toContain('/guides/writing-a-case/');
    expect(start).toMatch(/href="\/methods\/[^"]+"/);
    expect(start).toMatch(/href="\/cases\/[^"]+"/);
  });
});
