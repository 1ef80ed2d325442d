// The build's part of reading offline (scripts/lib/build/offline.ts) and the app icons
// (src/site/colour.ts, png.ts, app-icon.ts). The browser's part: tests/site/offline.test.ts.
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { writeOfflineFiles } from '../../scripts/lib/build/offline.ts';
import { accentHex, iconPng, iconSvg } from '../../src/site/app-icon.ts';
import { cssToRgb } from '../../src/site/colour.ts';
import { encodePng } from '../../src/site/png.ts';
import { BUILD_PLACEHOLDER } from '../../src/client/offline-names.ts';

const page = (title: string, marker = true) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${marker ? `<meta name="yishi-build" content="${BUILD_PLACEHOLDER}">` : ''}<title>${title}</title></head><body>${title}</body></html>`;

/** A small built site: pages, a redirect page without the marker, assets, a search index, files not kept. */
async function fakeSite(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-offline-unit-')), 'dist');
  const files: Record<string, string> = {
    'index.html': page('首页'),
    'cases/a/index.html': page('案例甲'),
    'cases/old-a/index.html': page('已移动', false),
    'offline/index.html': page('离线'),
    'print/index.html': page('打印版'),
    '_astro/Base.abc123.css': 'body{}',
    '_astro/offline.def456.js': 'export const a=1;',
    'pagefind/pagefind.js': 'export {}',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/pagefind.und_1234.pf_meta': 'meta',
    'pagefind/index/und_5678.pf_index': 'index',
    'pagefind/fragment/und_9abc.pf_fragment': 'fragment',
    'pagefind/pagefind-ui.js': 'ui',
    'pagefind/pagefind-worker.js': 'worker',
    '404.html': page('找不到这一页'),
    'favicon.svg': '<svg/>',
    'rss.xml': '<rss/>',
    'data/cases.json': '[]',
    'data/index.html': page('开放数据'),
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('the offline files of a build', () => {
  test('every page gets the build id in place of the placeholder; the list has the pages, assets and index, not the rest', async () => {
    const site = await fakeSite();
    const result = await writeOfflineFiles(site, '/');
    expect(result.build).toMatch(/^[0-9a-f]{16}$/);
    expect(await readFile(path.join(site, 'cases/a/index.html'), 'utf8')).toBe(page('案例甲').replace(BUILD_PLACEHOLDER, result.build));
    expect(await readFile(path.join(site, 'print/index.html'), 'utf8')).toContain(result.build);

    const list = JSON.parse(await readFile(path.join(site, 'offline-files.json'), 'utf8')) as { build: string; files: [string, number, string][] };
    expect(list.build).toBe(result.build);
    expect(list.files.map(([file]) => file).sort()).toEqual(
      [
        '',
        'cases/a/',
        'data/',
        'offline/',
        '_astro/Base.abc123.css',
        '_astro/offline.def456.js',
        'pagefind/pagefind.js',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind.und_1234.pf_meta',
        'pagefind/index/und_5678.pf_index',
        'pagefind/fragment/und_9abc.pf_fragment',
        'favicon.svg',
      ].sort(),
    );
    const entry = (file: string) => list.files.find(([f]) => f === file)!;
    // A page's hash is of the page as rendered, before the build id: unchanged pages keep it.
    expect(entry('cases/a/')).toEqual(['cases/a/', Buffer.byteLength(page('案例甲')), sha16(page('案例甲'))]);
    // Fingerprinted files need no hash: their name changes with them.
    expect(entry('_astro/Base.abc123.css')).toEqual(['_astro/Base.abc123.css', 6, '']);
    expect(entry('pagefind/index/und_5678.pf_index')[2]).toBe('');
    expect(entry('pagefind/pagefind-entry.json')[2]).toBe(sha16('{}'));

    const summary = JSON.parse(await readFile(path.join(site, 'offline.json'), 'utf8')) as Record<string, number | string>;
    expect(summary).toEqual({ build: result.build, bytes: list.files.reduce((sum, [, bytes]) => sum + bytes, 0), files: list.files.length, pages: 3 });
  });

  test('the service worker is plain JavaScript with the build id, the base and the hashes of files whose name does not change', async () => {
    const site = await fakeSite();
    const { build, swBytes, swGzipBytes } = await writeOfflineFiles(site, '/handbook/');
    const sw = await readFile(path.join(site, 'sw.js'), 'utf8');
    expect(() => new Script(sw)).not.toThrow();
    expect(sw).not.toMatch(/\binterface\b|\bexport\b|: Promise</);
    const config = JSON.parse(/^const CONFIG = (.*);$/m.exec(sw)![1]!) as Record<string, unknown>;
    expect(config).toMatchObject({ build, base: '/handbook/', prefix: 'yishi /handbook/ ', offlinePage: 'offline/' });
    expect(config.verify).toEqual({ 'favicon.svg': sha16('<svg/>'), 'pagefind/pagefind-entry.json': sha16('{}'), 'pagefind/pagefind.js': sha16('export {}') });
    expect(config.search).toEqual(['pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'pagefind/pagefind.und_1234.pf_meta']);
    expect(swBytes).toBe(Buffer.byteLength(sw));
    expect(swGzipBytes).toBeLessThan(10 * 1024);
  });

  test('the build id is the same for the same files and changes with any of them', async () => {
    const site = await fakeSite();
    const copy = path.join(path.dirname(site), 'copy');
    await cp(site, copy, { recursive: true });
    const first = await writeOfflineFiles(site, '/');
    expect((await writeOfflineFiles(copy, '/')).build).toBe(first.build);

    const changed = await fakeSite();
    await writeFile(path.join(changed, 'cases/a/index.html'), page('案例乙'));
    expect((await writeOfflineFiles(changed, '/')).build).not.toBe(first.build);
    const elsewhere = await fakeSite();
    expect((await writeOfflineFiles(elsewhere, '/handbook/')).build).not.toBe(first.build);
  });

  test('a site without the offline page stops the build with a message', async () => {
    const site = await fakeSite();
    await writeFile(path.join(site, 'offline/index.html'), page('离线', false));
    await expect(writeOfflineFiles(site, '/')).rejects.toThrow(/离线阅读：找不到离线提示页 offline\/index\.html/);
  });
});

describe('the app icons', () => {
  test('CSS colours in every form handbook.config.ts accepts become sRGB', () => {
    expect(cssToRgb('#b4232a')).toEqual([180, 35, 42]);
    expect(cssToRgb('#ABC')).toEqual([170, 187, 204]);
    expect(cssToRgb('#11223344')).toEqual([17, 34, 51]);
    expect(cssToRgb('darkred')).toEqual([139, 0, 0]);
    expect(cssToRgb('RebeccaPurple')).toEqual([102, 51, 153]);
    expect(cssToRgb('rgb(0 82 155)')).toEqual([0, 82, 155]);
    expect(cssToRgb('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30]);
    expect(cssToRgb('rgb(100% 0% 50%)')).toEqual([255, 0, 128]);
    expect(cssToRgb('hsl(120 100% 25%)')).toEqual([0, 128, 0]);
    expect(cssToRgb('hsl(0.5turn 100% 50%)')).toEqual([0, 255, 255]);
    expect(cssToRgb('hwb(240 0% 0%)')).toEqual([0, 0, 255]);
    expect(cssToRgb('hwb(0 60% 60%)')).toEqual([128, 128, 128]);
    // CSS Color 4's own examples: pure sRGB red and white in the other spaces.
    expect(cssToRgb('oklch(62.8% 0.2577 29.23)')).toEqual([255, 0, 0]);
    expect(cssToRgb('oklab(1 0 0)')).toEqual([255, 255, 255]);
    expect(cssToRgb('lab(100 0 0)')).toEqual([255, 255, 255]);
    expect(cssToRgb('lch(54.29 106.84 40.85)')).toEqual([255, 0, 0]);
    expect(cssToRgb('nonsense')).toBeUndefined();
    expect(accentHex('darkred')).toBe('#8b0000');
    expect(accentHex('not a colour')).toBe('#b4232a');
  });

  test('a PNG is a valid file of the pixels given', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255]);
    const png = encodePng(2, 2, pixels);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([2, 2, 8, 6]);
    const idat = png.indexOf('IDAT', 0, 'latin1');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 8), 0, ...pixels.subarray(8)]);
    expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
  });

  test('the icons are the accent with the book in the colour that reads on it, maskable ones filling the square', () => {
    const corner = (png: Buffer) => {
      const idat = png.indexOf('IDAT', 0, 'latin1');
      const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
      return [...raw.subarray(1, 5)];
    };
    expect(corner(iconPng('#b4232a', 48, 'maskable'))).toEqual([180, 35, 42, 255]);
    expect(corner(iconPng('#b4232a', 48, 'any'))[3]).toBe(0); // rounded: the corner is transparent
    expect(iconSvg('darkred')).toContain('fill="#8b0000"');
    expect(iconSvg('darkred')).toContain('fill="#ffffff"');
    expect(iconSvg('gold')).toContain('fill="#1d1d1f"');
  });
});
