import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { fastYaml, pathKey } from './fast-yaml.ts';
import { problemAt, type Problem } from './problem.ts';
import type { ProblemCode, ProblemParams } from './codes.ts';

/** YAML error codes in plain Chinese; the parser's own words follow in brackets. */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '同一个字段写了两次，请删去一个',
  BAD_INDENT: '缩进不对。同一层的字段要对齐，用空格而不是 Tab',
  TAB_AS_INDENT: '缩进里有 Tab。请改用空格',
  MISSING_CHAR: '缺少配对的符号（引号、括号）。请检查这一行',
  MULTILINE_IMPLICIT_KEY: '字段名后缺少冒号，或者上一行的值没有正确结束',
  BLOCK_AS_IMPLICIT_KEY: '字段名后缺少冒号，或者缩进不对',
  UNEXPECTED_TOKEN: '这里有 YAML 无法识别的符号。含冒号、#、[ 等符号的文字请用引号括起来',
  BAD_SCALAR_START: '值的开头有特殊符号。请把整个值用引号括起来',
  MULTIPLE_DOCS: '一个文件里只能有一段 YAML。请删去多余的 --- 分隔线',
  ALIAS_PROPS: '别名（*）的用法不对',
  BAD_ALIAS: '引用了不存在的锚点（&）',
  KEY_OVER_1024_CHARS: '字段名太长',
  IMPOSSIBLE: 'YAML 结构无法解析',
};

export interface ParsedYaml {
  data: unknown;
  /** The file line of a field path; the parent's line when the field itself is absent. */
  lineOf(path: readonly PropertyKey[]): number;
  problems: Problem[];
}

/** Aliases beyond this many mean an "alias bomb", not a handbook page. */
const MAX_ALIASES = 50;

/**
 * Longer YAML is refused before parsing: no entry needs that much, and the parser slows down
 * more than linearly on some hostile input (tens of thousands of keys).
 */
export const MAX_YAML_CHARS = 50_000;

/** Lists and maps nested deeper than this are refused; the schemas need four levels at most. */
export const MAX_YAML_NESTING = 20;

/** Syntax errors listed per file; later ones are almost always caused by the first few. */
const MAX_YAML_ERRORS = 10;

const NESTING = { max: MAX_YAML_NESTING };

/** A JavaScript stack overflow, as thrown or as reported by the YAML parser. */
export function isStackOverflow(message: string): boolean {
  return /call stack|stack overflow|too much recursion/i.test(message);
}

/**
 * Parses YAML with YAML 1.2's core schema (dates stay text, so 2023-02-30 is caught, not
 * rolled over) and keeps positions so each problem can name its line.
 * `lineOffset` is how many file lines come before the YAML (1 for the `---` of MDX).
 */
export function parseYaml(source: string, file: string, lineOffset: number, options: { fast?: boolean } = {}): ParsedYaml {
  const counter = new LineCounter();
  const problems: Problem[] = [];
  const toLine = (offset: number) => counter.linePos(offset).line + lineOffset;
  const unreadable = <C extends ProblemCode>(place: { line?: number; field?: string }, code: C, ...params: ProblemParams<C>): ParsedYaml => {
    problems.push(problemAt({ file, line: place.line ?? lineOffset + 1, field: place.field ?? '-' }, code, ...params));
    return { data: undefined, lineOf: () => lineOffset + 1, problems };
  };
  if (source.length > MAX_YAML_CHARS) {
    return unreadable({}, 'yaml.too-long', { length: source.length, max: MAX_YAML_CHARS, mdx: lineOffset > 0 });
  }
  // Plain handbook YAML takes the fast reader (fast-yaml.ts); anything else, errors included, the yaml package.
  const fast = options.fast === false ? undefined : fastYaml(source);
  if (fast) {
    const lineOf = (path: readonly PropertyKey[]) => {
      for (let length = path.length; length > 0; length--) {
        const line = fast.lines.get(pathKey(path.slice(0, length)));
        if (line !== undefined) return line + lineOffset;
      }
      return Math.max(1, lineOffset);
    };
    return { data: fast.data, lineOf, problems };
  }
  let doc: Document.Parsed;
  try {
    // logLevel: problems are reported here, never as warnings printed by the parser.
    doc = parseDocument(source, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    return isStackOverflow(detail) ? unreadable({}, 'yaml.too-deep', NESTING) : unreadable({}, 'yaml.unreadable', { detail });
  }

  // Nesting so deep that the parser ran out of stack: one problem, at the field it starts in;
  // the errors that follow from it are noise.
  const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION' || isStackOverflow(error.message));
  if (exhausted) {
    const key = keyAtLine(doc, counter, counter.linePos(exhausted.pos[0]).line);
    return unreadable({ line: (key.line ?? 1) + lineOffset, field: key.field }, 'yaml.too-deep', NESTING);
  }

  const lines = source.split('\n');
  const seen = new Set<string>();
  for (const error of doc.errors) {
    if (seen.size === MAX_YAML_ERRORS) {
      const rest = doc.errors.length - doc.errors.indexOf(error);
      problems.push(problemAt({ file, line: counter.linePos(error.pos[0]).line + lineOffset, field: '-' }, 'yaml.more-errors', { rest }));
      break;
    }
    const detail = error.message.split('\n')[0] ?? '';
    let yamlLine = counter.linePos(error.pos[0]).line;
    let explained = YAML_ERRORS[error.code] ?? 'YAML 格式错误。请检查冒号、引号和缩进';
    const bracket = /Flow (sequence|map)/.exec(detail);
    if (bracket) {
      // The parser notices a missing ] or } only on a later line: point at the line that opened it.
      const [open, close] = bracket[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
      yamlLine = unclosedLine(lines, yamlLine, open, close) ?? yamlLine;
      explained = `“${open}”没有对应的“${close}”。请在这一行的列表末尾补上“${close}”`;
    }
    const key = keyAtLine(doc, counter, yamlLine);
    // An unclosed quote runs on into later lines: the key it started on is where to look.
    if (error.code === 'MISSING_CHAR' && /quote/i.test(detail) && key.line) yamlLine = key.line;
    const problem = problemAt({ file, line: yamlLine + lineOffset, field: key.field }, 'yaml.syntax', { explained, detail });
    // One broken bracket can raise the same error many times over: say it once.
    const id = `${problem.line}\u0000${problem.field}\u0000${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }

  // Each map's keys, indexed on first use: thousands of unknown fields stay fast to locate.
  const keyIndex = new Map<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string) => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      keyIndex.set(map, index);
    }
    return index.get(key);
  };

  function lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = doc.contents;
    let line = Math.max(1, lineOffset);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
        if (!pair || !isScalar(pair.key) || !pair.key.range) break;
        line = toLine(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as { range?: [number, number, number] } | undefined;
        if (!item?.range) break;
        line = toLine(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  }

  if (doc.errors.length > 0) return { data: undefined, lineOf, problems };

  // Checked before converting to plain data, which recurses once per level.
  const tooDeep = deepestOffset(doc);
  if (tooDeep !== undefined) {
    const key = keyAtLine(doc, counter, counter.linePos(tooDeep).line);
    problems.push(problemAt({ file, line: (key.line ?? 1) + lineOffset, field: key.field }, 'yaml.too-deep', NESTING));
    return { data: undefined, lineOf, problems };
  }

  // `? [a, b]: c` makes a list the key: never a field name, and no plain object can hold it.
  const complexKey = firstCollectionKeyOffset(doc);
  if (complexKey !== undefined) {
    const line = counter.linePos(complexKey).line;
    problems.push(problemAt({ file, line: line + lineOffset, field: keyAtLine(doc, counter, line).field }, 'yaml.complex-key'));
    return { data: undefined, lineOf, problems };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    if (isStackOverflow(detail)) {
      problems.push(problemAt({ file, line: lineOffset + 1, field: '-' }, 'yaml.too-deep', NESTING));
    } else {
      const alias = firstAliasOffset(doc);
      const key = alias === undefined ? { field: '-' } : keyAtLine(doc, counter, counter.linePos(alias).line);
      problems.push(problemAt({ file, line: alias === undefined ? lineOffset + 1 : counter.linePos(alias).line + lineOffset, field: key.field }, 'yaml.aliases', { max: MAX_ALIASES }));
    }
  }
  return { data, lineOf, problems };
}

/** Nodes of a parsed document, without recursion: [node, depth], depth 1 for the root. */
function* nodes(doc: Document.Parsed): Generator<[unknown, number]> {
  const stack: [unknown, number][] = doc.contents ? [[doc.contents, 1]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    yield [node, depth];
    if (isMap(node) || isSeq(node)) {
      for (const item of [...node.items].reverse()) {
        if (isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    }
  }
}

/** Where the first node nested deeper than MAX_YAML_NESTING starts, if any. */
function deepestOffset(doc: Document.Parsed): number | undefined {
  for (const [node, depth] of nodes(doc)) {
    if (depth > MAX_YAML_NESTING) return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  }
  return undefined;
}

/** Where the first key that is a list or a map starts, if any. */
function firstCollectionKeyOffset(doc: Document.Parsed): number | undefined {
  for (const [node] of nodes(doc)) {
    if (!isMap(node) && !isSeq(node)) continue;
    for (const item of node.items) {
      if (isPair(item) && (isMap(item.key) || isSeq(item.key))) return item.key.range?.[0] ?? 0;
    }
  }
  return undefined;
}

/** Where the first alias (`*name`) starts, if any. */
function firstAliasOffset(doc: Document.Parsed): number | undefined {
  for (const [node] of nodes(doc)) if (isAlias(node) && node.range) return node.range[0];
  return undefined;
}

/** The last line at or before `fromLine` (1-based) that opens more brackets than it closes. */
function unclosedLine(lines: readonly string[], fromLine: number, open: string, close: string): number | undefined {
  for (let i = Math.min(fromLine, lines.length) - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (text.split(open).length > text.split(close).length) return i + 1;
  }
  return undefined;
}

/** The last top-level key at or before a YAML line, for naming the field of a syntax error. */
function keyAtLine(doc: Document.Parsed, counter: LineCounter, yamlLine: number): { field: string; line?: number } {
  if (!isMap(doc.contents)) return { field: '-' };
  let best: { field: string; line?: number } = { field: '-' };
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const line = counter.linePos(pair.key.range[0]).line;
    if (line <= yamlLine) best = { field: String(pair.key.value ?? '') || '-', line };
  }
  return best;
}

export interface SplitMdx {
  frontmatter: string;
  /** File line of the first body line. */
  bodyLine: number;
  body: string;
}

/** Splits an MDX file into its frontmatter (between the first two `---` lines) and body. */
export function splitMdx(text: string): SplitMdx | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (end === -1) return undefined;
  return {
    frontmatter: lines.slice(1, end).join('\n'),
    bodyLine: end + 2,
    body: lines.slice(end + 1).join('\n'),
  };
}
