import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateContent, type ValidEntry } from '../../scripts/lib/check/index.ts';
import { buildSite, sharedSite, readPage } from '../helpers/build.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { requireCommand } from '../../scripts/lib/system-tools.ts';

const SITE = 'https://handbook.example.org';
let site: string;
let entries: ValidEntry[];
/** What the print edition holds: every published entry, but guides for authors (`audience: authors`), which print on their own. */
const sections = () =>
  ['guides', 'methods', 'models', 'cases'].flatMap((c) =>
    entries
      .filter((e) => e.collection === c && !e.draft && (e.data as { audience?: string }).audience !== 'authors')
      .map((e) => ({ collection: c, id: e.id, title: (e.data as { title: string }).title })),
  );

beforeAll(async () => {
  // A missing system tool is named, not met as an empty output (npm test installs them).
  requireCommand('pdfinfo'); requireCommand('pdftotext');
  site = await sharedSite({ YISHI_SITE: SITE });
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

  test('the print edition is linked from the home page and the footer of every page, and includes the glossary', async () => {
    const home = await readPage(site, '');
    expect(home.match(/href="\/print\/"/g)?.length).toBeGreaterThanOrEqual(2);
    const footer = (html: string) => html.slice(html.indexOf('<footer'));
    expect(footer(await readPage(site, 'cases/huzhou-qingnilai/'))).toContain('href="/print/"');
    const print = await readPage(site, 'print/');
    const terms = entries.filter((e) => e.collection === 'terms' && !e.draft);
    expect(terms.length).toBeGreaterThan(5);
    for (const term of terms) expect(print, term.id).toContain(`id="terms--${term.id}"`);
    expect(print).toContain('href="#terms"');
  });

  test('npm run pdf writes an A4 PDF with page numbers, contents with page numbers, bookmarks, every section, every citation as a note, and the Chinese fonts embedded', async () => {
    const out = path.join(path.dirname(site), 'handbook.pdf');
    const made = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', site, '--out', out], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    // Every entry of the contents got its page number.
    const [, found, slots] = /目录页码：(\d+) \/ (\d+) 节/.exec(made.stdout) ?? [];
    expect(Number(slots)).toBeGreaterThan(sections().length);
    expect(found).toBe(slots);
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThan(sections().length);
    expect(info.stdout).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.replace(/\s+/g, '');
    for (const s of sections()) expect(text, s.title).toContain(s.title.replace(/\s+/g, ''));
    // Page numbers from the print stylesheet's @page rule, and every citation kept as a numbered note.
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    expect(text).toContain(`1/${pages}`);
    expect(text).toContain(`${pages}/${pages}`);
    const html = await readPage(site, 'print/');
    const notes = [...html.matchAll(/<ol class="cite-notes"[^>]*>([\s\S]*?)<\/ol>/g)].flatMap((m) => [...m[1]!.matchAll(/<li>([^<]+)<\/li>/g)].map((li) => li[1]!));
    expect(notes.length).toBeGreaterThan(50);
    expect((text.match(/〔\d+〕/g) ?? []).length).toBeGreaterThanOrEqual(notes.length);
    // The contents carry each section's page number, and the PDF has bookmarks of the sections.
    const perPage = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.split('\f').map((p) => p.replace(/\s+/g, ''));
    const firstGuide = sections()[0]!;
    const guidePage = perPage.findIndex((p) => p.includes(`网址：${SITE}/guides/${firstGuide.id}/`)) + 1;
    expect(guidePage).toBeGreaterThan(1);
    const contents = spawnSync('pdftotext', ['-layout', '-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' }).stdout;
    expect(contents.split('\n').find((line) => line.includes(firstGuide.title))).toMatch(new RegExp(`\\s${guidePage}\\s*$`));
    const outline = spawnSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-l', '1', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const bookmarks = [...outline.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ page: Number(m[1]), title: m[2]! }));
    expect(bookmarks.find((b) => b.title === firstGuide.title)?.page).toBe(guidePage);
    for (const s of sections()) expect(bookmarks.map((b) => b.title), s.title).toContain(s.title);
    expect(text).toContain('第五部分术语');
    const fonts = spawnSync('pdffonts', [out], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => / yes +(yes|no) +yes /.test(line)), fonts.join('\n')).toBe(true);
  });

  test('without Chromium, npm run pdf says what is missing and how to install it', () => {
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', site], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Chromium');
    expect(result.stderr).toContain('apt-get install -y chromium');
  });
});

describe('the print edition of a large handbook', () => {
  test('puts its cases in volumes of a year each: every case in the volume of its year, /print/ linking to them', async () => {
    // YISHI_PRINT_SPLIT=3 makes the bundled handbook split as one of more than 300 cases does.
    const split = await buildSite({ env: { YISHI_PRINT_SPLIT: '3' } });
    const cases = entries.filter((e) => e.collection === 'cases' && !e.draft) as (ValidEntry & { data: { date: string | null; title: string } })[];
    const print = await readPage(split, 'print/');
    expect(print).not.toContain('<section class="print-section" id="cases-');
    for (const s of sections().filter((s) => s.collection !== 'cases')) expect(print).toContain(`id="${s.collection}-${s.id}"`);
    const keys = [...new Set(cases.map((c) => c.data.date?.slice(0, 4) ?? 'undated'))];
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) {
      expect(print).toContain(`href="/print/cases/${key}/"`);
      const volume = await readPage(split, `print/cases/${key}/`);
      const inVolume = cases.filter((c) => (c.data.date?.slice(0, 4) ?? 'undated') === key);
      for (const c of cases) {
        const section = `<section class="print-section" id="cases-${c.id}"`;
        if (inVolume.includes(c)) expect(volume, `${c.id} in ${key}`).toContain(section);
        else expect(volume, `${c.id} not in ${key}`).not.toContain(section);
      }
      expect(volume).toContain(key === 'undated' ? '打印版：时间不详的案例' : `打印版：${key} 年的案例`);
    }
    expect(existsSync(path.join(split, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(await checkLinks(split)).toEqual([]);
    // Volumes come and go with the number of cases: not addresses the link manifest keeps.
    expect(await readFile(path.join(PROJECT_ROOT, 'links.manifest.json'), 'utf8')).not.toContain('/print/cases/');
    // The ordinary build has no volumes.
    expect(existsSync(path.join(site, 'print', 'cases'))).toBe(false);
  });
});
