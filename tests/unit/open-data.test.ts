import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { caseSchema } from '../../src/schemas/case.ts';
import { collectionNames } from '../../src/schemas/index.ts';
import { casesRss, pagePath, rfc822, sitemapXml } from '../../src/site/feeds.ts';
import { casesCsv, casesJson, collectionJsonSchema, CSV_HEADER, csvField, dataFields, excelCsv, toCsv, type CaseEntry, type CaseRecord } from '../../src/site/open-data.ts';
import { parseYaml, splitMdx } from '../../scripts/lib/check/frontmatter.ts';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { parseCsv } from '../helpers/csv.ts';
import { checkJsonSchema } from '../helpers/json-schema.ts';

const site = { title: '议事手册', organisation: '编写组', description: '简介', site: undefined, base: '/' };

const TRICKY = `---
title: 带逗号,和"引号"的案例
kind: 协商事例
summary: |-
  第一行，
  第二行。
date: 2024-02-29
region:
  province: 浙江省
  city: 湖州市
level: 社区
forms: [议事会协商, onsite]
topics: [traffic, environment]
participants: [居民代表, "物业, 业委会"]
outcome:
  status: implemented
sources: [demo-source]
---
正文。
`;

let cases: CaseEntry[];

beforeAll(async () => {
  const content = await contentWith('site-extras');
  await writeFile(path.join(content, 'cases/tricky-case.mdx'), TRICKY);
  const { problems, entries } = await validateContent(content, path.dirname(content));
  expect(problems).toEqual([]);
  cases = entries.filter((e) => e.collection === 'cases' && !e.draft) as unknown as CaseEntry[];
});

describe('CSV', () => {
  test('fields are quoted only when they must be, with quotes doubled', () => {
    expect(csvField('议事会')).toBe('议事会');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
    expect(excelCsv(toCsv([['a']]))).toBe('\uFEFFa\r\n');
  });

  test('cases.csv has no BOM, a Chinese header and one row per case, sorted by id', () => {
    const csv = casesCsv(cases, site);
    expect(csv.startsWith('id,标题,网址,摘要,类型,类型代码,')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['demo-consultation', 'demo-practice', 'moved-case', 'tricky-case']);
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
  });

  test('commas, quotes and line breaks survive a round trip; several values are joined with ；', () => {
    const rows = parseCsv(casesCsv(cases, { ...site, base: '/handbook/' }));
    const cell = (name: string) => rows.find((r) => r[0] === 'tricky-case')![CSV_HEADER.indexOf(name)];
    expect(cell('标题')).toBe('带逗号,和"引号"的案例');
    expect(cell('摘要')).toBe('第一行，\n第二行。');
    expect(cell('网址')).toBe('/handbook/cases/tricky-case/');
    expect(cell('类型')).toBe('协商事例');
    expect(cell('类型代码')).toBe('consultation');
    expect(cell('形式')).toBe('议事会协商；现场协商');
    expect(cell('形式代码')).toBe('council；onsite');
    expect(cell('参与者')).toBe('居民代表；物业, 业委会');
    expect(cell('时间')).toBe('2024-02-29');
    expect(rows.find((r) => r[0] === 'demo-practice')![CSV_HEADER.indexOf('成果状态')]).toBe('不详');
  });
});

describe('cases.json', () => {
  let document: { title: string; count: number; cases: CaseRecord[]; taxonomies: Record<string, unknown> };
  beforeAll(() => {
    document = JSON.parse(casesJson(cases, { ...site, base: '/handbook/' }));
  });

  test('lists every case, sorted by id, with its url under the base', () => {
    expect(document.count).toBe(4);
    expect(document.cases.map((c) => c.id)).toEqual(['demo-consultation', 'demo-practice', 'moved-case', 'tricky-case']);
    expect(document.cases[0]!.url).toBe('/handbook/cases/demo-consultation/');
  });

  test('every field of the registry is present, taxonomy values with key and label', () => {
    const record = document.cases.find((c) => c.id === 'tricky-case')!;
    for (const field of dataFields) expect(record, field.name).toHaveProperty(field.name);
    // Every frontmatter field reaches the data, directly or through the registry's fields.
    for (const field of Object.keys(caseSchema.shape)) {
      const through: Record<string, string[]> = { region: ['province', 'city', 'county', 'place'], outcome: ['status', 'outcome'] };
      for (const name of through[field] ?? [field]) expect(record, field).toHaveProperty(name);
    }
    expect(record.kind).toEqual({ key: 'consultation', label: '协商事例' });
    expect(record.level).toEqual({ key: 'community', label: '社区' });
    expect(record.forms).toEqual([{ key: 'council', label: '议事会协商' }, { key: 'onsite', label: '现场协商' }]);
    expect(record.status).toEqual({ key: 'implemented', label: '已落实' });
    expect(record.outcome).toBeNull();
    expect([record.province, record.city, record.county, record.place]).toEqual([{ key: 'zhejiang', label: '浙江省' }, '湖州市', null, null]);
    expect(document.cases.find((c) => c.id === 'demo-practice')!.status).toEqual({ key: 'unknown', label: '不详' });
    const unknownDate = document.cases.find((c) => c.id === 'demo-consultation')!;
    expect(unknownDate.date).toBe('2022-05-09');
    expect(unknownDate.sources).toEqual([{ id: 'demo-source', supports: '议题和结果' }]);
    expect(unknownDate.partOf).toBe('demo-practice');
  });

  test('absolute urls when the site address is configured', () => {
    const withSite = JSON.parse(casesJson(cases, { ...site, site: 'https://example.gov.cn', base: '/handbook/' }));
    expect(withSite.home).toBe('https://example.gov.cn/handbook/');
    expect(withSite.cases[0].url).toBe('https://example.gov.cn/handbook/cases/demo-consultation/');
  });

  test('the same content gives the same bytes', () => {
    expect(casesJson([...cases].reverse(), site)).toBe(casesJson(cases, site));
    expect(casesCsv([...cases].reverse(), site)).toBe(casesCsv(cases, site));
  });
});

describe('JSON Schemas of the collections', () => {
  /** The frontmatter of every bundled content file of a collection, as authors wrote it. */
  async function frontmatters(collection: string): Promise<[string, unknown][]> {
    const { entries } = await validateContent(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
    const files = entries.filter((e) => e.collection === collection).map((e) => e.file);
    const out: [string, unknown][] = [];
    for (const file of files) {
      const text = await readFile(path.join(PROJECT_ROOT, file), 'utf8');
      const yamlText = file.endsWith('.mdx') ? splitMdx(text)!.frontmatter : text;
      out.push([file, parseYaml(yamlText, file, 0).data]);
    }
    return out;
  }

  test.each(collectionNames)('every bundled %s file validates against its schema', async (collection) => {
    const schema = collectionJsonSchema(collection);
    const files = await frontmatters(collection);
    expect(files.length).toBeGreaterThan(0);
    for (const [file, data] of files) expect(checkJsonSchema(schema, data), file).toEqual([]);
  });

  test('taxonomy fields list their keys and Chinese labels; wrong values and unknown fields fail', () => {
    const schema = collectionJsonSchema('cases');
    const good = {
      title: '某社区停车协商', kind: 'consultation', summary: '摘要。', date: 2023, region: { province: '浙江省' },
      level: '社区', forms: ['council'], topics: ['traffic'], sources: ['x'],
    };
    expect(checkJsonSchema(schema, good)).toEqual([]);
    expect(checkJsonSchema(schema, { ...good, level: '小区' })).toEqual(['$.level: "小区" is not one of the allowed values']);
    expect(checkJsonSchema(schema, { ...good, region: { province: '浙江' } })).toEqual(['$.region.province: "浙江" is not one of the allowed values']);
    expect(checkJsonSchema(schema, { ...good, levle: 'community' })).toEqual(['$: unknown field levle']);
    expect(checkJsonSchema(schema, { ...good, forms: [] })).toEqual(['$.forms: fewer than 1 items']);
    const untitled: Partial<typeof good> = { ...good };
    delete untitled.title;
    expect(checkJsonSchema(schema, untitled)).toEqual(['$: missing title']);
  });

  test('each schema names its collection in Chinese and is a 2020-12 schema', () => {
    expect(collectionJsonSchema('models')).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: '议事手册 · 模式',
      properties: { kind: { enum: expect.arrayContaining(['composition', '人员构成']) } },
    });
    expect(collectionJsonSchema('terms', { title: '某市手册', site: 'https://example.gov.cn', base: '/' }).$id).toBe('https://example.gov.cn/schemas/terms.schema.json');
  });
});

describe('feeds', () => {
  test('RSS dates are RFC 822 at noon UTC, the same day in every time zone; a year or month stands for its first day', () => {
    expect(rfc822('2023-05-09')).toBe('Tue, 09 May 2023 12:00:00 GMT');
    expect(rfc822('2024-02')).toBe('Thu, 01 Feb 2024 12:00:00 GMT');
    expect(rfc822('2020')).toBe('Wed, 01 Jan 2020 12:00:00 GMT');
  });

  test('the RSS lists cases newest first, undated last, and escapes text', async () => {
    const undated = { id: 'a-undated', data: { ...cases[0]!.data, date: null } };
    const rss = casesRss([...cases, undated], site);
    const links = [...rss.matchAll(/<item>\s*<title>[^<]*<\/title>\s*<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual(['/cases/tricky-case/', '/cases/moved-case/', '/cases/demo-consultation/', '/cases/demo-practice/', '/cases/a-undated/']);
    expect(rss).toContain('<title>带逗号,和&quot;引号&quot;的案例</title>');
    expect(rss).toContain('<guid isPermaLink="false">/cases/tricky-case/</guid>');
    expect(rss).not.toContain('atom:link href');
  });

  test('with a site address, RSS and sitemap links are absolute', () => {
    const withSite = { ...site, site: 'https://example.gov.cn', base: '/handbook/' };
    const rss = casesRss(cases, withSite);
    expect(rss).toContain('<link>https://example.gov.cn/handbook/cases/tricky-case/</link>');
    expect(rss).toContain('<guid isPermaLink="true">https://example.gov.cn/handbook/cases/tricky-case/</guid>');
    expect(rss).toContain('<atom:link href="https://example.gov.cn/handbook/rss.xml" rel="self" type="application/rss+xml" />');
    expect(sitemapXml(['/cases/', '/', '/cases/'], withSite)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://example.gov.cn/handbook/</loc></url>\n  <url><loc>https://example.gov.cn/handbook/cases/</loc></url>\n</urlset>\n',
    );
  });

  test('page files map to their URLs; alias redirects and error pages are left out', () => {
    expect(pagePath('./index.astro')).toBe('/');
    expect(pagePath('./terms.astro')).toBe('/terms/');
    expect(pagePath('./cases/index.astro')).toBe('/cases/');
    expect(pagePath('./cases/[id].astro', { id: 'x' })).toBe('/cases/x/');
    expect(pagePath('./browse/[facet]/[value].astro', { facet: 'forms', value: 'council' })).toBe('/browse/forms/council/');
    expect(pagePath('./[section]/[alias].astro', { section: 'cases', alias: 'old' })).toBeUndefined();
    expect(pagePath('./404.astro')).toBeUndefined();
  });
});
