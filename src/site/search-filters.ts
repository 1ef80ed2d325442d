import { filterFields, type CaseView } from '../schemas/fields.ts';
import { KIND_FACET, type ResultKind } from '../search/facets.ts';

export { resultKindLabels, type ResultKind } from '../search/facets.ts';

/**
 * The Pagefind filters of a page as `[facet, key]` pairs (`['topics', 'traffic']`): its kind,
 * and for a case every search filter of the field registry.
 */
export function filterPairs(kind: ResultKind, entry?: CaseView): [string, string][] {
  const pairs: [string, string][] = [[KIND_FACET, kind]];
  if (entry) {
    for (const field of filterFields) {
      for (const value of new Set(field.values(entry).map((v) => v.key))) pairs.push([field.name, value]);
    }
  }
  return pairs;
}

/** A sortable date (`2023` → `2023-00-00`), so partial dates sort among full ones; undated last. */
export function sortableDate(date: string | null): string {
  if (!date) return '0000-00-00';
  return `${date}-00-00`.slice(0, 10);
}
