/**
 * An entry's file as the editor reads and writes it: frontmatter (as data) and body. Writing
 * changes only the YAML nodes whose values changed, through the `yaml` package's Document API
 * (the approach of the ledger import's updatedCaseText), so comments, key order, quoting and the
 * body stay as the author wrote them, and an entry saved unchanged is byte for byte the same.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node, type YAMLMap } from 'yaml';

export interface EntryParts {
  /** The frontmatter's values as written (labels stay labels, `2023` stays a number). */
  data: Record<string, unknown>;
  /** The MDX body: everything after the closing `---` line; '' for a YAML entry. */
  body: string;
}

/** The pieces of an MDX file: the opening line, the frontmatter text, the closing line and the body. */
interface Split {
  open: string;
  frontmatter: string;
  close: string;
  body: string;
}

const BOM = '\uFEFF';

/** Splits an MDX file at its `---` lines, keeping every byte (BOM, CRLF) in one of the pieces. */
export function splitMdx(text: string): Split | undefined {
  const start = text.startsWith(BOM) ? BOM.length : 0;
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd === -1 || text.slice(start, firstEnd).trimEnd() !== '---') return undefined;
  let at = firstEnd + 1;
  while (at <= text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    if (line.trimEnd() === '---') {
      const closeEnd = end === -1 ? text.length : end + 1;
      return { open: text.slice(0, firstEnd + 1), frontmatter: text.slice(firstEnd + 1, at), close: text.slice(at, closeEnd), body: text.slice(closeEnd) };
    }
    if (end === -1) break;
    at = end + 1;
  }
  return undefined;
}

function asData(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An entry's data and body from its file's text; undefined when its frontmatter cannot be read. */
export function readEntryText(text: string, format: 'mdx' | 'yaml'): EntryParts | undefined {
  if (format === 'yaml') {
    const doc = parseDocument(text.replace(/^\uFEFF/, ''));
    return doc.errors.length ? undefined : { data: asData(doc.toJS()), body: '' };
  }
  const split = splitMdx(text);
  if (!split) return undefined;
  const doc = parseDocument(split.frontmatter);
  return doc.errors.length ? undefined : { data: asData(doc.toJS()), body: split.body };
}

/** Equal as YAML values (plain data). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** Lists of plain values in flow style (`forms: [council, onsite]`), as the handbook writes them. */
function flowLists(node: Node): void {
  visit(node, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
}

/** A value the form cleared: the key goes. */
const empty = (value: unknown) => value === undefined || value === '';

/**
 * Brings a YAML map node to `next`: keys whose value is the same keep their node (and comments);
 * nested maps are updated key by key, scalars in place; a changed list is written anew; a removed
 * key goes; a new key goes where `order` puts it (the schema's order), else last.
 */
function updateMap(doc: Document, map: YAMLMap, before: Record<string, unknown>, next: Record<string, unknown>, order: readonly string[]): void {
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(next, key) || (empty(next[key]) && !sameValue(before[key], next[key]))) map.delete(key);
  }
  for (const [key, value] of Object.entries(next)) {
    if (empty(value)) continue;
    const old = before[key];
    if (Object.hasOwn(before, key) && sameValue(old, value)) continue;
    const current = map.get(key, true);
    if (isMap(current) && value && typeof value === 'object' && !Array.isArray(value)) {
      updateMap(doc, current, asData(old), value as Record<string, unknown>, []);
      continue;
    }
    if (isScalar(current) && (value === null || typeof value !== 'object')) {
      current.value = value;
      // A value that YAML would read otherwise (a year as text, “yes”) is written as its type says.
      current.type = undefined;
      continue;
    }
    const node = doc.createNode(value) as Node;
    if (isSeq(node) || isMap(node)) flowLists(node);
    if (map.has(key)) {
      map.set(key, node);
      continue;
    }
    // A new key: before the first key that comes after it in the schema's order.
    const rank = order.indexOf(key);
    const pair = doc.createPair(key, node);
    const index = rank === -1 ? -1 : map.items.findIndex((item) => {
      const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const r = order.indexOf(k);
      return r > rank;
    });
    if (index === -1) map.items.push(pair);
    else map.items.splice(index, 0, pair);
  }
}

/** YAML text brought to `data`, changing only what changed; the text itself when nothing did. */
export function updatedYaml(text: string, data: Record<string, unknown>, order: readonly string[]): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return newYaml(data, order);
  const before = asData(doc.toJS());
  if (sameValue(before, data)) return text;
  if (doc.contents === null) return newYaml(data, order);
  updateMap(doc, doc.contents as YAMLMap, before, data, order);
  return doc.toString(YAML_OPTIONS);
}

/** YAML text for new data, in the schema's order. */
export function newYaml(data: Record<string, unknown>, order: readonly string[]): string {
  const keys = [...order.filter((k) => Object.hasOwn(data, k)), ...Object.keys(data).filter((k) => !order.includes(k))];
  const ordered = Object.fromEntries(keys.filter((k) => !empty(data[k])).map((k) => [k, data[k]]));
  const doc = new Document(ordered);
  flowLists(doc.contents as Node);
  return doc.toString(YAML_OPTIONS);
}

/**
 * The file an author would write for `parts`: the original file with only what changed rewritten,
 * or a new file. Unchanged parts are kept byte for byte.
 */
export function entryText(original: string | undefined, format: 'mdx' | 'yaml', parts: EntryParts, order: readonly string[]): string {
  if (format === 'yaml') return original === undefined ? newYaml(parts.data, order) : updatedYaml(original, parts.data, order);
  const split = original === undefined ? undefined : splitMdx(original);
  if (!split) {
    const body = parts.body.startsWith('\n') || parts.body === '' ? parts.body : `\n${parts.body}`;
    return `---\n${newYaml(parts.data, order)}---\n${body}`;
  }
  const frontmatter = updatedYaml(split.frontmatter, parts.data, order);
  return `${split.open}${frontmatter}${split.close}${parts.body}`;
}
