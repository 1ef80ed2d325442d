import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLinkManifest, createLinkManifest, formatMissingLinks, removeUrls } from '../../scripts/lib/link-manifest.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';

const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body><a href="#main">跳到正文</a><main id="main">${body}</main></body></html>`;
const redirect = (target: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>已移动</title><meta http-equiv="refresh" content="0; url=${target}"></head><body></body></html>`;
const steps = (n: number) => Array.from({ length: n }, (_, i) => `<li id="step-${i + 1}">第 ${i + 1} 步</li>`).join('');

/** A small built site in a temporary folder: files relative to it, with their contents. */
async function fakeSite(files: Record<string, string>): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-links-')), 'dist');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const SITE = {
  'index.html': page('<h1 id="start-heading">首页</h1>'),
  '404.html': page('找不到'),
  'cases/index.html': page(''),
  'cases/first-case/index.html': page('<h2 id="sources-heading">资料来源</h2>'),
  'cases/second-case/index.html': page(''),
  'methods/three-steps/index.html': page(`<ol>${steps(3)}</ol><h2 id="原则">原则</h2>`),
  'terms/index.html': page('<dl><dt id="yishihui">议事会</dt><dt id="liangwei">两委</dt></dl>'),
  'sources/index.html': page('<ul><li id="demo-source">资料</li></ul>'),
  'data/cases.json': '{}',
  'schemas/cases.schema.json': '{}',
  'rss.xml': '<rss/>',
  '_astro/app.css': 'body{}',
  'pagefind/pagefind.js': '',
  'favicon.svg': '<svg/>',
};
const ENTRIES = { terms: ['yishihui', 'liangwei'], sources: ['demo-source'] };

describe('the link manifest', () => {
  test('lists every page, step, term and source anchor and open-data file, and nothing else', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    expect(manifest.urls).toEqual([
      '/',
      '/cases/',
      '/cases/first-case/',
      '/cases/second-case/',
      '/data/cases.json',
      '/methods/three-steps/',
      '/methods/three-steps/#step-1',
      '/methods/three-steps/#step-2',
      '/methods/three-steps/#step-3',
      '/rss.xml',
      '/schemas/cases.schema.json',
      '/sources/',
      '/sources/#demo-source',
      '/terms/',
      '/terms/#liangwei',
      '/terms/#yishihui',
    ]);
  });

  test('a built site that still has everything reports nothing', async () => {
    const site = await fakeSite(SITE);
    expect(await checkLinkManifest(site, await createLinkManifest(site, ENTRIES))).toEqual([]);
  });

  test('the feed and sitemap are missing only from a build with site: without it they are not written', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const { 'rss.xml': _, ...withoutFeed } = SITE;
    const bare = await fakeSite(withoutFeed);
    expect(await checkLinkManifest(bare, manifest)).toEqual(['/rss.xml']);
    expect(await checkLinkManifest(bare, manifest, '/', { withSite: false })).toEqual([]);
  });

  test('a case page removed without an alias is reported', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const { 'cases/second-case/index.html': _gone, ...rest } = SITE;
    expect(await checkLinkManifest(await fakeSite(rest), manifest)).toEqual(['/cases/second-case/']);
  });

  test('a case page that moved, leaving an alias redirect page, is fine', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const moved = { ...SITE, 'cases/second-case/index.html': redirect('/cases/renamed-case/'), 'cases/renamed-case/index.html': page('') };
    expect(await checkLinkManifest(await fakeSite(moved), manifest)).toEqual([]);
  });

  test('a redirect page that leads to no page is reported', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const broken = { ...SITE, 'cases/second-case/index.html': redirect('/cases/nowhere/') };
    expect(await checkLinkManifest(await fakeSite(broken), manifest)).toEqual(['/cases/second-case/']);
  });

  test('a page folded into a section of another keeps its URL: the redirect must lead to a section that exists', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const section = encodeURIComponent('泾崇路没有停车位');
    const folded = {
      ...SITE,
      'cases/second-case/index.html': redirect(`/cases/first-case/#${section}`),
      'cases/first-case/index.html': page('<h3 id="泾崇路没有停车位">泾崇路没有停车位</h3><h2 id="sources-heading">资料来源</h2>'),
    };
    expect(await checkLinkManifest(await fakeSite(folded), manifest)).toEqual([]);
    // The section renamed or gone: the old URL would land at the top of a page, not on its text.
    const renamed = { ...folded, 'cases/first-case/index.html': page('<h3 id="泾崇路停车">泾崇路停车</h3>') };
    expect(await checkLinkManifest(await fakeSite(renamed), manifest)).toEqual(['/cases/second-case/']);
  });

  test('a step removed from a method is reported as its #step-N', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const shorter = { ...SITE, 'methods/three-steps/index.html': page(`<ol>${steps(2)}</ol>`) };
    expect(await checkLinkManifest(await fakeSite(shorter), manifest)).toEqual(['/methods/three-steps/#step-3']);
  });

  test('a removed glossary term is reported as its anchor on /terms/', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const fewer = { ...SITE, 'terms/index.html': page('<dl><dt id="yishihui">议事会</dt></dl>') };
    expect(await checkLinkManifest(await fakeSite(fewer), manifest)).toEqual(['/terms/#liangwei']);
  });

  test('a renamed method keeps its step anchors through the redirect, under a base path', async () => {
    const manifest = await createLinkManifest(await fakeSite(SITE), ENTRIES);
    const moved = {
      ...SITE,
      'methods/three-steps/index.html': redirect('/handbook/methods/three-step-method/'),
      'methods/three-step-method/index.html': page(`<ol>${steps(3)}</ol>`),
    };
    const site = await fakeSite(moved);
    expect(await checkLinkManifest(site, manifest, '/handbook/')).toEqual([]);
    // Built for the root but checked as if under /handbook/: the redirect leaves the site.
    expect(await checkLinkManifest(site, manifest, '/')).toEqual([
      '/methods/three-steps/',
      '/methods/three-steps/#step-1',
      '/methods/three-steps/#step-2',
      '/methods/three-steps/#step-3',
    ]);
  });

  test('the report names each URL and says how to keep or retire it, in Chinese', () => {
    const report = formatMissingLinks(['/cases/second-case/', '/methods/three-steps/#step-3']);
    expect(report).toContain('有 2 个已经发布的网址在这次构建中消失了');
    expect(report).toContain('  /cases/second-case/\n');
    expect(report).toContain('/methods/three-steps/#step-3（方法的步骤）');
    expect(report).toContain('请在新文件的 aliases 中写上旧 id');
    expect(report).toContain('npm run links:update -- --remove /cases/second-case/ /methods/three-steps/#step-3');
  });

  test('retiring a page also retires its anchors', () => {
    const urls = ['/methods/a/', '/methods/a/#step-1', '/methods/ab/', '/terms/#x', '/terms/'];
    expect(removeUrls(urls, ['/methods/a/', 'terms/#x'])).toEqual({ kept: ['/methods/ab/', '/terms/'], unknown: [] });
    expect(removeUrls(urls, ['/cases/zzz/']).unknown).toEqual(['/cases/zzz/']);
  });
});

describe('npm run links:update', { timeout: 60_000 }, () => {
  function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [path.join(PROJECT_ROOT, 'scripts/links.ts'), ...args], { encoding: 'utf8', env: { ...process.env, YISHI_BASE: '' } }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  test('records new URLs, refuses when some disappeared, and retires them only on request', async () => {
    const content = await contentWith();
    const manifest = path.join(path.dirname(content), 'links.manifest.json');
    const site = await fakeSite({ ...SITE, 'terms/index.html': page('<dt id="demo-term">议事会</dt>') });
    const common = ['--site', site, '--content', content, '--manifest', manifest];

    const created = await run(...common);
    expect(created.status, created.stderr).toBe(0);
    const urls = () => readFile(manifest, 'utf8').then((t) => JSON.parse(t).urls as string[]);
    expect(await urls()).toContain('/terms/#demo-term');

    await mkdir(path.join(site, 'cases/third-case'), { recursive: true });
    await writeFile(path.join(site, 'cases/third-case/index.html'), page(''));
    const grown = await run(...common);
    expect(grown.stdout).toContain('已把 1 个新网址记入');
    expect(await urls()).toContain('/cases/third-case/');

    await rm(path.join(site, 'cases/first-case'), { recursive: true });
    const refused = await run(...common);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('/cases/first-case/');
    expect(await urls()).toContain('/cases/first-case/');

    const retired = await run('--manifest', manifest, '--remove', '/cases/first-case/');
    expect(retired.status, retired.stderr).toBe(0);
    expect(await urls()).not.toContain('/cases/first-case/');
    expect((await run(...common, '--check')).status).toBe(0);
  });
});
