import { describe, expect, test } from 'vitest';
import { pagefindFilters, parseSearchState, searchQueryString, toggleFilter } from '../../src/client/search-state.ts';

/** The search page's filters, in order (the page hands its own to the script). */
const FACETS = ['kind', 'level', 'province', 'topics', 'forms', 'year', 'methods'];

describe('search state lives in the URL', () => {
  test('the URL round-trips the whole state: query, facets (several values each) and sort', () => {
    const url = '?q=%E5%81%9C%E8%BD%A6&level=community&topics=facilities&topics=traffic&sort=date';
    const state = parseSearchState(new URLSearchParams(url), FACETS);
    expect(state).toEqual({ q: '停车', sort: 'date', filters: { level: ['community'], topics: ['facilities', 'traffic'] } });
    expect(searchQueryString(state, FACETS)).toBe(url);
    expect(parseSearchState(new URLSearchParams(searchQueryString(state, FACETS)), FACETS)).toEqual(state);
  });

  test('unknown parameters and empty values are ignored; comma lists are accepted', () => {
    const state = parseSearchState(new URLSearchParams('q=&colour=red&topics=traffic,facilities&level='), FACETS);
    expect(state).toEqual({ q: '', sort: '', filters: { topics: ['facilities', 'traffic'] } });
    expect(searchQueryString(state, FACETS)).toBe('?topics=facilities&topics=traffic');
  });

  test('filters are OR within a facet and AND across facets; a facet can be left out for its own counts', () => {
    let state = parseSearchState(new URLSearchParams('q=停车'), FACETS);
    state = toggleFilter(state, 'topics', 'traffic', true);
    state = toggleFilter(state, 'topics', 'facilities', true);
    state = toggleFilter(state, 'level', 'community', true);
    expect(pagefindFilters(state)).toEqual({ level: { any: ['community'] }, topics: { any: ['facilities', 'traffic'] } });
    expect(pagefindFilters(state, 'topics')).toEqual({ level: { any: ['community'] } });
    state = toggleFilter(state, 'level', 'community', false);
    expect(state.filters).toEqual({ topics: ['facilities', 'traffic'] });
  });
});
