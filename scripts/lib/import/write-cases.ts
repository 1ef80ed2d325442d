/**
 * Case files from ledger rows: a new file's frontmatter written in the schema's field order, or
 * an existing file updated in place, field by field, so that what the ledger does not change
 * (comments, formatting, a source's `supports`, the body when its cell is empty) stays as it
 * was, and a row that changes nothing leaves the file byte for byte the same.
 */
import { Document, isMap, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
import { UNKNOWN, UNKNOWN_KEY } from '../../../src/schemas/common.ts';
import { caseSchema } from '../../../src/schemas/case.ts';
import type { CaseData } from '../../../src/schemas/case.ts';
import { caseFields, frontmatterPath } from '../../../src/schemas/fields.ts';
import type { LedgerRow, PatchValue } from './ledger.ts';

/** The body of a case imported without one. */
export const UNSTATED_BODY = '<Unstated>台账只记录了上面的字段，没有记录这个案例的经过。</Unstated>';

/** The frontmatter fields in the order the case schema declares them. */
const FIELD_ORDER = Object.keys(caseSchema.shape);
const REGION_ORDER = ['province', 'city', 'county', 'place'];

type Data = Record<string, unknown>;

const clone = <T>(value: T): T => structuredClone(value);
const isEmpty = (value: PatchValue) => value === undefined || (Array.isArray(value) && value.length === 0);
const isUnknown = (value: unknown) => value === UNKNOWN || value === UNKNOWN_KEY;

/** A source list from the ledger's ids, keeping what an existing entry says each supports. */
function mergeSources(ids: readonly string[], before: unknown): unknown[] {
  const supports = new Map<string, unknown>();
  if (Array.isArray(before)) for (const item of before) if (item && typeof item === 'object' && 'id' in item) supports.set(String((item as { id: unknown }).id), item);
  return ids.map((id) => supports.get(id) ?? id);
}

/**
 * The frontmatter a row gives: `base` (an existing file's, as written; `{}` for a new file) with
 * every field the ledger has a column for set or removed.
 */
export function applyRow(base: Data, row: LedgerRow): Data {
  const data = clone(base);
  const hadOutcome = data.outcome !== undefined;
  for (const [name, value] of row.patches) {
    if (name === 'id') continue;
    const path = frontmatterPath(caseFields.find((f) => f.name === name)!) ?? [name];
    const [top, sub] = path as [string, string | undefined];
    if (sub === undefined) {
      if (isEmpty(value)) delete data[top];
      // A year alone is written as the handbook writes it, `date: 2023`, not as quoted text.
      else if (name === 'date' && typeof value === 'string' && /^\d{4}$/.test(value)) data[top] = Number(value);
      else data[top] = name === 'sources' ? mergeSources(value as string[], base.sources) : value;
      continue;
    }
    const parent = (data[top] && typeof data[top] === 'object' && !Array.isArray(data[top]) ? data[top] : {}) as Data;
    if (isEmpty(value)) delete parent[sub];
    else parent[sub] = value;
    data[top] = parent;
  }
  // An outcome needs a status; 不详 with nothing else is the same as no outcome (the facts say 不详 either way).
  const outcome = data.outcome as Data | undefined;
  if (outcome) {
    if (Object.keys(outcome).length === 0) delete data.outcome;
    else if (outcome.summary !== undefined && outcome.status === undefined) outcome.status = UNKNOWN;
    else if (!hadOutcome && isUnknown(outcome.status) && outcome.summary === undefined) delete data.outcome;
  }
  return data;
}

/** Keys in the schema's order (region's sub-fields too), for a new file. */
function ordered(data: Data): Data {
  const out: Data = {};
  for (const key of [...FIELD_ORDER, ...Object.keys(data)]) {
    if (!(key in data) || key in out) continue;
    const value = data[key];
    if (key === 'region' && value && typeof value === 'object') {
      const region = value as Data;
      out[key] = Object.fromEntries([...REGION_ORDER, ...Object.keys(region)].filter((k, i, all) => k in region && all.indexOf(k) === i).map((k) => [k, region[k]]));
    } else if (key === 'outcome' && value && typeof value === 'object') {
      const o = value as Data;
      out[key] = Object.fromEntries(['status', 'summary'].filter((k) => k in o).map((k) => [k, o[k]]));
    } else out[key] = value;
  }
  return out;
}

/** Lists of plain values in flow style (`forms: [council, onsite]`), as the handbook writes them. */
function flowLists(node: unknown): void {
  visit(node as Document, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
}

const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** A new case file. */
export function newCaseText(row: LedgerRow, body: string | undefined): string {
  const doc = new Document(ordered(applyRow({}, row)));
  flowLists(doc);
  return `---\n${doc.toString(YAML_OPTIONS)}---\n\n${body ?? UNSTATED_BODY}\n`;
}

/** An MDX file's frontmatter text and what follows its closing `---` line. */
export function splitCase(text: string): { frontmatter: string; afterClose: string; body: string } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (end === -1) return undefined;
  const rest = lines.slice(end + 1).join('\n');
  return { frontmatter: lines.slice(1, end).join('\n'), afterClose: rest, body: rest };
}

/** Normalised frontmatter (through the case schema), for comparing field by field; undefined when invalid. */
function normalised(data: Data): Data | undefined {
  const result = caseSchema.safeParse(data);
  return result.success ? (result.data as Data) : undefined;
}

/** JSON with sorted keys: two values that mean the same compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Data).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * What a top-level frontmatter key means to readers: the registry's values of the fields stored
 * under it (a field left out and the same field written 不详 mean the same), else its normalised value.
 */
function meaning(data: Data, key: string): string {
  const fields = caseFields.filter((field) => frontmatterPath(field)?.[0] === key);
  if (fields.length === 0) return stable(data[key]);
  return stable(fields.map((field) => field.values({ id: '', data: data as unknown as CaseData }).map((value) => value.key)));
}

/**
 * An existing case file with a row applied: only the fields whose meaning changes are rewritten
 * (in place, keeping comments elsewhere); the body is replaced when the row has one. Returns the
 * text unchanged when nothing changes.
 */
export function updatedCaseText(original: string, row: LedgerRow): string {
  const split = splitCase(original);
  const doc = split ? parseDocument(split.frontmatter) : undefined;
  if (!split || !doc || doc.errors.length > 0 || !isMap(doc.contents)) {
    // A file whose frontmatter cannot be read is written anew from the row (the check said what was wrong with it).
    const body = row.body ?? (split ? split.body.trim() : '') ?? '';
    return newCaseText(row, body || undefined);
  }
  const before = (parse(split.frontmatter) ?? {}) as Data;
  const after = applyRow(before, row);
  const oldData = normalised(before);
  const newData = normalised(after);
  let changed = false;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const differs = !oldData || !newData ? stable(before[key]) !== stable(after[key]) : meaning(oldData, key) !== meaning(newData, key);
    if (!differs) continue;
    changed = true;
    if (after[key] === undefined) doc.delete(key);
    else {
      const node = doc.createNode(key === 'region' || key === 'outcome' ? ordered({ [key]: after[key] })[key] : after[key]);
      if (isSeq(node) || isMap(node)) flowLists(node);
      doc.set(key, node);
    }
  }
  const head = changed ? `---\n${doc.toString(YAML_OPTIONS)}---` : original.replace(/^\uFEFF/, '').split('\n').slice(0, split.frontmatter.split('\n').length + 2).join('\n');
  const oldBody = split.body.replace(/\r\n?/g, '\n').trim();
  const bodyChanged = row.body !== undefined && row.body !== oldBody;
  if (!changed && !bodyChanged) return original;
  const bodyText = bodyChanged ? `\n\n${row.body}\n` : `\n${split.afterClose}`;
  return `${head}${bodyText}`;
}

/** The line in a case file's text where the body starts (for mapping the check's problems to the 正文 column). */
export function bodyLineOf(text: string): number {
  const lines = text.split('\n');
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  return end === -1 ? Number.POSITIVE_INFINITY : end + 2;
}
