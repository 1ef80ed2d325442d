import { provinceSlug } from './browse.ts';
import { yearOf } from '../schemas/dates.ts';
import type { ResultKind, SearchFacet } from '../search/facets.ts';

export { resultKindLabels, searchFacets, type ResultKind, type SearchFacet } from '../search/facets.ts';

interface CaseFields {
  kind: 'practice' | 'consultation';
  level: string;
  topics: string[];
  forms: string[];
  methods: string[];
  date: string | null;
  region: { province: string };
}

/**
 * The Pagefind filters of a page as `[facet, value]` pairs (`['topics', 'traffic']`), keys only.
 * Cases carry every facet; other pages only `kind`.
 */
export function filterPairs(kind: ResultKind, data?: CaseFields): [SearchFacet, string][] {
  const pairs: [SearchFacet, string][] = [['kind', kind]];
  if (data) {
    pairs.push(['level', data.level], ['province', provinceSlug(data.region.province)], ['year', yearOf(data.date) ?? 'unknown']);
    for (const topic of data.topics) pairs.push(['topics', topic]);
    for (const form of data.forms) pairs.push(['forms', form]);
    for (const method of data.methods) pairs.push(['methods', method]);
  }
  return pairs;
}

/** A sortable date (`2023` → `2023-00-00`), so partial dates sort among full ones; undated last. */
export function sortableDate(date: string | null): string {
  if (!date) return '0000-00-00';
  return `${date}-00-00`.slice(0, 10);
}
