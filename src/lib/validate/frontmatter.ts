import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problem.ts';

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
 * Parses YAML with YAML 1.2's core schema (dates stay text, so 2023-02-30 is caught, not
 * rolled over) and keeps positions so each problem can name its line.
 * `lineOffset` is how many file lines come before the YAML (1 for the `---` of MDX).
 */
export function parseYaml(source: string, file: string, lineOffset: number): ParsedYaml {
  const counter = new LineCounter();
  const problems: Problem[] = [];
  const toLine = (offset: number) => counter.linePos(offset).line + lineOffset;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    problems.push({ file, line: lineOffset + 1, field: '-', message: `YAML 无法解析：${(error as Error).message}` });
    return { data: undefined, lineOf: () => lineOffset + 1, problems };
  }
  for (const error of doc.errors) {
    const detail = error.message.split('\n')[0] ?? '';
    let yamlLine = counter.linePos(error.pos[0]).line;
    let explained = YAML_ERRORS[error.code] ?? 'YAML 格式错误。请检查冒号、引号和缩进';
    const bracket = /Flow (sequence|map)/.exec(detail);
    if (bracket) {
      // The parser notices a missing ] or } only on a later line: point at the line that opened it.
      const [open, close] = bracket[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
      yamlLine = unclosedLine(source, yamlLine, open, close) ?? yamlLine;
      explained = `“${open}”没有对应的“${close}”。请在这一行的列表末尾补上“${close}”`;
    }
    const key = keyAtLine(doc, counter, yamlLine);
    // An unclosed quote runs on into later lines: the key it started on is where to look.
    if (error.code === 'MISSING_CHAR' && /quote/i.test(detail) && key.line) yamlLine = key.line;
    problems.push({
      file,
      line: yamlLine + lineOffset,
      field: key.field,
      message: `YAML 语法错误：${explained}（${detail}）`,
    });
  }

  function lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = doc.contents;
    let line = Math.max(1, lineOffset);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    problems.push({
      file,
      line: lineOffset + 1,
      field: '-',
      message: `YAML 中的别名（*）展开过多，像是“别名炸弹”。请删去锚点（&）和别名（*），直接写出内容（${(error as Error).message}）`,
    });
  }
  return { data, lineOf, problems };
}

/** The last line at or before `fromLine` (1-based) that opens more brackets than it closes. */
function unclosedLine(source: string, fromLine: number, open: string, close: string): number | undefined {
  const lines = source.split('\n');
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
    if (line <= yamlLine) best = { field: String(pair.key.value), line };
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
