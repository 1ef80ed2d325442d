/**
 * The one registry of what a case's fields mean to readers. Each entry says, once: the field's
 * name (its URL segment, search filter and open-data key), its Chinese label, how to read its
 * values from a case as `{ key, label }`, and where it appears: the facts panel (概况), the
 * browse pages, the search filters, the open data (JSON and CSV columns) and the reasons given
 * for similar cases. The facts panel, browse, search, open data and similar cases all read it.
 *
 * To add a field: its schema in `case.ts`, an entry here (in reading order), its label in
 * `i18n/zh-CN.ts`, and, when its values are a fixed list, a taxonomy in `taxonomies.ts` named by
 * the entry's `taxonomy`. Nothing else: the case page, browse, search filters, open data, codebook,
 * ledger template and import, `npm run new`'s template and docs/frontmatter.md's table (`npm run
 * docs`) all read the entry (tests/slow/registry.test.ts adds a field through these four files).
 */
import { t } from '../i18n/index.ts';
import type { CaseData } from './case.ts';
import { UNKNOWN, UNKNOWN_KEY } from './common.ts';
import { caseCompleteness, completenessKeys } from './completeness.ts';
import { yearOf } from './dates.ts';
import type { InferableField } from './inferable.ts';
import { provinceSlugs } from './regions.ts';
import { labelOf, taxonomies, type TaxonomyName } from './taxonomies.ts';

/** One value of a field: a stable key (URLs, filters, data) and what readers see. */
export interface FieldValue {
  key: string;
  label: string;
  /** The page of the value itself (a method's page), where it has one. */
  path?: string;
}

/** Titles of the entries a case refers to, for labels (method ids → titles). */
export interface FieldContext {
  methods?: ReadonlyMap<string, string>;
  models?: ReadonlyMap<string, string>;
  cases?: ReadonlyMap<string, string>;
}

/** A case as the registry reads it. */
export interface CaseView {
  id: string;
  data: CaseData;
}

/** The value every field takes where the source does not say. */
export const UNKNOWN_VALUE: FieldValue = Object.freeze({ key: UNKNOWN_KEY, label: UNKNOWN });

export interface CaseField {
  /** Stable: the browse URL segment, the search filter's name, the open data's key. */
  name: string;
  label: string;
  /** The values of a case, in its own order; `[UNKNOWN_VALUE]` where the source does not say, `[]` where there is none. */
  values(c: CaseView, context?: FieldContext): FieldValue[];
  /** One value or a list (open data: an object or an array; CSV: one cell, several joined). */
  many: boolean;
  /** Open data writes a key column beside the label (`层级` and `层级代码`). */
  coded?: boolean;
  /** In the facts panel: always (不详 when unknown) or only when the case has a value. */
  facts?: 'always' | 'known';
  /** What stands between values in the facts panel: 、 unless given (地区: 浙江省 · 湖州市). */
  separator?: string;
  /** A browse facet (`/browse/<name>/<key>/`) and a search filter; keys must be URL-safe. */
  facet?: { browse: boolean; filter: boolean; order: 'declared' | 'newest' | 'pinyin'; label?: string };
  /**
   * Shared values of this field are a reason two cases are alike, given as these words before the
   * values (“同为”道路交通管理); see `site/similar.ts`. Default: not a reason.
   */
  similarityReason?: string;
  /** Its values are this taxonomy's keys (a fixed list): choices in forms, the codebook, the template, the import. */
  taxonomy?: TaxonomyName;
  /** 不详 is a value (where the source does not say); a case without the field reads as 不详. */
  unknown?: boolean;
  /** Where it lives in a case's frontmatter (`['region', 'province']`). Default: its name. */
  frontmatter?: readonly string[];
  /** Derived from other fields or from the file (id, year), not written in the frontmatter. */
  derived?: true;
  /** The inference flag (`inferred: [date]`) that covers this field, if any. */
  inferable?: InferableField;
  /** Written into the open data (JSON, CSV). Default: yes. */
  data?: false;
  /** The JSON value, where it says more than the values do (a source with what it supports). */
  json?: (c: CaseView) => unknown;
}

const taxonomyValue = (name: TaxonomyName, key: string): FieldValue =>
  key === UNKNOWN_KEY ? UNKNOWN_VALUE : { key, label: labelOf(name, key) };
const titled = (collection: 'methods' | 'models' | 'cases', titles: ReadonlyMap<string, string> | undefined, id: string): FieldValue => ({
  key: id,
  label: titles?.get(id) ?? id,
  path: `/${collection}/${id}/`,
});

/** A province's URL segment: 浙江省 → zhejiang (the fixed table in regions.ts); 不详 → unknown. */
export function provinceSlug(name: string): string {
  return (provinceSlugs as Record<string, string>)[name] ?? UNKNOWN_KEY;
}

/** Province · city · county · place, leaving out what the case does not name. */
export function regionText(region: CaseData['region']): string {
  return [region.province, region.city, region.county, region.place].filter(Boolean).join(' · ');
}

/** A registry entry as written: `values` may be left out where the field's frontmatter value says it all. */
type CaseFieldEntry = Omit<CaseField, 'values'> & Partial<Pick<CaseField, 'values'>>;

/** The value at a path of a case's frontmatter data. */
function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * How a field's values are read when the entry does not say: the frontmatter value at its path,
 * as taxonomy keys (with their labels) or as text. A case without a field that allows 不详 reads
 * as 不详, the same as a case that writes it, so the open data, browse pages and the ledger's
 * round trip never tell the two apart.
 */
function frontmatterValues(entry: CaseFieldEntry): CaseField['values'] {
  const path = entry.frontmatter ?? [entry.name];
  return (c) => {
    const raw = valueAt(c.data, path);
    const keys = raw === undefined || raw === null || raw === '' ? [] : (Array.isArray(raw) ? raw : [raw]).map(String);
    if (!entry.taxonomy) return keys.map((key) => ({ key, label: key }));
    if (keys.length === 0) return entry.unknown ? [UNKNOWN_VALUE] : [];
    return keys.map((key) => taxonomyValue(entry.taxonomy!, key));
  };
}

const declared: readonly CaseFieldEntry[] = [
  { name: 'id', label: 'id', many: false, derived: true, values: (c) => [{ key: c.id, label: c.id }] },
  { name: 'title', label: t('field.title'), many: false },
  { name: 'summary', label: t('field.summary'), many: false },
  { name: 'kind', label: t('case.kind'), many: false, coded: true, facts: 'always', taxonomy: 'kind' },
  {
    name: 'region', label: t('case.region'), many: true, facts: 'always', separator: ' · ', data: false, inferable: 'region', derived: true,
    values: (c) => {
      const { province, city, county, place } = c.data.region;
      const rest = [city, county, place].filter((n): n is string => Boolean(n)).map((name) => ({ key: name, label: name }));
      const first = province === UNKNOWN ? UNKNOWN_VALUE : { key: provinceSlug(province), label: province, path: `/browse/province/${provinceSlug(province)}/` };
      return [first, ...rest];
    },
  },
  {
    name: 'province', label: t('field.province'), many: false, coded: true, inferable: 'region', unknown: true, frontmatter: ['region', 'province'],
    facet: { browse: true, filter: true, order: 'pinyin', label: t('field.provinceFacet') },
    values: (c) => [{ key: provinceSlug(c.data.region.province), label: c.data.region.province }],
  },
  { name: 'city', label: t('field.city'), many: false, frontmatter: ['region', 'city'] },
  { name: 'county', label: t('field.county'), many: false, frontmatter: ['region', 'county'] },
  { name: 'place', label: t('field.place'), many: false, frontmatter: ['region', 'place'] },
  {
    name: 'level', label: t('case.level'), many: false, coded: true, facts: 'always', inferable: 'level', taxonomy: 'level',
    facet: { browse: true, filter: true, order: 'declared' },
  },
  {
    name: 'forms', label: t('case.forms'), many: true, coded: true, facts: 'always', inferable: 'forms', similarityReason: '同采用', taxonomy: 'forms', unknown: true,
    facet: { browse: true, filter: true, order: 'declared' },
  },
  {
    name: 'topics', label: t('case.topics'), many: true, coded: true, facts: 'always', inferable: 'topics', similarityReason: '同为', taxonomy: 'topics', unknown: true,
    facet: { browse: true, filter: true, order: 'declared' },
  },
  {
    name: 'date', label: t('case.date'), many: false, facts: 'always', inferable: 'date', unknown: true,
    values: (c) => (c.data.date ? [{ key: c.data.date, label: c.data.date, path: `/browse/year/${yearOf(c.data.date)}/` }] : [UNKNOWN_VALUE]),
  },
  {
    name: 'year', label: t('field.year'), many: false, inferable: 'date', data: false, derived: true,
    facet: { browse: true, filter: true, order: 'newest' },
    values: (c) => {
      const year = yearOf(c.data.date);
      return [year ? { key: year, label: t('field.yearValue', { year }) } : UNKNOWN_VALUE];
    },
  },
  {
    name: 'methods', label: t('case.methods'), many: true, facts: 'known', similarityReason: '同用',
    facet: { browse: false, filter: true, order: 'pinyin' },
    values: (c, context) => c.data.methods.map((id) => titled('methods', context?.methods, id)),
  },
  {
    name: 'models', label: t('case.models'), many: true, facts: 'known', similarityReason: '同用',
    values: (c, context) => c.data.models.map((id) => titled('models', context?.models, id)),
  },
  { name: 'participants', label: t('case.participants'), many: true, facts: 'known' },
  {
    name: 'status', label: t('case.status'), many: false, coded: true, facts: 'always', inferable: 'status', taxonomy: 'status', unknown: true,
    frontmatter: ['outcome', 'status'],
  },
  {
    name: 'completeness', label: t('completeness.title'), many: false, coded: true, data: false, derived: true,
    facet: { browse: true, filter: true, order: 'declared' },
    values: (c) => {
      const { key, label } = caseCompleteness(c.data);
      return [{ key, label }];
    },
  },
  { name: 'outcome', label: t('case.outcome'), many: false, frontmatter: ['outcome', 'summary'] },
  {
    name: 'partOf', label: t('case.partOf'), many: false, facts: 'known',
    values: (c, context) => (c.data.partOf ? [titled('cases', context?.cases, c.data.partOf)] : []),
  },
  {
    name: 'sources', label: t('field.sources'), many: true,
    values: (c) => c.data.sources.map((s) => ({ key: s.id, label: s.id })),
    json: (c) => c.data.sources.map((s) => ({ id: s.id, supports: s.supports ?? null })),
  },
  { name: 'aliases', label: t('field.aliases'), many: true },
  {
    name: 'inferred', label: t('field.inferred'), many: true,
    values: (c) => c.data.inferred.map((name) => ({ key: name, label: caseFields.find((f) => f.name === name)?.label ?? name })),
  },
];

/** Every case field, in the order of the facts panel and the open data's columns. */
export const caseFields: readonly CaseField[] = declared.map((entry) => ({ ...entry, values: entry.values ?? frontmatterValues(entry) }));

/** Where a field lives in a case's frontmatter (`province` → `region.province`); undefined for a derived field. */
export function frontmatterPath(field: CaseField): readonly string[] | undefined {
  return field.derived ? undefined : (field.frontmatter ?? [field.name]);
}

/** A field by name. */
export function caseField(name: string): CaseField {
  const field = caseFields.find((f) => f.name === name);
  if (!field) throw new Error(`fields: no case field “${name}”`);
  return field;
}

/** The facets (browse pages and search filters), in the order pages show them. */
export const facetFields = caseFields.filter((f) => f.facet);
export const browseFields = facetFields.filter((f) => f.facet!.browse);
export const filterFields = facetFields.filter((f) => f.facet!.filter);

/** Whether a case's value of this field is the handbook's inference. */
export function isInferred(field: CaseField, c: CaseView): boolean {
  return field.inferable !== undefined && c.data.inferred.includes(field.inferable);
}

/** The declared order of a field's values, where its values are a taxonomy. */
export function declaredOrder(field: CaseField): string[] {
  if (field.name === 'completeness') return [...completenessKeys];
  return field.taxonomy ? Object.keys(taxonomies[field.taxonomy].values) : [];
}
