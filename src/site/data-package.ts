/**
 * The research data package under `/data/`: the case ledger as XLSX (beside the CSV and JSON of
 * open-data.ts), the template ledger, the codebook, methods, models and sources as tables, and a
 * Frictionless Data Package descriptor (`datapackage.json`). Pure functions of the content, the
 * config and the build info, so two builds of the same content write the same bytes.
 */
import { UNKNOWN } from '../schemas/common.ts';
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
  'CSV 为 UTF-8 编码（带 BOM，Excel 可直接打开），逗号分隔，CRLF 换行；JSON 为 UTF-8。',
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

// —— The descriptor ——

/** `/data/datapackage.json`: a Frictionless (tabular) Data Package describing every file. */
export function datapackageJson(site: Site, info: DataInfo, counts: { cases: number; methods: number; models: number; sources: number }): string {
  const licence = licenceOf(site);
  const table = (name: string, title: string, header: readonly string[], rows: number, descriptions: Record<string, string> = {}) => ({
    name,
    path: `${name}.csv`,
    title,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
    count: rows,
    schema: { fields: header.map((column) => ({ name: column, type: 'string', ...(descriptions[column] ? { description: descriptions[column] } : {}) })), missingValues: [''] },
  });
  const book = Object.fromEntries(codebook().map((r) => [r.column, `${r.meaning}。取值：${r.values}`]));
  const document = {
    profile: 'tabular-data-package',
    name: 'handbook-data',
    title: datasetTitle(site),
    description: site.description,
    version: info.version,
    ...(info.dataDate ? { created: info.dataDate } : {}),
    homepage: publicUrl(site, '/data/'),
    contributors: [{ title: site.organisation, role: 'publisher' }],
    ...(licence ? { licenses: [{ name: site.licence, title: licence.name, ...(licence.url ? { path: licence.url } : {}) }] } : { licenceNote: NO_LICENCE }),
    notes: CODEBOOK_NOTES,
    resources: [
      table('cases', '案例', ledgerColumns.map((c) => c.header), counts.cases, book),
      { name: 'cases-json', path: 'cases.json', title: '案例（JSON）', format: 'json', mediatype: 'application/json', encoding: 'utf-8' },
      { name: 'cases-xlsx', path: 'cases.xlsx', title: '案例（Excel）', format: 'xlsx', mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      table('methods', '方法', METHODS_HEADER, counts.methods),
      table('models', '模式', MODELS_HEADER, counts.models),
      table('sources', '资料来源', SOURCES_HEADER, counts.sources),
      table('codebook', '代码本', ['列', '字段', '含义', '取值', '必填'], codebook().length),
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
