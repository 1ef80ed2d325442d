// The filters panel of the search page with its counts, loaded by src/client/search-ui.ts only
// when the panel is open (at once on a wide screen, when a phone's reader opens it): a phone's
// first search does not fetch it.
import type { SearchFacetInfo } from '../search/facets.ts';
import type { SearchState } from './search-state.ts';
import { el } from './search-dom.ts';

/** The filters, each value with its count, into the page's #search-facets. */
export function renderFacets(
  root: HTMLElement,
  facets: readonly SearchFacetInfo[],
  state: SearchState,
  counts: Record<string, Record<string, number>>,
  allValues: Record<string, Record<string, number>>,
  onToggle: (facet: string, value: string, on: boolean) => void,
): void {
  const container = root.querySelector('#search-facets')!;
  const groups = facets.map(({ name: facet, label: legend, values: labels }) => {
    const known = new Set(Object.keys(allValues[facet] ?? {}));
    const selected = state.filters[facet] ?? [];
    // In the build's order (a taxonomy's own, years newest first, 不详 last), then any value only the URL names.
    const values = [...new Set([...Object.keys(labels).filter((v) => known.has(v)), ...known, ...selected])];
    if (values.length === 0) return undefined;
    const fieldset = el('fieldset', {}, el('legend', {}, legend));
    for (const value of values) {
      const count = counts[facet]?.[value] ?? 0;
      const box = el('input', { type: 'checkbox', name: facet, value, checked: selected.includes(value) });
      box.addEventListener('change', () => onToggle(facet, value, box.checked));
      const label = el('label', { className: count === 0 && !box.checked ? 'empty' : '' }, box, ` ${labels[value] ?? value} `, el('span', { className: 'count' }, `(${count})`));
      fieldset.append(label);
    }
    return fieldset;
  });
  container.replaceChildren(...groups.filter((g): g is HTMLFieldSetElement => g !== undefined));
  (root.querySelector('#search-clear') as HTMLButtonElement).hidden = Object.keys(state.filters).length === 0;
}
