/**
 * `npm run import`: a ledger (`.xlsx`/`.csv`) into case files, all or nothing. Every row is read
 * and turned into its file; the files are written into a temporary copy of the content folder
 * and the whole copy goes through the content check (`validateContent`), exactly as
 * `npm run check` would see it after the import. Only when no row has a problem are the files
 * written (each to a temporary name, then renamed), and an existing case is only changed with
 * `update: true`.
 */
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { t } from '../../../src/i18n/index.ts';
import { splitAlias } from '../../../src/schemas/common.ts';
import { caseField } from '../../../src/schemas/fields.ts';
import { BODY_HEADER } from '../../../src/site/ledger.ts';
import { formatProblem, validateContent, type Problem } from '../check/index.ts';
import { headersOf, readHeader, readRow, type HeaderMap, type LedgerProblem, type LedgerRow, type Lookups } from './ledger.ts';
import { readTable } from './read-table.ts';
import { bodyLineOf, newCaseText, updatedCaseText } from './write-cases.ts';

export interface ImportOptions {
  /** The ledger file. */
  file: string;
  contentDir: string;
  /** The project root (problems name files relative to it). */
  root: string;
  /** Change existing cases the ledger names. Default: refuse to. */
  update?: boolean;
  /** Check only: write nothing. */
  dryRun?: boolean;
  /** How the ledger is named in messages. Default: its path relative to the working folder. */
  displayName?: string;
}

export interface Written {
  /** Project-relative path. */
  file: string;
  line: number;
  action: 'created' | 'updated' | 'unchanged';
}

export type ImportResult =
  | { ok: true; written: Written[]; sheet?: string; encoding?: string }
  | { ok: false; problems: string[]; rows: number; refused?: boolean };

/** `file  行 N  列「层级」  message`. */
export function formatLedgerProblem(name: string, problem: LedgerProblem): string {
  const column = problem.column ? `  列「${problem.column}」` : '';
  return `${name}  行 ${problem.line}${column}  ${problem.message}`;
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** Case files already there: id (drafts without their `_`) → absolute path. */
async function existingCases(contentDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const dir = path.join(contentDir, 'cases');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    ids.set(entry.name.slice(0, -4).replace(/^_/, ''), path.join(entry.parentPath, entry.name));
  }
  return ids;
}

/** The registry field a problem's frontmatter path belongs to (`region.province` → province). */
function fieldOfPath(field: string): string | undefined {
  const [top, sub] = field.split('.');
  if (top === 'region') return sub && ['province', 'city', 'county', 'place'].includes(sub) ? sub : 'province';
  if (top === 'outcome') return sub === 'summary' ? 'outcome' : 'status';
  if (top === 'id') return 'id';
  try {
    return caseField(top!).name;
  } catch {
    return undefined;
  }
}

/** The ledger column a check problem in a row's file is about. */
function columnOf(problem: Problem, header: HeaderMap, row: LedgerRow, bodyLine: number): string {
  if (problem.line >= bodyLine || problem.field === '正文') return headersOf(header, 'body')[0] ?? (header.body !== undefined ? header.columns.get(header.body)!.header : BODY_HEADER);
  const name = fieldOfPath(problem.field);
  if (name === 'id' || name === undefined) {
    const idHeader = headersOf(header, 'id')[0];
    return row.idGiven && idHeader ? idHeader : headersOf(header, 'title')[0] ?? t('field.title');
  }
  return headersOf(header, name)[0] ?? caseField(name).label;
}

/** Titles by id of a collection's valid entries. */
function titles(entries: readonly { collection: string; id: string; data: unknown }[], collection: string): Map<string, string> {
  return new Map(entries.filter((e) => e.collection === collection).map((e) => [e.id, String((e.data as { title?: unknown }).title ?? e.id)]));
}

export async function importLedger(options: ImportOptions): Promise<ImportResult> {
  const root = path.resolve(options.root);
  const contentDir = path.resolve(options.contentDir);
  const name = options.displayName ?? (path.relative(process.cwd(), options.file) || options.file);
  const refused = (message: string): ImportResult => ({ ok: false, problems: [`${name}  ${message}`], rows: 0, refused: true });

  const read = await readTable(options.file);
  if (!read.ok) return refused(read.message);
  const { table } = read;

  const headerResult = readHeader(table);
  const problems: LedgerProblem[] = [...headerResult.problems];
  const header = headerResult.header;
  if (!header) return { ok: false, problems: problems.map((p) => formatLedgerProblem(name, p)), rows: 0 };
  const dataRows = table.rows.filter((r) => r.line > header.line);
  if (dataRows.length === 0) return refused('台账里没有案例：表头下面没有任何一行');

  // What references may name: existing entries, and the cases of this ledger.
  const before = await validateContent(contentDir, root);
  const lookups: Lookups = {
    methods: titles(before.entries, 'methods'),
    models: titles(before.entries, 'models'),
    sources: titles(before.entries, 'sources'),
    cases: titles(before.entries, 'cases'),
  };
  const ledgerCases = new Map(lookups.cases);
  const idColumn = header.fields.get('id')?.value;
  const titleColumn = header.fields.get('title')?.value;
  for (const row of dataRows) {
    const id = idColumn === undefined ? '' : (row.cells[idColumn] ?? '').trim();
    const title = titleColumn === undefined ? '' : (row.cells[titleColumn] ?? '').trim();
    if (id && title) ledgerCases.set(id, title);
  }
  lookups.cases = ledgerCases;

  const rows: LedgerRow[] = [];
  for (const tableRow of dataRows) {
    const { row, problems: rowProblems } = readRow(tableRow, header, lookups);
    problems.push(...rowProblems);
    rows.push(row);
  }

  // Ids: unique within the ledger, new unless --update, never an old id of another case.
  const existing = await existingCases(contentDir);
  const aliasOwners = new Map<string, string>();
  for (const entry of before.entries) {
    if (entry.collection !== 'cases') continue;
    // An alias may name a section (old-id#anchor): the old id is taken either way.
    for (const alias of (entry.data as { aliases?: string[] }).aliases ?? []) aliasOwners.set(splitAlias(alias).id, entry.file);
  }
  const firstLine = new Map<string, number>();
  const idHeader = (row: LedgerRow) => (row.idGiven ? headersOf(header, 'id')[0]! : headersOf(header, 'title')[0] ?? t('field.title'));
  const newRows: number[] = [];
  for (const row of rows) {
    if (!row.id) continue;
    const column = idHeader(row);
    const fail = (message: string) => {
      problems.push({ line: row.line, column, message });
      row.failed.add(column);
    };
    const from = row.idGiven ? '' : `（由标题生成的 id）`;
    const earlier = firstLine.get(row.id);
    if (earlier !== undefined) {
      fail(`id“${row.id}”${from}与第 ${earlier} 行相同。两行是同一个案例时请删去一行；不是时，请在 id 列给其中一行另写一个 id`);
      continue;
    }
    firstLine.set(row.id, row.line);
    const file = existing.get(row.id);
    if (file && !options.update) {
      fail(`id“${row.id}”${from}的案例已经存在（${relative(root, file)}）。要用台账的这一行更新它，请加上 --update 重新导入；要新建一个案例，请在 id 列另写一个 id`);
    } else if (!file && aliasOwners.has(row.id)) {
      fail(`id“${row.id}”${from}是 ${aliasOwners.get(row.id)} 的旧 id（写在它的 aliases 中），旧网址会跳转到那里，不能再用。请在 id 列另写一个 id`);
    } else if (!file) newRows.push(row.line);
  }

  // A new case needs every required field: a missing column is one problem, naming the rows.
  const missingColumns = new Set<string>();
  if (newRows.length > 0) {
    for (const name of ['title', 'kind', 'summary', 'date', 'province', 'level', 'forms', 'topics', 'sources']) {
      if (header.fields.has(name)) continue;
      const label = caseField(name).label;
      missingColumns.add(label);
      const lines = newRows.length > 5 ? `${newRows.slice(0, 5).join('、')} 等 ${newRows.length} 行` : `${newRows.join('、')} 行`;
      problems.push({ line: header.line, column: label, message: `缺少这一列。第 ${lines}是新案例，必须填写${label}（可写的值见 /data/cases-template.xlsx）` });
    }
  }

  // Each row's file, written into a copy of the content folder and checked there with everything else.
  const planned: { row: LedgerRow; target: string; text: string; original?: string }[] = [];
  for (const row of rows) {
    if (!row.id || problems.some((p) => p.line === row.line && (p.column === idHeader(row)))) continue;
    const file = existing.get(row.id);
    if (file && !options.update) continue;
    if (file) {
      const original = await readFile(file, 'utf8');
      planned.push({ row, target: file, text: updatedCaseText(original, row), original });
    } else {
      planned.push({ row, target: path.join(contentDir, 'cases', `${row.id}.mdx`), text: newCaseText(row, row.body) });
    }
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'yishi-import-'));
  try {
    // The copy sits where the content folder sits in the project, so the check names files the same way.
    const inside = path.relative(root, contentDir);
    const copy = path.join(scratch, inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? inside : 'content');
    await cp(contentDir, copy, { recursive: true });
    const inContent = (base: string, projectRoot: string, file: string) => relative(base, path.join(projectRoot, file));
    const byFile = new Map<string, (typeof planned)[number]>();
    for (const plan of planned) {
      const target = path.join(copy, path.relative(contentDir, plan.target));
      await writeFile(target, plan.text);
      byFile.set(relative(contentDir, plan.target), plan);
    }
    const after = await validateContent(copy, scratch);
    const key = (problem: Problem, base: string, projectRoot: string) => formatProblem({ ...problem, file: inContent(base, projectRoot, problem.file) });
    const baseline = new Set(before.problems.map((p) => key(p, contentDir, root)));
    for (const problem of after.problems) {
      const plan = byFile.get(inContent(copy, scratch, problem.file));
      if (plan) {
        const column = columnOf(problem, header, plan.row, bodyLineOf(plan.text));
        if (plan.row.failed.has(column) || missingColumns.has(column)) continue;
        problems.push({ line: plan.row.line, column, message: problem.message });
      } else if (!baseline.has(key(problem, copy, scratch))) {
        // A problem in another file that the import causes (an id taken twice, say): as the check says it.
        problems.push({ line: header.line, column: '', message: `导入后 ${formatProblem(problem)}` });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  if (problems.length > 0) {
    const order = (p: LedgerProblem) => {
      const index = [...header.columns.values()].findIndex((c) => c.header === p.column);
      return index === -1 ? 1e6 : index;
    };
    const sorted = [...problems].sort((a, b) => a.line - b.line || order(a) - order(b));
    const unique = [...new Set(sorted.map((p) => formatLedgerProblem(name, p)))];
    return { ok: false, problems: unique, rows: new Set(problems.map((p) => p.line)).size };
  }

  const written: Written[] = planned.map((plan) => ({
    file: relative(root, plan.target),
    line: plan.row.line,
    action: plan.original === undefined ? 'created' : plan.original === plan.text ? 'unchanged' : 'updated',
  }));
  if (!options.dryRun) {
    const changes = planned.filter((plan) => plan.original !== plan.text);
    const temporary = changes.map((plan) => `${plan.target}.import-${process.pid}`);
    try {
      for (const [i, plan] of changes.entries()) await writeFile(temporary[i]!, plan.text, { flag: 'wx' });
      for (const [i, plan] of changes.entries()) await rename(temporary[i]!, plan.target);
    } finally {
      await Promise.all(temporary.map((file) => rm(file, { force: true })));
    }
  }
  return { ok: true, written, ...(table.sheet && { sheet: table.sheet }), ...(table.encoding && { encoding: table.encoding }) };
}
