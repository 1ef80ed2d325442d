// The built site's open data, feeds and citations, read by the tools their users would point at
// them (none written here): frictionlessdata's `datapackage` and `tableschema`, Ajv's formats,
// @rowanmanning/feed-parser and citation-js. Once on the default site (no `site`), once on the
// site with `site` set.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { refreshTarget, siteFiles, urlOfFile } from '../../scripts/lib/html-scan.ts';
import { defaultSite, sharedSite } from '../helpers/build.ts';
import { isFormat, loadDataPackage, parseCitation, parseFeed, readResource, renderGbt7714 } from '../helpers/tools.ts';

const SITE = 'https://handbook.example.org';

let bare: string;
let withSite: string;
beforeAll(async () => {
  bare = await defaultSite();
  withSite = await sharedSite({ YISHI_SITE: SITE });
});

const text = (root: string, file: string) => readFile(path.join(root, file), 'utf8');
const bytes = (root: string, file: string) => readFile(path.join(root, file));

describe.each([['without site', () => bare], ['with site', () => withSite]] as const)('the data package %s', (_, root) => {
  test('frictionlessdata’s datapackage library finds the descriptor valid', async () => {
    const pkg = await loadDataPackage(path.join(root(), 'data/datapackage.json'), path.join(root(), 'data'));
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
  });

  test('every tabular resource reads with zero errors: types, constraints, primary and foreign keys', async () => {
    const pkg = await loadDataPackage(path.join(root(), 'data/datapackage.json'), path.join(root(), 'data'));
    const tabular = pkg.resources.filter((r) => r.descriptor.profile === 'tabular-data-resource');
    expect(tabular.map((r) => r.name)).toEqual(expect.arrayContaining(['cases', 'methods', 'models', 'sources', 'codebook']));
    for (const resource of tabular) {
      const { rows, errors } = await readResource(resource);
      expect(errors, resource.name).toEqual([]);
      expect(rows, resource.name).toBeGreaterThan(0);
    }
    const cases = tabular.find((r) => r.name === 'cases')!.descriptor.schema as { primaryKey: unknown; foreignKeys: { reference: { resource: string } }[] };
    expect(cases.primaryKey).toBe('id');
  });

  test('each resource declares its real profile, format and encoding; CSVs carry no BOM but the Excel copy', async () => {
    const descriptor = JSON.parse(await text(root(), 'data/datapackage.json')) as { resources: { path: string; profile: string; format: string; encoding?: string; dialect?: Record<string, unknown> }[]; created: string; homepage?: string };
    for (const resource of descriptor.resources) {
      const file = await bytes(root(), path.join('data', resource.path));
      const bom = file.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(resource.format, resource.path).toBe(path.extname(resource.path).slice(1));
      if (resource.profile === 'tabular-data-resource') {
        expect(resource.format).toBe('csv');
        expect(bom, resource.path).toBe(false);
        expect(resource.encoding).toBe('utf-8');
        expect(resource.dialect).toMatchObject({ delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true });
      } else {
        expect(resource.profile, resource.path).toBe('data-resource');
      }
    }
    expect(isFormat('date-time', descriptor.created), descriptor.created).toBe(true);
    const excel = await bytes(root(), 'data/cases-excel.csv');
    expect(excel.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(excel.subarray(3).equals(await bytes(root(), 'data/cases.csv'))).toBe(true);
  });
});

describe('addresses', () => {
  test('without site the descriptor has no homepage, and no sitemap or feed of paths is written', async () => {
    const descriptor = JSON.parse(await text(bare, 'data/datapackage.json')) as Record<string, unknown>;
    expect(descriptor).not.toHaveProperty('homepage');
    expect(existsSync(path.join(bare, 'rss.xml'))).toBe(false);
    expect(existsSync(path.join(bare, 'sitemap.xml'))).toBe(false);
  });

  test('with site the homepage is an absolute URI, and the feed and sitemap carry absolute addresses', async () => {
    const descriptor = JSON.parse(await text(withSite, 'data/datapackage.json')) as { homepage: string };
    expect(isFormat('uri', descriptor.homepage)).toBe(true);
    expect(descriptor.homepage).toBe(`${SITE}/data/`);
    const feed = parseFeed(await text(withSite, 'rss.xml'));
    expect(feed.self).toBe(`${SITE}/rss.xml`);
    expect(feed.items.length).toBeGreaterThan(50);
    for (const item of feed.items) {
      expect(item.url, item.title ?? '').toMatch(new RegExp(`^${SITE}/cases/[a-z0-9-]+/$`));
      for (const category of item.categories) expect(category.term, item.url ?? '').toMatch(/^\p{Script=Han}/u);
      if (item.published) expect(item.published.toISOString(), item.url ?? '').toMatch(/T(12:00:00|00:00:00)\.000Z$/);
    }
    const locs = [...(await text(withSite, 'sitemap.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(100);
    for (const loc of locs) expect(isFormat('uri', loc), loc).toBe(true);
  });
});

describe('citation-js reads every page’s citation', () => {
  test('each page’s BibTeX and RIS parse, and agree on author, publisher, title, language, data date and address', async () => {
    // One data date everywhere: the descriptor's `created`, each citation's date.
    const created = (JSON.parse(await text(withSite, 'data/datapackage.json')) as { created: string }).created;
    const dataDate = created.slice(0, 10).split('-').map(Number);
    const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    let pages = 0;
    for (const file of (await siteFiles(withSite)).filter((f) => f.endsWith('.html'))) {
      const html = await text(withSite, file);
      if (refreshTarget(html) !== undefined) continue;
      const bib = /<pre[^>]*data-format="bibtex"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1];
      const risText = /<pre[^>]*data-format="ris"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1];
      if (!bib || !risText) continue;
      pages++;
      const url = urlOfFile(file);
      const [fromBib] = await parseCitation(decode(bib).replace(/<[^>]+>/g, ''));
      const [fromRis] = await parseCitation(decode(risText).replace(/<[^>]+>/g, ''));
      for (const item of [fromBib!, fromRis!]) {
        expect(item.publisher, url).toBe('议事手册编写组');
        expect(item.author?.[0]?.family ?? item.author?.[0]?.literal, url).toBe('议事手册编写组');
        expect(item.language, url).toBe('zh');
        expect(item.URL, url).toBe(`${SITE}${url}`);
        expect(item.issued, url).toEqual({ 'date-parts': [dataDate] });
      }
      expect(fromBib!.title, url).toBe(fromRis!.title);
      expect(fromBib!.issued, url).toEqual(fromRis!.issued);

      // The official GB/T 7714-2015 CSL style renders the BibTeX (with an access date filled in as
      // the page's script does) as the page's own GB/T text, but where GB/T leaves a choice: ours
      // writes the update date, (2026-01-01), and a data set's edition; the style writes 出版者, 出版年.
      const gbt = /<pre[^>]*data-format="gbt"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1];
      const accessed = '2026-06-30';
      const ours = decode(gbt!).replace(/<[^>]+>/g, '').replace('[引用日期]', `[${accessed}]`);
      const style = await renderGbt7714(decode(bib).replace(/<[^>]+>/g, '').replace(/(urldate\s*=\s*\{)引用日期\}/, `$1${accessed}}`));
      const year = /\((\d{4})-\d{2}-\d{2}\)/.exec(ours)?.[1];
      expect(style, url).toContain(`议事手册编写组, ${year}[${accessed}]`);
      expect(style.replace(`议事手册编写组, ${year}[`, '['), url).toBe(ours.replace(/(?:\S+版\. )?\(\d{4}-\d{2}-\d{2}\)\[/, '['));
    }
    expect(pages).toBeGreaterThan(100);
  });
});
