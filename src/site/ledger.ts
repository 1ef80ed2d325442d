/**
 * The case ledger (案例台账): one row per case, one column per field of the registry
 * (`schemas/fields.ts`), in the registry's order. It is the shape of `/data/cases.csv`,
 * `/data/cases.xlsx` and `/data/cases-template.xlsx`, and what `npm run import` reads back, so
 * an office can export, edit in Excel and import again.
 *
 * Columns: a field's label (`层级`); for a coded field also its key column (`层级代码`); the page's
 * address after the title (`网址`, written on export, ignored on import); and the body (`正文`)
 * last. Several values share one cell, separated by `；`.
 */
import { t } from '../i18n/index.ts';
import { UNKNOWN, UNKNOWN_KEY } from '../schemas/common.ts';
import type { z } from 'astro/zod';
import { caseSchema } from '../schemas/case.ts';
import { caseFields, frontmatterPath as registryPath, type CaseField, type CaseView, type FieldValue } from '../schemas/fields.ts';
import { entryPath, publicUrl } from './paths.ts';
import type { SiteConfig } from '../schemas/site-config.ts';

/** Several values in one cell. */
export const LEDGER_SEPARATOR = '；';

/** What a column holds. */
export type LedgerRole = 'value' | 'code' | 'url' | 'body';

export interface LedgerColumn {
  header: string;
  role: LedgerRole;
  /** The registry field (for `value` and `code` columns). */
  field?: CaseField;
}

/** A case as the ledger reads it: the registry's view, and the body where known. */
export type LedgerCase = CaseView & { body?: string | undefined };

/** The fields written into the open data and the ledger, in column order. */
export const ledgerFields: readonly CaseField[] = caseFields.filter((f) => f.data !== false);

/** The header of the body column. */
export const BODY_HEADER = t('field.body');

/** Every column of the ledger, in order. */
export const ledgerColumns: readonly LedgerColumn[] = [
  ...ledgerFields.flatMap((field): LedgerColumn[] => {
    const columns: LedgerColumn[] = [{ header: field.label, role: 'value', field }];
    if (field.coded) columns.push({ header: t('field.code', { label: field.label }), role: 'code', field });
    if (field.name === 'title') columns.push({ header: t('field.url'), role: 'url' });
    return columns;
  }),
  { header: BODY_HEADER, role: 'body' },
];

export const LEDGER_HEADER: readonly string[] = ledgerColumns.map((c) => c.header);

/** The frontmatter path of a registry field by name (`province` → region.province); `id` is the file name. */
export const frontmatterPath = (name: string): readonly string[] => {
  const field = caseFields.find((f) => f.name === name);
  return (field && registryPath(field)) ?? [name];
};

/** Whether the case schema accepts a case without anything at `path` (an optional or defaulted field, or one inside an optional object). */
function optionalAt(path: readonly string[]): boolean {
  let schema: z.ZodType | undefined = caseSchema;
  for (const key of path) {
    if (schema.safeParse(undefined).success) return true;
    const shape: Record<string, z.ZodType> | undefined = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? (schema as unknown as { unwrap?: () => { shape?: Record<string, z.ZodType> } }).unwrap?.().shape;
    schema = shape?.[key];
    if (!schema) return true;
  }
  return schema.safeParse(undefined).success;
}

/** Fields every case must have, read off the case schema; the rest may be left empty. */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set(
  ledgerFields.filter((field) => {
    const path = registryPath(field);
    return path !== undefined && !optionalAt(path);
  }).map((field) => field.name),
);

/** A body as the ledger holds it: line ends as `\n`, no surrounding blank lines. */
export function normaliseBody(body: string | undefined): string {
  return (body ?? '').replace(/\r\n?/g, '\n').trim();
}

const keyOrUnknown = (v: FieldValue) => (v.key === UNKNOWN_KEY ? UNKNOWN : v.key);

/** One cell of a case, as text (not yet neutralised for spreadsheets). */
export function ledgerCell(column: LedgerColumn, entry: LedgerCase, site: Pick<SiteConfig, 'site' | 'base'>): string {
  switch (column.role) {
    case 'url':
      return publicUrl(site, entryPath('cases', entry.id));
    case 'body':
      return normaliseBody(entry.body);
    case 'code':
      return column.field!.values(entry).map((v) => v.key).join(LEDGER_SEPARATOR);
    case 'value': {
      const field = column.field!;
      return field.values(entry).map(field.coded ? (v) => v.label : keyOrUnknown).join(LEDGER_SEPARATOR);
    }
  }
}

const byId = <T extends { id: string }>(entries: readonly T[]): T[] => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The ledger of cases: the header, then one row per case sorted by id. */
export function ledgerRows(entries: readonly LedgerCase[], site: Pick<SiteConfig, 'site' | 'base'>, columns: readonly LedgerColumn[] = ledgerColumns): string[][] {
  return [columns.map((c) => c.header), ...byId(entries).map((entry) => columns.map((column) => ledgerCell(column, entry, site)))];
}

/**
 * A cell a spreadsheet program would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
 * return first) gets a leading `'`, as OWASP's CSV-injection guidance says; the import takes it
 * off again (`unneutralise`).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undoes `neutralise`: `'=1+1` → `=1+1`; any other text as it is. */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
