import { z } from 'astro/zod';
import { collectionDefs, type CollectionName } from '../schemas/index.ts';
import { jsonSchemaOf, UNKNOWN, UNKNOWN_KEY } from '../schemas/common.ts';
import type { CaseField, CaseView } from '../schemas/fields.ts';
import { LEDGER_HEADER, LEDGER_SEPARATOR, ledgerFields, ledgerRows, neutralise, type LedgerCase } from './ledger.ts';
import { taxonomies, type TaxonomyName } from '../schemas/taxonomies.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { entryPath, publicUrl } from './paths.ts';

/**
 * The handbook's open data, as pure functions of the content: `/data/cases.json`,
 * `/data/cases.csv` and `/schemas/<collection>.schema.json`. Output is deterministic
 * (sorted by id, no timestamps) so two builds of the same content are byte-identical.
 */

/** A case as the open data reads it. */
export type CaseEntry = CaseView;

/** What the data files need to know about the site. */
export type SiteInfo = Pick<SiteConfig, 'title' | 'organisation' | 'description' | 'site' | 'base'>;

/** A taxonomy value with both forms: the stable key and what readers see. */
export interface Term {
  key: string;
  label: string;
}

/** One case in `/data/cases.json`: a key per field of the registry (see `dataFields`). */
export type CaseRecord = Record<string, unknown> & { id: string; url: string };

/** The fields written into the open data, in column order. */
export const dataFields = ledgerFields;

const byId = <T extends { id: string }>(entries: readonly T[]): T[] => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * A field's value in JSON: coded values as `{ key, label }`, others as their key (an id, a
 * text, a date); unknown as `unknown` (or `{ key: 'unknown', label: '不详' }`); a list as an
 * array; a single value the case does not have as null.
 */
function jsonValue(field: CaseField, entry: CaseEntry): unknown {
  if (field.json) return field.json(entry);
  const values = field.values(entry).map((v) => (field.coded ? { key: v.key, label: v.label } : v.key));
  return field.many ? values : values[0] ?? null;
}

/** One case as open data: every field of the registry, and its page's address after the title. */
export function caseRecord(entry: CaseEntry, site: Pick<SiteInfo, 'site' | 'base'>): CaseRecord {
  const record: Record<string, unknown> = {};
  for (const field of dataFields) {
    record[field.name] = jsonValue(field, entry);
    if (field.name === 'title') record.url = publicUrl(site, entryPath('cases', entry.id));
  }
  return record as CaseRecord;
}

/** `/data/cases.json`: the handbook, the taxonomies used, and every case sorted by id. */
export function casesJson(entries: readonly CaseEntry[], site: SiteInfo): string {
  const used = dataFields.map((f) => f.name).filter((name): name is TaxonomyName => Object.hasOwn(taxonomies, name));
  const document = {
    title: site.title,
    organisation: site.organisation,
    description: site.description,
    home: publicUrl(site, '/'),
    count: entries.length,
    taxonomies: Object.fromEntries(used.map((name) => [name, { label: taxonomies[name].label, values: taxonomies[name].values }])),
    unknown: { key: UNKNOWN_KEY, label: UNKNOWN },
    cases: byId(entries).map((entry) => caseRecord(entry, site)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * One CSV field: neutralised so no spreadsheet program runs it as a formula (`ledger.ts`), then
 * quoted as RFC 4180 says, when it holds a quote, comma or line break.
 */
export function csvField(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV document as RFC 4180 writes it: UTF-8 without a byte-order mark (what datapackage.json
 * declares, and what every CSV reader but Excel expects), comma-separated, CRLF line ends.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The same CSV for Excel: a UTF-8 byte-order mark first, without which Excel reads the Chinese as GBK. */
export const excelCsv = (csv: string): string => `\uFEFF${csv}`;

/** Several values in one cell. */
export const CSV_SEPARATOR = LEDGER_SEPARATOR;

/** The CSV's columns: the ledger's (a coded field gives a label column and a key column; the body last). */
export const CSV_HEADER = LEDGER_HEADER;

/** `/data/cases.csv` (and, with a BOM, `/data/cases-excel.csv`): the case ledger, one row per case sorted by id; several values joined with “；”. */
export function casesCsv(entries: readonly LedgerCase[], site: Pick<SiteInfo, 'site' | 'base'>): string {
  return toCsv(ledgerRows(entries, site));
}

type JsonSchema = Record<string, unknown>;

/**
 * The rules of `npm run check` that JSON Schema cannot say, by collection: they hold across files,
 * depend on today, or compare a text with a list. The schema's description names them.
 */
const BEYOND_JSON_SCHEMA: Record<CollectionName, readonly string[]> = {
  cases: [
    '文件名就是 id：只用小写英文字母、数字和连字符',
    '日期不能晚于今天',
    '引用的资料（sources）、方法（methods）、模式（models）和所属实践（partOf）是否存在',
    'partOf 指向的案例必须是实践（kind: practice），且不是案例自己',
    'id 和别名（aliases）在全部案例中不能重复',
    '正文中 <Cite source="…" /> 引用的资料是否存在',
  ],
  methods: [
    '文件名就是 id：只用小写英文字母、数字和连字符',
    '标题中写明的步数（如“六步工作法”）须与 steps 的步数一致',
    '引用的资料、来源案例（origin）是否存在',
    'id 和别名在全部方法中不能重复',
  ],
  models: [
    '文件名就是 id：只用小写英文字母、数字和连字符',
    '公式（如 1+7+X）的各项须与 parts 逐项对应，数字项的 members 人数须与 count 一致',
    '引用的资料、来源案例（origin）是否存在',
    'id 和别名在全部模式中不能重复',
  ],
  guides: ['文件名就是 id：只用小写英文字母、数字和连字符', '引用的资料是否存在', 'id 和别名在全部指南中不能重复'],
  terms: ['文件名就是 id：只用小写英文字母、数字和连字符', '引用的资料和相关术语（related）是否存在', '术语和别名在术语表中不能重复'],
  sources: ['文件名就是 id：只用小写英文字母、数字和连字符', '日期（date、accessed）不能晚于今天', 'file 指向的原文是否存在'],
};

/**
 * The JSON Schema of a collection's frontmatter (the input side: what authors write), from
 * the same zod schema the check uses, as strict as JSON Schema allows: taxonomy fields list their
 * allowed values (keys and labels, and 不详 where allowed; `taxonomy()` in schemas/common.ts),
 * ids and references their pattern, dates their forms (`jsonSchemaOf`), texts that may not be
 * blank a non-space character; the rules it cannot say are in its description.
 */
export function collectionJsonSchema(collection: CollectionName, site?: Pick<SiteInfo, 'title' | 'site' | 'base'>): JsonSchema {
  const { schema, label, format } = collectionDefs[collection];
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const target = ctx.jsonSchema as Record<string, unknown>;
      const own = jsonSchemaOf.get(ctx.zodSchema as never);
      if (own) {
        for (const key of Object.keys(target)) delete target[key];
        Object.assign(target, structuredClone(own));
        return;
      }
      // A date only reaches the schema as a Date through Astro's own YAML parser; authors write text.
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === 'date') {
        for (const key of Object.keys(target)) delete target[key];
        Object.assign(target, { type: 'string', format: 'date' });
        return;
      }
      // The check trims texts before it counts them: one that must not be empty must hold more than spaces.
      if (target.type === 'string' && typeof target.minLength === 'number' && target.minLength > 0 && !target.pattern && !target.enum) target.pattern = '\\S';
    },
  }) as JsonSchema;
  const file = format === 'mdx' ? `content/${collection}/<id>.mdx 的 frontmatter（开头两行 --- 之间的部分）` : `content/${collection}/<id>.yaml`;
  const beyond = BEYOND_JSON_SCHEMA[collection].map((rule, i) => `（${i + 1}）${rule}`).join('；');
  const { $schema, ...rest } = json;
  return {
    $schema,
    ...(site?.site ? { $id: publicUrl(site, `/schemas/${collection}.schema.json`) } : {}),
    title: `${site?.title ?? '议事手册'} · ${label}`,
    description: `${file}。层级、形式、领域等分类字段可写英文代码或中文名称。以下规则 JSON Schema 无法表达，由 npm run check 检查：${beyond}。`,
    ...rest,
  };
}

/** `/schemas/<collection>.schema.json`, as text. */
export function collectionJsonSchemaText(collection: CollectionName, site?: Pick<SiteInfo, 'title' | 'site' | 'base'>): string {
  return `${JSON.stringify(collectionJsonSchema(collection, site), null, 2)}\n`;
}
