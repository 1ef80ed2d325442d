// The search page's behaviour in the browser: the handbook's search (src/search/engine.ts) over
// Pagefind's JS API, driven by the URL.
import { el } from './search-dom.ts';
import { t } from './search-strings.ts';
import { searchHandbook, type RankedPage, type SearchOutcome } from '../search/engine.ts';
import { buildExcerpt, subResults, type ExcerptPart } from '../search/excerpt.ts';
import { joinWords, segmentWords } from '../search/segment.ts';
import { Thesaurus } from '../search/thesaurus.ts';
import { KIND_FACET, type SearchEngineData, type SearchFacetInfo, type SearchPageData } from '../search/facets.ts';
import { pagefindFilters, parseSearchState, searchQueryString, toggleFilter, type SearchState } from './search-state.ts';
import { isKept, isOffline, offlineState, pageBuild } from './offline.ts';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  matchedMetaFields?: string[];
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Results shown first, then per 显示更多: each shown result fetches its page's text (a Pagefind
 * fragment, 1.5–2 KB gzipped), and a phone's screen holds about three. Pagefind's own UI shows
 * five at a time too.
 */
const FIRST_RESULTS = 5;
const MORE_RESULTS = 10;

/**
 * Pagefind's options for a state: its filters (less one facet's, for that facet's counts). The
 * date sort is not Pagefind's (its sort values would be in the metadata every first search
 * loads) but the build's table of pages newest first, fetched when a reader sorts by date
 * (scripts/lib/build/date-order.ts).
 */
function searchOptions(state: SearchState, except?: string) {
  return { filters: pagefindFilters(state, except) };
}

/** An excerpt as text nodes, with the matches in <mark>: never parsed as HTML. */
function excerptNodes(parts: readonly ExcerptPart[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    if (!part.text) continue;
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      fragment.append(mark);
    } else fragment.append(document.createTextNode(part.text));
  }
  return fragment;
}

/**
 * A page of the result list: a ranked page of a search, or a page that the filters alone found;
 * a page that matches only in part, with the words it lacks; a similar case, with its reason.
 */
type ResultPage = Pick<RankedPage<PagefindData>, 'hit' | 'locations'> & { partial?: boolean; missing?: string[]; reason?: string };

/**
 * The words whose Pagefind counts stand for the results' in the filters: the alternative that
 * found the most of the pages shown. Exact for a query of one word, close for longer ones.
 */
function primaryTerms(outcome: SearchOutcome<PagefindData>): string | null {
  const counts = new Map<string, number>();
  const shown = [...outcome.pages, ...outcome.partial];
  for (const page of shown) for (const m of page.matched) if (m.kind !== 'part') counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? (shown.length ? outcome.query : null);
}

/** Pages newest first, by the build's dates (page id → sortable date); a stable sort keeps ties in their order. */
function byDate<P extends { hit: { id: string } }>(dates: ReadonlyMap<string, string>, pages: readonly P[]): P[] {
  const date = (page: P) => dates.get(page.hit.id) ?? '';
  return [...pages].sort((a, b) => (date(a) === date(b) ? 0 : date(a) < date(b) ? 1 : -1));
}

export class SearchPage extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #dateOrder?: Promise<Map<string, string>>;
  #facets!: SearchFacetInfo[];
  #engine!: SearchEngineData;
  #thesaurus!: Thesaurus;
  #allValues?: Promise<Record<string, Record<string, number>>>;
  #facetsFor?: { run: number; state: SearchState; query: string | null; done: boolean };
  #results: ResultPage[] = [];
  #shown = 0;
  #run = 0;

  connectedCallback() {
    this.#facets = (JSON.parse(this.querySelector('#search-labels')!.textContent!) as SearchPageData).facets;
    this.#engine = JSON.parse(this.querySelector('#search-engine')!.textContent!) as SearchEngineData;
    this.#thesaurus = new Thesaurus(this.#engine.thesaurus);
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
    const similar = this.querySelector('form.similar-form') as HTMLFormElement;
    similar.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = (similar.elements.namedItem('similar') as HTMLTextAreaElement).value.trim();
      if (!text) return;
      history.pushState(null, '', `${location.pathname}?${new URLSearchParams({ similar: text })}`);
      this.#update();
    });
    this.querySelector('#search-more')!.addEventListener('click', () => this.#showMore());
    this.querySelector('#search-clear')!.addEventListener('click', () => this.#go({ ...this.#state(), filters: {} }));
    window.addEventListener('popstate', () => this.#update());
    this.#update();
  }

  #state(): SearchState {
    return parseSearchState(new URLSearchParams(location.search), this.#facetNames());
  }

  #go(state: SearchState, push = false) {
    const url = `${location.pathname}${searchQueryString(state, this.#facetNames())}`;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
    this.#update();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const base = this.dataset.base ?? '/';
      const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      // On the page's own thread: the engine's searches are small, and a worker is one more
      // script to fetch (12 KB gzipped) before the first result. Excerpts are built here
      // (src/search/excerpt.ts), not by Pagefind.
      // The build id as Pagefind's cache tag: its entry file is fetched once per build, and kept
      // for searching offline (src/client/sw.ts) until a new build replaces it.
      await pagefind.options({ noWorker: true, metaCacheTag: pageBuild() || undefined });
      // Other volumes of the handbook, each with its own index (docs/scale.md).
      for (const volume of this.dataset.volumes?.split(' ').filter(Boolean) ?? []) await pagefind.mergeIndex(`${volume}pagefind/`);
      return pagefind;
    })();
    return this.#pagefind;
  }

  /** The build's date order (scripts/lib/build/date-order.ts), fetched the first time a reader sorts by date. */
  #loadDateOrder(): Promise<Map<string, string>> {
    this.#dateOrder ??= (async () => {
      const dates = new Map<string, string>();
      const volumes = [this.dataset.base ?? '/', ...(this.dataset.volumes?.split(' ').filter(Boolean) ?? [])];
      for (const volume of volumes) {
        // A volume without its table keeps its pages in relevance order, after the dated ones.
        const response = await fetch(`${volume}pagefind/date-order.json`).catch(() => undefined);
        if (!response?.ok) continue;
        for (const [date, ids] of Object.entries((await response.json()) as Record<string, string[]>)) for (const id of ids) dates.set(id, date);
      }
      return dates;
    })();
    return this.#dateOrder;
  }

  async #update() {
    const run = ++this.#run;
    const params = new URLSearchParams(location.search);
    const similarText = (params.get('similar') ?? '').trim();
    const state = this.#state();
    const form = this.querySelector('form')!;
    (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
    (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
    const similarEntry = this.querySelector('#similar') as HTMLDetailsElement;
    if (similarText || location.hash === '#similar') similarEntry.open = true;
    ((this.querySelector('form.similar-form') as HTMLFormElement).elements.namedItem('similar') as HTMLTextAreaElement).value = similarText;
    const status = this.querySelector('#search-status')!;
    const note = this.querySelector('#search-note')!;
    const near = this.querySelector('#search-near') as HTMLElement;
    status.textContent = t('search.loading');
    note.textContent = '';
    near.hidden = true;
    near.replaceChildren();
    let pagefind: Pagefind;
    try {
      pagefind = await this.#load();
    } catch {
      status.textContent = t(isOffline() ? 'search.offlineMissing' : 'search.failed');
      return;
    }
    const options = (except?: string) => searchOptions(state, except);
    const hasFilters = Object.keys(state.filters).length > 0;
    const empty = this.querySelector('#search-empty') as HTMLElement;
    empty.hidden = true;
    empty.replaceChildren();
    let query: string | null = null;
    let results: ResultPage[] = [];
    let outcome: SearchOutcome<PagefindData> | undefined;
    try {
      if (similarText) {
        results = await this.#similar(pagefind, similarText, params.get('from') ?? undefined);
      } else if (state.q) {
        outcome = await searchHandbook<PagefindData>(
          state.q,
          async (words) => (await pagefind.search(words, options())).results,
          { thesaurus: this.#thesaurus, pageCount: this.#engine.pageCount, metaFields: true },
        );
        query = primaryTerms(outcome);
        const shown: ResultPage[] = [...outcome.pages, ...outcome.partial.map((p) => ({ ...p, partial: true }))];
        results = state.sort ? byDate(await this.#loadDateOrder(), shown) : shown;
        const notes: string[] = [];
        if (outcome.converted) notes.push(t('search.converted', { query: outcome.query }));
        for (const { word, used } of outcome.synonyms) notes.push(t('search.synonym', { word, used: used.join('”“') }));
        note.textContent = notes.join('');
        this.#showNear(outcome);
      } else if (hasFilters) {
        results = (await pagefind.search(null, options())).results.map((hit) => ({ hit, locations: [] }));
        if (state.sort) results = byDate(await this.#loadDateOrder(), results);
      }
    } catch {
      // Offline, a part of the index this search needs was never fetched.
      if (run === this.#run) status.textContent = t(isOffline() ? 'search.offlineMissing' : 'search.failed');
      return;
    }
    // Offline without the whole handbook saved, the index on this device is only what was fetched.
    if (isOffline() && (state.q || hasFilters || similarText)) {
      const saved = await offlineState(this.dataset.base ?? '/');
      if (!(saved?.full && saved.build === pageBuild())) note.textContent += t('search.offlinePartial');
    }
    if (run !== this.#run) return;
    this.#results = results;
    this.#shown = 0;
    this.querySelector('#search-results')!.replaceChildren();
    this.querySelector('#search-partial')!.replaceChildren();
    (this.querySelector('#search-partial-section') as HTMLElement).hidden = true;
    this.#facetsFor = { run, state, query, done: false };
    await this.#showMore();
    if (run !== this.#run) return;
    // Announced once the first results are on the page.
    if (similarText) status.textContent = results.length ? t('similar.count', { count: results.length }) : t('similar.none');
    else if (!state.q && !hasFilters) status.textContent = t('search.prompt');
    // With filters on, nothing relevant may be the filters' doing: say so instead.
    else if (outcome && outcome.grade === 'nothing' && !hasFilters) {
      await this.#showNothingRelevant(outcome);
      if (run !== this.#run) return;
      status.textContent = t('search.nothing', { query: outcome.query });
    } else if (this.#results.length === 0) status.textContent = t('search.none');
    else if (outcome && outcome.grade === 'partial') status.textContent = t('search.partial', { query: outcome.query, count: this.#results.length });
    // The count of results proper: pages matching in part follow under their own heading.
    else status.textContent = t('search.count', { count: outcome ? outcome.pages.length : this.#results.length });
    // Offline, the filter counts may need index files that were never fetched: no counts then.
    if (!similarText) await this.#updateFacets().catch(() => undefined);
  }

  /** “你是不是要找：议事会”, for each word of the question the index lacks, as a link searching with the word replaced. */
  #showNear(outcome: SearchOutcome<PagefindData>) {
    const near = this.querySelector('#search-near') as HTMLElement;
    if (!outcome.near.length) return;
    near.append(t('search.near'));
    outcome.near.forEach(({ word, suggestion }, i) => {
      const q = outcome.query.replace(word, suggestion);
      if (i) near.append('、');
      near.append(el('a', { href: `${location.pathname}${searchQueryString({ ...this.#state(), q }, this.#facetNames())}` }, suggestion));
    });
    near.hidden = false;
  }

  /** The cases most similar to a description (or to the case at `from`), with their reasons. */
  async #similar(pagefind: Pagefind, text: string, from: string | undefined): Promise<ResultPage[]> {
    // Loaded only here: a first search does not fetch it.
    const { CASE_KINDS, findSimilar } = await import('./search-similar.ts');
    const kinds = { kind: { any: CASE_KINDS } };
    const outcome = await searchHandbook<PagefindData>(text, async (words) => (await pagefind.search(words, { filters: kinds })).results, {
      thesaurus: this.#thesaurus,
      pageCount: this.#engine.pageCount,
      metaFields: true,
    });
    const found = await findSimilar(outcome, async (topics) => (await pagefind.search(null, { filters: { ...kinds, topics: { any: topics } } })).results.slice(0, 30), {
      facets: this.#facets,
      topicWords: this.#thesaurus.topicWords,
      from,
    });
    return found.map((s) => ({ ...s.page, reason: s.reason }));
  }

  /**
   * No case on the question: the closest topics (from the thesaurus's topic words, then the
   * topics of the pages that share words with the question) with their browse pages, and an
   * invitation to add a case.
   */
  async #showNothingRelevant(outcome: SearchOutcome<PagefindData>) {
    // Loaded only for this state: a search that finds pages does not fetch it. Offline it may
    // never have been fetched: the status alone says that nothing is relevant then.
    const panel = await import('./search-nothing.ts').catch(() => undefined);
    if (!panel) return;
    await panel.showNothingRelevant(this.querySelector('#search-empty') as HTMLElement, outcome, {
      labels: this.#facets.find((f) => f.name === 'topics')?.values ?? {},
      base: this.dataset.base ?? '/',
      writingGuide: this.#engine.writingGuide,
      thesaurusTopics: this.#thesaurus.topicWords,
    });
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
    const options = (except?: string) => searchOptions(state, except);
    const hasFilters = Object.keys(state.filters).length > 0;
    const terms = query === null ? null : segmentWords(query);
    // Each facet counts with its own selection left out, so OR within a facet shows what adding a value gives.
    const all = query !== null || hasFilters ? await pagefind.search(terms, options()) : undefined;
    const counts: Record<string, Record<string, number>> = {};
    for (const facet of this.#facetNames()) {
      const own = state.filters[facet]?.length && all;
      const source = own ? await pagefind.search(terms, options(facet)) : all;
      counts[facet] = source?.filters[facet] ?? allValues[facet] ?? {};
    }
    if (run !== this.#run) return;
    await this.#renderFacets(state, counts, allValues);
  }

  async #showMore() {
    const list = this.querySelector('#search-results')!;
    const partialList = this.querySelector('#search-partial')!;
    const batch = this.#results.slice(this.#shown, this.#shown + (this.#shown === 0 ? FIRST_RESULTS : MORE_RESULTS));
    this.#shown += batch.length;
    // Offline, a result's text may not have been fetched, and its page may not be kept.
    const offline = isOffline();
    const items = await Promise.all(
      batch.map(async (r) => {
        const data = await r.hit.data().catch(() => undefined);
        return { data, result: r, kept: !offline || !data || (await isKept(data.url)) };
      }),
    );
    for (const { data, result, kept } of items) {
      // Pages that match only in part go under their own heading, after the results.
      const target = result.partial ? partialList : list;
      if (result.partial) (this.querySelector('#search-partial-section') as HTMLElement).hidden = false;
      if (!data) {
        target.append(el('li', { className: 'result missing' }, el('p', {}, t('search.resultMissing'))));
        continue;
      }
      const { locations } = result;
      const kind = data.filters.kind?.[0];
      const item = el('li', { className: 'result' });
      const heading = el('h3', {}, el('a', { href: data.url }, data.meta.title ? joinWords(data.meta.title) : data.url));
      if (kind) heading.prepend(el('span', { className: 'badge' }, this.#facets.find((f) => f.name === KIND_FACET)?.values[kind] ?? kind));
      item.append(heading);
      if (!kept) item.append(el('p', { className: 'not-kept' }, t('search.notKept')));
      if (data.meta.region) item.append(el('p', { className: 'region' }, data.meta.region));
      if (result.reason) item.append(el('p', { className: 'reason' }, result.reason));
      // One excerpt per page: a sentence of its body holding the matches; without one, the summary.
      const excerpt = locations.length ? buildExcerpt(data.content, locations).parts : [];
      item.append(el('p', { className: 'excerpt' }, excerptNodes(excerpt.length ? excerpt : [{ text: joinWords(data.meta.summary ?? ''), mark: false }])));
      if (result.partial && result.missing?.length) item.append(el('p', { className: 'lacks' }, t('search.lacks', { words: result.missing.map((w) => `“${w}”`).join('') })));
      // The steps and sections holding matches, as links straight to them.
      const subs = subResults(data.anchors, locations, data.content);
      if (subs.length) {
        item.append(el('ul', { className: 'subs', ariaLabel: t('search.subResults') }, ...subs.map((s) => el('li', {}, el('a', { href: `${data.url.split('#')[0]}#${encodeURIComponent(s.id)}` }, joinWords(s.title))))));
      }
      target.append(item);
    }
    (this.querySelector('#search-more') as HTMLButtonElement).hidden = this.#shown >= this.#results.length;
  }

  #facetNames(): string[] {
    return this.#facets.map((f) => f.name);
  }

  async #renderFacets(state: SearchState, counts: Record<string, Record<string, number>>, allValues: Record<string, Record<string, number>>) {
    // Loaded with the filters panel, never for a phone's first search.
    const { renderFacets } = await import('./search-facets-panel.ts');
    renderFacets(this, this.#facets, state, counts, allValues, (facet, value, on) => this.#go(toggleFilter(this.#state(), facet, value, on)));
  }
}
