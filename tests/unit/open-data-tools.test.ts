// What the handbook publishes, read by tools nobody here wrote: Ajv (JSON Schema 2020-12 with its
// formats) checks the frontmatter schemas against every bundled content file and the rule
// fixtures; @rowanmanning/feed-parser reads the RSS; citation-js reads the BibTeX and RIS.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseYaml, splitMdx } from '../../scripts/lib/check/frontmatter.ts';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { collectionNames, type CollectionName } from '../../src/schemas/index.ts';
import { bibtex, gbt7714, ris, type CitationInput } from '../../src/site/citation.ts';
import { datapackageJson, datasetCitation } from '../../src/site/data-package.ts';
import { casesRss } from '../../src/site/feeds.ts';
import { casesCsv, collectionJsonSchema, type CaseEntry } from '../../src/site/open-data.ts';
import { contentWith, FIXTURES, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { jsonSchemaValidator, parseCitation, parseFeed, readTable, renderGbt7714 } from '../helpers/tools.ts';

/** The frontmatter of a content file as an editor's YAML reader hands it to a JSON Schema validator. */
async function frontmatterOf(file: string): Promise<unknown> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const yamlText = file.endsWith('.mdx') ? splitMdx(text)!.frontmatter : text;
  return parseYaml(yamlText, file, 0).data;
}

/** Every content file of a collection under a content folder (not the source texts). */
async function files(content: string, collection: CollectionName): Promise<string[]> {
  const dir = path.join(content, collection);
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names.filter((n) => /\.(mdx|yaml)$/.test(n) && !n.startsWith('texts')).map((n) => path.join(dir, n)).sort();
}

const collectionOf = (file: string) => path.relative(FIXTURES, file).split(path.sep).find((part) => (collectionNames as string[]).includes(part)) as CollectionName;

describe('Ajv checks the published JSON Schemas', () => {
  test.each(collectionNames)('every bundled %s file validates against /schemas/<collection>.schema.json', async (collection) => {
    const validate = jsonSchemaValidator(collectionJsonSchema(collection));
    const list = await files(path.join(PROJECT_ROOT, 'content'), collection);
    expect(list.length).toBeGreaterThan(0);
    for (const file of list) expect(validate(await frontmatterOf(file)), path.relative(PROJECT_ROOT, file)).toEqual([]);
  });

  test('the fixtures of every rule pass where the check passes them', async () => {
    for (const rule of await readdir(path.join(FIXTURES, 'rules'))) {
      for (const collection of collectionNames) {
        for (const file of await files(path.join(FIXTURES, 'rules', rule, 'pass'), collection)) {
          expect(jsonSchemaValidator(collectionJsonSchema(collection))(await frontmatterOf(file)), path.relative(FIXTURES, file)).toEqual([]);
        }
      }
    }
  });

  /** The failing rule fixtures whose fault lies in the frontmatter alone, where JSON Schema can see it. */
  const EXPRESSIBLE = ['dates/fail/cases/wrong-format.mdx', 'dates/fail/cases/no-such-day.mdx', 'labels/fail/cases/unknown-label.mdx', 'schema/fail/cases/bad-schema.mdx'];
  /**
   * The rest, and the rule each schema's description says JSON Schema cannot check: a date in the
   * future (today moves), a file name, whether a referenced entry exists, what is unique across files,
   * a practice's part, a method's title against its steps, a formula against its parts; a YAML syntax
   * error, a file's encoding and code in an MDX body are not frontmatter at all.
   */
  const NOT_EXPRESSIBLE: Record<string, string> = {
    'dates/fail/cases/future.mdx': '晚于今天',
    'ids/fail/cases/Bad_Name.mdx': '文件名',
    'ids/fail/cases/中山街停车.mdx': '文件名',
    'references/fail/cases/refs-broken.mdx': '是否存在',
    'part-of/fail/cases/child-of-consultation.mdx': '实践',
    'unique/fail/cases/alias-taken.mdx': '不能重复',
    'steps/fail/methods/eight-steps.mdx': '步数',
    'formula/fail/models/formula-mismatch.mdx': '公式',
  };

  test('the failing rule fixtures that JSON Schema can express are rejected; the schema says which rules it cannot check', async () => {
    for (const name of EXPRESSIBLE) {
      const file = path.join(FIXTURES, 'rules', name);
      expect(jsonSchemaValidator(collectionJsonSchema(collectionOf(file)))(await frontmatterOf(file)), name).not.toEqual([]);
    }
    for (const [name, words] of Object.entries(NOT_EXPRESSIBLE)) {
      const file = path.join(FIXTURES, 'rules', name);
      const schema = collectionJsonSchema(collectionOf(file));
      expect(jsonSchemaValidator(schema)(await frontmatterOf(file)), name).toEqual([]);
      expect(JSON.stringify(schema), name).toContain(words);
    }
  });

  test('dates, ids and references are checked by pattern and format, as npm run check does', () => {
    const validate = jsonSchemaValidator(collectionJsonSchema('cases'));
    const good = { title: '某社区停车协商', kind: 'consultation', summary: '摘要。', date: 2023, region: { province: '浙江省' }, level: '社区', forms: ['council'], topics: ['traffic'], sources: ['some-source'] };
    expect(validate(good)).toEqual([]);
    for (const date of [2023, '2023', '2023-05', '2024-02-29', '不详', 'unknown']) expect(validate({ ...good, date }), String(date)).toEqual([]);
    for (const date of ['2020-13-45', 'yesterday', 99999, '2023-02-30', '2023/05/01', '2023-5', 23]) expect(validate({ ...good, date }), String(date)).not.toEqual([]);
    for (const sources of [['Huzhou Practice'], ['huzhou_practice'], [{ id: 'Huzhou Practice' }], []]) expect(validate({ ...good, sources }), JSON.stringify(sources)).not.toEqual([]);
    expect(validate({ ...good, sources: [{ id: 'some-source', supports: '议题' }] })).toEqual([]);
    for (const field of ['methods', 'models', 'aliases']) expect(validate({ ...good, [field]: ['Not An Id'] }), field).not.toEqual([]);
    expect(validate({ ...good, partOf: 'Not An Id' })).not.toEqual([]);
    expect(validate({ ...good, title: '    ' })).not.toEqual([]);
    const source = jsonSchemaValidator(collectionJsonSchema('sources'));
    const ok = { title: '某文', publisher: '某报', complete: true };
    expect(source(ok)).toEqual([]);
    expect(source({ ...ok, date: '2023-13' })).not.toEqual([]);
    expect(source({ ...ok, url: 'ftp://example.org/a' })).not.toEqual([]);
    expect(source({ ...ok, url: 'https://example.org/a', accessed: '2024-02-29' })).toEqual([]);
  });
});

describe('a feed parser reads the RSS', () => {
  let cases: CaseEntry[];
  beforeAll(async () => {
    const content = await contentWith();
    const { entries } = await validateContent(content, path.dirname(content));
    cases = entries.filter((e) => e.collection === 'cases') as unknown as CaseEntry[];
  });
  const site = { title: '议事手册', organisation: '编写组', description: '简介', base: '/' };
  const at = (date: string | null) => (cases[0] ? [{ ...cases[0], id: `case-${date ?? 'undated'}`, data: { ...cases[0].data, date, topics: ['unknown'] } }] : []);

  test('a year-only or month-only date is the same day in every time zone: noon UTC of its first day', () => {
    for (const [date, day] of [['2020', '2020-01-01'], ['2024-02', '2024-02-01'], ['2023-05-09', '2023-05-09']] as const) {
      const feed = parseFeed(casesRss(at(date), { ...site, site: 'https://example.gov.cn' }));
      const published = feed.items[0]!.published!;
      expect(published.toISOString(), date).toBe(`${day}T12:00:00.000Z`);
      // From UTC−11 to UTC+11 the reader's calendar shows the same day.
      for (const offset of [-11, -5, 0, 1, 8, 11]) expect(new Date(published.getTime() + offset * 3600_000).toISOString().slice(0, 10), `${date} ${offset}`).toBe(day);
    }
  });

  test('categories are Chinese labels only, 不详 where unknown', () => {
    const feed = parseFeed(casesRss(at('2020'), { ...site, site: 'https://example.gov.cn' }));
    const labels = feed.items.flatMap((i) => i.categories.map((c) => c.term));
    expect(labels).toContain('不详');
    for (const label of labels) expect(label).toMatch(/^\p{Script=Han}[\p{Script=Han}（）()]*$/u);
  });

  test('with site set, the feed links to itself (atom:link rel="self") and every link is absolute', () => {
    const feed = parseFeed(casesRss(cases, { ...site, site: 'https://example.gov.cn', base: '/handbook/' }));
    expect(feed.self).toBe('https://example.gov.cn/handbook/rss.xml');
    expect(feed.url).toBe('https://example.gov.cn/handbook/cases/');
    expect(feed.language).toBe('zh-CN');
    for (const item of feed.items) expect(item.url).toMatch(/^https:\/\/example\.gov\.cn\/handbook\/cases\/[a-z0-9-]+\/$/);
  });
});

describe('citation-js reads the three formats as one citation', () => {
  const ORG = '某市政协办公室';
  const page: CitationInput = { author: ORG, title: '示例 50% 停车难协商', container: '议事手册', url: 'https://example.gov.cn/cases/x/', updated: '2026-05-01', accessed: '2026-06-30', type: 'page', key: 'cases-x' };
  const dataset = { ...datasetCitation({ title: '议事手册', organisation: ORG, description: '', site: 'https://example.gov.cn', base: '/', licence: undefined }, { version: '1.2.0', dataDate: '2026-05-01' }), accessed: '2026-06-30' };

  test.each([['a page', page], ['the data set', dataset]] as const)('%s: BibTeX and RIS give the same author, publisher, title, language zh, data date and address', async (_, input) => {
    const [fromBib] = await parseCitation(bibtex(input));
    const [fromRis] = await parseCitation(ris(input));
    for (const item of [fromBib!, fromRis!]) {
      expect(item.author).toEqual([{ literal: ORG }].map(() => expect.objectContaining({ family: ORG })));
      expect(item.publisher).toBe(ORG);
      expect(item.language).toBe('zh');
      expect(item.title).toBe(input.title);
      expect(item.URL).toBe(input.url);
      expect(item.issued).toEqual({ 'date-parts': [[2026, 5, 1]] });
    }
    expect(fromBib!.type).toBe(fromRis!.type);
  });

  test('the official GB/T 7714-2015 CSL style renders our BibTeX as our text says, but for the parts GB/T leaves open', async () => {
    // Where we write the update date, (2026-05-01), the CSL style writes 出版者, 出版年 (it has no
    // variable for an update date); both forms are the standard's. It drops a data set's edition.
    const style = await renderGbt7714(bibtex(page));
    expect(style).toBe(`${ORG}. 示例 50% 停车难协商[EB/OL]. ${ORG}, 2026[2026-06-30]. https://example.gov.cn/cases/x/.`);
    expect(style.replace(`${ORG}, 2026[`, '(2026-05-01)[')).toBe(gbt7714(page));
    const data = await renderGbt7714(bibtex(dataset));
    expect(data.replace(`${ORG}, 2026[`, '1.2.0版. (2026-05-01)[')).toBe(gbt7714(dataset));
  });
});

describe('tableschema checks the case table against its Table Schema', () => {
  test('the fixture cases read with zero errors; a wrong label, code, date or id is reported', async () => {
    const content = await contentWith();
    const { entries } = await validateContent(content, path.dirname(content));
    const cases = entries.filter((e) => e.collection === 'cases') as unknown as CaseEntry[];
    const site = { title: '议事手册', organisation: '编写组', description: '简介', site: undefined, base: '/', licence: undefined };
    const schema = JSON.parse(datapackageJson(site, { version: '1.0.0', dataDate: '2026-05-01' }, { cases: 2, methods: 1, models: 1, sources: 1 })).resources[0].schema;
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-table-'));
    const csv = casesCsv(cases, site);
    await writeFile(path.join(dir, 'cases.csv'), csv);
    const good = await readTable(path.join(dir, 'cases.csv'), schema);
    expect(good.errors).toEqual([]);
    expect(good.rows).toHaveLength(cases.length);
    for (const [from, to] of [[',社区,', ',小区,'], [',community,', ',neighbourhood,'], [',2022-05-09,', ',2022-13-09,'], ['demo-consultation,', 'Demo Consultation,']] as const) {
      expect(csv, from).toContain(from);
      await writeFile(path.join(dir, 'bad.csv'), csv.replace(from, to));
      expect((await readTable(path.join(dir, 'bad.csv'), schema)).errors, to).not.toEqual([]);
    }
  });
});
