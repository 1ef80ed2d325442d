import { pinyin } from 'pinyin-pro';
import { UNKNOWN } from '../schemas/common.ts';
import { labelOf, taxonomies } from '../schemas/taxonomies.ts';
import { yearOf } from './dates.ts';
import { pinyinKey } from './pinyin-sort.ts';
import { completenessKeys, completenessLabel, type CompletenessKey } from './completeness.ts';

/** The facets cases can be browsed by, in the order the browse page shows them. */
export const browseFacets = ['level', 'topics', 'forms', 'year', 'province', 'completeness'] as const;
export type BrowseFacet = (typeof browseFacets)[number];

/** What browsing needs of a case. */
export interface BrowsableCase {
  id: string;
  level: string;
  topics: string[];
  forms: string[];
  date: string | null;
  province: string;
  /** 资料完整度 (src/lib/completeness.ts); cases without it are not in that facet. */
  completeness?: CompletenessKey;
}

export interface FacetValue {
  /** The URL segment: a taxonomy key, a year, a province's pinyin, or `unknown`. */
  slug: string;
  label: string;
  ids: string[];
}

const slugs = new Map<string, string>();

/** A province's URL segment: 浙江省 → zhejiang, 广西壮族自治区 → guangxi; 不详 → unknown. */
export function provinceSlug(name: string): string {
  if (name === UNKNOWN) return 'unknown';
  // Every case page asks (for its search filters); pinyin is slow enough to remember.
  let slug = slugs.get(name);
  if (slug === undefined) {
    const short = name.replace(/(壮族|回族|维吾尔)?(省|市|自治区|特别行政区)$/, '');
    slug = pinyin(short, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
    slugs.set(name, slug);
  }
  return slug;
}

function valuesOf(facet: BrowseFacet, c: BrowsableCase): { slug: string; label: string }[] {
  switch (facet) {
    case 'level':
      return [{ slug: c.level, label: labelOf('level', c.level) }];
    case 'topics':
    case 'forms':
      return c[facet].map((key) => ({ slug: key, label: labelOf(facet, key) }));
    case 'year': {
      const year = yearOf(c.date);
      return [year ? { slug: year, label: `${year} 年` } : { slug: 'unknown', label: UNKNOWN }];
    }
    case 'province':
      return [{ slug: provinceSlug(c.province), label: c.province }];
    case 'completeness':
      return c.completeness ? [{ slug: c.completeness, label: completenessLabel(c.completeness) }] : [];
  }
}

/**
 * Every value a facet takes among the cases, with the cases that have it. Taxonomies keep their
 * own order, years run newest first, provinces by pinyin; 不详 always comes last.
 */
export function facetValues(facet: BrowseFacet, cases: readonly BrowsableCase[]): FacetValue[] {
  const found = new Map<string, FacetValue>();
  for (const c of cases) {
    for (const { slug, label } of valuesOf(facet, c)) {
      const value = found.get(slug) ?? { slug, label, ids: [] };
      // A case lists a value at most once: only its own last id can repeat (topics: [a, a]).
      if (value.ids.at(-1) !== c.id) value.ids.push(c.id);
      found.set(slug, value);
    }
  }
  const values = [...found.values()];
  const order = facet === 'year' || facet === 'province' ? undefined : facet === 'completeness' ? [...completenessKeys] : Object.keys(taxonomies[facet].values);
  const rank = (v: FacetValue): string => {
    if (v.slug === 'unknown') return '\uffff';
    if (order) return String(order.indexOf(v.slug)).padStart(3, '0');
    if (facet === 'year') return String(9999 - Number(v.slug));
    return pinyinKey(v.label);
  };
  return values.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}
