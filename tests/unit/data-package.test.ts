import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../scripts/lib/check/index.ts';
import { dataDate } from '../../scripts/lib/build/build-info.ts';
import { parseSiteConfig } from '../../scripts/lib/site-config.ts';
import { caseSchema, type CaseInput } from '../../src/schemas/case.ts';
import { bibtex, gbt7714, ris, type CitationInput } from '../../src/site/citation.ts';
import {
  codebookCsv, datapackageJson, datasetCitation, exampleCase, licenceOf, methodsCsv, modelsCsv, NO_LICENCE, sourcesCsv,
} from '../../src/site/data-package.ts';
import { frontmatterPath, LEDGER_HEADER, ledgerFields, ledgerRows, neutralise, REQUIRED_FIELDS, unneutralise, type LedgerCase } from '../../src/site/ledger.ts';
import { casesCsv } from '../../src/site/open-data.ts';
import { headersOf, readHeader, readRow, type Lookups } from '../../scripts/lib/import/ledger.ts';
import { parseCsv as parseImportCsv } from '../../scripts/lib/import/read-table.ts';
import { applyRow } from '../../scripts/lib/import/write-cases.ts';
import { parseCsv } from '../helpers/csv.ts';
import { contentWith } from '../helpers/fixtures.ts';
import { validateContent, type ValidEntry } from '../../scripts/lib/check/index.ts';

const site = { title: '议事手册', organisation: '某市政协办公室', description: '简介', site: 'https://xieshang.example.gov.cn', base: '/', licence: undefined };

let entries: ValidEntry[];
beforeAll(async () => {
  const content = await contentWith();
  ({ entries } = await validateContent(content, path.dirname(content)));
});
const of = (collection: string) => entries.filter((e) => e.collection === collection) as never[];

describe('citations', () => {
  const page = (accessed?: string): CitationInput => ({
    author: site.organisation,
    title: '示例停车难协商',
    container: site.title,
    url: 'https://xieshang.example.gov.cn/cases/demo-consultation/',
    updated: '2026-05-01',
    accessed,
    type: 'page',
    key: 'cases-demo-consultation',
  });

  test('GB/T 7714-2015 of a fixture case follows the standard’s pattern for an electronic resource', () => {
    const reference = gbt7714(page('2026-06-30'));
    // 主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
    const ELECTRONIC = /^(?<author>[^.]+)\. (?<title>[^[\]]+)\[EB\/OL\]\. \((?<updated>\d{4}-\d{2}-\d{2})\)\[(?<accessed>\d{4}-\d{2}-\d{2})\]\. (?<url>https?:\/\/\S+)\.$/u;
    expect(reference).toMatch(ELECTRONIC);
    expect(reference).toBe('某市政协办公室. 示例停车难协商[EB/OL]. (2026-05-01)[2026-06-30]. https://xieshang.example.gov.cn/cases/demo-consultation/.');
    // Without an access date (no script in the reader's browser): a place to fill it in.
    expect(gbt7714(page())).toBe('某市政协办公室. 示例停车难协商[EB/OL]. (2026-05-01)[引用日期]. https://xieshang.example.gov.cn/cases/demo-consultation/.');
  });

  test('the data set is cited as [DS/OL] with its version', () => {
    const reference = gbt7714({ ...datasetCitation(site, { version: '2026.1', dataDate: '2026-05-01' }), accessed: '2026-06-30' });
    expect(reference).toBe('某市政协办公室. 议事手册案例数据集[DS/OL]. 2026.1版. (2026-05-01)[2026-06-30]. https://xieshang.example.gov.cn/data/.');
  });

  test('BibTeX (biblatex @online) and RIS carry the same facts; TeX specials are escaped', () => {
    expect(bibtex({ ...page('2026-06-30'), title: '50% 的居民 & 物业_协商' })).toBe(`@online{cases-demo-consultation,
  author       = {{某市政协办公室}},
  title        = {50\\% 的居民 \\& 物业\\_协商},
  organization = {某市政协办公室},
  date         = {2026-05-01},
  url          = {https://xieshang.example.gov.cn/cases/demo-consultation/},
  urldate      = {2026-06-30},
  language     = {zh},
}`);
    const record = ris(page('2026-06-30')).split('\n');
    expect(record[0]).toBe('TY  - ELEC');
    expect(record).toContain('Y2  - 2026/06/30');
    expect(record).toContain('UR  - https://xieshang.example.gov.cn/cases/demo-consultation/');
    expect(record.at(-1)).toBe('ER  - ');
    for (const line of record) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });
});

describe('the ledger and its codebook come from the field registry', () => {
  /** The ledger as an office downloads it: /data/cases.csv of the fixture cases, read as the import reads a file. */
  const downloaded = () => {
    const text = casesCsv(of('cases'), site);
    const rows = parseImportCsv(text.replace(/^\uFEFF/, ''));
    if (!rows.ok) throw new Error(rows.message);
    return rows.rows;
  };
  const table = (rows: readonly (readonly string[])[]) => ({ rows: rows.map((cells, i) => ({ line: i + 1, cells: [...cells] })) });
  const lookups = (): Lookups => {
    const titles = (collection: string) => new Map(entries.filter((e) => e.collection === collection).map((e) => [e.id, (e.data as { title: string }).title]));
    return { methods: titles('methods'), models: titles('models'), sources: titles('sources'), cases: titles('cases') };
  };

  test('the ledger is the CSV’s header: registry labels, a code column beside each coded field, the address after the title, the body last', () => {
    const header = downloaded()[0]!;
    expect(header).toEqual(LEDGER_HEADER);
    expect(header.slice(0, 8)).toEqual(['id', '标题', '网址', '摘要', '类型', '类型代码', '省级行政区', '省级行政区代码']);
    expect(header.at(-1)).toBe('正文');
    // Each field's columns are its label and, when coded, “label代码” right after it; the import
    // reads every header of the file back as that field's column, none twice, none unknown.
    const read = readHeader(table([header]));
    expect(read.problems).toEqual([]);
    for (const field of ledgerFields) {
      expect(headersOf(read.header!, field.name), field.name).toEqual(field.coded ? [field.label, `${field.label}代码`] : [field.label]);
      const at = header.indexOf(field.label);
      if (field.coded) expect(header[at + 1], field.name).toBe(`${field.label}代码`);
    }
    expect(header.indexOf('网址')).toBe(header.indexOf('标题') + 1);
    expect(read.header!.columns.get(header.indexOf('网址'))).toMatchObject({ kind: 'url' });
    expect(read.header!.body).toBe(header.length - 1);
  });

  test('the codebook has one row per column of the ledger, in its order, each with a meaning, its values and whether it is required', () => {
    const rows = parseCsv(codebookCsv().replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['列', '字段', '含义', '取值', '必填']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(downloaded()[0]);
    for (const [column, name, meaning, values, required] of rows.slice(1)) {
      // A meaning says more than the column's own name.
      expect(meaning, column).toMatch(/\S/);
      expect(meaning, column).not.toBe(column);
      expect(name, column).toMatch(/\S/);
      expect(values, column).toMatch(/\S/);
      expect(['是', '否', '两列填一列'], column).toContain(required);
    }
    const level = rows.find((r) => r[0] === '层级')!;
    expect(level[3]).toBe('全国、省级、市级、县级、乡镇（街道）、村、社区');
    expect(level[4]).toBe('两列填一列');
    expect(rows.find((r) => r[0] === '形式代码')![3]).toContain('council');
    expect(rows.find((r) => r[0] === '形式')![3]).toMatch(/资料未载明时写“不详”.*多项用“；”分隔/);
    expect(rows.find((r) => r[0] === '市')![4]).toBe('否');
  });

  test('the required fields are exactly those the case schema requires', () => {
    const valid: CaseInput = {
      title: '某社区停车协商', kind: 'consultation', summary: '摘要。', date: 2023, region: { province: '浙江省', city: '湖州市', county: 'x县', place: 'x社区' },
      level: 'community', forms: ['council'], topics: ['traffic'], methods: ['m'], models: ['m'], partOf: 'p', participants: ['a'],
      outcome: { status: 'implemented', summary: 's' }, sources: ['s'], aliases: ['a'], inferred: ['date'],
    };
    expect(caseSchema.safeParse(valid).success).toBe(true);
    for (const field of ledgerFields.filter((f) => f.name !== 'id')) {
      const input = structuredClone(valid) as Record<string, any>;
      const [top, sub] = frontmatterPath(field.name);
      // An outcome needs its status; the import writes 不详 where only the outcome's text is given.
      if (field.name === 'status') delete input.outcome;
      else if (sub) delete input[top!][sub];
      else delete input[top!];
      expect(caseSchema.safeParse(input).success, field.name).toBe(!REQUIRED_FIELDS.has(field.name));
    }
  });

  test('a cell a spreadsheet would run as a formula is written with a leading \' and read back by the import as it was', () => {
    for (const text of ['=1+1', '+86', '-5', '@x', '\tx', '\rx']) {
      expect(neutralise(text)).toBe(`'${text}`);
      expect(unneutralise(neutralise(text))).toBe(text);
    }
    expect(neutralise('议事会')).toBe('议事会');
    expect(unneutralise("'不变")).toBe("'不变");
    // Through the files: a summary starting with = is '= in cases.csv, and = again once imported.
    const [entry] = of('cases') as LedgerCase[];
    const summary = '=HYPERLINK("http://example.com","点击")';
    const text = casesCsv([{ ...entry!, data: { ...entry!.data, summary } }], site);
    const rows = parseImportCsv(text.replace(/^\uFEFF/, ''));
    if (!rows.ok) throw new Error(rows.message);
    expect(rows.rows[1]![rows.rows[0]!.indexOf('摘要')]).toBe(`'${summary}`);
    const { header } = readHeader(table(rows.rows));
    const { row, problems } = readRow({ line: 2, cells: rows.rows[1]! }, header!, lookups());
    expect(problems).toEqual([]);
    expect(row.patches.get('summary')).toBe(summary);
  });

  test('the template’s example row is a valid case in every column: the import reads each cell back as the example’s own value', () => {
    const example = exampleCase({ source: 'demo-source', method: 'demo-method' });
    const [header, cells] = ledgerRows([example], site);
    const read = readHeader(table([header!]));
    expect(read.problems).toEqual([]);
    const { row, problems } = readRow({ line: 2, cells: cells! }, read.header!, lookups());
    // No column of the example is refused (every value is one the import accepts)…
    expect(problems).toEqual([]);
    expect(row.id).toBe(example.id);
    // …and what it reads is the example itself: the same case, field for field, and a valid one.
    const data = caseSchema.parse(applyRow({}, row));
    expect(data).toEqual(example.data);
    expect(row.body).toBe(example.body);
    expect(example.data.sources).toEqual([{ id: 'demo-source', supports: undefined }]);
    expect(example.data.methods).toEqual(['demo-method']);
  });
});

describe('methods, models and sources as tables', () => {
  test('one row per entry, sorted by id, absolute addresses when the site is set', () => {
    const methods = parseCsv(methodsCsv(of('methods'), site));
    expect(methods[1]!.slice(0, 5)).toEqual(['demo-method', '示例“三步议事法”', 'https://xieshang.example.gov.cn/methods/demo-method/', '测试用的三步方法。', '3']);
    const models = parseCsv(modelsCsv(of('models'), site));
    expect(models[1]!.slice(0, 6)).toEqual(['demo-model', '示例“1+2+X”构成', 'https://xieshang.example.gov.cn/models/demo-model/', '1+2+X', '人员构成', 'composition']);
    const sources = parseCsv(sourcesCsv(of('sources'), { ...site, site: undefined }));
    expect(sources[1]).toEqual(['demo-source', '示例资料：社区协商工作讲话', '示例出版者', '2022-05', '', '否', '测试用资料，只为检查规则而写。', '/sources/#demo-source']);
  });

  test('datapackage.json lists every file, the licence or its absence, the version and the date', () => {
    const counts = { cases: 2, methods: 1, models: 1, sources: 1 };
    const none = JSON.parse(datapackageJson(site, { version: '1.0.0', dataDate: '2026-05-01' }, counts));
    expect(none).toMatchObject({ profile: 'data-package', version: '1.0.0', created: '2026-05-01T00:00:00Z', homepage: 'https://xieshang.example.gov.cn/data/', licenceNote: NO_LICENCE });
    expect(none.licenses).toBeUndefined();
    expect(none.resources.map((r: { path: string }) => r.path)).toEqual([
      'cases.csv', 'cases-excel.csv', 'cases.json', 'cases.xlsx', 'case-sources.csv', 'case-methods.csv', 'case-models.csv', 'methods.csv', 'models.csv', 'sources.csv', 'codebook.csv',
    ]);
    expect(none.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(LEDGER_HEADER);
    // Without site: no homepage (it must be a URL, not a path).
    expect(JSON.parse(datapackageJson({ ...site, site: undefined }, { version: '1.0.0', dataDate: '2026-05-01' }, counts))).not.toHaveProperty('homepage');
    const cc = JSON.parse(datapackageJson({ ...site, licence: 'CC-BY-4.0' }, { version: '1.0.0', dataDate: '2026-05-01' }, counts));
    expect(cc.licenses).toEqual([{ name: 'CC-BY-4.0', title: '知识共享 署名 4.0 国际许可协议（CC BY 4.0）', path: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' }]);
  });
});

describe('licence and version in handbook.config.ts', () => {
  const minimal = { title: '某市协商手册', organisation: '某市政协办公室', description: '某市基层协商的做法与案例。' };
  const problems = (overrides: Record<string, unknown>) => {
    const result = parseSiteConfig({ ...minimal, ...overrides }, { env: {} });
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  test('no licence by default: none is stated, and the data page says so', () => {
    const result = parseSiteConfig(minimal, { env: {} });
    expect(result.ok && result.config.licence).toBeUndefined();
    expect(licenceOf({ licence: undefined })).toBeUndefined();
  });

  test('a known identifier gets its name and address; words are kept as written; a wrong identifier is reported', () => {
    expect(problems({ licence: 'CC-BY-4.0' })).toEqual([]);
    expect(licenceOf({ licence: 'CC0-1.0' })).toEqual({ name: 'CC0 1.0 公共领域贡献（放弃全部权利）', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.zh-hans' });
    expect(problems({ licence: '仅供学习研究使用，转载请注明出处' })).toEqual([]);
    expect(licenceOf({ licence: '仅供学习研究使用，转载请注明出处' })).toEqual({ name: '仅供学习研究使用，转载请注明出处' });
    expect(problems({ licence: 'cc-by-4.0' })).toEqual(['handbook.config.ts  licence  许可协议代码应写成“CC-BY-4.0”（注意大小写）［config.invalid］']);
    expect(problems({ licence: 'CC-BY-5.0' })[0]).toMatch(/^handbook\.config\.ts {2}licence {2}“CC-BY-5\.0”不是已知的许可协议代码。可用：CC-BY-4\.0、/);
    expect(problems({ version: '2026.1' })).toEqual([]);
    expect(problems({ version: '第一版' })[0]).toMatch(/^handbook\.config\.ts {2}version {2}“第一版”不是版本号/);
  });
});

describe('the data date', () => {
  test('SOURCE_DATE_EPOCH first; otherwise the content’s last commit, which does not move between builds', () => {
    expect(dataDate('/nonexistent', { SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01');
    const content = path.resolve(import.meta.dirname, '../../content');
    expect(dataDate(content, {})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dataDate(content, {})).toBe(dataDate(content, {}));
  });
});

describe('the case table’s schema comes from the field registry', () => {
  const counts = { cases: 2, methods: 1, models: 1, sources: 1 };
  type Field = { name: string; type: string; constraints?: { required?: boolean; enum?: string[]; pattern?: string; unique?: boolean } };
  const schema = JSON.parse(datapackageJson(site, { version: '1.0.0', dataDate: '2026-05-01' }, counts)).resources[0].schema as { fields: Field[]; missingValues: string[]; primaryKey: string; foreignKeys: unknown[] };
  const field = (name: string) => schema.fields.find((f) => f.name === name)!;

  test('不详 is a missing value; a field that may be 不详 is therefore not required, one that may not is', () => {
    expect(schema.missingValues).toEqual(['', '不详']);
    expect(schema.primaryKey).toBe('id');
    expect(field('id').constraints).toMatchObject({ required: true, unique: true });
    expect(field('类型').constraints).toMatchObject({ required: true, enum: ['实践', '协商事例'] });
    expect(field('层级代码').constraints).toMatchObject({ required: true, enum: expect.arrayContaining(['community', 'national']) });
    expect(field('省级行政区').constraints?.required).toBeUndefined();
    expect(field('省级行政区代码').constraints?.enum).toContain('unknown');
    expect(field('成果状态').constraints?.enum).not.toContain('不详');
    expect(field('成果状态代码').constraints?.enum).toContain('unknown');
  });

  test('several values in one cell: a pattern of the allowed values joined with ；', () => {
    const forms = new RegExp(field('形式').constraints!.pattern!, 'u');
    expect(forms.test('议事会协商；现场协商')).toBe(true);
    expect(forms.test('议事会协商；不详')).toBe(true);
    expect(forms.test('议事会协商,现场协商')).toBe(false);
    expect(forms.test('小区协商')).toBe(false);
    const date = new RegExp(field('时间').constraints!.pattern!, 'u');
    for (const good of ['2023', '2023-05', '2023-05-09']) expect(date.test(good), good).toBe(true);
    for (const bad of ['2023-13', '2023-5', '23', '2023/05/09']) expect(date.test(bad), bad).toBe(false);
    const sources = new RegExp(field('资料来源').constraints!.pattern!, 'u');
    expect(sources.test('a-source；b-source')).toBe(true);
    expect(sources.test('Huzhou Practice')).toBe(false);
  });
});
