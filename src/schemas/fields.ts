/**
 * The one registry of what a case's fields mean to readers. Each entry says, once: the field's
 * name (its URL segment, search filter and open-data key), its Chinese label, how to read its
 * values from a case as `{ key, label }`, and where it appears: the facts panel (概况), the
 * browse pages, the search filters, the open data (JSON and CSV columns) and the reasons given
 * for similar cases. The facts panel, browse, search, open data and similar cases all read it.
 *
 * To add a field: its schema in `case.ts`, an entry here (in reading order), its label in
 * `i18n/zh-CN.ts`, and, when its values are a fixed list, a taxonomy in `taxonomies.ts`.
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
  /** A reason two cases are alike (“同为{values}”); see `site/similar.ts`. */
  similar?: string;
  /** The inference flag (`inferred: [date]`) that covers this field, if any. */
  inferable?: InferableField;
  /** Written into the open data (JSON, CSV). Default: yes. */
  data?: false;
  /** The JSON value, where it says more than the values do (a source with what it supports). */
  json?: (c: CaseView) => unknown;
}

const taxonomyValue = (name: TaxonomyName, key: string): FieldValue =>
  key === UNKNOWN_KEY ? UNKNOWN_VALUE : { key, label: labelOf(name, key) };
const text = (value: string | undefined): FieldValue[] => (value ? [{ key: value, label: value }] : []);
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

/** Every case field, in the order of the facts panel and the open data's columns. */
export const caseFields: readonly CaseField[] = [
  { name: 'id', label: 'id', many: false, values: (c) => [{ key: c.id, label: c.id }] },
  { name: 'title', label: t('field.title'), many: false, values: (c) => text(c.data.title) },
  { name: 'summary', label: t('field.summary'), many: false, values: (c) => text(c.data.summary) },
  {
    name: 'kind', label: t('case.kind'), many: false, coded: true, facts: 'always',
    values: (c) => [taxonomyValue('kind', c.data.kind)],
  },
  {
    name: 'region', label: t('case.region'), many: true, facts: 'always', separator: ' · ', data: false, inferable: 'region',
    values: (c) => {
      const { province, city, county, place } = c.data.region;
      const rest = [city, county, place].filter((n): n is string => Boolean(n)).map((name) => ({ key: name, label: name }));
      const first = province === UNKNOWN ? UNKNOWN_VALUE : { key: provinceSlug(province), label: province, path: `/browse/province/${provinceSlug(province)}/` };
      return [first, ...rest];
    },
  },
  {
    name: 'province', label: t('field.province'), many: false, coded: true, inferable: 'region',
    facet: { browse: true, filter: true, order: 'pinyin', label: t('field.provinceFacet') },
    values: (c) => [{ key: provinceSlug(c.data.region.province), label: c.data.region.province }],
  },
  { name: 'city', label: t('field.city'), many: false, values: (c) => text(c.data.region.city) },
  { name: 'county', label: t('field.county'), many: false, values: (c) => text(c.data.region.county) },
  { name: 'place', label: t('field.place'), many: false, values: (c) => text(c.data.region.place) },
  {
    name: 'level', label: t('case.level'), many: false, coded: true, facts: 'always', inferable: 'level',
    facet: { browse: true, filter: true, order: 'declared' },
    values: (c) => [taxonomyValue('level', c.data.level)],
  },
  {
    name: 'forms', label: t('case.forms'), many: true, coded: true, facts: 'always', inferable: 'forms', similar: '同采用',
    facet: { browse: true, filter: true, order: 'declared' },
    values: (c) => c.data.forms.map((key) => taxonomyValue('forms', key)),
  },
  {
    name: 'topics', label: t('case.topics'), many: true, coded: true, facts: 'always', inferable: 'topics', similar: '同为',
    facet: { browse: true, filter: true, order: 'declared' },
    values: (c) => c.data.topics.map((key) => taxonomyValue('topics', key)),
  },
  {
    name: 'date', label: t('case.date'), many: false, facts: 'always', inferable: 'date',
    values: (c) => (c.data.date ? [{ key: c.data.date, label: c.data.date, path: `/browse/year/${yearOf(c.data.date)}/` }] : [UNKNOWN_VALUE]),
  },
  {
    name: 'year', label: t('field.year'), many: false, inferable: 'date', data: false,
    facet: { browse: true, filter: true, order: 'newest' },
    values: (c) => {
      const year = yearOf(c.data.date);
      return [year ? { key: year, label: t('field.yearValue', { year }) } : UNKNOWN_VALUE];
    },
  },
  {
    name: 'methods', label: t('case.methods'), many: true, facts: 'known', similar: '同用',
    facet: { browse: false, filter: true, order: 'pinyin' },
    values: (c, context) => c.data.methods.map((id) => titled('methods', context?.methods, id)),
  },
  {
    name: 'models', label: t('case.models'), many: true, facts: 'known', similar: '同用',
    values: (c, context) => c.data.models.map((id) => titled('models', context?.models, id)),
  },
  {
    name: 'participants', label: t('case.participants'), many: true, facts: 'known',
    values: (c) => c.data.participants.map((p) => ({ key: p, label: p })),
  },
  {
    name: 'status', label: t('case.status'), many: false, coded: true, facts: 'always', inferable: 'status',
    values: (c) => [c.data.outcome ? taxonomyValue('status', c.data.outcome.status) : UNKNOWN_VALUE],
  },
  {
    name: 'completeness', label: t('completeness.title'), many: false, coded: true, data: false,
    facet: { browse: true, filter: true, order: 'declared' },
    values: (c) => {
      const { key, label } = caseCompleteness(c.data);
      return [{ key, label }];
    },
  },
  { name: 'outcome', label: t('case.outcome'), many: false, values: (c) => text(c.data.outcome?.summary) },
  {
    name: 'partOf', label: t('case.partOf'), many: false, facts: 'known',
    values: (c, context) => (c.data.partOf ? [titled('cases', context?.cases, c.data.partOf)] : []),
  },
  {
    name: 'sources', label: t('field.sources'), many: true,
    values: (c) => c.data.sources.map((s) => ({ key: s.id, label: s.id })),
    json: (c) => c.data.sources.map((s) => ({ id: s.id, supports: s.supports ?? null })),
  },
  { name: 'aliases', label: t('field.aliases'), many: true, values: (c) => c.data.aliases.map((a) => ({ key: a, label: a })) },
  {
    name: 'inferred', label: t('field.inferred'), many: true,
    values: (c) => c.data.inferred.map((name) => ({ key: name, label: caseFields.find((f) => f.name === name)?.label ?? name })),
  },
];

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
  const values = (taxonomies as Record<string, { values: Record<string, string> } | undefined>)[field.name]?.values;
  return values ? Object.keys(values) : [];
}
