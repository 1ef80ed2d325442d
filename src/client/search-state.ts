
/** Everything a search page shows, as it lives in the URL so that a search can be shared. */
export interface SearchState {
  q: string;
  /** Empty for relevance. */
  sort: '' | 'date';
  /** Selected values per facet: OR within a facet, AND across facets. */
  filters: Record<string, string[]>;
}

/** Reads `?q=停车&level=community&topics=traffic&topics=facilities&sort=date`; `facets` are the filters' names, in order. */
export function parseSearchState(params: URLSearchParams, facets: readonly string[]): SearchState {
  const filters: SearchState['filters'] = {};
  for (const facet of facets) {
    const values = [...new Set(params.getAll(facet).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
    if (values.length) filters[facet] = values.sort();
  }
  return { q: (params.get('q') ?? '').trim(), sort: params.get('sort') === 'date' ? 'date' : '', filters };
}

/** The query string of a state, in a stable order (q, facets in their order, sort). */
export function searchQueryString(state: SearchState, facets: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of facets) for (const value of [...(state.filters[facet] ?? [])].sort()) params.append(facet, value);
  if (state.sort) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A state with one facet value switched on or off. */
export function toggleFilter(state: SearchState, facet: string, value: string, on: boolean): SearchState {
  const current = new Set(state.filters[facet] ?? []);
  if (on) current.add(value);
  else current.delete(value);
  const filters = { ...state.filters, [facet]: [...current].sort() };
  if (!filters[facet]!.length) delete filters[facet];
  return { ...state, filters };
}

/** Pagefind's filter object (`{ topics: { any: [...] } }`), optionally leaving one facet out. */
export function pagefindFilters(state: SearchState, except?: string): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const [facet, values] of Object.entries(state.filters)) {
    if (facet !== except && values?.length) filters[facet] = { any: values };
  }
  return filters;
}
