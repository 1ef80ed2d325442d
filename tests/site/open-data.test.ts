import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { anchorsOf, fileOfUrl, refreshTarget, siteFiles, urlOfFile } from '../../scripts/lib/html-scan.ts';
import { checkLinkManifest, MANIFEST_FILE, readLinkManifest } from '../../scripts/lib/link-manifest.ts';
import { CSV_HEADER, type CaseRecord } from '../../src/site/open-data.ts';
import { parseYaml, splitMdx } from '../../scripts/lib/check/frontmatter.ts';
import { validateContent, type ValidEntry } from '../../scripts/lib/check/index.ts';
import { collectionNames } from '../../src/schemas/index.ts';
import { defaultSite, sharedSite } from '../helpers/build.ts';
import { parseCsv } from '../helpers/csv.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { checkJsonSchema } from '../helpers/json-schema.ts';

let site: string;
let cases: ValidEntry[];

beforeAll(async () => {
  site = await defaultSite();
  const { entries } = await validateContent(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
  cases = entries.filter((e) => e.collection === 'cases' && !e.draft).sort((a, b) => (a.id < b.id ? -1 : 1));
});

const read = (file: string) => readFile(path.join(site, file), 'utf8');

/** Pages a reader can land on: every HTML file but redirects and the error page. */
async function pages(): Promise<string[]> {
  const urls: string[] = [];
  for (const file of (await siteFiles(site)).filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'offline/index.html')) {
    if (refreshTarget(await read(file)) === undefined) urls.push(urlOfFile(file));
  }
  return urls.sort();
}

describe('open data of the bundled handbook', () => {
  test('/data/cases.json has every case, sorted by id, with a working url and key+label taxonomies', async () => {
    const document = JSON.parse(await read('data/cases.json')) as { count: number; cases: (CaseRecord & { level: { label: string }; forms: unknown[] })[] };
    expect(document.count).toBe(cases.length);
    expect(document.cases.map((c) => c.id)).toEqual(cases.map((c) => c.id));
    const files = new Set(await siteFiles(site));
    for (const record of document.cases) {
      expect(files.has(fileOfUrl(record.url)!), record.url).toBe(true);
      expect(record.level.label, record.id).toMatch(/\p{Script=Han}/u);
      expect(record.forms.length, record.id).toBeGreaterThan(0);
    }
  });

  test('/data/cases.csv has no BOM (cases-excel.csv has one) and one row per case under the Chinese header', async () => {
    const csv = await read('data/cases.csv');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(await read('data/cases-excel.csv')).toBe(`\uFEFF${csv}`);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(cases.map((c) => c.id));
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
  });

  test('a schema for each collection, and a real case frontmatter validates against the cases schema', async () => {
    for (const collection of collectionNames) expect(JSON.parse(await read(`schemas/${collection}.schema.json`)).type).toBe('object');
    const schema = JSON.parse(await read('schemas/cases.schema.json'));
    for (const entry of cases) {
      const frontmatter = splitMdx(await readFile(path.join(PROJECT_ROOT, entry.file), 'utf8'))!.frontmatter;
      expect(checkJsonSchema(schema, parseYaml(frontmatter, entry.file, 1).data), entry.file).toEqual([]);
    }
    expect(checkJsonSchema(schema, { title: '不完整的案例', kind: 'meeting' })).toContain('$.kind: "meeting" is not one of the allowed values');
  });
});

describe('feeds (written only with site set)', () => {
  const SITE = 'https://handbook.example.org';
  let withSite: string;
  beforeAll(async () => {
    withSite = await sharedSite({ YISHI_SITE: SITE });
  });
  const readWithSite = (file: string) => readFile(path.join(withSite, file), 'utf8');

  test('/rss.xml lists every case, newest first and undated last, each linking to its page', async () => {
    const rss = await readWithSite('rss.xml');
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const items = [...rss.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => ({
      link: /<link>([^<]+)<\/link>/.exec(m[1]!)![1]!,
      date: /<pubDate>([^<]+)<\/pubDate>/.exec(m[1]!)?.[1],
    }));
    expect(items.map((i) => i.link).sort()).toEqual(cases.map((c) => `${SITE}/cases/${c.id}/`).sort());
    const times = items.map((i) => (i.date ? Date.parse(i.date) : -Infinity));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.at(-1)).toBe(-Infinity);
    const files = new Set(await siteFiles(site));
    for (const item of items) expect(files.has(fileOfUrl(item.link.slice(SITE.length))!), item.link).toBe(true);
  });

  test('/sitemap.xml lists exactly the published pages, without alias redirects', async () => {
    const xml = await readWithSite('sitemap.xml');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual((await pages()).map((p) => `${SITE}${p}`));
  });
});

describe('stable links', () => {
  test(`every URL recorded in ${MANIFEST_FILE} is still served`, async () => {
    const manifest = await readLinkManifest(path.join(PROJECT_ROOT, MANIFEST_FILE));
    expect(manifest, `${MANIFEST_FILE} is missing: run npm run build && npm run links:update`).toBeDefined();
    expect(await checkLinkManifest(site, manifest!, '/', { withSite: false })).toEqual([]);
  });

  test(`${MANIFEST_FILE} records the step anchors of every method`, async () => {
    const manifest = (await readLinkManifest(path.join(PROJECT_ROOT, MANIFEST_FILE)))!;
    const html = await read('methods/eight-step-method/index.html');
    const steps = [...anchorsOf(html)].filter((a) => /^step-\d+$/.test(a));
    expect(steps).toHaveLength(8);
    for (const step of steps) expect(manifest.urls).toContain(`/methods/eight-step-method/#${step}`);
  });
});
