/**
 * The research data package under `/data/`: the case ledger as XLSX (beside the CSV and JSON of
 * open-data.ts), the template ledger, the codebook, methods, models and sources as tables, and a
 * Frictionless Data Package descriptor (`datapackage.json`). Pure functions of the content, the
 * config and the build info, so two builds of the same content write the same bytes.
 */
import { UNKNOWN, UNKNOWN_KEY } from '../schemas/common.ts';
import { caseSchema, type CaseInput } from '../schemas/case.ts';
import { INFERABLE_FIELDS } from '../schemas/inferable.ts';
import type { MethodData } from '../schemas/method.ts';
import type { ModelData } from '../schemas/model.ts';
import { provinces, provinceSlugs } from '../schemas/regions.ts';
import { KNOWN_LICENCES, type SiteConfig } from '../schemas/site-config.ts';
import type { SourceData } from '../schemas/source.ts';
import { labelOf, taxonomies, type TaxonomyName } from '../schemas/taxonomies.ts';
import { caseField } from '../schemas/fields.ts';
import type { CitationInput } from './citation.ts';
import { BODY_HEADER, LEDGER_SEPARATOR, ledgerColumns, ledgerRows, REQUIRED_FIELDS, type LedgerCase, type LedgerColumn } from './ledger.ts';
import { toCsv } from './open-data.ts';
import { entryPath, publicUrl } from './paths.ts';
import { columnWidths, textWorkbook, XLSX_CELL_LIMIT } from './xlsx.ts';

type Site = Pick<SiteConfig, 'title' | 'organisation' | 'description' | 'site' | 'base' | 'licence'>;

/** The handbook's version and the date of its data (scripts/lib/build/build-info.ts). */
export interface DataInfo {
  version: string;
  dataDate: string;
}

const UNKNOWN_NOTE = `资料未载明时写“${UNKNOWN}”`;
const MANY_NOTE = `多项用“${LEDGER_SEPARATOR}”分隔`;

/** What each field of the registry means, for the codebook. A field without one shows its label. */
export const FIELD_MEANINGS: Readonly<Record<string, string>> = {
  id: '案例的 id：文件名，也是网址中的一段。只用小写英文字母、数字和连字符（-）。导入时可以留空，由标题的拼音生成',
  title: '案例标题，4 到 60 个字',
  summary: '一两句话的摘要，最多 160 个字',
  kind: '案例类型：一个单位长期的协商做法（实践），或一次具体的协商（协商事例）',
  province: '协商所在的省级行政区，写全称',
  city: '所在的市（可空）',
  county: '所在的县、区（可空）',
  place: '更具体的地点，如街道、社区、村（可空）',
  level: '组织协商的机构的层级',
  forms: '协商形式，至少一项',
  topics: '协商议题所属的领域，至少一项',
  date: '协商或做法的时间',
  methods: '用到的方法（方法的 id，见 methods.csv）',
  models: '采用的模式（模式的 id，见 models.csv）',
  participants: '参与者（可空）',
  status: '协商成果进展到哪一步',
  outcome: '成果的简要说明（可空，最多 400 个字）',
  partOf: '所属实践：这次协商属于哪个实践案例（案例的 id）',
  sources: '资料来源（资料的 id，见 sources.csv），至少一项',
  aliases: '别名：案例以前用过的 id，旧网址会跳转到本案例（可空）',
  inferred: '哪些字段的值是本手册的推断，不是资料原文（可空）',
};

export interface CodebookRow {
  column: string;
  /** The JSON key or frontmatter field it corresponds to. */
  name: string;
  meaning: string;
  values: string;
  required: string;
}

function taxonomyValues(name: TaxonomyName, form: 'label' | 'key', unknown: boolean): string {
  const values = taxonomies[name].values as Record<string, string>;
  const list = Object.entries(values).filter(([key]) => key !== 'unknown').map(([key, label]) => (form === 'label' ? label : key));
  return `${list.join('、')}${unknown ? `；${UNKNOWN_NOTE}（代码 unknown）` : ''}`;
}

/** The allowed values of a column, in words. */
function valuesOf(column: LedgerColumn): string {
  if (column.role === 'url') return '导出时写入；导入时不读';
  if (column.role === 'body') return `Markdown 文字，可用 <Cite source="资料id" />、<Unstated>…</Unstated>（资料未载明）、<Interpretation>…</Interpretation>（本手册理解）。导入时留空：新案例写一段“资料未载明”的说明，已有案例保留原正文。XLSX 中超过 ${XLSX_CELL_LIMIT} 个字的正文留空（Excel 的上限），请看 CSV`;
  const field = column.field!;
  const many = field.many ? `；${MANY_NOTE}` : '';
  const code = column.role === 'code';
  if (field.taxonomy) return taxonomyValues(field.taxonomy, code ? 'key' : 'label', field.unknown ?? false) + many;
  switch (field.name) {
    case 'province':
      return code
        ? `省级行政区的拼音，如 ${provinceSlugs['浙江省']}；不详为 unknown`
        : `${provinces.join('、')}；${UNKNOWN_NOTE}`;
    case 'date':
      return `YYYY、YYYY-MM 或 YYYY-MM-DD（如 2023、2023-05、2023-05-09）；${UNKNOWN_NOTE}`;
    case 'inferred':
      return `${INFERABLE_FIELDS.map((name) => `${name}（${caseField(name).label}）`).join('、')}${many}`;
    case 'id':
    case 'partOf':
      return '小写英文字母、数字和连字符';
    case 'methods':
    case 'models':
    case 'sources':
    case 'aliases':
      return `id${many}`;
    default:
      return `文字${many}`;
  }
}

/** The codebook: one row per column of the ledger, from the same registry. */
export function codebook(): CodebookRow[] {
  return ledgerColumns.map((column): CodebookRow => {
    if (column.role === 'url') return { column: column.header, name: 'url', meaning: '案例页面的网址', values: valuesOf(column), required: '否' };
    if (column.role === 'body') return { column: column.header, name: 'body', meaning: '案例正文', values: valuesOf(column), required: '否' };
    const field = column.field!;
    const meaning = FIELD_MEANINGS[field.name] ?? field.label;
    const required = REQUIRED_FIELDS.has(field.name) ? '是' : '否';
    if (column.role === 'code') {
      return {
        column: column.header,
        name: `${field.name}（代码）`,
        meaning: `「${field.label}」的代码：稳定的英文代码，与中文名称一一对应。导入时「${field.label}」和「${column.header}」填一列即可，两列都填时必须一致`,
        values: valuesOf(column),
        required: required === '是' ? '两列填一列' : '否',
      };
    }
    return { column: column.header, name: field.name, meaning, values: valuesOf(column), required: field.coded && required === '是' ? '两列填一列' : required };
  });
}

/** The general rules of the data, for the codebook and the data page. */
export const CODEBOOK_NOTES: readonly string[] = [
  `一个单元格有多项时用全角分号“${LEDGER_SEPARATOR}”分隔（如 议事会协商${LEDGER_SEPARATOR}现场协商）。`,
  `资料没有说明的值写“${UNKNOWN}”（代码 unknown），不是空白，也不是猜测；空白表示这一项没有内容（如没有所属实践）。`,
  '“推断的字段”一列列出的字段，其值是本手册根据资料推断的，不是资料原文；研究时可以据此排除或单独处理。',
  '有代码列的字段（如 层级 和 层级代码）：中文名称供阅读，代码稳定不变，适合统计和程序处理。',
  '以 = + - @ 开头的文字前加了一个英文单引号（\'），防止电子表格把它当作公式执行；导入时自动去掉。',
  'CSV 为 UTF-8 编码（不带 BOM），逗号分隔，CRLF 换行，按 RFC 4180 加引号；cases-excel.csv 是带 BOM 的同一张表，供 Excel 直接打开。JSON 为 UTF-8。',
  `cases.csv 中一个单元格的多个 id（资料来源、方法、模式）在 case-sources.csv、case-methods.csv、case-models.csv 中逐项列出，一项一行，便于关联。`,
  '按 id 排序；同样的内容每次生成的文件完全相同。',
];

/** `/data/codebook.csv`. */
export function codebookCsv(): string {
  return toCsv([['列', '字段', '含义', '取值', '必填'], ...codebook().map((r) => [r.column, r.name, r.meaning, r.values, r.required])]);
}

/** The licence of the content and data: its name and address, or the office's words; undefined when none is stated. */
export function licenceOf(site: Pick<SiteConfig, 'licence'>): { name: string; url?: string } | undefined {
  if (!site.licence) return undefined;
  const known = (KNOWN_LICENCES as Record<string, { name: string; url: string }>)[site.licence];
  return known ? { name: known.name, url: known.url } : { name: site.licence };
}

/** What the data page and the files say when the office has not chosen a licence. */
export const NO_LICENCE = '本手册尚未声明许可协议。转载或再利用前请联系编写单位。';

/** The data set as a citation (GB/T 7714 [DS/OL], BibTeX, RIS). */
export function datasetCitation(site: Site, info: DataInfo): Omit<CitationInput, 'accessed'> {
  return {
    author: site.organisation,
    title: datasetTitle(site),
    container: site.title,
    url: publicUrl(site, '/data/'),
    updated: info.dataDate,
    type: 'dataset',
    version: info.version,
    key: 'handbook-data',
  };
}

export const datasetTitle = (site: Pick<SiteConfig, 'title'>) => `${site.title}案例数据集`;

// —— Tables of methods, models and sources ——

interface Entry<T> {
  id: string;
  data: T;
}

const byId = <T extends { id: string }>(entries: readonly T[]): T[] => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const joined = (values: readonly string[]) => values.join(LEDGER_SEPARATOR);

export const METHODS_HEADER = ['id', '标题', '网址', '摘要', '步数', '步骤', '原则', '来源案例', '资料来源', '别名'];

/** `/data/methods.csv`: one row per method; the steps' titles in order. */
export function methodsCsv(methods: readonly Entry<MethodData>[], site: Pick<SiteConfig, 'site' | 'base'>): string {
  return toCsv([
    METHODS_HEADER,
    ...byId(methods).map(({ id, data }) => [
      id, data.title, publicUrl(site, entryPath('methods', id)), data.summary, String(data.steps.length),
      joined(data.steps.map((s) => s.title)), joined(data.principles), data.origin ?? '', joined(data.sources), joined(data.aliases),
    ]),
  ]);
}

export const MODELS_HEADER = ['id', '标题', '网址', '公式', '类型', '类型代码', '摘要', '各项', '来源案例', '资料来源', '别名'];

/** `/data/models.csv`: one row per model; each part as `count：label`. */
export function modelsCsv(models: readonly Entry<ModelData>[], site: Pick<SiteConfig, 'site' | 'base'>): string {
  return toCsv([
    MODELS_HEADER,
    ...byId(models).map(({ id, data }) => [
      id, data.title, publicUrl(site, entryPath('models', id)), data.formula, labelOf('modelKind', data.kind), data.kind, data.summary,
      joined(data.parts.map((p) => `${p.count}：${p.label}`)), data.origin ?? '', joined(data.sources), joined(data.aliases),
    ]),
  ]);
}

export const SOURCES_HEADER = ['id', '标题', '发布者', '日期', '原始网址', '全文完整', '说明', '网址'];

/** `/data/sources.csv`: the bibliography. */
export function sourcesCsv(sources: readonly Entry<SourceData>[], site: Pick<SiteConfig, 'site' | 'base'>): string {
  return toCsv([
    SOURCES_HEADER,
    ...byId(sources).map(({ id, data }) => [
      id, data.title, data.publisher, data.date ?? '', data.url ?? '', data.complete ? '是' : '否', data.note ?? '', publicUrl(site, entryPath('sources', id)),
    ]),
  ]);
}

// —— Workbooks ——

const CASE_SHEET = '案例';
const CODEBOOK_SHEET = '说明';
const ABOUT_SHEET = '关于';

/** The sheet names; the import reads the sheet named 案例, else the first. */
export const LEDGER_SHEET = CASE_SHEET;

function codebookSheet() {
  const rows = [['列', '字段', '含义', '取值', '必填'], ...codebook().map((r) => [r.column, r.name, r.meaning, r.values, r.required])];
  return { name: CODEBOOK_SHEET, rows, widths: [16, 14, 50, 60, 10] };
}

function aboutSheet(site: Site, info: DataInfo) {
  const licence = licenceOf(site);
  const rows = [
    ['项目', '内容'],
    ['数据集', datasetTitle(site)],
    ['编写单位', site.organisation],
    ['版本', info.version],
    ['数据日期', info.dataDate],
    ['许可协议', licence ? `${licence.name}${licence.url ? ` ${licence.url}` : ''}` : NO_LICENCE],
    ['网址', publicUrl(site, '/data/')],
    ...CODEBOOK_NOTES.map((note, i) => [`说明 ${i + 1}`, note]),
  ];
  return { name: ABOUT_SHEET, rows, widths: [12, 100] };
}

/** Rows for XLSX: a body longer than a cell can hold is left empty (the CSV has it). */
function xlsxLedger(entries: readonly LedgerCase[], site: Pick<SiteConfig, 'site' | 'base'>): string[][] {
  const rows = ledgerRows(entries, site);
  const body = rows[0]!.indexOf(BODY_HEADER);
  return rows.map((row) => row.map((cell, i) => (i === body && cell.length > XLSX_CELL_LIMIT ? '' : cell)));
}

/** `/data/cases.xlsx`: the case ledger (the columns of the template), the codebook, and what the data set is. */
export function casesXlsx(entries: readonly LedgerCase[], site: Site, info: DataInfo): Promise<Uint8Array<ArrayBuffer>> {
  const rows = xlsxLedger(entries, site);
  return textWorkbook([{ name: CASE_SHEET, rows, widths: columnWidths(rows) }, codebookSheet(), aboutSheet(site, info)]);
}

/** What the template's example row may refer to: ids of existing entries. */
export interface TemplateRefs {
  source?: string | undefined;
  method?: string | undefined;
}

/** The template's example row, as a case: valid as it stands when the ids it names exist. */
export function exampleCase(refs: TemplateRefs): LedgerCase {
  const input: CaseInput = {
    title: '示例：某社区停车难问题协商',
    kind: 'consultation',
    summary: '这一行是填写示例：社区协商议事会就小区停车难组织居民、物业协商。请删去这一行，再逐行填写本单位的案例。',
    date: '2023-05',
    region: { province: '浙江省', city: '湖州市', place: '某社区' },
    level: 'community',
    forms: ['council'],
    topics: ['traffic', 'facilities'],
    methods: refs.method ? [refs.method] : [],
    participants: ['居民代表', '物业公司', '社区党委'],
    outcome: { status: 'implemented', summary: '新划停车位 40 个，错时开放单位停车场。' },
    sources: [refs.source ?? 'source-id'],
  };
  const data = caseSchema.parse(input);
  const cite = `<Cite source="${refs.source ?? 'source-id'}" />`;
  const body = `## 经过\n\n在这里写协商的经过：议题怎么来的，谁参加，按什么程序进行。${cite}\n\n<Unstated>资料没有说明的地方，写在这样的“资料未载明”标记里。</Unstated>`;
  return { id: 'example-community-parking', data, body };
}

/** `/data/cases-template.xlsx` and `npm run new -- ledger`: every column, one example row, the codebook. */
export function templateXlsx(site: Site, info: DataInfo, refs: TemplateRefs): Promise<Uint8Array<ArrayBuffer>> {
  const rows = ledgerRows([exampleCase(refs)], site);
  return textWorkbook([{ name: CASE_SHEET, rows, widths: columnWidths(rows) }, codebookSheet(), aboutSheet(site, info)]);
}

// —— Links between cases and what they cite ——

/** What a case row of the links tables needs: its id and data (the registry's view). */
type CaseLinks = Pick<LedgerCase, 'id' | 'data'>;

export const CASE_SOURCES_HEADER = ['案例', '资料来源', '支持的内容'];
export const CASE_METHODS_HEADER = ['案例', '方法'];
export const CASE_MODELS_HEADER = ['案例', '模式'];

/**
 * `/data/case-sources.csv`: one row per source a case cites (the cell 资料来源 of cases.csv holds
 * them all, joined with “；”, which no table tool can follow as a foreign key; this table can).
 */
export function caseSourcesCsv(cases: readonly CaseLinks[]): string {
  return toCsv([CASE_SOURCES_HEADER, ...byId(cases).flatMap(({ id, data }) => data.sources.map((s) => [id, s.id, s.supports ?? '']))]);
}

/** `/data/case-methods.csv`: one row per method a case used. */
export function caseMethodsCsv(cases: readonly CaseLinks[]): string {
  return toCsv([CASE_METHODS_HEADER, ...byId(cases).flatMap(({ id, data }) => data.methods.map((m) => [id, m]))]);
}

/** `/data/case-models.csv`: one row per model a case follows. */
export function caseModelsCsv(cases: readonly CaseLinks[]): string {
  return toCsv([CASE_MODELS_HEADER, ...byId(cases).flatMap(({ id, data }) => data.models.map((m) => [id, m]))]);
}

// —— The descriptor ——

/** A Table Schema field (Frictionless v1). */
interface TableField {
  name: string;
  type: 'string' | 'integer' | 'boolean';
  format?: 'uri';
  description?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string; minLength?: number; minimum?: number };
  trueValues?: string[];
  falseValues?: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cell holding one of these values, or several joined with “；”. */
const oneOf = (values: readonly string[], many: boolean): NonNullable<TableField['constraints']> => {
  if (!many) return { enum: [...values] };
  const any = `(?:${values.map(escapeRegExp).join('|')})`;
  return { pattern: `^${any}(?:${LEDGER_SEPARATOR}${any})*$` };
};
const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ids = (many: boolean) => ({ pattern: many ? `^${ID}(?:${LEDGER_SEPARATOR}${ID})*$` : `^${ID}$` });
/** An old id, perhaps with the section of this page it moved to (`old-id#泾崇路没有停车位`, ALIAS_PATTERN). */
const ALIAS = `${ID}(?:#[^\\s#/?${LEDGER_SEPARATOR}]+)?`;
/** A date at its precision: a year, a year and month, or a day (Table Schema has no type for the three together). */
const PARTIAL_DATE = '^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$';

/** Where a case table's ids point. */
const REFERENCES: Readonly<Record<string, string>> = { methods: 'methods', models: 'models', sources: 'sources', partOf: 'cases' };

/**
 * The Table Schema field of a column of the case ledger, from the field registry: a taxonomy
 * field's allowed labels (its label column) or keys (its code column), 不详 as the missing value
 * (so a field that may be 不详 is not `required`), ids and references by pattern, a date at its
 * precision, several values in one cell as a pattern joined with “；”.
 */
function caseTableField(column: LedgerColumn, description: string | undefined, absolute: boolean): TableField {
  const base = { name: column.header, type: 'string' as const, ...(description ? { description } : {}) };
  if (column.role === 'url') return { ...base, ...(absolute ? { format: 'uri' as const } : {}), constraints: { required: true } };
  if (column.role === 'body') return base;
  const field = column.field!;
  const code = column.role === 'code';
  // The id is the file's name (derived): every row has one.
  const required = field.name === 'id' || (REQUIRED_FIELDS.has(field.name) && !field.unknown && field.name !== 'date');
  let constraints: NonNullable<TableField['constraints']> = {};
  if (field.taxonomy) {
    const values = Object.entries(taxonomies[field.taxonomy].values as Record<string, string>).filter(([key]) => key !== UNKNOWN_KEY);
    // The label column writes 不详 (a missing value); the code column writes `unknown`, which is a value.
    const list = code ? [...values.map(([key]) => key), ...(field.unknown ? [UNKNOWN_KEY] : [])] : [...values.map(([, label]) => label), ...(field.unknown && field.many ? [UNKNOWN] : [])];
    constraints = oneOf(list, field.many);
  } else if (field.name === 'province') {
    constraints = code ? oneOf([...Object.values(provinceSlugs), UNKNOWN_KEY], false) : oneOf(provinces, false);
  } else if (field.name === 'date') {
    constraints = { pattern: PARTIAL_DATE };
  } else if (field.name === 'inferred') {
    constraints = oneOf(INFERABLE_FIELDS, true);
  } else if (field.name === 'id') {
    constraints = { ...ids(false), unique: true };
  } else if (field.name === 'aliases') {
    constraints = { pattern: `^${ALIAS}(?:${LEDGER_SEPARATOR}${ALIAS})*$` };
  } else if (REFERENCES[field.name]) {
    constraints = ids(field.many);
  } else if (required) {
    constraints = { minLength: 1 };
  }
  return { ...base, constraints: { ...(required ? { required: true } : {}), ...constraints } };
}

const FULL_CSV_DIALECT = { csvddfVersion: 1.2, delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', skipInitialSpace: false, header: true, caseSensitiveHeader: true } as const;

/**
 * `/data/datapackage.json`: a Frictionless Data Package (v1) describing every file of the data.
 * The CSV tables are `tabular-data-resource`s (UTF-8 without a BOM, a full dialect, a Table
 * Schema with types and constraints from the field registry, primary and foreign keys); the JSON,
 * the workbook and the Excel copy of the CSV are plain `data-resource`s of their own format, so the
 * package is a `data-package`, not a `tabular-data-package` (which admits tables only). `homepage`
 * is there only when `site` is set (the spec wants a URL, not a path); `created` is the data date
 * as an RFC 3339 date-time.
 */
export function datapackageJson(site: Site, info: DataInfo, counts: { cases: number; methods: number; models: number; sources: number }): string {
  const licence = licenceOf(site);
  const absolute = site.site !== undefined;
  const url = (name: string): TableField => ({ name, type: 'string', ...(absolute ? { format: 'uri' as const } : {}), constraints: { required: true }, description: absolute ? '页面的网址' : '页面的网址（网站未设置 site，只有路径）' });
  const id = (name = 'id'): TableField => ({ name, type: 'string', constraints: { required: true, unique: true, ...ids(false) } });
  const text = (name: string, required = false): TableField => ({ name, type: 'string', ...(required ? { constraints: { required: true, minLength: 1 } } : {}) });
  const refs = (name: string, many: boolean, description: string): TableField => ({ name, type: 'string', description, constraints: ids(many) });
  const table = (name: string, title: string, description: string, schema: object, rows?: number) => ({
    profile: 'tabular-data-resource',
    name,
    path: `${name}.csv`,
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: FULL_CSV_DIALECT,
    ...(rows === undefined ? {} : { count: rows }),
    schema,
  });
  const book = Object.fromEntries(codebook().map((r) => [r.column, `${r.meaning}。取值：${r.values}`]));
  const caseColumn = (name: string) => ledgerColumns.find((c) => c.field?.name === name && c.role === 'value')!.header;
  const many = (what: string) => `${what}的 id；多项用“${LEDGER_SEPARATOR}”分隔（逐项的对应见 case-${what === '资料' ? 'sources' : what === '方法' ? 'methods' : 'models'}.csv）`;
  const casesSchema = {
    fields: ledgerColumns.map((column) => caseTableField(column, book[column.header], absolute)),
    missingValues: ['', UNKNOWN],
    primaryKey: 'id',
    foreignKeys: [{ fields: caseColumn('partOf'), reference: { resource: '', fields: 'id' } }],
  };
  const document = {
    profile: 'data-package',
    name: 'handbook-data',
    title: datasetTitle(site),
    description: site.description,
    version: info.version,
    ...(info.dataDate ? { created: `${info.dataDate}T00:00:00Z` } : {}),
    ...(absolute ? { homepage: publicUrl(site, '/data/') } : {}),
    contributors: [{ title: site.organisation, role: 'publisher' }],
    ...(licence ? { licenses: [{ name: site.licence, title: licence.name, ...(licence.url ? { path: licence.url } : {}) }] } : { licenceNote: NO_LICENCE }),
    notes: CODEBOOK_NOTES,
    resources: [
      table('cases', '案例', `每个案例一行，按 id 排序；各列的含义与取值见 codebook.csv。“${UNKNOWN}”（资料未载明）和空白是缺失值。`, casesSchema, counts.cases),
      {
        profile: 'data-resource',
        name: 'cases-excel',
        path: 'cases-excel.csv',
        title: '案例（供 Excel 打开的 CSV）',
        description: '与 cases.csv 逐字节相同，只是开头多一个 UTF-8 字节顺序标记（BOM，EF BB BF），Excel 据此按 UTF-8 读中文。程序读取请用 cases.csv。',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
      },
      { profile: 'data-resource', name: 'cases-json', path: 'cases.json', title: '案例（JSON）', description: '每个案例的全部字段；分类字段为 { key, label }。', format: 'json', mediatype: 'application/json', encoding: 'utf-8' },
      { profile: 'data-resource', name: 'cases-xlsx', path: 'cases.xlsx', title: '案例（Excel）', description: '与 cases.csv 相同的列，另有“说明”（代码本）和“关于”两张表。', format: 'xlsx', mediatype: XLSX_TYPE },
      table('case-sources', '案例引用的资料', '每个案例引用的每份资料一行。', {
        fields: [refs('案例', false, '案例的 id（cases.csv）'), refs('资料来源', false, '资料的 id（sources.csv）'), text('支持的内容')],
        missingValues: [''],
        primaryKey: ['案例', '资料来源'],
        foreignKeys: [
          { fields: '案例', reference: { resource: 'cases', fields: 'id' } },
          { fields: '资料来源', reference: { resource: 'sources', fields: 'id' } },
        ],
      }),
      table('case-methods', '案例用到的方法', '每个案例用到的每个方法一行。', {
        fields: [refs('案例', false, '案例的 id（cases.csv）'), refs('方法', false, '方法的 id（methods.csv）')],
        missingValues: [''],
        primaryKey: ['案例', '方法'],
        foreignKeys: [
          { fields: '案例', reference: { resource: 'cases', fields: 'id' } },
          { fields: '方法', reference: { resource: 'methods', fields: 'id' } },
        ],
      }),
      table('case-models', '案例采用的模式', '每个案例采用的每个模式一行。', {
        fields: [refs('案例', false, '案例的 id（cases.csv）'), refs('模式', false, '模式的 id（models.csv）')],
        missingValues: [''],
        primaryKey: ['案例', '模式'],
        foreignKeys: [
          { fields: '案例', reference: { resource: 'cases', fields: 'id' } },
          { fields: '模式', reference: { resource: 'models', fields: 'id' } },
        ],
      }),
      table('methods', '方法', '每个方法一行。', {
        fields: [
          id(), text('标题', true), url('网址'), text('摘要', true),
          { name: '步数', type: 'integer', constraints: { required: true, minimum: 2 } },
          { name: '步骤', type: 'string', description: `各步的标题，按顺序，用“${LEDGER_SEPARATOR}”分隔`, constraints: { required: true } },
          { name: '原则', type: 'string', description: `用“${LEDGER_SEPARATOR}”分隔` },
          refs('来源案例', false, '这个方法出自的实践案例的 id（cases.csv）'),
          refs('资料来源', true, many('资料')),
          refs('别名', true, `以前用过的 id，用“${LEDGER_SEPARATOR}”分隔`),
        ],
        missingValues: [''],
        primaryKey: 'id',
        foreignKeys: [{ fields: '来源案例', reference: { resource: 'cases', fields: 'id' } }],
      }, counts.methods),
      table('models', '模式', '每个模式一行。', {
        fields: [
          id(), text('标题', true), url('网址'), text('公式', true),
          { name: '类型', type: 'string', constraints: { required: true, ...oneOf(Object.values(taxonomies.modelKind.values as Record<string, string>), false) } },
          { name: '类型代码', type: 'string', constraints: { required: true, ...oneOf(Object.keys(taxonomies.modelKind.values), false) } },
          text('摘要', true),
          { name: '各项', type: 'string', description: `公式的各项，写成“数目：含义”，用“${LEDGER_SEPARATOR}”分隔`, constraints: { required: true } },
          refs('来源案例', false, '这个模式出自的实践案例的 id（cases.csv）'),
          refs('资料来源', true, many('资料')),
          refs('别名', true, `以前用过的 id，用“${LEDGER_SEPARATOR}”分隔`),
        ],
        missingValues: [''],
        primaryKey: 'id',
        foreignKeys: [{ fields: '来源案例', reference: { resource: 'cases', fields: 'id' } }],
      }, counts.models),
      table('sources', '资料来源', '本手册引用的资料，每份一行。', {
        fields: [
          id(), text('标题', true), text('发布者', true),
          { name: '日期', type: 'string', description: '发布日期，精确到资料给出的程度：YYYY、YYYY-MM 或 YYYY-MM-DD', constraints: { pattern: PARTIAL_DATE } },
          { name: '原始网址', type: 'string', format: 'uri', description: '资料发布的网址' },
          { name: '全文完整', type: 'boolean', trueValues: ['是'], falseValues: ['否'], constraints: { required: true } },
          text('说明'),
          url('网址'),
        ],
        missingValues: [''],
        primaryKey: 'id',
      }, counts.sources),
      table('codebook', '代码本', 'cases.csv 每一列的含义和取值。', {
        fields: [
          { name: '列', type: 'string', constraints: { required: true, unique: true } },
          text('字段', true), text('含义', true), text('取值', true),
          { name: '必填', type: 'string', constraints: { required: true, enum: ['是', '否', '两列填一列'] } },
        ],
        missingValues: [''],
        primaryKey: '列',
      }, codebook().length),
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
