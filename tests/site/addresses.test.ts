import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSite, readPage, sharedSite } from '../helpers/build.ts';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { requireCommand } from '../../scripts/lib/system-tools.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

// Issue 26, item 1: every address a reader shares or prints is absolute and its QR code decodes to
// it: the build's `site` when set, else the address the page was opened at (its own script); and
// `npm run pdf` from a local server never prints a loopback address.
const SITE = 'https://handbook.example.org';
const CASE = '/cases/huzhou-logistics-hub-2019/';
/** A page whose text links to a section named in Chinese (the introduction's link to a folded consultation). */
const LINKING = '/guides/introduction/';
// A link of that case to a section with a Chinese name, as paper should show it.
const SECTION = '/cases/community-four-six/#中山街缺少公厕';
let bare: string;
let withSite: string;
let servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
let browser: Browser;
let work: string;

beforeAll(async () => {
  requireCommand('zbarimg'); requireCommand('pdftoppm'); requireCommand('pdftotext');
  [bare, withSite] = await Promise.all([defaultSite(), sharedSite({ YISHI_SITE: SITE })]);
  servers = [await serveStatic(bare), await serveStatic(withSite)];
  browser = await launchChromium();
  work = await mkdtemp(path.join(tmpdir(), 'yishi-addresses-'));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

/** Every QR code zbarimg finds in a PNG, or in each page of a PDF. */
async function decode(file: string, pages = 4): Promise<string[]> {
  let images = [file];
  if (file.endsWith('.pdf')) {
    const prefix = file.replace(/\.pdf$/, '');
    spawnSync('pdftoppm', ['-r', '150', '-l', String(pages), '-png', file, prefix]);
    images = (await readdir(path.dirname(file))).filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.png')).map((f) => path.join(path.dirname(file), f));
  }
  return images.flatMap((image) => spawnSync('zbarimg', ['--raw', '-q', image], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean));
}

const pdfText = (file: string) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;

async function ready(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector('html[data-addresses]');
}

for (const scenario of ['unset', 'set'] as const) {
  describe(`with site ${scenario}, served at a loopback address`, () => {
    const server = () => servers[scenario === 'unset' ? 0 : 1]!;
    const expected = () => `${scenario === 'unset' ? server().url : SITE}${CASE}`;

    test("a case page shows its absolute address and a QR code that decodes to it", async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 3 });
      await ready(page, `${server().url}${CASE}`);
      expect(await page.locator('.share__url a').textContent()).toBe(expected());
      expect(await page.locator('.share__url a').getAttribute('href')).toBe(expected());
      const png = path.join(work, `screen-${scenario}.png`);
      await page.locator('.share__qr').screenshot({ path: png });
      expect(await decode(png)).toEqual([expected()]);
      await page.close();
    });

    test('its PDF carries the absolute address, a QR code of it, the GB/T 7714 citation and section links decoded', async () => {
      const page = await browser.newPage();
      await ready(page, `${server().url}${CASE}`);
      const pdf = path.join(work, `case-${scenario}.pdf`);
      // As a reader prints it: backgrounds off, the print stylesheet's A4.
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      await page.close();
      expect(await decode(pdf)).toContain(expected());
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain(expected());
      expect(text).toMatch(/GB\/T7714/);
      expect(text).toMatch(/\[EB\/OL\]/);
      expect(text).not.toContain('%E8');
      // A link to a section named in Chinese prints whole and decoded.
      const guide = await browser.newPage();
      await ready(guide, `${server().url}${LINKING}`);
      const guidePdf = path.join(work, `guide-${scenario}.pdf`);
      await guide.pdf({ path: guidePdf, preferCSSPageSize: true });
      await guide.close();
      const guideText = pdfText(guidePdf).replace(/\s+/g, '');
      expect(guideText).toContain(`${scenario === 'unset' ? server().url : SITE}${SECTION}`.replace(/\s+/g, ''));
      expect(guideText).not.toContain('%E4');
    });
  });
}

describe('npm run pdf', () => {
  const pdf = (args: string[], out: string) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', bare, '--out', out, ...args], { encoding: 'utf8' });

  test('from a local server without site: says the PDF carries paths only, and prints no loopback address', () => {
    const out = path.join(work, 'paths.pdf');
    const made = pdf([], out);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('PDF 中只印路径');
    expect(made.stdout).toContain('--site');
    const text = pdfText(out);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(text).toContain(CASE);
  });

  test('with --site, every section carries that address and a QR code of it', async () => {
    const out = path.join(work, 'intranet.pdf');
    const made = pdf(['--site', 'http://10.1.2.3:8080'], out);
    expect(made.status, made.stderr).toBe(0);
    const [, found, slots] = /目录页码：(\d+) \/ (\d+) 节/.exec(made.stdout) ?? [];
    expect(Number(slots)).toBeGreaterThan(20);
    expect(found, 'every entry of the contents has its page number').toBe(slots);
    const text = pdfText(out).replace(/\s+/g, '');
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(text).toContain(`http://10.1.2.3:8080${CASE}`);
    // The page that starts the case: its code is of that address, as is every code on the first pages.
    // The section header prints the address on a line of its own (in text a link's address stands in brackets).
    const page = pdfText(out).split('\f').findIndex((p) => p.includes('网址') && p.split('\n').some((line) => line.trim() === `http://10.1.2.3:8080${CASE}`)) + 1;
    expect(page).toBeGreaterThan(0);
    const single = path.join(work, 'case-page');
    spawnSync('pdftoppm', ['-r', '150', '-f', String(page), '-l', String(page), '-singlefile', '-png', out, single]);
    expect(await decode(`${single}.png`)).toContain(`http://10.1.2.3:8080${CASE}`);
    const codes = await decode(out, 12);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((c) => !c.startsWith('http://10.1.2.3:8080/'))).toEqual([]);
  });
});

describe('an office intranet over plain http', () => {
  test('at a host name that is not loopback, the copy button copies the absolute address', async () => {
    const url = new URL(servers[0]!.url);
    // handbook.test (a name no browser preloads as https-only) maps to this machine: an insecure context, so there is no clipboard API.
    const intranet = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP handbook.test 127.0.0.1'] });
    try {
      const page = await intranet.newPage();
      const address = `http://handbook.test:${url.port}${CASE}`;
      await ready(page, address);
      expect(await page.evaluate(() => [window.isSecureContext, 'clipboard' in navigator])).toEqual([false, false]);
      await page.evaluate(() => {
        document.addEventListener('copy', (event) => {
          (window as unknown as { copied: string }).copied = (event.target as HTMLTextAreaElement).value;
        });
      });
      const button = page.locator('.share copy-link button');
      await expect.poll(() => button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => button.textContent()).toBe('已复制');
      expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(address);
      // The step links too.
      await ready(page, `http://handbook.test:${url.port}/methods/six-step-procedure/`);
      await page.evaluate(() => document.addEventListener('copy', (event) => ((window as unknown as { copied: string }).copied = (event.target as HTMLTextAreaElement).value)));
      await page.locator('.step copy-link button').nth(2).click();
      expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(`http://handbook.test:${url.port}/methods/six-step-procedure/#step-3`);
      // The offline box names the reason (https) and the way to it, not the browser.
      await ready(page, `http://handbook.test:${url.port}/`);
      const status = await page.locator('offline-save [data-status]').textContent();
      expect(status).toContain('https');
      expect(status).toContain('证书');
      expect(status).not.toContain('这个浏览器不能');
    } finally {
      await intranet.close();
    }
  });
});

describe('the smaller items of issue 26', () => {
  test('similar cases leave out the consultations listed above them, which stand apart from the text', async () => {
    const html = await readPage(bare, 'cases/huzhou-qingnilai/');
    const children = html.slice(html.indexOf('id="children-heading"'), html.indexOf('</section>', html.indexOf('id="children-heading"')));
    const ids = [...children.matchAll(/href="\/cases\/([^/]+)\/"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(1);
    const similarStart = html.indexOf('相似案例');
    const similar = html.slice(similarStart, html.indexOf('</section>', similarStart));
    for (const id of ids) expect(similar, id).not.toContain(`/cases/${id}/`);
    expect(html).toContain('<section class="children"');
  });

  test('titles break between words, never inside a place name', async () => {
    const html = await readPage(bare, 'cases/anji-consultation-standard/');
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!;
    expect(h1).toContain('<wbr>');
    expect(h1).toContain('安吉');
  });

  test('browse pages count cases with a noun, and the search page points to no side', async () => {
    expect(await readPage(bare, 'browse/level/community/')).toMatch(/\d+ 个案例/);
    expect(await readPage(bare, 'search/')).not.toContain('左侧');
  });
});
