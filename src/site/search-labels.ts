import { labelOf, taxonomies } from '../schemas/taxonomies.ts';
import { provinces, UNKNOWN } from '../schemas/regions.ts';
import { provinceSlug } from './browse.ts';
import { resultKindLabels, type SearchFacet } from '../search/facets.ts';

/** The Chinese label of every filter value the search page can show, by facet and key. */
export type SearchLabels = Record<SearchFacet, Record<string, string>>;

/** Labels for the search page's filters: taxonomy labels, province names, years, method titles. */
export function searchLabels(methods: Map<string, string>, years: string[]): SearchLabels {
  const values = (name: 'level' | 'topics' | 'forms') => Object.fromEntries(Object.keys(taxonomies[name].values).map((k) => [k, labelOf(name, k)]));
  return {
    kind: { ...resultKindLabels },
    level: values('level'),
    topics: values('topics'),
    forms: values('forms'),
    province: Object.fromEntries([...provinces, UNKNOWN].map((name) => [provinceSlug(name), name])),
    year: { ...Object.fromEntries(years.map((y) => [y, `${y} 年`])), unknown: UNKNOWN },
    methods: Object.fromEntries(methods),
  };
}
