import { filterFields, type CaseView, type FieldContext } from '../schemas/fields.ts';
import { KIND_FACET, resultKindLabels, type SearchPageData } from '../search/facets.ts';
import { t } from '../i18n/index.ts';
import { facetValues } from './browse.ts';

/** The search page's filters: the kind of page, then every search filter of the field registry with the values the cases have. */
export function searchPageData(cases: readonly CaseView[], context: FieldContext): SearchPageData {
  return {
    facets: [
      { name: KIND_FACET, label: t('search.facet.kind'), values: { ...resultKindLabels } },
      ...filterFields.map((field) => ({
        name: field.name,
        label: field.facet?.label ?? field.label,
        values: Object.fromEntries(facetValues(field, cases, context).map((v) => [v.slug, v.label])),
      })),
    ],
  };
}
