import { getCollection, type CollectionEntry } from 'astro:content';
import { computeSimilar, type SimilarResult } from './similar.ts';

/** Cases, newest first; undated cases last, then by id so the order never drifts. */
export async function casesByDate(): Promise<CollectionEntry<'cases'>[]> {
  const cases = await getCollection('cases');
  return cases.sort((a, b) => {
    const da = a.data.date ?? '';
    const db = b.data.date ?? '';
    return da === db ? (a.id < b.id ? -1 : 1) : da < db ? 1 : -1;
  });
}

/** Guides in reading order. */
export async function guidesInOrder(): Promise<CollectionEntry<'guides'>[]> {
  const guides = await getCollection('guides');
  return guides.sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : 1));
}

/** Sources keyed by id, for citations and source lists. */
export async function sourcesById(): Promise<Map<string, CollectionEntry<'sources'>>> {
  const sources = await getCollection('sources');
  return new Map(sources.map((s) => [s.id, s]));
}

/** Titles of methods, models and cases by id, for links that show a title. */
export async function titleMaps() {
  const [methods, models, cases] = await Promise.all([getCollection('methods'), getCollection('models'), getCollection('cases')]);
  const map = (list: { id: string; data: { title: string } }[]) => new Map(list.map((e) => [e.id, e.data.title]));
  return { methods: map(methods), models: map(models), cases: map(cases) };
}

/** Cases as the browse pages need them. */
export async function browsableCases() {
  const cases = await getCollection('cases');
  return cases.map((c) => ({
    id: c.id,
    level: c.data.level,
    topics: c.data.topics,
    forms: c.data.forms,
    date: c.data.date,
    province: c.data.region.province,
  }));
}

let similar: Promise<Map<string, SimilarResult[]>> | undefined;

/** Similar cases for every case, computed once per build (see `computeSimilar`). */
export function similarCases(): Promise<Map<string, SimilarResult[]>> {
  similar ??= (async () => {
    const [cases, methods, models] = await Promise.all([getCollection('cases'), getCollection('methods'), getCollection('models')]);
    const titles = (list: { id: string; data: { title: string } }[]) => Object.fromEntries(list.map((e) => [e.id, e.data.title]));
    return computeSimilar(
      cases.map((c) => ({
        id: c.id,
        title: c.data.title,
        summary: c.data.summary,
        body: c.body ?? '',
        kind: c.data.kind,
        level: c.data.level,
        topics: c.data.topics,
        forms: c.data.forms,
        methods: c.data.methods,
        models: c.data.models,
        region: c.data.region,
        date: c.data.date,
      })),
      { methodTitles: titles(methods), modelTitles: titles(models) },
    );
  })();
  return similar;
}
