// The search page's behaviour in the browser: Pagefind's JS API, driven by the URL.
import { t } from '../i18n/index.ts';
import { searchWithVariants } from '../search/query.ts';
import { joinWords, segmentWords } from '../search/segment.ts';
import { searchFacets, type SearchFacet } from '../search/facets.ts';
import type { SearchLabels } from '../site/search-labels.ts';
import { pagefindFilters, parseSearchState, searchQueryString, toggleFilter, type SearchState } from './search-state.ts';
import { isKept, isOffline, offlineState, pageBuild } from './offline.ts';

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; sub_results: { title: string; url: string; excerpt: string }[]; filters: Record<string, string[]> }>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 10;

/** Pagefind's options for a state: its filters (less one facet's, for that facet's counts) and sort. */
function searchOptions(state: SearchState, except?: SearchFacet) {
  return { filters: pagefindFilters(state, except), ...(state.sort ? { sort: { date: 'desc' } } : {}) };
}

/**
 * Pagefind's excerpts are escaped text with <mark> around matches, and spaces between the words
 * the index was split into: keep only the marks, and join the words again.
 */
function excerptNodes(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const decode = (text: string) => new DOMParser().parseFromString(text, 'text/html').documentElement.textContent ?? '';
  for (const [i, part] of joinWords(excerpt).split(/<\/?mark>/).entries()) {
    if (!part) continue;
    const text = document.createTextNode(decode(part));
    if (i % 2 === 1) {
      const mark = document.createElement('mark');
      mark.append(text);
      fragment.append(mark);
    } else fragment.append(text);
  }
  return fragment;
}

/** A new element with properties (className, href, checked …) and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export class SearchPage extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #labels!: SearchLabels;
  #allValues?: Promise<Record<string, Record<string, number>>>;
  #facetsFor?: { run: number; state: SearchState; query: string | null; done: boolean };
  #results: PagefindResult[] = [];
  #shown = 0;
  #run = 0;

  connectedCallback() {
    this.#labels = JSON.parse(this.querySelector('#search-labels')!.textContent!);
    this.hidden = false;
    // Filters start open beside the results on wide screens, folded above them on phones.
    const filters = this.querySelector('details.filters') as HTMLDetailsElement;
    filters.open = matchMedia('(min-width: 60rem)').matches;
    filters.addEventListener('toggle', () => void this.#updateFacets().catch(() => undefined));
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = (form.elements.namedItem('q') as HTMLInputElement).value.trim();
      this.#go({ ...this.#state(), q }, true);
    });
    (form.elements.namedItem('sort') as HTMLSelectElement).addEventListener('change', (event) => {
      this.#go({ ...this.#state(), sort: (event.target as HTMLSelectElement).value === 'date' ? 'date' : '' });
    });
    this.querySelector('#search-more')!.addEventListener('click', () => this.#showMore());
    this.querySelector('#search-clear')!.addEventListener('click', () => this.#go({ ...this.#state(), filters: {} }));
    window.addEventListener('popstate', () => this.#update());
    this.#update();
  }

  #state(): SearchState {
    return parseSearchState(new URLSearchParams(location.search));
  }

  #go(state: SearchState, push = false) {
    const url = `${location.pathname}${searchQueryString(state)}`;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
    this.#update();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const base = this.dataset.base ?? '/';
      const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      // The build id as Pagefind's cache tag: its entry file is fetched once per build, and kept
      // for searching offline (src/client/sw.ts) until a new build replaces it.
      await pagefind.options({ excerptLength: 36, metaCacheTag: pageBuild() || undefined });
      return pagefind;
    })();
    return this.#pagefind;
  }

  async #update() {
    const run = ++this.#run;
    const state = this.#state();
    const form = this.querySelector('form')!;
    (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
    (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
    const status = this.querySelector('#search-status')!;
    const note = this.querySelector('#search-note')!;
    status.textContent = t('search.loading');
    note.textContent = '';
    let pagefind: Pagefind;
    try {
      pagefind = await this.#load();
    } catch {
      status.textContent = t(isOffline() ? 'search.offlineMissing' : 'search.failed');
      return;
    }
    const options = (except?: SearchFacet) => searchOptions(state, except);
    const hasFilters = Object.keys(state.filters).length > 0;
    let query: string | null = null;
    let response: PagefindResponse | undefined;
    try {
      if (state.q) {
        const found = await searchWithVariants(state.q, async (variant) => {
          // Split as the index was (Pagefind would split it the same way, but only on a zh page).
          response = await pagefind.search(segmentWords(variant), options());
          return response.results;
        });
        query = found.variant ?? found.query;
        if (found.converted) note.textContent = t('search.converted', { query: found.query });
        if (found.variant && found.variant !== found.query) note.textContent += t('search.relaxed', { query: found.query, variant: found.variant });
      } else if (hasFilters) {
        response = await pagefind.search(null, options());
      }
    } catch {
      // Offline, the part of the index this query needs was never fetched.
      if (run === this.#run) status.textContent = t(isOffline() ? 'search.offlineMissing' : 'search.failed');
      return;
    }
    // Offline without the whole handbook saved, the index on this device is only what was fetched.
    if (isOffline() && (state.q || hasFilters)) {
      const saved = await offlineState(this.dataset.base ?? '/');
      if (!(saved?.full && saved.build === pageBuild())) note.textContent += t('search.offlinePartial');
    }
    if (run !== this.#run) return;
    this.#results = response?.results ?? [];
    this.#shown = 0;
    this.querySelector('#search-results')!.replaceChildren();
    this.#facetsFor = { run, state, query, done: false };
    await this.#showMore();
    if (run !== this.#run) return;
    // Announced once the first results are on the page.
    if (!state.q && !hasFilters) status.textContent = t('search.prompt');
    else if (this.#results.length === 0) status.textContent = t('search.none');
    else status.textContent = t('search.count', { count: this.#results.length });
    // Offline, the filter counts may need index files that were never fetched: no counts then.
    await this.#updateFacets().catch(() => undefined);
  }

  /**
   * The filters with their counts, once the filters panel is open (at once on wide screens, when
   * a phone's reader opens it): the counts need every filter file of the index, which a search
   * alone does not (166 KB at 10,000 cases).
   */
  async #updateFacets() {
    const target = this.#facetsFor;
    if (!target || target.done || !(this.querySelector('details.filters') as HTMLDetailsElement).open) return;
    target.done = true;
    const { run, state, query } = target;
    const pagefind = await this.#load();
    this.#allValues ??= pagefind.filters();
    const allValues = await this.#allValues.catch((error: unknown) => {
      // Offline and not fetched yet: tried again on the next search.
      this.#allValues = undefined;
      target.done = false;
      throw error;
    });
    const options = (except?: SearchFacet) => searchOptions(state, except);
    const hasFilters = Object.keys(state.filters).length > 0;
    const terms = query === null ? null : segmentWords(query);
    // Each facet counts with its own selection left out, so OR within a facet shows what adding a value gives.
    const all = query !== null || hasFilters ? await pagefind.search(terms, options()) : undefined;
    const counts: Partial<Record<SearchFacet, Record<string, number>>> = {};
    for (const facet of searchFacets) {
      const own = state.filters[facet]?.length && all;
      const source = own ? await pagefind.search(terms, options(facet)) : all;
      counts[facet] = source?.filters[facet] ?? allValues[facet] ?? {};
    }
    if (run !== this.#run) return;
    this.#renderFacets(state, counts, allValues);
  }

  async #showMore() {
    const list = this.querySelector('#search-results')!;
    const batch = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    this.#shown += batch.length;
    // Offline, a result's text may not have been fetched, and its page may not be kept.
    const offline = isOffline();
    const loaded = await Promise.all(batch.map((r) => r.data().catch(() => undefined)));
    const kept = await Promise.all(loaded.map((data) => (offline && data ? isKept(data.url) : true)));
    for (const [i, data] of loaded.entries()) {
      if (!data) {
        list.append(el('li', { className: 'result missing' }, el('p', {}, t('search.resultMissing'))));
        continue;
      }
      const kind = data.filters.kind?.[0];
      const item = el('li', { className: 'result' });
      const heading = el('h3', {}, el('a', { href: data.url }, data.meta.title ? joinWords(data.meta.title) : data.url));
      if (kind) heading.prepend(el('span', { className: 'badge' }, this.#labels.kind[kind] ?? kind));
      item.append(heading);
      if (!kept[i]) item.append(el('p', { className: 'not-kept' }, t('search.notKept')));
      if (data.meta.region) item.append(el('p', { className: 'region' }, data.meta.region));
      item.append(el('p', { className: 'excerpt' }, excerptNodes(data.excerpt)));
      const subs = data.sub_results.filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, 3);
      if (subs.length) item.append(el('ul', { className: 'subs' }, ...subs.map((s) => el('li', {}, el('a', { href: s.url }, joinWords(s.title)), '：', el('span', {}, excerptNodes(s.excerpt))))));
      list.append(item);
    }
    (this.querySelector('#search-more') as HTMLButtonElement).hidden = this.#shown >= this.#results.length;
  }

  #renderFacets(state: SearchState, counts: Partial<Record<SearchFacet, Record<string, number>>>, allValues: Record<string, Record<string, number>>) {
    const container = this.querySelector('#search-facets')!;
    const groups = searchFacets.map((facet) => {
      const labels = this.#labels[facet];
      const known = Object.keys(allValues[facet] ?? {});
      const selected = state.filters[facet] ?? [];
      const values = [...new Set([...known, ...selected])].sort((a, b) => (labels[a] ?? a).localeCompare(labels[b] ?? b, 'zh-CN'));
      if (values.length === 0) return undefined;
      const fieldset = el('fieldset', {}, el('legend', {}, t(`search.facet.${facet}`)));
      for (const value of values) {
        const count = counts[facet]?.[value] ?? 0;
        const box = el('input', { type: 'checkbox', name: facet, value, checked: selected.includes(value) });
        box.addEventListener('change', () => this.#go(toggleFilter(this.#state(), facet, value, box.checked)));
        const label = el('label', { className: count === 0 && !box.checked ? 'empty' : '' }, box, ` ${labels[value] ?? value} `, el('span', { className: 'count' }, `(${count})`));
        fieldset.append(label);
      }
      return fieldset;
    });
    container.replaceChildren(...groups.filter((g): g is HTMLFieldSetElement => g !== undefined));
    (this.querySelector('#search-clear') as HTMLButtonElement).hidden = Object.keys(state.filters).length === 0;
  }
}
