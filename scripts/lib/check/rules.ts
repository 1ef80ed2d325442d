import { countMatches, parseFormula } from '../../../src/schemas/formula.ts';
import { statedStepCount } from '../../../src/schemas/step-count.ts';
import { collectionDefs, type CollectionName, type EntryData } from '../../../src/schemas/index.ts';
import { closest } from './issues.ts';
import type { Citation } from './body.ts';
import { problemAt, type Problem } from './problem.ts';
import type { ProblemCode, ProblemParams } from './codes.ts';

/** A file that passed its own checks, ready for the checks across files. */
export interface CheckedEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  file: string;
  draft: boolean;
  /** The normalised frontmatter; absent when the file's own checks failed. */
  data: EntryData<C> | undefined;
  citations: Citation[];
  lineOf(path: readonly PropertyKey[]): number;
}

type Index = Record<CollectionName, Map<string, CheckedEntry>>;

function buildIndex(entries: CheckedEntry[]): { index: Index; aliasOf: Record<CollectionName, Map<string, string>> } {
  const index = Object.fromEntries(Object.keys(collectionDefs).map((c) => [c, new Map()])) as Index;
  const aliasOf = Object.fromEntries(Object.keys(collectionDefs).map((c) => [c, new Map()])) as Record<CollectionName, Map<string, string>>;
  for (const entry of entries) {
    if (entry.draft) continue;
    if (!index[entry.collection].has(entry.id)) index[entry.collection].set(entry.id, entry);
    for (const alias of (entry.data as { aliases?: string[] } | undefined)?.aliases ?? []) aliasOf[entry.collection].set(alias, entry.id);
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
    if (id === undefined) return;
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

  for (const entry of entries) {
    for (const citation of entry.citations) {
      const before = problems.length;
      reference({ ...entry, lineOf: () => citation.line }, [], 'sources', citation.source);
      for (const problem of problems.slice(before)) problem.field = '<Cite source>';
    }
    if (entry.data === undefined) continue;
    const sources = (entry.data as { sources?: (string | { id: string })[] }).sources ?? [];
    sources.forEach((source, i) => {
      if (typeof source === 'string') reference(entry, ['sources', i], 'sources', source);
      else reference(entry, ['sources', i], 'sources', source.id);
    });

    if (entry.collection === 'cases') {
      const data = entry.data as EntryData<'cases'>;
      data.methods.forEach((id, i) => reference(entry, ['methods', i], 'methods', id));
      data.models.forEach((id, i) => reference(entry, ['models', i], 'models', id));
      if (data.partOf === entry.id) at(entry, ['partOf'], 'partof.self');
      else {
        const parent = reference(entry, ['partOf'], 'cases', data.partOf);
        if (parent?.data && (parent.data as EntryData<'cases'>).kind !== 'practice') {
          at(entry, ['partOf'], 'partof.not-practice', { id: parent.id });
        }
      }
    } else if (entry.collection === 'methods') {
      const data = entry.data as EntryData<'methods'>;
      reference(entry, ['origin'], 'cases', data.origin);
      data.steps.forEach((step, i) => step.sources.forEach((id, j) => reference(entry, ['steps', i, 'sources', j], 'sources', id)));
      const stated = statedStepCount(data.title);
      if (stated !== undefined && stated !== data.steps.length) {
        at(entry, ['steps'], 'steps.count', { stated, listed: data.steps.length });
      }
    } else if (entry.collection === 'models') {
      const data = entry.data as EntryData<'models'>;
      reference(entry, ['origin'], 'cases', data.origin);
      modelRules(entry as CheckedEntry<'models'>, at);
    } else if (entry.collection === 'terms') {
      const data = entry.data as EntryData<'terms'>;
      data.related.forEach((id, i) => reference(entry, ['related', i], 'terms', id));
    }
  }
  return problems;
}

type At = <C extends ProblemCode>(entry: CheckedEntry, path: (string | number)[], code: C, ...params: ProblemParams<C>) => void;

function modelRules(entry: CheckedEntry<'models'>, at: At) {
  const { formula, parts } = entry.data!;
  const terms = parseFormula(formula);
  if (!terms) {
    at(entry, ['formula'], 'formula.unreadable', { formula });
    return;
  }
  if (terms.length !== parts.length) {
    at(entry, ['parts'], 'formula.parts', { formula, terms: terms.join('、'), termCount: terms.length, partCount: parts.length });
  }
  parts.forEach((part, i) => {
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
      ((entry.data as { aliases?: string[] } | undefined)?.aliases ?? []).forEach((alias, i) => {
        const owner = owners.get(alias);
        if (owner) {
          if (owner === entry) at(entry, ['aliases', i], 'alias.own-id', { alias });
          else at(entry, ['aliases', i], 'alias.taken', { alias, other: owner.file });
        } else owners.set(alias, entry);
      });
    }
    if (collection === 'terms') uniqueTermNames(inCollection as CheckedEntry<'terms'>[], at);
  }
}

function uniqueTermNames(terms: CheckedEntry<'terms'>[], at: At) {
  const owners = new Map<string, CheckedEntry>();
  for (const entry of terms) {
    if (!entry.data) continue;
    const names: [string, (string | number)[]][] = [
      [entry.data.term, ['term']],
      ...entry.data.aliases.map((alias, i): [string, (string | number)[]] => [alias, ['aliases', i]]),
    ];
    for (const [name, path] of names) {
      const owner = owners.get(name);
      if (owner && owner !== entry) at(entry, path, 'term.duplicate', { name, other: owner.file });
      else owners.set(name, entry);
    }
  }
}
