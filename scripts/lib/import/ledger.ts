/**
 * A ledger's rows as case fields: columns found by their Chinese headers (the labels of the
 * field registry, or the field names), each cell read the way the content check reads the
 * field (taxonomy values by key or Chinese label, 不详/unknown where allowed). Every problem is
 * collected with its row and column; nothing here touches the disk.
 */
import { t } from '../../../src/i18n/index.ts';
import { ID_PATTERN, UNKNOWN, UNKNOWN_KEY } from '../../../src/schemas/common.ts';
import { caseField, caseFields, type CaseField } from '../../../src/schemas/fields.ts';
import { INFERABLE_FIELDS } from '../../../src/schemas/inferable.ts';
import { provinces, provinceSlugs, suggestProvince } from '../../../src/schemas/regions.ts';
import { allowedValues, resolveTaxonomy, taxonomies, type TaxonomyName } from '../../../src/schemas/taxonomies.ts';
import { BODY_HEADER, ledgerColumns, normaliseBody, REQUIRED_FIELDS, unneutralise } from '../../../src/site/ledger.ts';
import { proposeId } from '../pinyin-id.ts';
import type { Table, TableRow } from './read-table.ts';

export interface LedgerProblem {
  /** The spreadsheet row (1-based). */
  line: number;
  /** The column's header as the ledger writes it, or '' for the row as a whole. */
  column: string;
  message: string;
}

type Spec = { kind: 'value' | 'code'; field: CaseField } | { kind: 'url' } | { kind: 'body' };

export interface HeaderMap {
  /** The row holding the headers. */
  line: number;
  /** Column index → what it holds and its header as written. */
  columns: Map<number, Spec & { header: string }>;
  /** Registry field → its value and code columns. */
  fields: Map<string, { value?: number; code?: number }>;
  body?: number;
}

/** A field's value as the frontmatter writes it; undefined for “none” (an empty optional cell). */
export type PatchValue = string | string[] | undefined;

export interface LedgerRow {
  line: number;
  id: string;
  /** Whether the id came from the id column (else from the title's pinyin). */
  idGiven: boolean;
  title?: string;
  /** Registry field → value, for every field the ledger has a column for. */
  patches: Map<string, PatchValue>;
  /** The body, when the ledger has a body column and the cell is not empty. */
  body?: string;
  /** Columns of this row that already have a problem (the check's reports on them are redundant). */
  failed: Set<string>;
}

/** What references may name: ids and titles of existing entries. */
export interface Lookups {
  methods: ReadonlyMap<string, string>;
  models: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, string>;
  cases: ReadonlyMap<string, string>;
}

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Every header the import accepts, normalised, with what it means. */
function acceptedHeaders(): Map<string, Spec & { canonical: string }> {
  const accepted = new Map<string, Spec & { canonical: string }>();
  for (const column of ledgerColumns) {
    if (column.role === 'url') for (const name of [column.header, 'url']) accepted.set(norm(name), { kind: 'url', canonical: column.header });
    else if (column.role === 'body') for (const name of [column.header, 'body']) accepted.set(norm(name), { kind: 'body', canonical: column.header });
    else {
      const field = column.field!;
      const names = column.role === 'value' ? [column.header, field.name] : [column.header, `${field.name}代码`, `${field.name}code`, `${field.name}_code`];
      for (const name of names) accepted.set(norm(name), { kind: column.role, field, canonical: column.header });
    }
  }
  return accepted;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function closestHeader(input: string): string | undefined {
  let best: string | undefined;
  let distance = Infinity;
  for (const column of ledgerColumns) {
    const d = editDistance(norm(input), norm(column.header));
    if (d < distance) [best, distance] = [column.header, d];
  }
  return distance <= Math.max(1, Math.floor(norm(input).length / 2)) ? best : undefined;
}

/**
 * Finds the header row (the first of the first ten rows naming at least two known columns: an
 * office's ledger may have a title row above it) and maps every column.
 */
export function readHeader(table: Table): { header?: HeaderMap; problems: LedgerProblem[] } {
  const accepted = acceptedHeaders();
  const known = (row: TableRow) => row.cells.filter((cell) => accepted.has(norm(cell))).length;
  const row = table.rows.slice(0, 10).find((r) => known(r) >= 2);
  if (!row) {
    const line = table.rows[0]?.line ?? 1;
    return {
      problems: [{
        line,
        column: '',
        message: `找不到表头。台账的第一行应是列名，如 ${ledgerColumns.slice(1, 6).map((c) => c.header).join('、')}……（全部列名见 /data/cases-template.xlsx，或运行 npm run new -- ledger）`,
      }],
    };
  }
  const header: HeaderMap = { line: row.line, columns: new Map(), fields: new Map() };
  const problems: LedgerProblem[] = [];
  const seen = new Map<string, number>();
  row.cells.forEach((cell, index) => {
    if (cell === '') {
      const hasData = table.rows.some((r) => r.line > row.line && (r.cells[index] ?? '') !== '');
      if (hasData) problems.push({ line: row.line, column: `第 ${index + 1} 列`, message: '这一列有内容，却没有列名。请写上列名（见 /data/cases-template.xlsx），或删去这一列' });
      return;
    }
    const spec = accepted.get(norm(cell));
    if (!spec) {
      const guess = closestHeader(cell);
      problems.push({
        line: row.line,
        column: cell,
        message: `不认识这一列。${guess ? `是不是「${guess}」？` : ''}可用的列名见 /data/cases-template.xlsx（npm run new -- ledger 也会写出一份）；不需要导入的列请删去`,
      });
      return;
    }
    const previous = seen.get(spec.canonical);
    if (previous !== undefined) {
      problems.push({ line: row.line, column: cell, message: `「${spec.canonical}」列出现了两次（第 ${previous + 1} 列和第 ${index + 1} 列）。请删去一列` });
      return;
    }
    seen.set(spec.canonical, index);
    header.columns.set(index, { ...spec, header: cell });
    if (spec.kind === 'body') header.body = index;
    if (spec.kind === 'value' || spec.kind === 'code') {
      const entry = header.fields.get(spec.field.name) ?? {};
      entry[spec.kind] = index;
      header.fields.set(spec.field.name, entry);
    }
  });
  return { header, problems };
}

/** Headers, as the ledger writes them, of a field's columns (value first). */
export function headersOf(header: HeaderMap, name: string): string[] {
  const columns = header.fields.get(name);
  if (!columns) return [];
  return [columns.value, columns.code].filter((i): i is number => i !== undefined).map((i) => header.columns.get(i)!.header);
}

// —— Cells ——

/** Taxonomy values may be separated by ；; 、，, or line breaks (their labels contain none of these). */
const splitTaxonomy = (cell: string) => cell.split(/[；;、，,\n]+/).map((s) => s.trim()).filter(Boolean);
/** Free text (participants) by ；; or line breaks only: names may contain commas. */
const splitText = (cell: string) => cell.split(/[；;\n]+/).map((s) => s.trim()).filter(Boolean);

const isUnknown = (value: string) => value === UNKNOWN || value.toLowerCase() === UNKNOWN_KEY;

type Cell = { ok: true; value: PatchValue } | { ok: false; message: string };
const ok = (value: PatchValue): Cell => ({ ok: true, value });
const bad = (message: string): Cell => ({ ok: false, message });

function taxonomyCell(name: TaxonomyName, cell: string, form: 'value' | 'code', unknown: boolean, many: boolean): Cell {
  const items = many ? splitTaxonomy(cell) : [cell.trim()];
  const keys: string[] = [];
  for (const item of items) {
    if (unknown && isUnknown(item)) {
      keys.push(UNKNOWN);
      continue;
    }
    const values = taxonomies[name].values as Record<string, string>;
    const key = form === 'code' ? (Object.hasOwn(values, item) ? item : undefined) : resolveTaxonomy(name, item);
    if (key === undefined) {
      const codes = Object.keys(values).filter((k) => k !== UNKNOWN_KEY).join('、');
      return bad(
        form === 'code'
          ? `“${item}”不是可用的代码。可选：${codes}${unknown ? '；资料未载明时写 unknown' : ''}`
          : `“${item}”不是可用的值。可选：${allowedValues(name)}${unknown ? '；资料未载明时写“不详”' : ''}`,
      );
    }
    keys.push(key === UNKNOWN_KEY ? UNKNOWN : key);
  }
  if (many && new Set(keys).size !== keys.length) return bad(`同一个值写了两次：${cell}`);
  return ok(many ? keys : keys[0]);
}

const slugProvince = new Map(Object.entries(provinceSlugs).map(([name, slug]) => [slug, name]));

function provinceCell(cell: string, form: 'value' | 'code'): Cell {
  const value = cell.trim();
  if (isUnknown(value)) return ok(UNKNOWN);
  if (form === 'code') {
    const name = slugProvince.get(value.toLowerCase());
    return name ? ok(name) : bad(`“${value}”不是省级行政区的代码（拼音，如 zhejiang）；资料未载明时写 unknown`);
  }
  if ((provinces as readonly string[]).includes(value)) return ok(value);
  const suggestion = suggestProvince(value);
  return bad(suggestion ? `“${value}”不是省级行政区的全称。是不是“${suggestion}”？` : `“${value}”不是省级行政区的全称（如 浙江省、广西壮族自治区）；资料未载明时写“不详”`);
}

/** 2023年5月9日, 2023/5/9, 2023.5 → 2023-05-09, 2023-05; anything else as written (the check judges it). */
export function normaliseDate(cell: string): string {
  const value = cell.trim();
  if (isUnknown(value)) return UNKNOWN;
  const match = /^(\d{4})\s*(?:[年./\-]\s*(\d{1,2})\s*(?:[月./\-]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  return [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** A list of references: ids, or titles of existing entries (and of this ledger's cases). */
function referenceCell(cell: string, titles: ReadonlyMap<string, string>, what: string, many: boolean): Cell {
  const byTitle = new Map([...titles].map(([id, title]) => [norm(title), id]));
  const resolve = (item: string): string[] | undefined => {
    if (titles.has(item) || ID_PATTERN.test(item)) return [item];
    const id = byTitle.get(norm(item));
    if (id) return [id];
    // `a、b` or `a b` inside one item: ids separated some other way.
    const parts = item.split(/[、，,\s]+/).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => titles.has(p) || ID_PATTERN.test(p) || byTitle.has(norm(p)))) return parts.map((p) => (titles.has(p) || ID_PATTERN.test(p) ? p : byTitle.get(norm(p))!));
    return undefined;
  };
  const ids: string[] = [];
  for (const item of splitText(cell)) {
    const resolved = resolve(item);
    if (!resolved) {
      const some = [...titles].slice(0, 8).map(([id, title]) => `${id}（${title}）`).join('、');
      return bad(`“${item}”不是${what}的 id，也不是哪个${what}的标题。${some ? `现有的${what}：${some}${titles.size > 8 ? ' 等' : ''}` : `现在还没有任何${what}`}`);
    }
    ids.push(...resolved);
  }
  if (!many && ids.length > 1) return bad(`只能写一个${what}，这里写了 ${ids.length} 个`);
  return ok(many ? ids : ids[0]);
}

/** Inferred fields by name or label (`topics`, `领域`; `region`, `地区`, `省级行政区`). */
function inferredCell(cell: string): Cell {
  const names = new Map<string, string>();
  for (const name of INFERABLE_FIELDS) {
    names.set(norm(name), name);
    names.set(norm(caseField(name).label), name);
  }
  for (const field of caseFields) if (field.inferable) [field.name, field.label].forEach((n) => names.set(norm(n), field.inferable!));
  const out: string[] = [];
  for (const item of splitTaxonomy(cell)) {
    const name = names.get(norm(item));
    if (!name) return bad(`“${item}”不是可以标为推断的字段。可选：${INFERABLE_FIELDS.map((n) => `${n}（${caseField(n).label}）`).join('、')}`);
    if (!out.includes(name)) out.push(name);
  }
  return ok(out);
}

/** One cell of a field, as the frontmatter writes it. */
function fieldCell(field: CaseField, cell: string, form: 'value' | 'code', lookups: Lookups): Cell {
  const empty = cell.trim() === '';
  if (empty) return ok(field.many ? [] : undefined);
  // A field of fixed values reads its taxonomy's keys or labels, and 不详 where the registry allows it.
  if (field.taxonomy) return taxonomyCell(field.taxonomy, cell, form, field.unknown ?? false, field.many);
  switch (field.name) {
    case 'province':
      return provinceCell(cell, form);
    case 'date':
      return ok(normaliseDate(cell));
    case 'methods':
      return referenceCell(cell, lookups.methods, '方法', true);
    case 'models':
      return referenceCell(cell, lookups.models, '模式', true);
    case 'sources':
      return referenceCell(cell, lookups.sources, '资料来源', true);
    case 'partOf':
      return referenceCell(cell, lookups.cases, '案例', false);
    case 'aliases':
      return ok(splitTaxonomy(cell));
    case 'participants':
      return ok(splitText(cell));
    case 'inferred':
      return inferredCell(cell);
    default:
      return ok(cell.trim());
  }
}

const same = (a: PatchValue, b: PatchValue) => JSON.stringify(a) === JSON.stringify(b);
const shown = (value: PatchValue) => (Array.isArray(value) ? value.join('；') : value ?? '');

/** What a required field wants, for an empty cell. */
const REQUIRED_HINTS: Record<string, string> = {
  title: '案例标题，4 到 60 个字',
  kind: '实践 或 协商事例',
  summary: '一两句话的摘要',
  province: '省级行政区全称，如 浙江省；资料未载明时写“不详”',
  level: `层级，如 社区、县级`,
  forms: '协商形式，如 议事会协商；资料未载明时写“不详”',
  topics: '领域，如 道路交通管理；资料未载明时写“不详”',
  date: 'YYYY、YYYY-MM 或 YYYY-MM-DD；资料未载明时写“不详”',
  sources: '资料来源的 id，如 community-extension-speech',
};

/** The longest id proposed from a title; longer ones are cut at a hyphen. */
const MAX_PROPOSED_ID = 60;

export function idFromTitle(title: string): string {
  const id = proposeId(title);
  if (id.length <= MAX_PROPOSED_ID) return id;
  return id.slice(0, MAX_PROPOSED_ID + 1).replace(/-[^-]*$/, '');
}

/** Reads one data row into field values, with a problem for every cell that is wrong. */
export function readRow(row: TableRow, header: HeaderMap, lookups: Lookups): { row: LedgerRow; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const cellAt = (index: number | undefined) => (index === undefined ? '' : unneutralise(row.cells[index] ?? '').trim());
  const failed = new Set<string>();
  const fail = (column: string, message: string) => {
    problems.push({ line: row.line, column, message });
    failed.add(column);
  };
  const patches = new Map<string, PatchValue>();

  for (const [name, columns] of header.fields) {
    const field = caseField(name);
    if (name === 'id') continue;
    const read = (form: 'value' | 'code') => {
      const index = columns[form];
      if (index === undefined) return undefined;
      const cell = fieldCell(field, cellAt(index), form, lookups);
      if (!cell.ok) fail(header.columns.get(index)!.header, cell.message);
      return cell.ok ? { value: cell.value, empty: cellAt(index) === '', header: header.columns.get(index)!.header } : 'failed';
    };
    const value = read('value');
    const code = read('code');
    if (value === 'failed' || code === 'failed') {
      headersOf(header, name).forEach((h) => failed.add(h));
      continue;
    }
    let chosen = value ?? code!;
    if (value && code && !value.empty && !code.empty) {
      if (!same(value.value, code.value)) {
        fail(code.header, `「${code.header}」是“${shown(code.value)}”，「${value.header}」却是“${shown(value.value)}”，两者不一致。请改正其中一列，或删去「${code.header}」列`);
        headersOf(header, name).forEach((h) => failed.add(h));
        continue;
      }
    } else if (value && code && value.empty) chosen = code;
    const empty = chosen.value === undefined || (Array.isArray(chosen.value) && chosen.value.length === 0);
    if (empty && REQUIRED_FIELDS.has(name)) {
      fail(chosen.header, `「${chosen.header}」是空的。请填写：${REQUIRED_HINTS[name] ?? field.label}`);
      headersOf(header, name).forEach((h) => failed.add(h));
      continue;
    }
    patches.set(name, chosen.value);
  }

  // The id: the id column, else the title in pinyin.
  const idIndex = header.fields.get('id')?.value;
  const idHeader = idIndex === undefined ? undefined : header.columns.get(idIndex)!.header;
  const titleHeader = headersOf(header, 'title')[0] ?? t('field.title');
  const givenId = cellAt(idIndex);
  const title = typeof patches.get('title') === 'string' ? (patches.get('title') as string) : undefined;
  let id = givenId;
  if (givenId) {
    if (!ID_PATTERN.test(givenId)) fail(idHeader!, `“${givenId}”不能用作 id：只能用小写英文字母、数字和连字符（-）。建议改为 ${idFromTitle(title ?? givenId)}，或留空，由标题的拼音生成`);
  } else if (title) {
    id = idFromTitle(title);
  } else if (!failed.has(titleHeader)) {
    fail(idHeader ?? titleHeader, `没有 id，也没有标题，无法确定文件名。请填写「${titleHeader}」${idHeader ? `或「${idHeader}」` : ''}`);
  }

  const body = header.body === undefined ? undefined : normaliseBody(unneutralise(row.cells[header.body] ?? ''));
  return {
    row: { line: row.line, id, idGiven: Boolean(givenId), ...(title !== undefined && { title }), patches, ...(body ? { body } : {}), failed },
    problems,
  };
}

export { BODY_HEADER };
