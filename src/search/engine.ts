/**
 * The handbook's search, on top of Pagefind: a query becomes words (`planQuery`), each word is
 * searched with its alternatives (the reader's word, the handbook's words for it from the
 * thesaurus, and its parts), and the pages are ranked by how many of the query's words they
 * hold, then by Pagefind's scores (`searchHandbook`). Below a relevance floor the answer is
 * “nothing relevant” instead of a list of pages that merely share a word with the question.
 *
 * How Pagefind (1.6) treats one search: the words of the query (split with `Intl.Segmenter`,
 * as the index was) must all occur on a page, each matching index words by prefix, anywhere on
 * the page; words found nowhere are ignored. So a question is never sent whole: each word goes
 * alone, a page matching more of them ranks higher, and a stray word (附近, 老是) cannot empty
 * or derail the list. A word the segmenter splits into pieces (环卫 → 环/卫, 医保 → 医/保)
 * counts only where its pieces stand next to each other on the page, never where 医 and 保
 * begin two unrelated words.
 *
 * Everything here is language-level; the handbook's wording comes in with the `Thesaurus`.
 * No `node:` imports: the search page's script runs this.
 */
import { analyzeQuery, needsTraditionalConversion, normalizeQuery, toSimplified, type QueryToken } from './query.ts';
import { joinWords, segmentWords } from './segment.ts';
import { Thesaurus } from './thesaurus.ts';

/** One page that one search found: what the engine needs of a Pagefind result. */
export interface IndexHit<D = unknown> {
  id: string;
  score: number;
  /** Word positions of the matches on the page. */
  words: number[];
  data(): Promise<D>;
}

/** Searches the index for words already split by `segmentWords` (space-separated). */
export type IndexSearch<D = unknown> = (words: string) => Promise<readonly IndexHit<D>[]>;

/** What the relevance floor reads of a page's data (Pagefind's fragment). */
export interface PageText {
  meta?: Record<string, string | undefined>;
}

/** Where an alternative comes from: the reader's word, the handbook's word for it, or a part of it. */
export type AlternativeKind = 'typed' | 'synonym' | 'part';

export interface Alternative {
  text: string;
  kind: AlternativeKind;
  /** For a synonym: the reader's word it stands for. */
  for?: string;
}

/** A word of the query with what will be searched for it. */
export interface QueryUnit {
  text: string;
  /** A generic word (问题, 没有, 附近): ranks pages, never decides relevance. */
  weak: boolean;
  alternatives: Alternative[];
}

/** How much a match through each kind of alternative counts towards a page's coverage of the query. */
const CREDIT: Record<AlternativeKind, number> = { typed: 1, synonym: 1, part: 0.5 };
/** How much it counts towards the page's score. */
const FACTOR: Record<AlternativeKind, number> = { typed: 1, synonym: 0.9, part: 0.6 };
/** A weak word's share of the score. */
const WEAK_WEIGHT = 0.25;
/** A word found on more than this share of all pages tells nothing about the topic (协商, 社区): weak. */
const COMMON_SHARE = 0.4;
/** How many of the best pages the floor reads when no page holds every word of the query. */
const FLOOR_CHECKED = 8;
/** A question longer than this many words is searched by its first ones (each word is a search). */
const MAX_UNITS = 12;

const HAN = /\p{Script=Han}/u;
const hanLength = (text: string) => [...text].filter((c) => HAN.test(c)).length;
/** A token that Pagefind indexes (punctuation is not). */
const INDEXED = /[\p{L}\p{N}]/u;

/** The words of a text as the index holds them. */
function indexTokens(text: string): string[] {
  return segmentWords(text).split(' ').filter((t) => INDEXED.test(t));
}

/** Content words grouped into search words: lone characters join their neighbours (环/卫/工人 → 环卫工人). */
function contentUnits(tokens: readonly QueryToken[]): QueryToken[] {
  const units: (QueryToken & { lastLone: boolean })[] = [];
  for (const token of tokens) {
    if (token.kind === 'stop') continue;
    const last = units.at(-1);
    const lone = token.han && !token.whole && [...token.text].length === 1;
    const joinable = (t: QueryToken) => t.kind === 'content' && t.han && !t.whole;
    if (last && last.end === token.start && joinable(last) && joinable(token) && (lone || last.lastLone)) {
      last.text += token.text;
      last.end = token.end;
      last.lastLone = lone;
    } else {
      units.push({ ...token, lastLone: lone });
    }
  }
  return units.map(({ lastLone: _, ...unit }) => unit);
}

/** Meaningful parts of a long word to try when the word itself is not in the index (停车场 → 停车, 车场). */
function partsOf(word: string): string[] {
  const chars = [...word];
  if (chars.length < 3 || !chars.every((c) => HAN.test(c))) return [];
  const parts = new Set<string>();
  const segments = segmentWords(word).split(' ');
  if (segments.length > 1) for (const s of segments) if ([...s].length >= 2) parts.add(s);
  // The segmenter's words when it found two or more (量子计算机 → 量子, 计算机); otherwise the
  // first and last two characters. Each part is one more index chunk for the reader to fetch.
  if (parts.size < 2) {
    parts.add(chars.slice(0, 2).join(''));
    parts.add(chars.slice(-2).join(''));
  }
  parts.delete(word);
  // A part the segmenter cuts into single characters (计算机 → 算机 → 算/机) is no word: searching
  // it would fetch one more index chunk for a match that means nothing.
  const isWord = (p: string) => segmentWords(p).split(' ').some((s) => [...s].length > 1);
  return [...parts].filter((p) => isWord(p) && analyzeQuery(p).every((t) => t.kind === 'content'));
}

/**
 * The words of a query and what to search for each: the word as typed, the handbook's words
 * for it (`thesaurus`), or, for a long word the thesaurus does not know, its parts.
 */
export function planQuery(query: string, thesaurus = new Thesaurus(), options: { segmenter?: 'intl' | 'lexicon' } = {}): QueryUnit[] {
  const tokens = analyzeQuery(query, { keep: thesaurus.phrases, ...options });
  let grouped = contentUnits(tokens);
  // A lone Han character is searched only when the thesaurus knows it (堵) or it is all there
  // is: as a prefix it would match every word it begins. Other lone characters (车 and 停 of
  // 车没地方停) stay in the query as words that nothing matches: where nothing else but generic
  // words is left (地方), they keep those from making the question look answered.
  const strong = grouped.filter((t) => t.kind === 'content');
  const unsearchable = (t: QueryToken) => t.han && [...t.text].length === 1 && !thesaurus.knows(t.text) && (t.kind !== 'content' || strong.length > 1);
  const lone = grouped.filter((t) => unsearchable(t) && t.kind === 'content').map((t) => t.text);
  grouped = grouped.filter((t) => !unsearchable(t));
  if (grouped.length === 0 && lone.length === 0) {
    const text = normalizeQuery(query);
    return text ? [{ text, weak: false, alternatives: [{ text, kind: 'typed' }] }] : [];
  }
  const units: QueryUnit[] = [];
  for (const token of grouped) {
    if (units.some((u) => u.text === token.text)) continue;
    const alternatives: Alternative[] = [{ text: token.text, kind: 'typed' }];
    const add = (alternative: Alternative) => {
      if (!alternatives.some((a) => a.text === alternative.text)) alternatives.push(alternative);
    };
    const expansions = thesaurus.expand(token.text);
    for (const expansion of expansions) {
      // A known word of two or more characters inside a longer one is the reader's own word too.
      if (expansion.word !== token.text && [...expansion.word].length >= 2) add({ text: expansion.word, kind: 'typed' });
      for (const word of expansion.handbook) add({ text: word, kind: 'synonym', for: expansion.word });
    }
    if (expansions.length === 0 && !token.whole) for (const part of partsOf(token.text)) add({ text: part, kind: 'part' });
    units.push({ text: token.text, weak: token.kind === 'weak', alternatives });
  }
  for (const char of new Set(lone)) if (!units.some((u) => u.text === char)) units.push({ text: char, weak: false, alternatives: [] });
  return units.slice(0, MAX_UNITS);
}

/** What one alternative found on one page. */
interface AlternativeHit<D> {
  hit: IndexHit<D>;
  score: number;
  /** Positions of the alternative's words on the page (for highlighting). */
  locations: number[];
}

/**
 * The positions where the alternative's `count` words stand together, at most `gap` apart
 * (2 lets a punctuation mark stand between: 1 + 7 + X, 切口小、立意高); empty when they never do.
 */
function runs(words: readonly number[], count: number, gap: number): number[] {
  const sorted = [...new Set(words)].sort((a, b) => a - b);
  if (count <= 1) return sorted;
  const found = new Set<number>();
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]! - sorted[i - 1]! <= gap) continue;
    if (i - start >= count) for (let j = start; j < i; j++) found.add(sorted[j]!);
    start = i;
  }
  return [...found];
}

/** A page the search found, with why. */
export interface RankedPage<D = unknown> {
  id: string;
  /** A Pagefind result for the page: its `data()` gives the page's text. */
  hit: IndexHit<D>;
  /** Share of the query's topic words the page holds (0–1; a word found through a part counts half). */
  coverage: number;
  score: number;
  /** Positions of every match on the page, for the excerpt. */
  locations: number[];
  /** What matched: per query word, the alternative that counted. */
  matched: { unit: string; text: string; kind: AlternativeKind; weak: boolean }[];
}

export interface SearchOutcome<D = unknown> {
  /** The query as searched: in Simplified characters when it was converted. */
  query: string;
  converted: boolean;
  units: (QueryUnit & { common: boolean; found: number })[];
  /** Relevant pages, best first. */
  pages: RankedPage<D>[];
  /** Whether anything cleared the relevance floor. */
  relevant: boolean;
  /** Pages that share words with the query but did not clear the floor, best first. */
  nearby: RankedPage<D>[];
  /** Reader's words that were also searched in the handbook's wording, for the pages shown. */
  synonyms: { word: string; used: string[] }[];
  /** Topics the query's words belong to, from the thesaurus: where to look when nothing is relevant. */
  topics: string[];
  /** Every string searched, in order, with how many pages it found (for tests and debugging). */
  tried: { text: string; found: number }[];
}

export interface SearchOptions {
  thesaurus?: Thesaurus;
  /** How many pages the index holds (for telling common words). */
  pageCount?: number;
  segmenter?: 'intl' | 'lexicon';
}

/** The text of a page that says what it is about: its title and summary, words joined. */
function aboutText(data: PageText): string {
  return [data.meta?.title, data.meta?.summary].filter(Boolean).map((p) => joinWords(p!)).join('\n');
}

/**
 * Searches the handbook: converts Traditional characters, plans the query, searches every
 * alternative once, ranks the pages and applies the relevance floor (see the module comment).
 */
export async function searchHandbook<D extends PageText>(input: string, search: IndexSearch<D>, options: SearchOptions = {}): Promise<SearchOutcome<D>> {
  const thesaurus = options.thesaurus ?? new Thesaurus();
  let query = normalizeQuery(input);
  let converted = false;
  if (needsTraditionalConversion(query)) {
    try {
      const simplified = await toSimplified(query);
      converted = simplified !== query;
      query = simplified;
    } catch {
      // The converter could not be loaded: search with the query as typed.
    }
  }
  const plan = planQuery(query, thesaurus, { segmenter: options.segmenter });
  const tried: SearchOutcome['tried'] = [];
  const cache = new Map<string, Map<string, AlternativeHit<D>>>();

  async function searchAlternative(text: string): Promise<Map<string, AlternativeHit<D>>> {
    const cached = cache.get(text);
    if (cached) return cached;
    const tokens = indexTokens(text);
    const found = new Map<string, AlternativeHit<D>>();
    cache.set(text, found);
    if (tokens.length === 0) return found;
    const hits = await search(tokens.join(' '));
    // Pieces of one word must stand together; a word with signs or letters (1+7+X) may have a sign between.
    const gap = tokens.every((t) => HAN.test(t)) && !/[^\p{Script=Han}]/u.test(text) ? 1 : 2;
    for (const hit of hits) {
      const locations = runs(hit.words, tokens.length, gap);
      if (locations.length > 0) found.set(hit.id, { hit, score: hit.score, locations });
    }
    tried.push({ text, found: found.size });
    return found;
  }

  // Per query word: per page, the best of its alternatives.
  const perUnit = [];
  for (const unit of plan) {
    const best = new Map<string, { value: number; credit: number; alternative: Alternative; hit: AlternativeHit<D> }>();
    const locations = new Map<string, number[]>();
    for (const alternative of unit.alternatives) {
      const found = await searchAlternative(alternative.text);
      const top = Math.max(0, ...[...found.values()].map((f) => f.score)) || 1;
      for (const [id, hit] of found) {
        const value = (FACTOR[alternative.kind] * hit.score) / top;
        const credit = CREDIT[alternative.kind];
        const current = best.get(id);
        if (!current || credit > current.credit || (credit === current.credit && value > current.value)) best.set(id, { value, credit, alternative, hit });
        locations.set(id, [...(locations.get(id) ?? []), ...hit.locations]);
      }
    }
    perUnit.push({ unit, best, locations });
  }

  const pageCount = options.pageCount ?? 0;
  const isCommon = (found: number) => pageCount > 0 && found / pageCount > COMMON_SHARE;
  // The words that decide relevance: the topic words; failing those, the common words (a query
  // of 协商 or 社区 alone); failing those, lone characters nothing can match (车没地方停: the
  // question has a topic the handbook's words do not reach); failing all, the generic words.
  const searchable = perUnit.filter((u) => u.unit.alternatives.length > 0);
  const tiers = [
    searchable.filter((u) => !u.unit.weak && !isCommon(u.best.size)),
    searchable.filter((u) => !u.unit.weak),
    perUnit.filter((u) => u.unit.alternatives.length === 0),
    perUnit,
  ];
  const deciding = tiers.find((tier) => tier.length > 0) ?? [];

  const pages = new Map<string, RankedPage<D>>();
  for (const { unit, best, locations } of perUnit) {
    const decides = deciding.some((d) => d.unit === unit);
    for (const [id, match] of best) {
      const page = pages.get(id) ?? { id, hit: match.hit.hit, coverage: 0, score: 0, locations: [], matched: [] };
      page.score += (decides ? 1 : WEAK_WEIGHT) * match.value;
      if (decides) page.coverage += match.credit / deciding.length;
      page.locations.push(...locations.get(id)!);
      page.matched.push({ unit: unit.text, text: match.alternative.text, kind: match.alternative.kind, weak: !decides });
      pages.set(id, page);
    }
  }
  const ranked = [...pages.values()]
    .map((p) => ({ ...p, coverage: Math.round(p.coverage * 1000) / 1000, locations: [...new Set(p.locations)].sort((a, b) => a - b) }))
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score || (a.id < b.id ? -1 : 1));

  // The relevance floor. A page holding every topic word of the query is relevant; when none
  // does, a page holding at least half of them is relevant only if one of those words is in its
  // title or summary (the page is about it, not merely mentioning it).
  const best = ranked[0]?.coverage ?? 0;
  let shown: RankedPage<D>[];
  if (best >= 1) {
    shown = ranked.filter((p) => p.coverage >= 0.5);
  } else if (best >= 0.5) {
    const checked = ranked.filter((p) => p.coverage >= 0.5).slice(0, FLOOR_CHECKED);
    const about = await Promise.all(
      checked.map(async (page) => {
        const text = aboutText(await page.hit.data());
        return page.matched.some((m) => !m.weak && text.includes(m.text));
      }),
    );
    shown = checked.filter((_, i) => about[i]);
  } else {
    shown = [];
  }
  const shownIds = new Set(shown.map((p) => p.id));

  const synonyms: SearchOutcome['synonyms'] = [];
  for (const page of shown) {
    for (const m of page.matched) {
      if (m.kind !== 'synonym') continue;
      const alternative = plan.find((u) => u.text === m.unit)?.alternatives.find((a) => a.text === m.text);
      const word = alternative?.for ?? m.unit;
      const entry = synonyms.find((s) => s.word === word) ?? synonyms[synonyms.push({ word, used: [] }) - 1]!;
      if (!entry.used.includes(m.text)) entry.used.push(m.text);
    }
  }

  return {
    query,
    converted,
    units: perUnit.map(({ unit, best: found }) => ({ ...unit, common: isCommon(found.size), found: found.size })),
    pages: shown,
    relevant: shown.length > 0,
    nearby: ranked.filter((p) => !shownIds.has(p.id)),
    synonyms,
    topics: thesaurus.topicsOf(query),
    tried,
  };
}
