// The UI strings the search page's script uses, carried by the page itself (a JSON script
// element rendered from src/i18n at build time) instead of bundled: importing src/i18n would put
// every string of the site (4.5 KB gzipped) into the script of a reader's first search.
import type { UiKey } from '../i18n/index.ts';

/** The keys the search page's script looks up; the page renders exactly these. */
export const SEARCH_UI_KEYS = [
  'browse.title',
  'search.converted',
  'search.count',
  'search.failed',
  'search.invite',
  'search.inviteGuide',
  'search.lacks',
  'search.loading',
  'search.near',
  'search.none',
  'search.notKept',
  'search.offlineMissing',
  'search.offlinePartial',
  'search.partial',
  'search.resultMissing',
  'search.nothing',
  'search.nothingBrowse',
  'search.nothingTopics',
  'search.prompt',
  'search.subResults',
  'search.synonym',
  'search.topicWords',
  'similar.count',
  'similar.from',
  'similar.national',
  'similar.none',
  'similar.sameForm',
  'similar.sameLevel',
  'similar.sameLevelGrade',
  'similar.sameMethod',
  'similar.sameNational',
  'similar.samePlace',
  'similar.sameTopic',
  'similar.words',
] as const satisfies readonly UiKey[];

export type SearchUiKey = (typeof SEARCH_UI_KEYS)[number];

/** The id of the page's JSON script element holding the strings. */
export const SEARCH_STRINGS_ID = 'search-strings';

let strings: Record<string, string> | undefined;

/** A search page string by key, with `{name}` placeholders filled in, as src/i18n's t() does. */
export function t(key: SearchUiKey, values: Record<string, string | number> = {}): string {
  strings ??= JSON.parse(document.getElementById(SEARCH_STRINGS_ID)?.textContent ?? '{}') as Record<string, string>;
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
