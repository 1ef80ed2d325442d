import { z } from 'astro/zod';
import type { CaseData } from '../schemas/case.ts';
import { collectionDefs, type CollectionName } from '../schemas/index.ts';
import { provinces, UNKNOWN } from '../schemas/regions.ts';
import { labelOf, taxonomies, type TaxonomyName } from '../schemas/taxonomies.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { publicUrl } from './paths.ts';

/**
 * The handbook's open data, as pure functions of the content: `/data/cases.json`,
 * `/data/cases.csv` and `/schemas/<collection>.schema.json`. Output is deterministic
 * (sorted by id, no timestamps) so two builds of the same content are byte-identical.
 */

export interface CaseEntry {
  id: string;
  data: CaseData;
}

/** What the data files need to know about the site. */
export type SiteInfo = Pick<SiteConfig, 'title' | 'organisation' | 'description' | 'site' | 'base'>;

/** A taxonomy value with both forms: the stable key and what readers see. */
export interface Term {
  key: string;
  label: string;
}

export interface CaseRecord {
  id: string;
  title: string;
  url: string;
  kind: Term;
  summary: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null where the source gives none (不详). */
  date: string | null;
  region: { province: string; city: string | null; county: string | null; place: string | null };
  level: Term;
  forms: Term[];
  topics: Term[];
  methods: string[];
  models: string[];
  partOf: string | null;
  participants: string[];
  outcome: { status: Term; summary: string | null } | null;
  sources: { id: string; supports: string | null }[];
  aliases: string[];
}

const term = (taxonomy: TaxonomyName, key: string): Term => ({ key, label: labelOf(taxonomy, key) });

const byId = <T extends { id: string }>(entries: readonly T[]): T[] => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** One case as open data: every frontmatter field, taxonomy values as key and label. */
export function caseRecord(entry: CaseEntry, site: Pick<SiteInfo, 'site' | 'base'>): CaseRecord {
  const { data } = entry;
  return {
    id: entry.id,
    title: data.title,
    url: publicUrl(site, `/cases/${entry.id}/`),
    kind: term('kind', data.kind),
    summary: data.summary,
    date: data.date,
    region: {
      province: data.region.province,
      city: data.region.city ?? null,
      county: data.region.county ?? null,
      place: data.region.place ?? null,
    },
    level: term('level', data.level),
    forms: data.forms.map((key) => term('forms', key)),
    topics: data.topics.map((key) => term('topics', key)),
    methods: [...data.methods],
    models: [...data.models],
    partOf: data.partOf ?? null,
    participants: [...data.participants],
    outcome: data.outcome ? { status: term('status', data.outcome.status), summary: data.outcome.summary ?? null } : null,
    sources: data.sources.map((ref) => ({ id: ref.id, supports: ref.supports ?? null })),
    aliases: [...data.aliases],
  };
}

/** `/data/cases.json`: the handbook, the taxonomies used, and every case sorted by id. */
export function casesJson(entries: readonly CaseEntry[], site: SiteInfo): string {
  const used: TaxonomyName[] = ['kind', 'level', 'forms', 'topics', 'status'];
  const document = {
    title: site.title,
    organisation: site.organisation,
    description: site.description,
    home: publicUrl(site, '/'),
    count: entries.length,
    taxonomies: Object.fromEntries(used.map((name) => [name, { label: taxonomies[name].label, values: taxonomies[name].values }])),
    cases: byId(entries).map((entry) => caseRecord(entry, site)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One CSV field, quoted as RFC 4180 says: when it holds a quote, comma or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV document: UTF-8 BOM (so spreadsheet programs read Chinese correctly), CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Several values in one cell. */
export const CSV_SEPARATOR = '；';

const join = (values: readonly string[]) => values.join(CSV_SEPARATOR);

/** The CSV's columns: a Chinese header, and how to read the cell from a record. */
const CSV_COLUMNS: [string, (r: CaseRecord) => string][] = [
  ['id', (r) => r.id],
  ['标题', (r) => r.title],
  ['网址', (r) => r.url],
  ['类型', (r) => r.kind.label],
  ['类型代码', (r) => r.kind.key],
  ['摘要', (r) => r.summary],
  ['时间', (r) => r.date ?? UNKNOWN],
  ['省级行政区', (r) => r.region.province],
  ['市', (r) => r.region.city ?? ''],
  ['县（区）', (r) => r.region.county ?? ''],
  ['地点', (r) => r.region.place ?? ''],
  ['层级', (r) => r.level.label],
  ['层级代码', (r) => r.level.key],
  ['形式', (r) => join(r.forms.map((t) => t.label))],
  ['形式代码', (r) => join(r.forms.map((t) => t.key))],
  ['领域', (r) => join(r.topics.map((t) => t.label))],
  ['领域代码', (r) => join(r.topics.map((t) => t.key))],
  ['方法', (r) => join(r.methods)],
  ['模式', (r) => join(r.models)],
  ['所属实践', (r) => r.partOf ?? ''],
  ['参与者', (r) => join(r.participants)],
  ['成果状态', (r) => r.outcome?.status.label ?? UNKNOWN],
  ['成果状态代码', (r) => r.outcome?.status.key ?? 'unknown'],
  ['成果', (r) => r.outcome?.summary ?? ''],
  ['资料来源', (r) => join(r.sources.map((s) => s.id))],
  ['别名', (r) => join(r.aliases)],
];

export const CSV_HEADER = CSV_COLUMNS.map(([name]) => name);

/** `/data/cases.csv`: one row per case, sorted by id; several values joined with “；”. */
export function casesCsv(entries: readonly CaseEntry[], site: Pick<SiteInfo, 'site' | 'base'>): string {
  const rows = byId(entries).map((entry) => {
    const record = caseRecord(entry, site);
    return CSV_COLUMNS.map(([, cell]) => cell(record));
  });
  return toCsv([CSV_HEADER, ...rows]);
}

/** Fields whose allowed values are a taxonomy (key or label) or the province list. */
const ENUM_FIELDS: Partial<Record<CollectionName, Record<string, TaxonomyName | 'province'>>> = {
  cases: { kind: 'kind', level: 'level', 'forms.*': 'forms', 'topics.*': 'topics', 'outcome.status': 'status', 'region.province': 'province' },
  models: { kind: 'modelKind' },
};

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema };

/** The node at a dotted path (`*` for array items) in a JSON Schema. */
function nodeAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const segment of path.split('.')) {
    node = segment === '*' ? node?.items : node?.properties?.[segment];
  }
  return node;
}

function allowed(name: TaxonomyName | 'province'): string[] {
  if (name === 'province') return [...provinces, UNKNOWN];
  const values = taxonomies[name].values as Record<string, string>;
  return [...Object.keys(values), ...Object.values(values)];
}

/**
 * The JSON Schema of a collection's frontmatter (the input side: what authors write), from
 * the same zod schema the check uses, with the allowed values of taxonomy fields filled in
 * (zod sees those only as strings, since they accept a key or a label through a transform).
 */
export function collectionJsonSchema(collection: CollectionName, site?: Pick<SiteInfo, 'title' | 'site' | 'base'>): JsonSchema {
  const { schema, label, format } = collectionDefs[collection];
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // A date only reaches the schema as a Date through Astro's own YAML parser; authors write text.
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === 'date') {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'date' });
      }
    },
  }) as JsonSchema;
  for (const [path, name] of Object.entries(ENUM_FIELDS[collection] ?? {})) {
    const node = nodeAt(json, path);
    if (!node) throw new Error(`open-data: ${collection} has no field ${path}`);
    node.enum = allowed(name);
  }
  const file = format === 'mdx' ? `content/${collection}/<id>.mdx 的 frontmatter（开头两行 --- 之间的部分）` : `content/${collection}/<id>.yaml`;
  const { $schema, ...rest } = json;
  return {
    $schema,
    ...(site?.site ? { $id: publicUrl(site, `/schemas/${collection}.schema.json`) } : {}),
    title: `${site?.title ?? '议事手册'} · ${label}`,
    description: `${file}。层级、形式、领域等分类字段可写英文代码或中文名称。`,
    ...rest,
  };
}

/** `/schemas/<collection>.schema.json`, as text. */
export function collectionJsonSchemaText(collection: CollectionName, site?: Pick<SiteInfo, 'title' | 'site' | 'base'>): string {
  return `${JSON.stringify(collectionJsonSchema(collection, site), null, 2)}\n`;
}
