// What the search page's script needs to know of the facets, shared by the build (which writes
// it into the page) and the browser (which reads it): nothing heavy may be imported here.

/** What kind of page a search result is: a case's kind, or the page type. */
export type ResultKind = 'practice' | 'consultation' | 'method' | 'model' | 'guide' | 'glossary' | 'source';

/** The Chinese label of each result kind, for filters and result badges. */
export const resultKindLabels: Record<ResultKind, string> = {
  practice: '实践',
  consultation: '协商事例',
  method: '方法',
  model: '模式',
  guide: '指南',
  glossary: '术语',
  source: '资料来源',
};

/** The filter every page has: what kind of page it is. The others come from the case fields. */
export const KIND_FACET = 'kind';

/** One filter of the search page: its name (URL parameter, Pagefind filter), label and values' labels. */
export interface SearchFacetInfo {
  name: string;
  label: string;
  /** Label by key, in the order to show them. */
  values: Record<string, string>;
}

/** What the search page's script reads from the page: the filters, in the order to show them. */
export interface SearchPageData {
  facets: SearchFacetInfo[];
}

/** What the search page's script reads from the page besides the filters (`#search-engine`). */
export interface SearchEngineData {
  /** The content's thesaurus with the glossary folded in (`thesaurus.ts`). */
  thesaurus: import('./thesaurus.ts').CompiledThesaurus;
  /** How many pages the index holds, about. */
  pageCount: number;
  /** The path of the authors' guide to writing a case, when the handbook has one. */
  writingGuide?: string | undefined;
}
