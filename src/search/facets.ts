// The search facets and result kinds: shared by the build and the search page's script, so
// nothing heavy (pinyin) may be imported here.

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

/** The search facets, in the order the search page shows them; names are the taxonomy keys. */
export const searchFacets = ['kind', 'level', 'province', 'topics', 'forms', 'year', 'methods'] as const;
export type SearchFacet = (typeof searchFacets)[number];

