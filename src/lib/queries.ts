import { getCollection, type CollectionEntry } from 'astro:content';

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
