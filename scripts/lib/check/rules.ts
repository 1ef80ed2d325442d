import { countMatches, parseFormula } from '../../../src/schemas/formula.ts';
import { statedStepCount } from '../../../src/schemas/step-count.ts';
import { splitAlias } from '../../../src/schemas/common.ts';
import { collectionDefs, type CollectionName, type EntryData } from '../../../src/schemas/index.ts';
import { closest } from './issues.ts';
import type { Citation } from './body.ts';
import { problemAt, type Problem } from './problem.ts';
import type { ProblemCode, ProblemParams } from './codes.ts';
import type { PartialEntry } from './partial.ts';
import { holdsPlaceholder } from './placeholder.ts';

/** A file after its own checks, ready for the checks across files. */
export interface CheckedEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  file: string;
  draft: boolean;
  /** The normalised frontmatter; absent when the file's own checks failed. */
  data: EntryData<C> | undefined;
  /**
   * The fields that passed their own schema (partial.ts): all of `data` when the file is valid,
   * what can be relied on when it is not; empty when the frontmatter could not be read.
   */
  fields: PartialEntry<C>;
  citations: Citation[];
  /** The anchors of the body's headings (MDX collections), for aliases naming a section. */
  anchors?: string[] | undefined;
  lineOf(path: readonly PropertyKey[]): number;
}

type Index = Record<CollectionName, Map<string, CheckedEntry>>;

function buildIndex(entries: CheckedEntry[]): { index: Index; aliasOf: Record<CollectionName, Map<string, string>> } {
  const index = Object.fromEntries(Object.keys(collectionDefs).map((c) => [c, new Map()])) as Index;
  const aliasOf = Object.fromEntries(Object.keys(collectionDefs).map((c) => [c, new Map()])) as Record<CollectionName, Map<string, string>>;
  for (const entry of entries) {
    if (entry.draft) continue;
    if (!index[entry.collection].has(entry.id)) index[entry.collection].set(entry.id, entry);
    for (const alias of (entry.fields as { aliases?: (string | undefined)[] }).aliases ?? []) {
      if (alias === undefined) continue;
      const { id, anchor } = splitAlias(alias);
      aliasOf[entry.collection].set(id, anchor === undefined ? entry.id : `${entry.id}#${anchor}`);
    }
  }
  return { index, aliasOf };
}

/** Every check that needs more than one file, over all entries at once. */
export function crossFileProblems(entries: CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const { index, aliasOf } = buildIndex(entries);
  const at: At = (entry, path, code, ...params) =>
    problems.push(problemAt({ file: entry.file, line: entry.lineOf(path), field: path.length ? path.join('.') : '-' }, code, ...params));

  uniqueIds(entries, at);

  function reference(entry: CheckedEntry, path: (string | number)[], target: CollectionName, id: string | undefined) {
    if (id === undefined || holdsPlaceholder(id)) return;
    const found = index[target].get(id);
    if (found) return found;
    const label = collectionDefs[target].label;
    const moved = aliasOf[target].get(id);
    if (moved) {
      at(entry, path, 'ref.old-id', { id, label, current: moved });
      return;
    }
    const existing = [...index[target].keys()];
    const guess = closest(id, existing);
    const list = existing.length ? `现有的${label}：${existing.slice(0, 12).join('、')}${existing.length > 12 ? ' 等' : ''}` : `目前还没有任何${label}`;
    at(entry, path, 'ref.unknown', { id, label, file: `content/${target}/${id}.${collectionDefs[target].format === 'mdx' ? 'mdx' : 'yaml'}`, guess, existing: list });
    return undefined;
  }

  // Each rule runs on the fields it needs, whether or not the rest of the file is valid.
  for (const entry of entries) {
    for (const citation of entry.citations) {
      const before = problems.length;
      reference({ ...entry, lineOf: () => citation.line }, [], 'sources', citation.source);
      for (const problem of problems.slice(before)) problem.field = '<Cite source>';
    }
    const fields = entry.fields as PartialEntry;
    const references = (field: string, target: CollectionName, ids: readonly (string | undefined)[] | undefined) =>
      ids?.forEach((id, i) => reference(entry, [field, i], target, id));
    const sources = (fields as { sources?: (string | { id: string } | undefined)[] }).sources ?? [];
    sources.forEach((source, i) => reference(entry, ['sources', i], 'sources', typeof source === 'string' ? source : source?.id));

    if (entry.collection === 'cases') {
      const data = fields as PartialEntry<'cases'>;
      references('methods', 'methods', data.methods);
      references('models', 'models', data.models);
      if (data.partOf !== undefined && data.partOf === entry.id) at(entry, ['partOf'], 'partof.self');
      else {
        const parent = reference(entry, ['partOf'], 'cases', data.partOf);
        const kind = (parent?.fields as PartialEntry<'cases'> | undefined)?.kind;
        if (parent && kind !== undefined && kind !== 'practice') at(entry, ['partOf'], 'partof.not-practice', { id: parent.id });
      }
    } else if (entry.collection === 'methods') {
      const data = fields as PartialEntry<'methods'>;
      reference(entry, ['origin'], 'cases', data.origin);
      data.steps?.forEach((step, i) => step?.sources.forEach((id, j) => reference(entry, ['steps', i, 'sources', j], 'sources', id)));
      const stated = data.title === undefined ? undefined : statedStepCount(data.title);
      if (stated !== undefined && data.steps !== undefined && stated !== data.steps.length) {
        at(entry, ['steps'], 'steps.count', { stated, listed: data.steps.length });
      }
    } else if (entry.collection === 'models') {
      const data = fields as PartialEntry<'models'>;
      reference(entry, ['origin'], 'cases', data.origin);
      modelRules(entry as CheckedEntry<'models'>, at);
    } else if (entry.collection === 'terms') {
      references('related', 'terms', (fields as PartialEntry<'terms'>).related);
    }
  }
  return problems;
}

type At = <C extends ProblemCode>(entry: CheckedEntry, path: (string | number)[], code: C, ...params: ProblemParams<C>) => void;

function modelRules(entry: CheckedEntry<'models'>, at: At) {
  const { formula, parts } = entry.fields;
  if (formula === undefined || holdsPlaceholder(formula)) return;
  const terms = parseFormula(formula);
  if (!terms) {
    at(entry, ['formula'], 'formula.unreadable', { formula });
    return;
  }
  if (parts === undefined) return;
  if (terms.length !== parts.length) {
    at(entry, ['parts'], 'formula.parts', { formula, terms: terms.join('、'), termCount: terms.length, partCount: parts.length });
  }
  parts.forEach((part, i) => {
    if (part === undefined) return;
    const term = terms[i];
    if (term !== undefined && !countMatches(part.count, term)) {
      at(entry, ['parts', i, 'count'], 'formula.count', { formula, position: i + 1, term: String(term), count: String(part.count) });
    }
    if (typeof part.count === 'number' && part.members && part.members.length !== part.count) {
      at(entry, ['parts', i, 'members'], 'formula.members', { count: part.count, listed: part.members.length });
    }
  });
}

function uniqueIds(entries: CheckedEntry[], at: At) {
  for (const collection of Object.keys(collectionDefs) as CollectionName[]) {
    const owners = new Map<string, CheckedEntry>();
    const inCollection = entries.filter((e) => e.collection === collection);
    for (const entry of inCollection) {
      const first = owners.get(entry.id);
      if (first) at(entry, [], 'id.duplicate', { id: entry.id, other: first.file });
      else owners.set(entry.id, entry);
    }
    for (const entry of inCollection) {
      ((entry.fields as { aliases?: (string | undefined)[] }).aliases ?? []).forEach((alias, i) => {
        if (alias === undefined) return;
        // `old-id#anchor`: the old id is taken like any other; the anchor must be a heading of this page.
        const { id, anchor } = splitAlias(alias);
        const owner = owners.get(id);
        if (owner) {
          if (owner === entry) at(entry, ['aliases', i], 'alias.own-id', { alias: id });
          else at(entry, ['aliases', i], 'alias.taken', { alias: id, other: owner.file });
        } else owners.set(id, entry);
        if (anchor !== undefined && entry.anchors !== undefined && !entry.anchors.includes(anchor)) {
          const headings = entry.anchors.length ? `本页各节的锚点：${entry.anchors.slice(0, 12).join('、')}${entry.anchors.length > 12 ? ' 等' : ''}` : '本页正文还没有任何标题（## …）';
          at(entry, ['aliases', i], 'alias.no-section', { alias, anchor, guess: closest(anchor, entry.anchors), headings });
        }
      });
    }
    if (collection === 'terms') uniqueTermNames(inCollection as CheckedEntry<'terms'>[], at);
  }
}

function uniqueTermNames(terms: CheckedEntry<'terms'>[], at: At) {
  const owners = new Map<string, CheckedEntry>();
  for (const entry of terms) {
    const { term, aliases = [] } = entry.fields;
    const names: [string | undefined, (string | number)[]][] = [
      [term, ['term']],
      ...aliases.map((alias, i): [string | undefined, (string | number)[]] => [alias, ['aliases', i]]),
    ];
    for (const [name, path] of names) {
      if (name === undefined) continue;
      const owner = owners.get(name);
      if (owner && owner !== entry) at(entry, path, 'term.duplicate', { name, other: owner.file });
      else owners.set(name, entry);
    }
  }
}
