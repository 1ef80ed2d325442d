import { browseFields, declaredOrder, type CaseField, type CaseView, type FieldContext } from '../schemas/fields.ts';
import { UNKNOWN_KEY } from '../schemas/common.ts';
import { pinyinKey } from './pinyin-sort.ts';

export { provinceSlug } from '../schemas/fields.ts';

/** The facets cases can be browsed by, in the order the browse page shows them. */
export const browseFacets = browseFields;

export interface FacetValue {
  /** The URL segment: a taxonomy key, a year, a province's slug, or `unknown`. */
  slug: string;
  label: string;
  ids: string[];
}

/**
 * Every value a facet takes among the cases, with the cases that have it, in the field's order
 * (a taxonomy's own order, years newest first, names by pinyin); 不详 always comes last.
 */
export function facetValues(field: CaseField, cases: readonly CaseView[], context?: FieldContext): FacetValue[] {
  const found = new Map<string, FacetValue>();
  for (const c of cases) {
    for (const { key, label } of field.values(c, context)) {
      const value = found.get(key) ?? { slug: key, label, ids: [] };
      // A case lists a value at most once: only its own last id can repeat (topics: [a, a]).
      if (value.ids.at(-1) !== c.id) value.ids.push(c.id);
      found.set(key, value);
    }
  }
  const order = field.facet?.order ?? 'pinyin';
  const declared = order === 'declared' ? declaredOrder(field) : [];
  const rank = (v: FacetValue): string => {
    if (v.slug === UNKNOWN_KEY) return '\uffff';
    if (order === 'declared') return String(declared.indexOf(v.slug)).padStart(3, '0');
    if (order === 'newest') return String(9999 - Number(v.slug)).padStart(4, '0');
    return pinyinKey(v.label);
  };
  const ranked = [...found.values()].map((v) => [rank(v), v] as const);
  ranked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ranked.map(([, v]) => v);
}
