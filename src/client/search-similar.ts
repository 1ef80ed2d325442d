// “找相似的协商” on the search page: a reader describes their situation in a sentence or two (or
// comes from a case page), and gets the most similar cases, each with what it shares with the
// situation, worded as the case pages' similar cases are (src/site/similar.ts): 同为道路交通管理 ·
// 同采用议事会协商 · 同在浙江省 · 同为社区一级, and the words both speak of.
import type { RankedPage, SearchOutcome } from '../search/engine.ts';
import type { SearchFacetInfo } from '../search/facets.ts';
import { t } from './search-strings.ts';

/** The facets a situation and a case are compared by, with what each shared value is worth. */
export const SIMILAR_FACETS = { topics: 1, forms: 0.5, methods: 0.5, level: 0.5, province: 0.3 } as const;
type SimilarFacet = keyof typeof SIMILAR_FACETS;

/** The kinds of page that are consultations (a practice, a single consultation). */
export const CASE_KINDS = ['consultation', 'practice'];

/** A situation: its facet values (from a description's words, or a case's own filters). */
export type Situation = Partial<Record<SimilarFacet, string[]>>;

/** A label's core, as a reader would write it: 议事会协商 → 议事会, 浙江省 → 浙江, 县级 → 县. */
function cores(label: string): string[] {
  const out = [label];
  for (const suffix of ['协商', '省', '市', '级', '管理', '维护']) {
    if (label.endsWith(suffix) && [...label].length - [...suffix].length >= 2) out.push(label.slice(0, -suffix.length));
  }
  return out;
}

/**
 * The facet values a description names: a value whose label (or its core) is in the text, and
 * the topics whose everyday words (the thesaurus's) are in it.
 */
export function situationOf(text: string, facets: readonly SearchFacetInfo[], topicWords: readonly [string, readonly string[]][] = []): Situation {
  const situation: Situation = {};
  for (const name of Object.keys(SIMILAR_FACETS) as SimilarFacet[]) {
    const facet = facets.find((f) => f.name === name);
    if (!facet) continue;
    const values = Object.entries(facet.values)
      .filter(([, label]) => cores(label).some((core) => text.includes(core)))
      .map(([value]) => value);
    if (values.length) situation[name] = values;
  }
  const topics = topicWords.filter(([, words]) => words.some((w) => text.includes(w))).map(([topic]) => topic);
  if (topics.length) situation.topics = [...new Set([...(situation.topics ?? []), ...topics])];
  return situation;
}

/** What a case shares with the situation, facet by facet. */
export function sharedWith(situation: Situation, filters: Record<string, string[] | undefined>): Situation {
  const shared: Situation = {};
  for (const name of Object.keys(SIMILAR_FACETS) as SimilarFacet[]) {
    const values = (situation[name] ?? []).filter((v) => filters[name]?.includes(v));
    if (values.length) shared[name] = values;
  }
  return shared;
}

/** How similar: what is shared, each value at its facet's worth, and the share of the description's weight the case holds. */
export function similarity(shared: Situation, coverage: number): number {
  let score = 2 * coverage;
  for (const name of Object.keys(SIMILAR_FACETS) as SimilarFacet[]) score += Math.min(2, shared[name]?.length ?? 0) * SIMILAR_FACETS[name];
  return score;
}

/** A level's phrase, as src/site/similar.ts words it: 同为县级, 同为社区一级, 同为全国层面. */
function levelPhrase(label: string): string {
  if (label.endsWith('级')) return t('similar.sameLevelGrade', { level: label });
  if (label === t('similar.national')) return t('similar.sameNational');
  return t('similar.sameLevel', { level: label });
}

/** The reason shown under a similar case: at most four things shared, the weightiest first. */
export function reasonFor(shared: Situation, facets: readonly SearchFacetInfo[], words: readonly string[]): string {
  const label = (name: string, value: string) => facets.find((f) => f.name === name)?.values[value] ?? value;
  const list = (name: SimilarFacet) => (shared[name] ?? []).slice(0, 2).map((v) => label(name, v)).join('、');
  const parts: string[] = [];
  if (shared.topics?.length) parts.push(t('similar.sameTopic', { values: list('topics') }));
  if (shared.forms?.length) parts.push(t('similar.sameForm', { values: list('forms') }));
  if (shared.methods?.length) parts.push(t('similar.sameMethod', { values: list('methods') }));
  if (shared.province?.length) parts.push(t('similar.samePlace', { place: list('province') }));
  if (shared.level?.length) parts.push(levelPhrase(label('level', shared.level[0]!)));
  if (words.length) parts.push(t('similar.words', { words: words.slice(0, 3).map((w) => `“${w}”`).join('') }));
  return parts.slice(0, 4).join(' · ');
}

/** A similar case: the page, how similar, and why. */
export interface SimilarPage<D> {
  page: Pick<RankedPage<D>, 'hit' | 'locations'>;
  url: string;
  score: number;
  reason: string;
}

interface CaseData {
  url: string;
  filters: Record<string, string[]>;
}

/**
 * The cases most similar to a description: the pages the search finds for its words, and the
 * cases sharing its topics (found by the filters alone), scored by what they share
 * (`similarity`). With `from` (a case's URL), that case's own filters are the situation and the
 * case itself is left out.
 */
export async function findSimilar<D extends CaseData>(
  outcome: SearchOutcome<D>,
  byTopics: (topics: string[]) => Promise<readonly RankedPage<D>['hit'][]>,
  { facets, topicWords, from, max = 10 }: { facets: readonly SearchFacetInfo[]; topicWords: readonly [string, readonly string[]][]; from?: string | undefined; max?: number },
): Promise<SimilarPage<D>[]> {
  const candidates = new Map<string, { page: Pick<RankedPage<D>, 'hit' | 'locations'>; coverage: number; words: string[] }>();
  const weighed = outcome.units.filter((u) => !u.common).map((u) => u.text);
  for (const page of [...outcome.pages, ...outcome.partial, ...outcome.nearby]) {
    const words = [...new Set(page.matched.filter((m) => m.kind !== 'part' && weighed.includes(m.unit)).map((m) => m.unit))];
    candidates.set(page.id, { page, coverage: page.coverage, words });
  }
  let situation = situationOf(outcome.query, facets, topicWords);
  const datas = new Map<string, D>();
  const dataOf = async (id: string, hit: RankedPage<D>['hit']) => {
    if (!datas.has(id)) {
      const data = await hit.data().catch(() => undefined);
      if (data) datas.set(id, data);
    }
    return datas.get(id);
  };
  if (from) {
    for (const [id, candidate] of candidates) {
      const data = await dataOf(id, candidate.page.hit);
      if (data?.url === from) {
        situation = Object.fromEntries(Object.keys(SIMILAR_FACETS).map((name) => [name, data.filters[name] ?? []]));
        candidates.delete(id);
      }
    }
  }
  if (situation.topics?.length) {
    for (const hit of await byTopics(situation.topics)) if (!candidates.has(hit.id)) candidates.set(hit.id, { page: { hit, locations: [] }, coverage: 0, words: [] });
  }
  const scored: SimilarPage<D>[] = [];
  for (const [id, candidate] of candidates) {
    const data = await dataOf(id, candidate.page.hit);
    if (!data || !CASE_KINDS.some((kind) => data.filters.kind?.includes(kind)) || data.url === from) continue;
    const shared = sharedWith(situation, data.filters);
    const score = similarity(shared, candidate.coverage);
    if (score <= 0) continue;
    scored.push({ page: candidate.page, url: data.url, score, reason: reasonFor(shared, facets, candidate.words) });
  }
  return scored.sort((a, b) => b.score - a.score || (a.url < b.url ? -1 : 1)).slice(0, max);
}
