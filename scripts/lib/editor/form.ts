/**
 * The editor's forms, generated from the content model, never written field by field: a case's
 * form from the field registry (src/schemas/fields.ts: label, taxonomy, 不详, frontmatter path,
 * inference flag) read together with the case schema, and every other collection's form from its
 * zod schema alone. The generator takes the registry and the taxonomies as parameters, so a field
 * added to the registry appears in the editor with no change here (tests/unit/editor-form.test.ts).
 *
 * The result is plain JSON (the browser renders it, scripts/lib/editor/client/editor.ts).
 */
import type { z } from 'astro/zod';
import { dateOrUnknown, partialDate, UNKNOWN, UNKNOWN_KEY } from '../../../src/schemas/common.ts';
import type { CaseField } from '../../../src/schemas/fields.ts';
import { collectionDefs, type CollectionName } from '../../../src/schemas/index.ts';
import type { taxonomies as Taxonomies } from '../../../src/schemas/taxonomies.ts';

export interface Option {
  value: string;
  label: string;
}

interface Base {
  /** Where the value lives in the frontmatter (relative to the item, inside a list of items). */
  path: string[];
  /** The field's Chinese name. */
  label: string;
  required: boolean;
  /** The `inferred` flag covering this field (a case's date, region, level…): a “本手册推断” mark beside it. */
  inferable?: string;
}

export type Control = Base &
  (
    | { kind: 'text'; multiline: boolean; max?: number }
    | { kind: 'number' }
    | { kind: 'boolean' }
    /** A number or a letter (a model part's count: 7, X). */
    | { kind: 'count' }
    /** Fixed values: one (select) or several (checkboxes); `unknown`: 不详 is one of them. */
    | { kind: 'choice'; many: boolean; options: Option[]; unknown: boolean }
    /** Ids of another collection's entries, picked by title; `supports`: an item may say what it supports. */
    | { kind: 'reference'; many: boolean; collection: CollectionName; supports: boolean }
    /** A partial date: year, year-month or year-month-day; `unknown`: or 不详. */
    | { kind: 'date'; unknown: boolean }
    /** Several free texts, in order. */
    | { kind: 'texts' }
    /** An ordered list of items, each a small form (a method's steps, a model's parts). */
    | { kind: 'items'; item: Control[] }
  );

export interface Form {
  collection: CollectionName;
  label: string;
  controls: Control[];
}

/** What a field refers to, by its name: the check's reference rules (scripts/lib/check/rules.ts). */
export const REFERENCE_FIELDS: Readonly<Record<string, CollectionName>> = {
  methods: 'methods',
  models: 'models',
  partOf: 'cases',
  origin: 'cases',
  sources: 'sources',
  related: 'terms',
};

/** Chinese names of fields outside the case registry; a field not listed is shown by its own name. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  summary: '摘要',
  origin: '来源案例',
  steps: '步骤',
  'steps.title': '步骤名称',
  'steps.summary': '这一步做什么',
  who: '由谁做',
  output: '产出什么',
  principles: '原则',
  sources: '资料来源',
  aliases: '别名（旧 id）',
  formula: '公式',
  kind: '类型',
  parts: '各项',
  count: '数（数字或字母 X、N）',
  label: '代表什么',
  detail: '说明',
  members: '成员',
  from: '人员来自哪几类',
  interpretation: '这一项的含义是本手册的理解',
  unstated: '资料没有说明这一项代表什么',
  order: '章节顺序',
  term: '术语',
  'terms.aliases': '别称',
  synonyms: '读者可能搜索的说法',
  definition: '释义',
  related: '相关术语',
  publisher: '发布者',
  complete: '所据文本是完整的',
  date: '日期',
  url: '原始网址',
  readUrl: '实际阅读的网址',
  accessed: '阅读日期',
  file: '原文文件名',
  note: '说明',
};

/** Long texts get a text area. */
const MULTILINE = new Set(['summary', 'definition', 'detail', 'note']);

type Def = { type: string; [key: string]: any };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The schema inside optional/default wrappers, and whether a value may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean } {
  let inner = schema;
  let required = true;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
      required = false;
      inner = def.innerType as z.ZodType;
    } else if (def.type === 'readonly' || def.type === 'nullable') inner = def.innerType as z.ZodType;
    else return { inner, required };
  }
}

/** The values a field's schema lists for editors (`.meta({ enum })`: taxonomies, provinces). */
function enumOf(schema: z.ZodType): string[] | undefined {
  const meta = (schema as { meta?: () => unknown }).meta?.() as { enum?: unknown } | undefined;
  return Array.isArray(meta?.enum) ? meta.enum.map(String) : undefined;
}

/** The largest length a string schema allows, if it says. */
function maxOf(schema: z.ZodType): number | undefined {
  const def = defOf(schema);
  const checks = (def.checks ?? []) as { _zod: { def: { check: string; maximum?: number } } }[];
  return checks.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum;
}

/** The object shape of a schema, if it is an object. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(unwrap(schema).inner);
  return def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : undefined;
}

export interface FormModel {
  /** The case field registry (fields.ts's caseFields, or a test's copy with a field more). */
  fields: readonly CaseField[];
  /** The taxonomies the registry names (taxonomies.ts). */
  taxonomies: Readonly<Record<string, { label: string; values: Readonly<Record<string, string>> }>>;
}

/** Choices of a taxonomy: its keys with their labels; 不详 last when it is a value. */
function taxonomyOptions(model: FormModel, name: string, unknown: boolean): Option[] {
  const values = model.taxonomies[name]?.values ?? {};
  const options = Object.entries(values).filter(([key]) => key !== UNKNOWN_KEY).map(([value, label]) => ({ value, label }));
  return unknown || Object.hasOwn(values, UNKNOWN_KEY) ? [...options, { value: UNKNOWN_KEY, label: UNKNOWN }] : options;
}

/** Choices from a schema's listed values: a taxonomy's when the list is one (keys and labels), else the values themselves. */
function enumOptions(model: FormModel, values: string[]): { options: Option[]; unknown: boolean } {
  const unknown = values.includes(UNKNOWN) || values.includes(UNKNOWN_KEY);
  for (const name of Object.keys(model.taxonomies)) {
    const keys = Object.keys(model.taxonomies[name]!.values).filter((k) => k !== UNKNOWN_KEY);
    if (keys.length > 0 && keys.every((key) => values.includes(key)) && values.filter((v) => v !== UNKNOWN && v !== UNKNOWN_KEY).length === keys.length * 2) {
      return { options: taxonomyOptions(model, name, unknown), unknown };
    }
  }
  const plain = values.filter((v) => v !== UNKNOWN && v !== UNKNOWN_KEY).map((value) => ({ value, label: value }));
  return { options: unknown ? [...plain, { value: UNKNOWN, label: UNKNOWN }] : plain, unknown };
}

/** The control for one field of a schema (collection forms, and a case field the registry leaves to the schema). */
function controlOf(model: FormModel, key: string, path: string[], schema: z.ZodType, label: string, requiredHere = true): Control[] {
  const { inner, required: own } = unwrap(schema);
  const required = own && requiredHere;
  const base = { path, label, required };
  if (inner === dateOrUnknown || inner === partialDate) return [{ ...base, kind: 'date', unknown: inner === dateOrUnknown }];
  const def = defOf(inner);
  const values = enumOf(inner);
  if (values) return [{ ...base, kind: 'choice', many: false, ...enumOptions(model, values) }];
  const reference = REFERENCE_FIELDS[key];
  switch (def.type) {
    case 'array': {
      const element = unwrap(def.element as z.ZodType).inner;
      if (reference) return [{ ...base, kind: 'reference', many: true, collection: reference, supports: defOf(element).type === 'pipe' || defOf(element).type === 'union' }];
      const listed = enumOf(element);
      if (listed) return [{ ...base, kind: 'choice', many: true, ...enumOptions(model, listed) }];
      const shape = shapeOf(element);
      if (shape) {
        const item = Object.entries(shape).flatMap(([k, s]) => controlOf(model, k, [k], s, FIELD_LABELS[`${key}.${k}`] ?? FIELD_LABELS[k] ?? k));
        return [{ ...base, kind: 'items', item }];
      }
      return [{ ...base, kind: 'texts' }];
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([k, s]) => controlOf(model, k, [...path, k], s, FIELD_LABELS[`${key}.${k}`] ?? FIELD_LABELS[k] ?? k, required));
    }
    case 'union':
      return [{ ...base, kind: 'count' }];
    case 'number':
      return [{ ...base, kind: 'number' }];
    case 'boolean':
      return [{ ...base, kind: 'boolean' }];
    default:
      if (reference) return [{ ...base, kind: 'reference', many: false, collection: reference, supports: false }];
      return [{ ...base, kind: 'text', multiline: MULTILINE.has(key), ...(maxOf(inner) !== undefined && { max: maxOf(inner)! }) }];
  }
}

/** The schema at a path of an object schema, if there is one. */
function schemaAt(schema: z.ZodType, path: readonly string[]): { schema: z.ZodType; required: boolean } | undefined {
  let current = schema;
  let required = true;
  for (const key of path) {
    const shape = shapeOf(current);
    const next = shape?.[key];
    if (!next) return undefined;
    required &&= unwrap(current).required;
    current = next;
  }
  return { schema: current, required };
}

/**
 * A case's form: one control per field of the registry that is written in the frontmatter, in
 * the registry's order, each read from the registry (label, taxonomy, several values, 不详, path,
 * inference flag) and from the schema at its path (references, dates, the listed values of a
 * field without a taxonomy such as the province). `inferred` itself is not a control: each field
 * it covers has its mark.
 */
export function caseForm(model: FormModel, schema: z.ZodType = collectionDefs.cases.schema): Form {
  const controls: Control[] = [];
  const marked = new Set<string>();
  for (const field of model.fields) {
    if (field.derived || field.name === 'inferred') continue;
    const path = [...(field.frontmatter ?? [field.name])];
    const key = path[path.length - 1]!;
    const at = schemaAt(schema, path);
    let control: Control | undefined;
    if (field.taxonomy) {
      const required = at ? unwrap(at.schema).required && at.required : false;
      control = { path, label: field.label, required, kind: 'choice', many: field.many, options: taxonomyOptions(model, field.taxonomy, field.unknown ?? false), unknown: field.unknown ?? false };
    } else if (at) {
      control = controlOf(model, key, path, at.schema, field.label, at.required)[0];
      if (control && control.kind === 'choice' && field.unknown) control.unknown = true;
    } else {
      control = field.many ? { path, label: field.label, required: false, kind: 'texts' } : { path, label: field.label, required: false, kind: 'text', multiline: false };
    }
    if (!control) continue;
    if (field.inferable && !marked.has(field.inferable)) {
      marked.add(field.inferable);
      control.inferable = field.inferable;
    }
    controls.push(control);
  }
  return { collection: 'cases', label: collectionDefs.cases.label, controls };
}

/** Any other collection's form, from its schema: one control per field, in the schema's order. */
export function schemaForm(model: FormModel, collection: CollectionName): Form {
  const { schema, label } = collectionDefs[collection];
  const shape = shapeOf(schema) ?? {};
  const controls = Object.entries(shape).flatMap(([key, s]) => controlOf(model, key, [key], s, FIELD_LABELS[`${collection}.${key}`] ?? FIELD_LABELS[key] ?? key));
  return { collection, label, controls };
}

/** Every collection's form. */
export function allForms(model: FormModel): Record<CollectionName, Form> {
  const names = Object.keys(collectionDefs) as CollectionName[];
  return Object.fromEntries(names.map((name) => [name, name === 'cases' ? caseForm(model) : schemaForm(model, name)])) as Record<CollectionName, Form>;
}

/** The handbook's own model: fields.ts's registry and taxonomies.ts. */
export async function handbookModel(): Promise<FormModel> {
  const { caseFields } = await import('../../../src/schemas/fields.ts');
  const { taxonomies } = (await import('../../../src/schemas/taxonomies.ts')) as { taxonomies: typeof Taxonomies };
  return { fields: caseFields, taxonomies };
}
