/**
 * A fast reader for the plain YAML that handbook files are made of: maps and lists by
 * indentation, `key: value` with plain or simply quoted text, whole numbers, true/false/null,
 * and one-line lists such as `[traffic, facilities]`. It gives what the `yaml` package gives
 * with the core schema, and the line of every field and list item, in a tenth of the time
 * (at 10,000 cases the `yaml` package was 40 % of `npm run check`).
 *
 * Anything else (block text `|`, anchors, comments after a value, a value running on over
 * several lines, escapes, tabs, duplicate keys, errors of any kind) returns undefined, and the
 * caller uses the `yaml` package, which reports problems with their lines.
 */

export interface FastYaml {
  data: Record<string, unknown>;
  /** The 1-based line (within the YAML) of every path of a field or list item, keyed by `pathKey`. */
  lines: Map<string, number>;
}

/** The key of a path in `FastYaml.lines`. */
export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A plain value may not start with these (YAML indicators) — besides those handled below. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** The core schema's other numbers: signed or zero-led integers, octal, hex, floats, infinity, NaN. */
const OTHER_NUMBER = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;
const MAX_DEPTH = 20;

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** A plain scalar's value under the core schema, or unsupported when unsure. */
function plainValue(text: string): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^(0|[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  // Other numbers (signs, leading zeros, octal, hex, floats, .inf): leave to the yaml package.
  if (OTHER_NUMBER.test(text)) unsupported();
  return text;
}

/** A scalar written after `key: ` or `- `, or in a flow list when `inFlow`. */
function scalar(raw: string, inFlow = false): unknown {
  const text = raw.trim();
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) unsupported();
    const inner = text.slice(1, -1);
    if (/["\\]/.test(inner)) unsupported();
    return inner;
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) unsupported();
    const inner = text.slice(1, -1);
    if (/'(?!')/.test(inner.replaceAll("''", ''))) unsupported();
    return inner.replaceAll("''", "'");
  }
  if (text !== '' && INDICATOR_START.test(text)) unsupported();
  if (/: |:$| #|\t/.test(text)) unsupported();
  if (inFlow && /[[\]{},]/.test(text)) unsupported();
  return plainValue(text);
}

/** A value after `key:` on the same line: a flow list, a scalar, or nothing (a block follows). */
function inlineValue(raw: string): { value: unknown } | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) unsupported();
    const inner = text.slice(1, -1).trim();
    if (inner === '') return { value: [] };
    const items = inner.split(',');
    if (items.at(-1)!.trim() === '') unsupported();
    return { value: items.map((item) => (item.trim() === '' ? unsupported() : scalar(item, true))) };
  }
  if (text.startsWith('{')) unsupported();
  return { value: scalar(text) };
}

interface Line {
  indent: number;
  text: string;
  /** 1-based. */
  number: number;
}

/**
 * Parses `source` if it is plain handbook YAML whose top level is a map; undefined otherwise
 * (including any YAML error), for the caller to use the `yaml` package instead.
 */
export function fastYaml(source: string): FastYaml | undefined {
  if (/[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/.test(source) || /^(---|\.\.\.)(\s|$)/m.test(source)) return undefined;
  const lines: Line[] = [];
  for (const [i, raw] of source.split('\n').entries()) {
    const text = raw.trimEnd();
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    lines.push({ indent: text.length - trimmed.length, text: trimmed, number: i + 1 });
  }
  const table = new Map<string, number>();
  let at = 0;

  /** A block map whose keys are at `indent`; its first key may be `first`, a line after `- `. */
  function map(indent: number, path: PropertyKey[], first?: Line): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    let line = first;
    for (;;) {
      if (!line) {
        const next = lines[at];
        if (!next || next.indent < indent) break;
        if (next.indent > indent) unsupported();
        line = next;
        at++;
      }
      if (line.text.startsWith('- ') || line.text === '-') unsupported();
      const colon = line.text.indexOf(':');
      if (colon <= 0) unsupported();
      const key = line.text.slice(0, colon);
      const rest = line.text.slice(colon + 1);
      if (!KEY.test(key) || (rest !== '' && !rest.startsWith(' ')) || Object.hasOwn(result, key) || key === '__proto__') unsupported();
      const keyPath = [...path, key];
      table.set(pathKey(keyPath), line.number);
      const inline = inlineValue(rest);
      if (inline) result[key] = inline.value;
      else result[key] = block(indent, keyPath);
      line = undefined;
    }
    return result;
  }

  /** What follows `key:` with nothing after it: a nested map or list, or null. */
  function block(parentIndent: number, path: PropertyKey[]): unknown {
    if (path.length > MAX_DEPTH) unsupported();
    const next = lines[at];
    if (!next) return null;
    // A list may start at the key's own indentation (`steps:` then `- title: …`).
    if ((next.text.startsWith('- ') || next.text === '-') && next.indent >= parentIndent) return list(next.indent, path);
    if (next.indent <= parentIndent) return null;
    return map(next.indent, path);
  }

  /** A block list whose `- ` marks are at `indent`. */
  function list(indent: number, path: PropertyKey[]): unknown[] {
    const result: unknown[] = [];
    for (;;) {
      const line = lines[at];
      if (!line || line.indent < indent) break;
      if (line.indent > indent || !(line.text.startsWith('- ') || line.text === '-')) {
        if (line.indent === indent) break; // the next key of the map around this list
        unsupported();
      }
      at++;
      const itemPath = [...path, result.length];
      if (itemPath.length > MAX_DEPTH) unsupported();
      table.set(pathKey(itemPath), line.number);
      const content = line.text.slice(1);
      const offset = content.length - content.trimStart().length;
      const text = content.trimStart();
      if (text === '') {
        unsupported(); // a bare `-` with its value on the lines below
      } else if (text.startsWith('- ') || text.startsWith('[') || text.startsWith('{')) {
        unsupported();
      } else if (/^[A-Za-z_][A-Za-z0-9_-]*:( |$)/.test(text)) {
        // `- key: value`: a map whose keys line up one column after the dash and its spaces.
        const keyIndent = indent + 1 + offset;
        result.push(map(keyIndent, itemPath, { indent: keyIndent, text, number: line.number }));
      } else {
        result.push(scalar(text));
      }
    }
    return result;
  }

  try {
    if (lines.length === 0) return undefined;
    const first = lines[0]!;
    if (first.indent !== 0 || first.text.startsWith('-')) return undefined;
    const data = map(0, []);
    if (at !== lines.length) return undefined;
    return { data, lines: table };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
