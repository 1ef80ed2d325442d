import { t } from '../i18n/index.ts';
import { caseFields, isInferred, UNKNOWN_VALUE, type CaseView, type FieldContext } from '../schemas/fields.ts';
import { labelOf } from '../schemas/taxonomies.ts';
import type { CaseData } from '../schemas/case.ts';
import { entryPath } from './paths.ts';

export { regionText } from '../schemas/fields.ts';

export interface Fact {
  /** The field's name (`level`). */
  name: string;
  label: string;
  values: { text: string; path?: string }[];
  /** The value is the handbook's inference, not the source's statement. */
  inferred: boolean;
  /** The source does not say. */
  unknown: boolean;
  /** What stands between values: 、 unless given. */
  separator?: string;
}

/**
 * The facts panel of a case, from the field registry in its order: the fields shown always
 * (不详 when unknown) and those shown when the case has a value. Values link to their own page
 * (a method) or, for a browse facet, to the cases that share them.
 */
export function caseFacts(entry: CaseView, context: FieldContext): Fact[] {
  const facts: Fact[] = [];
  for (const field of caseFields) {
    if (!field.facts) continue;
    const values = field.values(entry, context);
    if (values.length === 0 && field.facts === 'known') continue;
    const shown = values.length ? values : [UNKNOWN_VALUE];
    const unknown = shown.every((v) => v.key === UNKNOWN_VALUE.key);
    facts.push({
      name: field.name,
      label: field.label,
      values: shown.map((v) => {
        const path = v.key === UNKNOWN_VALUE.key || v === UNKNOWN_VALUE ? undefined : v.path ?? (field.facet?.browse ? `/browse/${field.name}/${v.key}/` : undefined);
        return path ? { text: v.label, path } : { text: v.label };
      }),
      inferred: isInferred(field, entry),
      unknown,
      ...(field.separator && { separator: field.separator }),
    });
  }
  return facts;
}

/** A case as a list item: title, summary, and 类型 · 层级 · 时间 underneath. */
export function caseListItem(c: { id: string; data: Pick<CaseData, 'title' | 'summary' | 'kind' | 'level' | 'date'> }) {
  return {
    path: entryPath('cases', c.id),
    title: c.data.title,
    summary: c.data.summary,
    meta: `${labelOf('kind', c.data.kind)} · ${labelOf('level', c.data.level)} · ${c.data.date ?? t('case.unknown')}`,
  };
}
