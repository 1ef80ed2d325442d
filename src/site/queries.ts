import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { computeSimilar, similarInput, type SimilarResult } from './similar.ts';
import { recordTiming } from './timings.ts';

/**
 * Shared queries over the collections. A build renders thousands of pages from the same content,
 * so each query runs once per build and its result is shared: getCollection copies every entry
 * on each call, and a page that asked for all cases (or built a map of all titles) on its own
 * made the build quadratic in the number of cases. Results are read-only: copy before sorting.
 * The dev server recomputes on every call, so edits to content show up at once.
 */
const memo = new Map<string, Promise<unknown>>();

function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (import.meta.env.DEV) return compute();
  let result = memo.get(key) as Promise<T> | undefined;
  if (!result) {
    result = compute();
    memo.set(key, result);
  }
  return result;
}

/** Every entry of a collection, fetched once per build. Read-only. */
export function entries<C extends CollectionKey>(collection: C): Promise<readonly CollectionEntry<C>[]> {
  return once(`entries:${collection}`, () => getCollection(collection));
}

/** Cases, newest first; undated cases last, then by id so the order never drifts. */
export async function casesByDate(): Promise<CollectionEntry<'cases'>[]> {
  const sorted = await once('casesByDate', async () =>
    [...(await entries('cases'))].sort((a, b) => {
      const da = a.data.date ?? '';
      const db = b.data.date ?? '';
      return da === db ? (a.id < b.id ? -1 : 1) : da < db ? 1 : -1;
    }));
  return [...sorted];
}

/**
 * Guides in reading order: the readers' chapters (the guide list, the home page, /print/), or,
 * with `'authors'`, the chapters for those who write the handbook's files (给作者).
 */
export async function guidesInOrder(audience: 'readers' | 'authors' = 'readers'): Promise<CollectionEntry<'guides'>[]> {
  // An entry read before `audience` existed (Astro's content cache) is a readers' chapter.
  const guides = (await entries('guides')).filter((g) => (g.data.audience ?? 'readers') === audience);
  return [...guides].sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : 1));
}

/** Sources keyed by id, for citations and source lists. Read-only. */
export function sourcesById(): Promise<ReadonlyMap<string, CollectionEntry<'sources'>>> {
  return once('sourcesById', async () => new Map((await entries('sources')).map((s) => [s.id, s])));
}

/** Titles of methods, models and cases by id, for links that show a title. Read-only. */
export function titleMaps(): Promise<{ methods: Map<string, string>; models: Map<string, string>; cases: Map<string, string> }> {
  return once('titleMaps', async () => {
    const [methods, models, cases] = await Promise.all([entries('methods'), entries('models'), entries('cases')]);
    const map = (list: readonly { id: string; data: { title: string } }[]) => new Map(list.map((e) => [e.id, e.data.title]));
    return { methods: map(methods), models: map(models), cases: map(cases) };
  });
}

/** The cases that belong to a practice (`partOf`), in collection order. */
export async function childrenOf(id: string): Promise<readonly CollectionEntry<'cases'>[]> {
  const byParent = await once('childrenOf', async () => {
    const map = new Map<string, CollectionEntry<'cases'>[]>();
    for (const c of await entries('cases')) {
      if (!c.data.partOf) continue;
      const list = map.get(c.data.partOf) ?? [];
      list.push(c);
      map.set(c.data.partOf, list);
    }
    return map;
  });
  return byParent.get(id) ?? [];
}

/** The cases that use a method or follow a model, in collection order. */
export async function casesUsing(field: 'methods' | 'models', id: string): Promise<readonly CollectionEntry<'cases'>[]> {
  const byId = await once(`casesUsing:${field}`, async () => {
    const map = new Map<string, CollectionEntry<'cases'>[]>();
    for (const c of await entries('cases')) {
      for (const used of new Set(c.data[field])) {
        const list = map.get(used) ?? [];
        list.push(c);
        map.set(used, list);
      }
    }
    return map;
  });
  return byId.get(id) ?? [];
}

/** Similar cases for every case, computed once per build (see `computeSimilar`). */
export function similarCases(): Promise<Map<string, SimilarResult[]>> {
  return once('similarCases', async () => {
    const [cases, methods, models] = await Promise.all([entries('cases'), entries('methods'), entries('models')]);
    const titles = (list: readonly { id: string; data: { title: string } }[]) => Object.fromEntries(list.map((e) => [e.id, e.data.title]));
    const started = performance.now();
    const result = computeSimilar(
      cases.map((c) => similarInput(c, c.body ?? '')),
      { methodTitles: titles(methods), modelTitles: titles(models) },
    );
    recordTiming('similar', performance.now() - started);
    return result;
  });
}
