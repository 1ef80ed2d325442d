/**
 * The handbook's search, on top of Pagefind: a query becomes words (`planQuery`), each word is
 * searched with its alternatives (the reader's word, the handbook's words for it from the
 * thesaurus, and its parts), and every word is weighed by how informative it is in this
 * handbook: the number of pages the index finds it on (its document frequency), turned into
 * BM25's IDF (`informativeness`). A word on most pages (协商 in a handbook of consultations,
 * 问题) weighs little because it is common, not because a list says so; a word the index lacks
 * weighs as much as the rarest. A page's coverage is the share of the question's weight it
 * holds; its rank adds more for a word in its title or summary than in its body.
 *
 * The answer is graded (`Grade`): results when a page covers most of the question's weight,
 * with its informative words in one passage (`WINDOW`) or a word of it in its title or summary;
 * otherwise the closest pages, “matching only in part”, with the informative words each lacks,
 * when a page covers more than half of it or has an informative word of the question in its
 * title or summary; otherwise nothing relevant. A word the index lacks gets the closest word it
 * holds as a suggestion (`near`).
 *
 * How Pagefind (1.6) treats one search: the words of the query (split with `Intl.Segmenter`,
 * as the index was) must all occur on a page, each matching index words by prefix, anywhere on
 * the page; words found nowhere are ignored. So a question is never sent whole: each word goes
 * alone. A word the segmenter splits into pieces (环卫 → 环/卫, 调研 → 调/研) counts only where
 * its pieces stand next to each other on the page, as they were split the same way at index
 * time; a long word the index does not hold is tried through its parts (停车场 → 停车, 车场),
 * each covering a share of it.
 *
 * Function words (question words, pronouns, particles: a closed class of the language, in
 * query.ts) frame a question and are not searched. Everything else is language-level too; the
 * handbook's wording comes in with the `Thesaurus`. No `node:` imports: the search page's
 * script runs this.
 */
import { analyzeQuery, asksWhatItIs, needsTraditionalConversion, normalizeQuery, toSimplified, type QueryToken } from './query.ts';
import { joinWords, segmentWords } from './segment.ts';
import { Thesaurus } from './thesaurus.ts';

/** One page that one search found: what the engine needs of a Pagefind result. */
export interface IndexHit<D = unknown> {
  id: string;
  score: number;
  /** Word positions of the matches on the page. */
  words: number[];
  /** The page's metadata fields that hold a match (Pagefind 1.5 and later: title, summary), when the index says. */
  matchedMetaFields?: string[];
  data(): Promise<D>;
}

/** Searches the index for words already split by `segmentWords` (space-separated). */
export type IndexSearch<D = unknown> = (words: string) => Promise<readonly IndexHit<D>[]>;

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
  alternatives: Alternative[];
}

/**
 * How much a match through each kind of alternative covers its word: the word itself or the
 * handbook's word for it all of it; the parts of a word the index does not hold share it (停车场
 * → 停车 and 车场: a page with one of them covers half of 停车场).
 */
const CREDIT: Record<Exclude<AlternativeKind, 'part'>, number> = { typed: 1, synonym: 1 };
/** How much Pagefind's score of a match through each kind counts towards a page's rank. */
const FACTOR: Record<AlternativeKind, number> = { typed: 1, synonym: 0.9, part: 0.6 };
/** A word found on more than this share of the pages tells little about a topic: it is not “informative”. */
const COMMON_SHARE = 0.6;
/** A page covering this share of the question's weight answers it (results); below, it matches in part. */
const CONFIDENT = 0.75;
/** A page covering more than this share of the question's weight is among the closest pages even without a word in its title or summary. */
const PARTIAL = 0.5;
/** How close (in words) a page's matches of the question's informative words must stand for it to answer the question, not just match in part. */
const WINDOW = 20;
/** How much more a word counts towards a page's rank when it is in the page's title, or in its summary. */
const TITLE_BONUS = 1.5;
const SUMMARY_BONUS = 1;
/**
 * When the index does not say which fields hold a match (`metaFields`): how many of the best
 * pages are read (title and summary) to tell what they are about. When it does, every page is
 * checked, at no cost.
 */
const ABOUT_CHECKED = 8;
/**
 * For a question asking what something is (`asksWhatItIs`): how many of the best pages with the
 * word in their title are read, to find the page titled with the word itself (the glossary's
 * entry, a method's page), which then comes first.
 */
const DEFINITION_CHECKED = 8;
/** The longest word tried in a run of characters the segmenter joins into no word (`splitRun`). */
const RUN_WORD = 4;
/** A question longer than this many words is searched by its first ones (each word is a search). */
const MAX_UNITS = 12;

/**
 * How informative a word found on `df` of `pages` pages is (BM25's IDF): near 0 for a word on
 * every page, highest for a word on one. A word the index does not hold at all counts as the
 * rarest: it names something the handbook may not have.
 */
export function informativeness(df: number, pages: number): number {
  const n = Math.max(pages, df, 1);
  const d = Math.max(df, 1);
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

const HAN = /\p{Script=Han}/u;
const hanLength = (text: string) => [...text].filter((c) => HAN.test(c)).length;
/** A token that Pagefind indexes (punctuation is not). */
const INDEXED = /[\p{L}\p{N}]/u;

/** The words of a text as the index holds them. */
function indexTokens(text: string): string[] {
  return segmentWords(text).split(' ').filter((t) => INDEXED.test(t));
}

/**
 * Content words grouped into search words. Runs of lone characters, the pieces of a word the
 * segmenter does not know, join into one word (泾/崇/路 → 泾崇路, 督/办 → 督办), searched as
 * pieces standing together, as the index was split the same way. A single lone character joins
 * the word before it, or else the word after it (停车/场 → 停车场, 议事/厅 → 议事厅, 校/门口 →
 * 校门口): the word it makes is searched, and, when the index lacks it, its parts (`partsOf`).
 * A lone character standing alone is left out unless the thesaurus knows it (堵) or it is all
 * there is.
 */
function contentUnits(tokens: readonly QueryToken[], knows: (word: string) => boolean): QueryToken[] {
  const isLone = (t: QueryToken) => t.han && !t.whole && [...t.text].length === 1;
  const joinable = (t: QueryToken) => t.han && !t.whole;
  // Runs of lone characters first (车/堵 → 车堵), then single lone characters to a neighbour.
  const runs: (QueryToken & { lone: number })[] = [];
  for (const token of tokens) {
    if (token.kind === 'function') continue;
    const last = runs.at(-1);
    if (last && last.lone > 0 && isLone(token) && last.end === token.start) {
      last.text += token.text;
      last.end = token.end;
      last.lone++;
    } else runs.push({ ...token, lone: isLone(token) ? 1 : 0 });
  }
  type Unit = QueryToken & { single: boolean; glued: boolean };
  const units: Unit[] = [];
  for (const [i, run] of runs.entries()) {
    const { lone, ...token } = run;
    const single = lone === 1;
    const last = units.at(-1);
    const adjacent = (a: QueryToken | undefined, b: QueryToken | undefined) => !!a && !!b && a.end === b.start && joinable(a) && joinable(b);
    if (single && last && !last.single && !last.glued && adjacent(last, token)) {
      last.text += token.text; // a word and the lone character after it
      last.end = token.end;
      last.glued = true;
    } else if (!single && last?.single && !last.glued && adjacent(last, token)) {
      last.text += token.text; // a lone character and the word after it
      last.end = token.end;
      last.single = false;
      last.glued = true;
    } else units.push({ ...token, single, glued: false });
  }
  // A lone character standing alone (定 of 规范怎么定) begins too many words to search by.
  const words = units.filter((u) => !u.single || knows(u.text));
  return (words.length ? words : units).map(({ single: _, glued: __, ...unit }) => unit);
}

/** At most this many character pairs of a run of characters the segmenter does not join (each pair is a search). */
const MAX_PAIRS = 6;

/** Meaningful parts of a long word to try when the word itself is not in the index (停车场 → 停车, 车场). */
function partsOf(word: string): string[] {
  const chars = [...word];
  if (chars.length < 3 || !chars.every((c) => HAN.test(c))) return [];
  const parts = new Set<string>();
  const segments = segmentWords(word).split(' ');
  // The segmenter knows no word in it (油烟熏得睡 → 油/烟/熏/得/睡): the index holds its characters
  // one by one too, so every pair of neighbours is tried as two characters side by side (油烟,
  // 烟熏…); how many pages hold each pair weighs it, so a pair like 得睡 found nowhere counts for nothing.
  if (segments.length === chars.length) {
    for (let i = 0; i + 1 < chars.length && parts.size < MAX_PAIRS; i++) parts.add(chars.slice(i, i + 2).join(''));
    return [...parts];
  }
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
  const grouped = contentUnits(tokens, (word) => thesaurus.knows(word));
  if (grouped.length === 0) {
    // Only function words (什么, 是否): searched as typed, so that the index says whether the
    // handbook holds them.
    const text = normalizeQuery(query);
    return text && INDEXED.test(text) ? [{ text, alternatives: [{ text, kind: 'typed' }] }] : [];
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
    units.push({ text: token.text, alternatives });
  }
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
  /** Share of the question's weight (each word weighed by its informativeness) that the page holds, 0–1. */
  coverage: number;
  /** The rank: covered weight, more for words in the title or summary, and Pagefind's scores. */
  score: number;
  /** Positions of every match on the page, for the excerpt. */
  locations: number[];
  /** What matched: per query word, the alternative that counted. */
  matched: { unit: string; text: string; kind: AlternativeKind }[];
  /** Informative words of the question the page does not hold (for “matches only in part”). */
  missing: string[];
  /** Whether a word of the question is in the page's title or summary (known for the best pages only). */
  about: boolean;
}

/** A word of the query as the index weighs it. */
export interface WeighedUnit extends QueryUnit {
  /** Pages holding it (through any of its alternatives). */
  found: number;
  /** Its informativeness in this handbook (`informativeness`). */
  weight: number;
  /** Found on more than `COMMON_SHARE` of the pages: it tells little about a topic. */
  common: boolean;
}

/** How sure the answer is: results; closest pages that match only in part; nothing relevant. */
export type Grade = 'confident' | 'partial' | 'nothing';

export interface SearchOutcome<D = unknown> {
  /** The query as searched: in Simplified characters when it was converted. */
  query: string;
  converted: boolean;
  units: WeighedUnit[];
  grade: Grade;
  /** Pages that answer the question, best first (empty unless the grade is confident). */
  pages: RankedPage<D>[];
  /** Pages that hold only part of the question (each with the words it lacks), best first: after the results, or instead of them. */
  partial: RankedPage<D>[];
  /** Whether any page is shown (confident or partial). */
  relevant: boolean;
  /** Pages that share words with the query but are shown neither as results nor as closest pages. */
  nearby: RankedPage<D>[];
  /** Reader's words that were also searched in the handbook's wording, for the pages shown. */
  synonyms: { word: string; used: string[] }[];
  /** Words of the query the index lacks, each with the closest word it has (“你是不是要找：议事会”). */
  near: { word: string; suggestion: string }[];
  /** Topics the query's words belong to, from the thesaurus, most words first. */
  topics: string[];
  /** Every string searched, in order, with how many pages it found (for tests and debugging). */
  tried: { text: string; found: number }[];
}

export interface SearchOptions {
  thesaurus?: Thesaurus;
  /** How many pages the index holds (for weighing words by how common they are). */
  pageCount?: number;
  /**
   * The index reports the metadata fields each match is in (`IndexHit.matchedMetaFields`): a
   * page's title and summary are then known without fetching its text.
   */
  metaFields?: boolean;
  segmenter?: 'intl' | 'lexicon';
}

/** What a page's data gives for its title, summary and text. */
export interface PageText {
  content?: string;
  meta?: Record<string, string | undefined>;
}

/**
 * Searches the handbook: converts Traditional characters, plans the query, searches every
 * alternative once, weighs each word by how many pages hold it, ranks the pages and grades the
 * answer (see the module comment).
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

  // Pagefind answers a word it does not hold with the pages where a shorter beginning of it
  // stands as a word (高考 → 高), and leaves out of a search of several words those it holds
  // nowhere (议事 厅 → 议事). A word is in the index when a search for it as an exact phrase
  // ("停车") finds pages, or when its pages are not just those of one of its beginnings as an
  // exact word (停车 where only 停车位 is written).
  const searches = new Map<string, Promise<readonly IndexHit<D>[]>>();
  const searchOnce = (words: string) => {
    let pending = searches.get(words);
    if (!pending) searches.set(words, (pending = search(words)));
    return pending;
  };
  const signature = (hits: readonly IndexHit<D>[]) => hits.map((h) => h.id).sort().join(' ');
  async function inIndex(token: string): Promise<boolean> {
    const hits = await searchOnce(token);
    if (hits.length === 0) return false;
    const chars = [...token];
    if (chars.length < 2 || (await searchOnce(`"${token}"`)).length > 0) return true;
    const own = signature(hits);
    for (let length = chars.length - 1; length >= 1; length--) {
      if (signature(await searchOnce(`"${chars.slice(0, length).join('')}"`)) === own) return false;
    }
    return true;
  }

  async function searchAlternative(text: string): Promise<Map<string, AlternativeHit<D>>> {
    const cached = cache.get(text);
    if (cached) return cached;
    const tokens = indexTokens(text);
    const found = new Map<string, AlternativeHit<D>>();
    cache.set(text, found);
    if (tokens.length === 0) return found;
    const hits = await searchOnce(tokens.join(' '));
    if (hits.length > 0) for (const token of new Set(tokens)) {
      if (!(await inIndex(token))) {
        tried.push({ text, found: 0 });
        return found;
      }
    }
    // Pieces of one word must stand together; a word with signs or letters (1+7+X) may have a sign between.
    const gap = tokens.every((t) => HAN.test(t)) && !/[^\p{Script=Han}]/u.test(text) ? 1 : 2;
    for (const hit of hits) {
      const locations = runs(hit.words, tokens.length, gap);
      if (locations.length > 0) found.set(hit.id, { hit, score: hit.score, locations });
    }
    tried.push({ text, found: found.size });
    return found;
  }

  /**
   * A run of characters the segmenter joins into no word (电/动/车/乱/停/乱/放/把/路/都/堵: the
   * browser's dictionary lacks even 电动车), read as the words the index holds: from its start,
   * the longest piece of two to `RUN_WORD` characters that stands together on some page (电动车),
   * then on from its end (乱停乱放); a character that begins no such piece is left out unless the
   * thesaurus knows it (堵); when no piece is on any page, its characters are, one by one. Each
   * piece is searched and weighed as a word of its own. All pieces are made of the run's
   * characters, so after the first search they cost no more index files.
   * Undefined when the run is not such a run, stands on a page whole, or holds no such piece.
   */
  async function splitRun(unit: QueryUnit): Promise<QueryUnit[] | undefined> {
    const chars = [...unit.text];
    if (chars.length < 3 || !chars.every((c) => HAN.test(c)) || indexTokens(unit.text).length !== chars.length) return undefined;
    if ((await searchAlternative(unit.text)).size > 0) return undefined;
    const content = (char: string) => analyzeQuery(char)[0]?.kind === 'content';
    // Where each character went: into a piece the index holds, or nowhere.
    const covered = chars.map(() => false);
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; ) {
      let taken = 0;
      for (let length = Math.min(RUN_WORD, chars.length - i); length >= 2 && !taken; length--) {
        if ((await searchAlternative(chars.slice(i, i + length).join(''))).size > 0) taken = length;
      }
      if (taken) pieces.push(chars.slice(i, i + taken).join(''));
      else if (thesaurus.knows(chars[i]!)) pieces.push(chars[i]!);
      for (let j = i; j < i + (taken || 1); j++) covered[j] = taken > 0 || thesaurus.knows(chars[i]!);
      i += taken || 1;
    }
    // No piece of two or more characters is on any page: its characters one by one (桥 of
    // 座/桥/快), each weighed by how many pages hold it, as every word is; a character on most
    // pages (座, 快) weighs little.
    const single = pieces.length === 0;
    if (single) {
      for (const [i, char] of chars.entries()) {
        if (content(char) && (await searchAlternative(char)).size > 0) {
          if (!pieces.includes(char)) pieces.push(char);
          covered[i] = true;
        }
      }
      if (pieces.length === 0) return undefined;
    }
    // What no piece holds stays in the question, as words the index lacks (遛 of 遛/狗/不/牵/绳):
    // the pages found cover only part of the question, never all of it.
    const rest: string[] = [];
    chars.forEach((char, i) => {
      if (covered[i] || !content(char)) return;
      if (i > 0 && !covered[i - 1] && content(chars[i - 1]!) && rest.length) rest[rest.length - 1] += char;
      else rest.push(char);
    });
    const words = (texts: string[]) => texts.map((text): QueryUnit => ({ text, alternatives: [{ text, kind: 'typed' }] }));
    const found = single ? words(pieces) : pieces.flatMap((piece) => planQuery(piece, thesaurus, { segmenter: options.segmenter }).filter((u) => u.text === piece));
    return [...found, ...words(rest)];
  }
  for (let u = 0; u < plan.length; u++) {
    const pieces = await splitRun(plan[u]!);
    if (!pieces) continue;
    const fresh = pieces.filter((p) => !plan.some((q) => q.text === p.text));
    plan.splice(u, 1, ...fresh);
    u += fresh.length - 1;
  }
  plan.splice(MAX_UNITS);

  // Per query word: per page, how much of it the page holds and through what.
  type Match = { value: number; credit: number; alternative: Alternative; hit: AlternativeHit<D> };
  const perUnit: { unit: QueryUnit; best: Map<string, Match>; locations: Map<string, number[]> }[] = [];
  for (const unit of plan) {
    const best = new Map<string, Match>();
    const locations = new Map<string, number[]>();
    const parts = unit.alternatives.filter((a) => a.kind === 'part');
    const partsFound = new Map<string, Set<string>>();
    for (const alternative of unit.alternatives) {
      const found = await searchAlternative(alternative.text);
      const top = Math.max(0, ...[...found.values()].map((f) => f.score)) || 1;
      for (const [id, hit] of found) {
        let credit: number;
        if (alternative.kind === 'part') {
          const set = partsFound.get(id) ?? new Set<string>();
          set.add(alternative.text);
          partsFound.set(id, set);
          credit = set.size / Math.max(2, parts.length);
        } else credit = CREDIT[alternative.kind];
        const value = (FACTOR[alternative.kind] * hit.score) / top;
        const current = best.get(id);
        if (!current || credit > current.credit || (credit === current.credit && value > current.value)) best.set(id, { value, credit, alternative, hit });
        locations.set(id, [...(locations.get(id) ?? []), ...hit.locations]);
      }
    }
    perUnit.push({ unit, best, locations });
  }

  // Each word weighed by how many pages hold it: a word on most pages (协商 in a handbook of
  // consultations, 问题) weighs little, a word on few pages much.
  const pageCount = Math.max(options.pageCount ?? 0, ...perUnit.map((u) => u.best.size));
  const units: WeighedUnit[] = perUnit.map(({ unit, best }) => ({
    ...unit,
    found: best.size,
    weight: informativeness(best.size, pageCount),
    common: pageCount > 0 && best.size / pageCount > COMMON_SHARE,
  }));
  const total = units.reduce((sum, u) => sum + u.weight, 0) || 1;

  const pages = new Map<string, RankedPage<D>>();
  perUnit.forEach(({ unit, best, locations }, u) => {
    const { weight } = units[u]!;
    for (const [id, match] of best) {
      const page = pages.get(id) ?? { id, hit: match.hit.hit, coverage: 0, score: 0, locations: [], matched: [], missing: [], about: false };
      page.coverage += (match.credit * weight) / total;
      page.score += match.credit * weight * (0.6 + 0.4 * match.value);
      page.locations.push(...locations.get(id)!);
      page.matched.push({ unit: unit.text, text: match.alternative.text, kind: match.alternative.kind });
      pages.set(id, page);
    }
  });
  for (const page of pages.values()) {
    page.coverage = Math.round(page.coverage * 1000) / 1000;
    page.locations = [...new Set(page.locations)].sort((a, b) => a - b);
    page.missing = units.filter((u) => !u.common && !page.matched.some((m) => m.unit === u.text && m.kind !== 'part')).map((u) => u.text);
  }
  const order = (a: RankedPage<D>, b: RankedPage<D>) => b.score - a.score || b.coverage - a.coverage || (a.id < b.id ? -1 : 1);
  let ranked = [...pages.values()].sort(order);

  // What the best pages are about: a word of the question in a page's title or summary ranks
  // the page above pages that only mention it, and keeps the answer from being “nothing”.
  const informative = new Set(units.filter((u) => !u.common).map((u) => u.text));
  const checked = options.metaFields ? ranked : ranked.slice(0, ABOUT_CHECKED);
  const texts = options.metaFields ? [] : await Promise.all(checked.map(async (page) => (await page.hit.data().catch(() => undefined)) as D | undefined));
  const fieldsOf = (page: RankedPage<D>, text: string) => cache.get(text)?.get(page.id)?.hit.matchedMetaFields ?? [];
  checked.forEach((page, i) => {
    const data = texts[i];
    if (!data && !options.metaFields) return;
    const title = data ? joinWords(data.meta?.title ?? '') : '';
    const summary = data ? joinWords(data.meta?.summary ?? '') : '';
    for (const m of page.matched) {
      const fields = data ? [] : fieldsOf(page, m.text);
      const inTitle = data ? title.includes(m.text) : fields.includes('title');
      const inSummary = data ? summary.includes(m.text) : fields.includes('summary');
      if (!inTitle && !inSummary) continue;
      page.about ||= informative.has(m.unit);
      const unit = units.find((u) => u.text === m.unit)!;
      page.score += (inTitle ? TITLE_BONUS : SUMMARY_BONUS) * unit.weight;
    }
  });
  ranked = ranked.sort(order);

  // A question asking what something is: the page titled with the word itself comes first.
  if (asksWhatItIs(query)) {
    // Every piece of the word in the page's title (Pagefind says which fields hold a match per search).
    // (Each piece was searched alone when the word was: no more index files.)
    const titleHolds = async (page: RankedPage<D>, text: string) => {
      if (!options.metaFields) return true;
      for (const token of indexTokens(text)) {
        const hit = (await searchOnce(token)).find((h) => h.id === page.id);
        if (!hit?.matchedMetaFields?.includes('title')) return false;
      }
      return true;
    };
    const plain = (text: string) => joinWords(text).replace(/[\s“”"'‘’《》「」()（）]/gu, '');
    let read = 0;
    for (const page of ranked) {
      if (read >= DEFINITION_CHECKED) break;
      const asked = [];
      for (const m of page.matched) if (m.kind !== 'part' && (await titleHolds(page, m.text))) asked.push(m);
      if (asked.length === 0) continue;
      read++;
      const data = (await page.hit.data().catch(() => undefined)) as D | undefined;
      const title = plain(data?.meta?.title ?? '');
      if (title && asked.some((m) => plain(m.text) === title || plain(m.unit) === title)) page.score += total * 2;
    }
    ranked = ranked.sort(order);
  }

  // The grade: results when a page holds most of the question's weight, in one passage or with
  // a word of it in its title or summary (a page naming the words in unrelated places is not
  // about the question); otherwise the closest pages, said to match only in part, when one
  // holds more than half of it or has an informative word of the question in its title or
  // summary; otherwise nothing relevant.
  // Results are followed by the pages that match in part; pages holding as much as the
  // weakest page about the question are among the closest too.
  // Whether the page's informative words stand in one passage (within WINDOW words of one of
  // the first's), as in a passage about the question, not scattered over the page.
  const informativeLocations = perUnit.filter((_, u) => !units[u]!.common).map((u) => u.locations);
  const together = (page: RankedPage<D>) => {
    const lists = informativeLocations.map((locations) => locations.get(page.id) ?? []).filter((l) => l.length);
    return lists.length < 2 || lists[0]!.some((a) => lists.every((l) => l.some((b) => Math.abs(b - a) <= WINDOW)));
  };
  const confident = ranked.filter((p) => p.coverage >= CONFIDENT && (p.about || together(p)));
  const answers = new Set(confident);
  const floor = Math.min(...ranked.filter((p) => p.about).map((p) => p.coverage));
  const partial = ranked.filter((p) => !answers.has(p) && (p.coverage > PARTIAL || p.coverage >= floor || p.about));
  const grade: Grade = confident.length ? 'confident' : partial.length ? 'partial' : 'nothing';
  const shownIds = new Set([...confident, ...partial].map((p) => p.id));

  const synonyms: SearchOutcome['synonyms'] = [];
  for (const page of [...confident, ...partial]) {
    for (const m of page.matched) {
      if (m.kind !== 'synonym') continue;
      const alternative = plan.find((u) => u.text === m.unit)?.alternatives.find((a) => a.text === m.text);
      const word = alternative?.for ?? m.unit;
      const entry = synonyms.find((s) => s.word === word) ?? synonyms[synonyms.push({ word, used: [] }) - 1]!;
      if (!entry.used.includes(m.text)) entry.used.push(m.text);
    }
  }

  // Near words for words the index lacks: from the thesaurus's handbook words and the text
  // around the matches of the word's parts on the pages already read.
  const near: SearchOutcome['near'] = [];
  const lacked = [...units.entries()].filter(([u, unit]) => {
    const typed = plan[u]!.alternatives.filter((a) => a.kind !== 'part');
    return !typed.some((a) => (cache.get(a.text)?.size ?? 0) > 0) && hanLength(unit.text) >= 2 && [...unit.text].length === hanLength(unit.text);
  });
  // Offline, the module may never have been fetched: no suggestions then, the answer stands.
  const nearModule = lacked.length ? await import('./near.ts').catch(() => undefined) : undefined;
  for (const [u, unit] of nearModule ? lacked : []) {
    const { nearWord, tokenRuns } = nearModule!;
    const candidates = new Map<string, number>(thesaurus.handbookWords.map((w) => [w, 0]));
    const parts = plan[u]!.alternatives.filter((a) => a.kind === 'part');
    for (const part of parts) {
      // The best page of each part only: each page read is one more fragment to fetch.
      for (const [id, hit] of [...(cache.get(part.text) ?? [])].slice(0, 1)) {
        const data = texts[checked.findIndex((p) => p.id === id)] ?? ((await hit.hit.data().catch(() => undefined)) as D | undefined);
        const tokens = data?.content?.split(/\s+/) ?? [];
        for (const location of hit.locations.slice(0, 8)) {
          for (const text of tokenRuns(tokens, location, 3)) candidates.set(text, (candidates.get(text) ?? 0) + 1);
        }
      }
    }
    // Words of the thesaurus, or strings written at least twice: not a word and whatever follows it once (地方 都).
    for (const [text, count] of candidates) if (count === 1 && !thesaurus.handbookWords.includes(text)) candidates.delete(text);
    const suggestion = nearWord(unit.text, candidates);
    if (suggestion) near.push({ word: unit.text, suggestion });
  }

  return {
    query,
    converted,
    units,
    grade,
    pages: confident,
    partial,
    relevant: grade !== 'nothing',
    nearby: ranked.filter((p) => !shownIds.has(p.id)),
    synonyms,
    near,
    topics: thesaurus.topicsOf(query),
    tried,
  };
}
