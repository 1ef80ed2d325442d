import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLinks } from '../helpers/link-check.ts';

async function fakeSite(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yishi-linkcheck-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const html = (body: string) => `<!DOCTYPE html><html><head><link rel="stylesheet" href="/handbook/_astro/a.css"></head><body>${body}</body></html>`;

describe('the link checker used by the site tests', () => {
  test('finds nothing wrong in a site whose links all resolve under the base', async () => {
    const site = await fakeSite({
      '_astro/a.css': '',
      'logo.png': '',
      'index.html': html(
        '<a href="/handbook/cases/">案例</a><a href="cases/x/#step-1">相对</a><a href="#top">顶部</a><a href="https://example.org/">外部</a>' +
          '<a href="mailto:a@b.cn">邮件</a><img srcset="/handbook/logo.png 1x, /handbook/logo.png 2x" alt=""><form action="/handbook/cases/"></form>' +
          '<script>const s = "<a href=\'/nowhere/\'>";</script><!-- <a href="/gone/"> -->',
      ),
      'cases/index.html': html('<a href="../">首页</a><a href="/handbook/cases/x/#%E6%AD%A5">中文锚点</a>'),
      'cases/x/index.html': html('<li id="step-1"></li><h2 id="步">步</h2>'),
      'cases/old/index.html': '<meta http-equiv="refresh" content="0; url=/handbook/cases/x/">',
    });
    expect(await checkLinks(site, '/handbook/')).toEqual([]);
  });

  test('reports missing files, missing anchors, links outside the base and dead redirects', async () => {
    const site = await fakeSite({
      '_astro/a.css': '',
      'index.html': html('<a href="/handbook/cases/y/">缺页</a><a href="/handbook/cases/x/#step-2">缺锚点</a><a href="/cases/x/">缺 base</a><img src="/handbook/logo.svg" alt="">'),
      'cases/x/index.html': html('<li id="step-1"></li>'),
      'cases/old/index.html': '<meta http-equiv="refresh" content="0; url=/handbook/cases/gone/">',
    });
    expect(await checkLinks(site, '/handbook/')).toEqual([
      { page: '/cases/old/', link: '/handbook/cases/gone/', problem: 'no file cases/gone/index.html' },
      { page: '/', link: '/handbook/cases/y/', problem: 'no file cases/y/index.html' },
      { page: '/', link: '/handbook/cases/x/#step-2', problem: 'no #step-2 in cases/x/index.html' },
      { page: '/', link: '/cases/x/', problem: 'outside the base /handbook/' },
      { page: '/', link: '/handbook/logo.svg', problem: 'no file logo.svg' },
    ]);
  });
});
