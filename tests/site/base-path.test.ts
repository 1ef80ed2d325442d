import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { scanTags, siteFiles } from '../../scripts/lib/html-scan.ts';
import { checkLinkManifest, MANIFEST_FILE, readLinkManifest } from '../../scripts/lib/link-manifest.ts';
import { buildSite, defaultSite, readPage } from '../helpers/build.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';

let root: string;
let handbook: string;

beforeAll(async () => {
  root = await defaultSite();
  // A BASE_URL left in the environment by another tool (vitest sets one) must not win over the config.
  handbook = await buildSite({ env: { YISHI_BASE: '/handbook/', BASE_URL: '/' } });
});

/** Every root-relative href/src/action on every page of a built site. */
async function internalLinks(site: string): Promise<string[]> {
  const links: string[] = [];
  for (const file of (await siteFiles(site)).filter((f) => f.endsWith('.html'))) {
    for (const tag of scanTags(await readFile(path.join(site, file), 'utf8'))) {
      for (const name of ['href', 'src', 'action']) {
        const value = tag.attributes.get(name);
        if (value?.startsWith('/') && !value.startsWith('//')) links.push(value);
      }
    }
  }
  return links;
}

describe('a handbook served from the root', () => {
  test('has no broken internal link or anchor', async () => {
    expect(await checkLinks(root, '/')).toEqual([]);
  });
});

describe('a handbook served under /handbook/ (YISHI_BASE)', () => {
  test('has no broken internal link or anchor', async () => {
    expect(await checkLinks(handbook, '/handbook/')).toEqual([]);
  });

  test('every page links under /handbook/, including links written in content bodies', async () => {
    const links = await internalLinks(handbook);
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((l) => !l.startsWith('/handbook/'))).toEqual([]);
    // A Markdown link in a case body, written from the root as /cases/huzhou-qingnilai/.
    const html = await readPage(handbook, 'cases/huzhou-logistics-hub-2019/');
    expect(html).toContain('href="/handbook/cases/huzhou-qingnilai/"');
    expect(html).toContain('href="/handbook/models/huzhou-1246-x/"');
    // A link to a section of a page keeps its #anchor under the base.
    const method = await readPage(handbook, 'methods/six-step-procedure/');
    expect(method).toContain(`href="/handbook/cases/community-four-six/#${encodeURI('泾崇路没有停车位')}"`);
  });

  test('open data carries URLs under /handbook/; without site no feed or sitemap of paths is written', async () => {
    const json = JSON.parse(await readFile(path.join(handbook, 'data/cases.json'), 'utf8')) as { home: string; cases: { url: string }[] };
    expect(json.home).toBe('/handbook/');
    for (const record of json.cases) expect(record.url).toMatch(/^\/handbook\/cases\/[a-z0-9-]+\/$/);
    expect(existsSync(path.join(handbook, 'rss.xml'))).toBe(false);
    expect(existsSync(path.join(handbook, 'sitemap.xml'))).toBe(false);
  });

  test(`every URL in ${MANIFEST_FILE} is served under the base too`, async () => {
    const manifest = await readLinkManifest(path.join(PROJECT_ROOT, MANIFEST_FILE));
    expect(await checkLinkManifest(handbook, manifest!, '/handbook/', { withSite: false })).toEqual([]);
  });

  test('an invalid YISHI_BASE stops the build and names the field', async () => {
    await expect(buildSite({ env: { YISHI_BASE: 'https://example.gov.cn/handbook/' } })).rejects.toThrow(
      /handbook\.config\.ts {2}base {2}环境变量 YISHI_BASE：“https:\/\/example\.gov\.cn\/handbook\/”不是可用的路径/,
    );
  });
});

describe('a handbook without site, at an IP address and under a base path', () => {
  test("the share kit's address, its QR code and the printed citation carry the host and the base path", async () => {
    const server = await serveStatic(handbook, { base: '/handbook/' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 3 });
      const address = `${new URL(server.url).origin}/handbook/cases/huzhou-logistics-hub-2019/`;
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/handbook\//);
      await page.goto(address, { waitUntil: 'networkidle' });
      await page.waitForSelector('html[data-addresses]');
      expect(await page.locator('.share__url a').textContent()).toBe(address);
      const png = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-base-qr-')), 'qr.png');
      await page.locator('.share__qr').screenshot({ path: png });
      expect(spawnSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).stdout.trim()).toBe(address);
      expect(await page.locator('.cite-print').textContent()).toContain(address);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
