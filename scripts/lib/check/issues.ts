import type { z } from 'astro/zod';
import { isProblemCode, messageOf, type ProblemCode, type ProblemParams } from './codes.ts';
import type { Problem } from './problem.ts';
import { holdsPlaceholder } from './placeholder.ts';

type Issue = z.core.$ZodIssue;

/** What each field wants, in words an author understands; used when a field is missing. */
const FIELD_HINTS: Record<string, string> = {
  title: '标题，4 到 60 个字',
  kind: '类型：案例写 practice（实践）或 consultation（协商事例）；模式写 composition、schedule 或 training',
  summary: '一两句话的摘要，最多 160 个字',
  date: '日期，写成 YYYY、YYYY-MM 或 YYYY-MM-DD；资料未载明时写“不详”',
  region: '地区，至少要有 province（省级行政区全称，或“不详”）',
  'region.province': '省级行政区全称，如 浙江省；资料未载明时写“不详”',
  level: '层级，如 community（社区）、county（县级）',
  forms: '协商形式列表，如 [council, onsite]',
  topics: '领域列表，如 [traffic]',
  sources: '资料来源 id 列表，如 [community-extension-speech]',
  steps: '步骤列表，至少两步，每步有 title 和 summary',
  formula: '公式，如 1+7+X',
  parts: '公式各项的列表，每项有 count 和 label',
  order: '章节顺序，一个整数，如 1',
  term: '术语本身',
  definition: '释义',
  publisher: '发布者',
  complete: '资料是否完整：true 或 false',
  'outcome.status': '成果状态，如 implemented（已落实）、unknown（不详）',
  label: '这一项代表什么',
  count: '数量：整数，或公式中的字母（X、N）',
};

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（如 [a, b]）',
  object: '带子字段的一组内容',
  date: '日期',
};

function describe(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return '日期';
  switch (typeof value) {
    case 'string': return `文字“${value.length > 20 ? value.slice(0, 20) + '…' : value}”`;
    case 'number': return `数字 ${value}`;
    case 'boolean': return String(value);
    case 'object': return '带子字段的一组内容';
    default: return typeof value;
  }
}

function hintFor(path: readonly PropertyKey[]): string | undefined {
  const named = path.filter((p) => typeof p === 'string').join('.');
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return FIELD_HINTS[named] ?? (typeof last === 'string' ? FIELD_HINTS[last] : undefined);
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

/** The closest of `candidates` to `input`, if it is close enough to be a likely typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** The keys an object schema allows at a path, found by walking the schema's definition. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  const unwrap = () => {
    for (;;) {
      if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) def = def.innerType._zod.def;
      else if (def.type === 'pipe') def = def.in._zod.def;
      else if (def.type === 'union') {
        const object = def.options.find((o: any) => o._zod.def.type === 'object');
        if (!object) return;
        def = object._zod.def;
      } else return;
    }
  };
  unwrap();
  for (const segment of path) {
    if (def.type === 'object' && typeof segment === 'string' && def.shape[segment]) def = def.shape[segment]._zod.def;
    else if (def.type === 'array') def = def.element._zod.def;
    else return [];
    unwrap();
  }
  return def.type === 'object' ? Object.keys(def.shape) : [];
}

/** From a union's failed branches, the issue that says most: a custom message, else the first. */
function bestOfUnion(issue: Extract<Issue, { code: 'invalid_union' }>): Issue | undefined {
  const all = issue.errors.flat();
  return all.find((i) => i.code === 'custom') ?? all.find((i) => i.code !== 'invalid_type') ?? undefined;
}

/** A problem's kind and message, before it is placed. */
export interface Explained {
  code: ProblemCode;
  message: string;
}

const explained = <C extends ProblemCode>(code: C, ...params: ProblemParams<C>): Explained => ({ code, message: messageOf(code, ...params) });

/**
 * The kind of a custom issue: our schemas name it in `params.code` (a date, a taxonomy value, a
 * province); any other custom issue is `fallback`.
 */
function customCode(issue: Issue, fallback: ProblemCode): ProblemCode {
  const code = (issue as { params?: { code?: unknown } }).params?.code;
  return isProblemCode(code) ? code : fallback;
}

/** What is wrong, in Chinese, and the kind of problem it is. */
export function explainIssue(issue: Issue, path: readonly PropertyKey[], fallback: ProblemCode = 'schema.invalid'): Explained {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return explained('schema.missing', { hint: hintFor(path) });
      if (issue.input === null) return explained('schema.empty', { hint: hintFor(path) });
      return explained('schema.type', { expected: TYPE_NAMES[issue.expected] ?? issue.expected, actual: describe(issue.input) });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return explained('schema.too-short', { min });
      if (issue.origin === 'array') return explained('schema.too-few', { min });
      return explained('schema.range', { bound: 'min', value: min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return explained('schema.too-long', { max, length: typeof issue.input === 'string' ? issue.input.length : undefined });
      if (issue.origin === 'array') return explained('schema.too-many', { max });
      return explained('schema.range', { bound: 'max', value: max });
    }
    case 'invalid_format':
      if (issue.format === 'url') return explained('schema.format', { text: '不是有效的网址。请写完整，以 http:// 或 https:// 开头' });
      return explained('schema.format', { text: chineseOr(issue.message) });
    case 'invalid_value':
      return explained('schema.value', { values: issue.values.map(String).join('、'), actual: describe(issue.input) });
    case 'invalid_union': {
      const best = bestOfUnion(issue);
      if (best) return explainIssue(best, path, fallback);
      // Nothing written is missing or empty, whatever type the field wants.
      const written = (issue as { input?: unknown }).input;
      if (written === null) return explained('schema.empty', { hint: hintFor(path) });
      // Every branch wanted another type, and the schema says which in its own words.
      if (isChinese(issue.message)) return explained('schema.type', { text: issue.message });
      // Every branch wanted another type: name them all.
      const first = issue.errors.flat()[0];
      const input = (issue as { input?: unknown }).input ?? first?.input;
      if (input === undefined || input === null || !first) return first ? explainIssue(first, path, fallback) : explained(fallback, { text: chineseOr(issue.message) });
      const expected = [...new Set(issue.errors.flat().filter((i) => i.code === 'invalid_type' && i.path.length === 0)
        .map((i) => TYPE_NAMES[(i as { expected: string }).expected] ?? (i as { expected: string }).expected))];
      return expected.length ? explained('schema.type', { expected: expected.join(' 或 '), actual: describe(input) }) : explained(fallback, { text: chineseOr(issue.message) });
    }
    case 'custom': {
      const code = customCode(issue, fallback);
      return { code, message: chineseOr(issue.message) };
    }
    default:
      return explained(fallback, { text: chineseOr(issue.message) });
  }
}

const isChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** Our schemas' messages are Chinese; zod's own are English: explain those in Chinese. */
function chineseOr(text: string): string {
  return isChinese(text) ? text : `这个值不符合要求（${text}）。请对照 docs/frontmatter.md 中这个字段的写法修改`;
}

/** A field's dotted path as reported; a key written as nothing shows as “”. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map((segment) => (String(segment) === '' ? '“”' : String(segment))).join('.') : '-';
}

/** Turns zod's issues into located problems, in Chinese, one per issue (one per unknown key). */
export function issuesToProblems(
  issues: readonly Issue[],
  schema: z.ZodType,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
): Problem[] {
  const problems: Problem[] = [];
  // A misspelt field is one problem: the unknown key names the field meant, which is then not
  // also reported as missing.
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = allowedKeysAt(schema, issue.path);
    for (const key of issue.keys) {
      const guess = key.trim() ? closest(key, allowed) : undefined;
      if (guess !== undefined) meant.add(fieldPath([...issue.path, guess]));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && issue.input === undefined && meant.has(fieldPath(issue.path))) continue;
    // A placeholder left by `npm run new` is reported as such (placeholder.ts), not as a wrong value.
    if (holdsPlaceholder((issue as { input?: unknown }).input)) continue;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const guess = key.trim() ? closest(key, allowed) : undefined;
        problems.push({
          file,
          line: lineOf(path),
          field: fieldPath(path),
          ...explained('schema.unknown-field', { key, guess, allowed: allowed.join('、') }),
        });
      }
      continue;
    }
    problems.push({ file, line: lineOf(issue.path), field: fieldPath(issue.path), ...explainIssue(issue, issue.path) });
  }
  return problems;
}
