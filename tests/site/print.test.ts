import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateContent, type ValidEntry } from '../../src/lib/validate/index.ts';
import { buildSite, readPage } from '../helpers/build.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const SITE = 'https://handbook.example.org';
let site: string;
let entries: ValidEntry[];
const sections = () =>
  ['guides', 'methods', 'models', 'cases'].flatMap((c) => entries.filter((e) => e.collection === c && !e.draft).map((e) => ({ collection: c, id: e.id, title: (e.data as { title: string }).title })));

beforeAll(async () => {
  site = await buildSite({ env: { YISHI_SITE: SITE } });
  ({ entries } = await validateContent(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT));
});

describe('the print edition', () => {
  test('/print/ holds every guide, method, model and case in that order, each listed in the contents', async () => {
    const html = await readPage(site, 'print/');
    const positions = sections().map((s) => html.indexOf(`<section class="print-section" id="${s.collection}-${s.id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    const byCollection = (c: string) => sections().map((s, i) => (s.collection === c ? positions[i]! : -1)).filter((p) => p >= 0);
    expect(Math.max(...byCollection('guides'))).toBeLessThan(Math.min(...byCollection('methods')));
    expect(Math.max(...byCollection('methods'))).toBeLessThan(Math.min(...byCollection('models')));
    expect(Math.max(...byCollection('models'))).toBeLessThan(Math.min(...byCollection('cases')));
    for (const s of sections()) expect(html).toContain(`href="#${s.collection}-${s.id}"`);
  });

  test('each section carries its permanent URL and a QR code made at build time', async () => {
    const html = await readPage(site, 'print/');
    for (const s of sections()) {
      const url = `${SITE}/${s.collection}/${s.id}/`;
      const start = html.indexOf(`id="${s.collection}-${s.id}"`);
      const header = html.slice(start, html.indexOf('</header>', start));
      expect(header, s.id).toContain(`<a href="${url}"`);
      expect(header, s.id).toMatch(new RegExp(`aria-label="二维码：${url.replace(/[.]/g, '\\.')}"[^>]*><svg`));
    }
  });

  test('npm run pdf writes a PDF with every section and the Chinese fonts embedded', () => {
    const out = path.join(path.dirname(site), 'handbook.pdf');
    const made = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--site', site, '--out', out], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThan(sections().length);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.replace(/\s+/g, '');
    for (const s of sections()) expect(text, s.title).toContain(s.title.replace(/\s+/g, ''));
    const fonts = spawnSync('pdffonts', [out], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => / yes +(yes|no) +yes /.test(line)), fonts.join('\n')).toBe(true);
  });

  test('without Chromium, npm run pdf says what is missing and how to install it', () => {
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--site', site], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Chromium');
    expect(result.stderr).toContain('apt-get install -y chromium');
  });
});
