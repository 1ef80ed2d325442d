/**
 * “Similar cases”, computed once at build time: for each case, the few cases most like it, each
 * with a score and a short Chinese reason built from what the two share
 * (“同为道路交通管理 · 同用六步议事程序”).
 *
 * The score adds up shared facets (topics weigh most, then methods, models, forms, region and
 * level; rare values count more than common ones) and the cosine similarity of the texts
 * (TF-IDF over character bigrams of title, summary and body). It never compares all pairs:
 * inverted indexes (facet value → cases, bigram → cases) give each case its candidates, very
 * common values and bigrams are pruned, and a top-k selection keeps the best. At 10,000 cases it
 * runs in seconds. The output is deterministic: cases are processed in id order and ties are
 * broken by id.
 *
 * `computeSimilar` runs the steps in order: `settingsOf` (options with defaults), `corpusOf`
 * (cases in id order as numbers: `facetIndex` with `facetRarity`, `traitsOf`, `topicPairs`,
 * `textVectors`, `postingsOf`), then per case `gatherCandidates` (`findByText`, `findByFacets`,
 * `findByTopicPairs`, `findInFallback`), `chooseTop` (`scorePair`, `keepBest`) and
 * `similarResult` (`sharedFacets`, `reasonFor`). Place names go through one rule, `knownPlace`,
 * and places are compared by one rule, `sharedPlaceDepth`, for the score and the reason alike.
 */
import type { CaseData } from '../schemas/case.ts';
import { UNKNOWN, UNKNOWN_KEY } from '../schemas/common.ts';
import { isMasked } from '../schemas/completeness.ts';
import { caseField, isInferred, type CaseView } from '../schemas/fields.ts';
import type { InferableField } from '../schemas/inferable.ts';
import { labelOf } from '../schemas/taxonomies.ts';

/** One case, as the similarity needs it: its text and the facets it is compared by. */
export type SimilarInput = Pick<CaseData, 'title' | 'summary' | 'kind' | 'level' | 'topics' | 'forms' | 'methods' | 'models'> & {
  id: string;
  /** The body text; Markdown and MDX are fine (tags and link targets are skipped). */
  body: string;
  region: Partial<Pick<CaseData['region'], 'province' | 'city' | 'county'>>;
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or null when unknown. */
  date: string | null | undefined;
};

/**
 * A case as the similarity reads it: unknown values (不详) and values the handbook inferred
 * are left out, so that no reason ever cites them (“同采用网络（远程）协商” only when the sources
 * say so for both).
 */
export function similarInput(entry: CaseView, body: string): SimilarInput {
  const known = (name: string): string[] => {
    const field = caseField(name);
    return isInferred(field, entry) ? [] : field.values(entry).map((v) => v.key).filter((key) => key !== UNKNOWN_KEY);
  };
  const { data } = entry;
  const inferred = (name: InferableField) => data.inferred.includes(name);
  return {
    id: entry.id,
    title: data.title,
    summary: data.summary,
    body,
    kind: data.kind,
    // An inferred level never equals another case's.
    level: inferred('level') ? `?${entry.id}` : data.level,
    topics: known('topics'),
    forms: known('forms'),
    methods: known('methods'),
    models: known('models'),
    region: inferred('region') ? {} : data.region,
    date: inferred('date') ? null : data.date,
  };
}

/** What two cases have in common. */
export interface SharedFacets {
  /** Topic keys, most telling first. */
  topics: string[];
  methods: string[];
  models: string[];
  forms: string[];
  /** The level both are at, if the same. */
  level: string | undefined;
  /** The smallest place both are in (湖州市), if known for both. */
  region: string | undefined;
  /** Cosine similarity of the texts, 0 to 1 (after pruning). */
  text: number;
}

export interface SimilarResult {
  id: string;
  /** Higher is more similar; comparable only within one computation. */
  score: number;
  /** What they share, in Chinese: “同为道路交通管理 · 同用六步议事程序”. */
  reason: string;
  shared: SharedFacets;
}

/**
 * How much each kind of likeness counts. Each scores 0 to 1 before its weight: a facet as the
 * cosine of the two cases' IDF-weighted value sets, region 0.3 / 0.6 / 1 for the same province /
 * city / county, level, kind (practice or consultation) and year 1 when equal, text as the cosine
 * of the TF-IDF bigram vectors.
 */
export interface SimilarWeights {
  topics: number;
  methods: number;
  models: number;
  forms: number;
  region: number;
  level: number;
  kind: number;
  year: number;
  text: number;
}

/** Topics weigh most, then methods, models and forms; kind and year only break near-ties. */
export const DEFAULT_WEIGHTS: Readonly<SimilarWeights> = {
  topics: 0.3,
  methods: 0.2,
  models: 0.15,
  forms: 0.1,
  region: 0.08,
  level: 0.05,
  kind: 0.02,
  year: 0.02,
  text: 0.4,
};

export interface SimilarOptions {
  /** At most this many similar cases each (default 5). */
  limit?: number;
  /** Leave out cases scoring below this (default 0.05): a shared level alone is no likeness. */
  minScore?: number;
  /** Method id → title, for reasons (协商“八步工作法” is shown as 八步工作法). Default: the id. */
  methodTitles?: Readonly<Record<string, string>>;
  /** Model id → title, for reasons (协商议事会“1+7+X”人员构成 is shown as “1+7+X”). Default: the id. */
  modelTitles?: Readonly<Record<string, string>>;
  weights?: Partial<SimilarWeights>;
  /** Bigrams kept per case: its most telling ones (default 64). */
  textTerms?: number;
}

const FACETS = ['topics', 'methods', 'models', 'forms'] as const;
/** Facets by number in the hot loop (0 topics, 1 methods, 2 models, 3 forms): faster than by name. */
const FACET_COUNT = FACETS.length;

/**
 * The one rule for place names, wherever the similarity reads one: a name hidden in the sources
 * (`isMasked`, the rule the completeness meter reads too) or not given (不详, empty) is no place, so it never scores or reads as shared.
 */
export function knownPlace(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || trimmed === UNKNOWN || isMasked(trimmed)) return undefined;
  return trimmed;
}

/** Text for bigrams: MDX tags, link targets and code left out. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ');
}

/**
 * A hash table from non-negative 31-bit integers to integers (open addressing), several times
 * faster than a Map for the millions of bigram look-ups of a large corpus.
 */
class IntTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private shift: number;
  size = 0;
  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
  }
  private slot(key: number): number {
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift; // the high bits: the well-mixed ones
    while (this.keys[at] !== -1 && this.keys[at] !== key) at = (at + 1) & this.mask;
    return at;
  }
  get(key: number): number | undefined {
    const at = this.slot(key);
    return this.keys[at] === -1 ? undefined : this.values[at];
  }
  /** Adds `by` to the key's value (0 when new) and returns the new value. */
  add(key: number, by: number): number {
    let at = this.slot(key);
    if (this.keys[at] === -1) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        at = this.slot(key);
      }
      this.keys[at] = key;
      this.size++;
    }
    return (this.values[at]! += by);
  }
  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.shift--;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] !== -1) {
        const at = this.slot(keys[k]!);
        this.keys[at] = keys[k]!;
        this.values[at] = values[k]!;
      }
    }
  }
}

/**
 * The character bigrams of the Han runs of a case's title (counted three times), summary (twice)
 * and body, as distinct keys (two characters in one integer below 2³⁰) ascending, with counts.
 */
function bigramsOf(input: SimilarInput): { keys: Int32Array; counts: Int32Array } {
  const all: number[] = [];
  const add = (text: string, times: number) => {
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // CJK Unified Ideographs and Extension A: the characters the handbook is written in.
      const han = (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
      if (!han) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        const key = (prev - 0x3400) * 0x6c00 + (code - 0x3400);
        for (let t = 0; t < times; t++) all.push(key);
      }
      prev = code;
    }
  };
  add(input.title, 3);
  add(input.summary, 2);
  add(plainText(input.body), 1);
  const sortedKeys = Int32Array.from(all).sort();
  const keys: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < sortedKeys.length; k++) {
    if (k > 0 && sortedKeys[k] === sortedKeys[k - 1]) counts[counts.length - 1]!++;
    else {
      keys.push(sortedKeys[k]!);
      counts.push(1);
    }
  }
  return { keys: Int32Array.from(keys), counts: Int32Array.from(counts) };
}

/** 协商“八步工作法” → 八步工作法; 协商议事会“1+7+X”人员构成 → “1+7+X”; a title without quotes stays whole. */
export function shortTitle(title: string): string {
  const quoted = [...title.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
  const last = quoted.at(-1);
  if (last === undefined) return title;
  return /\p{Script=Han}/u.test(last) ? last : `“${last}”`;
}

function levelPhrase(level: string): string {
  const label = labelOf('level', level);
  if (label.endsWith('级')) return `同为${label}`;
  if (label === '全国') return '同为全国层面';
  return `同为${label}一级`;
}

/** Numbers for strings, in order of first sight. */
class Numbering {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();
  of(name: string): number {
    let number = this.numbers.get(name);
    if (number === undefined) {
      number = this.names.length;
      this.numbers.set(name, number);
      this.names.push(name);
    }
    return number;
  }
}

/** Case lists keyed by string, each in ascending case order. */
class Lists {
  private readonly byKey = new Map<string, number[]>();
  add(key: string, i: number): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [i]);
    else if (list.at(-1) !== i) list.push(i);
  }
  frozen(): Map<string, Int32Array> {
    return new Map([...this.byKey].map(([key, list]) => [key, Int32Array.from(list)]));
  }
}

/** Rows of numbers, stored flat: row r is data[offsets[r]] … data[offsets[r + 1] - 1]. */
interface Rows {
  offsets: Int32Array;
  data: Int32Array;
}

function int32Rows(rows: readonly ArrayLike<number>[]): Rows {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (offsets[r + 1] = offsets[r]! + row.length));
  const data = new Int32Array(offsets[rows.length]!);
  rows.forEach((row, r) => data.set(row, offsets[r]!));
  return { offsets, data };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * For each case (by id), up to `limit` similar cases, most similar first; never the case itself.
 * Cases of the same practice are as eligible as any other.
 *
 * Candidates come from inverted lists no longer than about 4·√N: rare facet values (a method,
 * a model), a topic paired with a form, a level or a province, and each case's most telling
 * bigrams. Longer lists (a topic half the cases share) find no candidates but still count in
 * the score of every candidate; a case left with too few candidates falls back to them.
 * Everything the inner loops read is in flat typed arrays indexed by case number, and case
 * numbers follow id order, so ties are broken by number.
 */
export function computeSimilar(cases: readonly SimilarInput[], options: SimilarOptions = {}): Map<string, SimilarResult[]> {
  const settings = settingsOf(options);
  const corpus = corpusOf(cases, settings);
  const search = new Search(corpus.n);
  const result = new Map<string, SimilarResult[]>();
  for (let i = 0; i < corpus.n; i++) {
    gatherCandidates(i, corpus, settings, search);
    chooseTop(i, corpus, settings, search);
    result.set(
      corpus.cases[i]!.id,
      search.best.map((j, rank) => similarResult(i, j, search.bestScores[rank]!, corpus, options)),
    );
  }
  return result;
}

/** The options with their defaults, and the numbers the hot loop reads from them. */
interface Settings {
  limit: number;
  minScore: number;
  weights: SimilarWeights;
  /** The facet weights by facet number. */
  facetWeights: Float64Array;
  /** What a shared province, city or county (depth 0, 1, 2) adds. */
  regionWeights: readonly number[];
  textTerms: number;
  /** Fewer candidates than this: some are taken from the lists too common to look through. */
  enough: number;
}

/** Defaults in one place, and weights by number so the hot loop does no look-up by name. */
function settingsOf(options: SimilarOptions): Settings {
  const limit = options.limit ?? 5;
  const weights: SimilarWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  return {
    limit,
    minScore: options.minScore ?? 0.05,
    weights,
    facetWeights: Float64Array.from(FACETS, (facet) => weights[facet]),
    regionWeights: [0.3 * weights.region, 0.6 * weights.region, weights.region],
    textTerms: options.textTerms ?? 64,
    enough: Math.max(limit * 8, 64),
  };
}

/** Everything the search reads, built once; cases are numbered in id order. */
interface Corpus {
  n: number;
  /** The cases, by number. */
  cases: SimilarInput[];
  /** Lists longer than this (about 4·√N) are too common to look through for candidates. */
  cap: number;
  facets: FacetIndex;
  traits: Traits;
  /** Per case, the case lists of its topic pairs (a topic with a form, a level or a province). */
  pairs: Int32Array[][];
  text: TextIndex;
}

/** The inputs as numbers in flat arrays, so that the per-case search reads no strings. */
function corpusOf(cases: readonly SimilarInput[], settings: Settings): Corpus {
  const sorted = sortedById(cases);
  const n = sorted.length;
  const facets = facetIndex(sorted);
  const traits = traitsOf(sorted);
  return {
    n,
    cases: sorted,
    cap: Math.max(200, Math.ceil(4 * Math.sqrt(n))),
    facets,
    traits,
    pairs: topicPairs(facets, traits),
    text: textIndex(sorted, settings.textTerms),
  };
}

/** Id order numbers the cases, so that the output never depends on the input order. */
function sortedById(cases: readonly SimilarInput[]): SimilarInput[] {
  const sorted = [...cases].sort(byId);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`computeSimilar: duplicate case id “${sorted[i]!.id}”`);
  }
  return sorted;
}

/** The four facets as numbers. */
interface FacetIndex {
  /** Per facet, the values by number. */
  names: string[][];
  /** Value numbers, ascending, per case and facet (row i·F + f). */
  rows: Int32Array[];
  /** The same rows, flat, for the hot loop. */
  flat: Rows;
  /** Per facet and value, the cases with it, ascending. */
  lists: Int32Array[][];
  /** Per facet and value, IDF² (IDF = ln(1 + N / df)). */
  idf2: Float64Array[];
  /** The length of each case's IDF-weighted vector per facet (i·F + f); 0 when it has none. */
  norms: Float64Array;
}

/** Value numbers per case and the cases per value: the inverted lists that find candidates. */
function facetIndex(sorted: readonly SimilarInput[]): FacetIndex {
  const n = sorted.length;
  const numbering = FACETS.map(() => new Numbering());
  const rows: Int32Array[] = [];
  for (const input of sorted) {
    FACETS.forEach((facet, f) => rows.push(Int32Array.from(new Set(input[facet].map((v) => numbering[f]!.of(v)))).sort()));
  }
  const valueLists = FACETS.map((_, f) => Array.from({ length: numbering[f]!.names.length }, () => [] as number[]));
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FACET_COUNT; f++) for (const v of rows[i * FACET_COUNT + f]!) valueLists[f]![v]!.push(i);
  }
  const lists = valueLists.map((byValue) => byValue.map((list) => Int32Array.from(list)));
  const { idf2, norms } = facetRarity(rows, lists, n);
  return { names: numbering.map((values) => values.names), rows, flat: int32Rows(rows), lists, idf2, norms };
}

/** Facet weights by rarity: a method few cases use says more about likeness than a common topic. */
function facetRarity(rows: readonly Int32Array[], lists: readonly Int32Array[][], n: number): { idf2: Float64Array[]; norms: Float64Array } {
  const idf2 = lists.map((byValue) => Float64Array.from(byValue, (list) => Math.log(1 + n / list.length) ** 2));
  const norms = new Float64Array(n * FACET_COUNT);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FACET_COUNT; f++) {
      norms[i * FACET_COUNT + f] = Math.sqrt(rows[i * FACET_COUNT + f]!.reduce((sum, v) => sum + idf2[f]![v]!, 0));
    }
  }
  return { idf2, norms };
}

/** Level, kind, year and places as numbers (-1: unknown). */
interface Traits {
  level: Int32Array;
  kind: Int32Array;
  year: Int32Array;
  /**
   * Per case, its province, city and county (i·3 + depth 0, 1, 2) as numbers, -1 where not
   * known; a number stands for the place with its larger divisions (浙江省/湖州市).
   */
  region: Int32Array;
  /** The names of the same places, for reasons. */
  regionNames: (string | undefined)[];
}

/** Equality of level, kind, year and place becomes a comparison of numbers in the hot loop. */
function traitsOf(sorted: readonly SimilarInput[]): Traits {
  const n = sorted.length;
  const levelNumbering = new Numbering();
  const kindNumbering = new Numbering();
  const yearNumbering = new Numbering();
  const regionNumbering = new Numbering();
  const level = new Int32Array(n);
  const kind = new Int32Array(n);
  const year = new Int32Array(n);
  const region = new Int32Array(n * 3).fill(-1);
  const regionNames: (string | undefined)[] = new Array(n * 3).fill(undefined);
  sorted.forEach((input, i) => {
    level[i] = levelNumbering.of(input.level);
    kind[i] = kindNumbering.of(input.kind);
    year[i] = input.date ? yearNumbering.of(input.date.slice(0, 4)) : -1;
    let key = '';
    [input.region.province, input.region.city, input.region.county].forEach((part, depth) => {
      const known = knownPlace(part);
      key += `/${known ?? '?'}`;
      if (known) {
        region[i * 3 + depth] = regionNumbering.of(key);
        regionNames[i * 3 + depth] = known;
      }
    });
  });
  return { level, kind, year, region, regionNames };
}

/** A topic with a form, a level or a province: rarer than either alone, so usable to find candidates. */
function topicPairs(facets: FacetIndex, traits: Traits): Int32Array[][] {
  const F = FACET_COUNT;
  const pairs = new Lists();
  const pairKeys: string[][] = [];
  for (let i = 0; i < traits.level.length; i++) {
    const own: string[] = [];
    for (const t of facets.rows[i * F]!) {
      for (const form of facets.rows[i * F + 3]!) own.push(`form:${t}:${form}`);
      own.push(`level:${t}:${traits.level[i]}`);
      if (traits.region[i * 3]! >= 0) own.push(`province:${t}:${traits.region[i * 3]}`);
    }
    for (const k of own) pairs.add(k, i);
    pairKeys.push(own);
  }
  const lists = pairs.frozen();
  return pairKeys.map((keys) => keys.map((k) => lists.get(k)!));
}

/** The texts as pruned TF-IDF bigram vectors, and the postings that find candidates by text. */
interface TextIndex {
  /** Per case, its term numbers. */
  rows: Int32Array[];
  /** Per case, the unit-length weights of the same terms. */
  weightRows: Float64Array[];
  /** The same, flat, for the hot loop. */
  terms: Rows;
  weights: Float64Array;
  /** Per term t, its postings are postingCase / postingWeight[postingOffsets[t] … postingOffsets[t + 1] - 1]. */
  postingOffsets: Int32Array;
  postingCase: Int32Array;
  postingWeight: Float64Array;
}

/** Text vectors per case (for reasons) and flat with postings (for the search), built once. */
function textIndex(sorted: readonly SimilarInput[], textTerms: number): TextIndex {
  const { rows, weightRows, termCount } = textVectors(sorted, textTerms);
  const terms = int32Rows(rows);
  const weights = new Float64Array(terms.data.length);
  weightRows.forEach((row, i) => weights.set(row, terms.offsets[i]!));
  return { rows, weightRows, terms, weights, ...postingsOf(terms, weights, termCount) };
}

/**
 * Text vectors, pruned: TF-IDF (1 + ln tf), each case's `textTerms` heaviest kept and normalised;
 * in a corpus of some size, bigrams in more than half the cases say nothing and are dropped.
 */
function textVectors(sorted: readonly SimilarInput[], textTerms: number): { rows: Int32Array[]; weightRows: Float64Array[]; termCount: number } {
  const n = sorted.length;
  const bigrams = sorted.map(bigramsOf);
  const termDf = new IntTable(1 << 16);
  for (const { keys } of bigrams) for (const key of keys) termDf.add(key, 1);
  const termNumbering = new IntTable(1 << 12);
  const rows: Int32Array[] = [];
  const weightRows: Float64Array[] = [];
  const idfOfDf = Float64Array.from({ length: n + 1 }, (_, d) => Math.log(1 + n / d));
  bigrams.forEach(({ keys, counts }) => {
    const kept: number[] = [];
    const raw: number[] = [];
    for (let k = 0; k < keys.length; k++) {
      const d = termDf.get(keys[k]!)!;
      if (n >= 20 && d > n / 2) continue;
      kept.push(keys[k]!);
      raw.push((1 + Math.log(counts[k]!)) * idfOfDf[d]!);
    }
    const { terms, weights } = topTerms(kept, raw, textTerms, termNumbering);
    rows.push(terms);
    weightRows.push(weights);
  });
  return { rows, weightRows, termCount: termNumbering.size };
}

/** Bigram → (case, weight) postings: a case's text candidates without comparing all pairs. */
function postingsOf(terms: Rows, weights: Float64Array, termCount: number): Pick<TextIndex, 'postingOffsets' | 'postingCase' | 'postingWeight'> {
  const postingCount = new Int32Array(termCount + 1);
  for (const t of terms.data) postingCount[t + 1]!++;
  for (let t = 0; t < termCount; t++) postingCount[t + 1]! += postingCount[t]!;
  const postingOffsets = postingCount.slice();
  const postingCase = new Int32Array(terms.data.length);
  const postingWeight = new Float64Array(terms.data.length);
  const fill = postingCount.slice(0, termCount);
  for (let i = 0; i + 1 < terms.offsets.length; i++) {
    for (let k = terms.offsets[i]!; k < terms.offsets[i + 1]!; k++) {
      const at = fill[terms.data[k]!]!++;
      postingCase[at] = i;
      postingWeight[at] = weights[k]!;
    }
  }
  return { postingOffsets, postingCase, postingWeight };
}

/** The state of the search for one case, kept from case to case so that the hot loop allocates nothing. */
class Search {
  /** Candidates so far (and the case itself), by number. */
  readonly seen: Uint8Array;
  /** Candidates so far, in order found. */
  readonly touched: number[] = [];
  /** Per candidate, its score from facet values looked through. */
  readonly facetScore: Float64Array;
  /** Per candidate, its text cosine from bigrams looked through. */
  readonly textScore: Float64Array;
  /** Facet values of the current case too common to look through: facet, value, weight. */
  readonly common: number[] = [];
  /** Lists too common to look through, for a case with too few candidates. */
  readonly fallback: Int32Array[] = [];
  /** The best candidates so far, best first, and their scores. */
  readonly best: number[] = [];
  readonly bestScores: number[] = [];
  constructor(n: number) {
    this.seen = new Uint8Array(n);
    this.facetScore = new Float64Array(n);
    this.textScore = new Float64Array(n);
  }
}

/** Candidates for case i from short lists only, with their facet and text sums: never all pairs. */
function gatherCandidates(i: number, corpus: Corpus, settings: Settings, search: Search): void {
  search.seen[i] = 1; // never itself
  search.common.length = 0;
  search.fallback.length = 0;
  findByText(i, corpus, search);
  findByFacets(i, corpus, settings.facetWeights, search);
  findByTopicPairs(corpus.pairs[i]!, corpus.cap, search);
  if (search.touched.length < settings.enough) findInFallback(search.fallback, settings.enough, search);
}

/** Cases sharing a telling bigram, with their text cosine; too common a bigram is left out. */
function findByText(i: number, corpus: Corpus, search: Search): void {
  const { terms, weights, postingOffsets, postingCase, postingWeight } = corpus.text;
  const { cap } = corpus;
  const { seen, touched, textScore } = search;
  for (let k = terms.offsets[i]!; k < terms.offsets[i + 1]!; k++) {
    const t = terms.data[k]!;
    const from = postingOffsets[t]!;
    const to = postingOffsets[t + 1]!;
    if (to - from > cap) continue; // too common a bigram to look through: left out
    const weight = weights[k]!;
    for (let m = from; m < to; m++) {
      const j = postingCase[m]!;
      if (!seen[j]) {
        seen[j] = 1;
        touched.push(j);
      }
      if (j !== i) textScore[j]! += weight * postingWeight[m]!;
    }
  }
}

/** Cases sharing a facet value, with their facet score; a value too common is kept for scoring only. */
function findByFacets(i: number, corpus: Corpus, facetWeights: Float64Array, search: Search): void {
  const F = FACET_COUNT;
  const { flat, lists, idf2, norms } = corpus.facets;
  const { cap } = corpus;
  const { seen, touched, facetScore, common, fallback } = search;
  for (let f = 0; f < F; f++) {
    const own = norms[i * F + f]!;
    if (own === 0) continue;
    for (let k = flat.offsets[i * F + f]!; k < flat.offsets[i * F + f + 1]!; k++) {
      const v = flat.data[k]!;
      const share = (facetWeights[f]! * idf2[f]![v]!) / own;
      const list = lists[f]![v]!;
      if (list.length > cap) {
        common.push(f, v, share);
        fallback.push(list);
        continue;
      }
      for (let m = 0; m < list.length; m++) {
        const j = list[m]!;
        if (j === i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        facetScore[j]! += share / norms[j * F + f]!;
      }
    }
  }
}

/** Cases sharing a topic pair: candidates where topic and form alone are too common. */
function findByTopicPairs(pairs: readonly Int32Array[], cap: number, search: Search): void {
  const { seen, touched, fallback } = search;
  for (const list of pairs) {
    if (list.length > cap) {
      fallback.push(list);
      continue;
    }
    for (let m = 0; m < list.length; m++) {
      const j = list[m]!;
      if (!seen[j]) {
        seen[j] = 1;
        touched.push(j);
      }
    }
  }
}

/** Too few candidates: take some from the common lists too, shortest first, so every case gets some. */
function findInFallback(fallback: Int32Array[], enough: number, search: Search): void {
  const { seen, touched } = search;
  fallback.sort((a, b) => a.length - b.length);
  for (const list of fallback) {
    for (let m = 0; m < list.length && touched.length < enough; m++) {
      const j = list[m]!;
      if (!seen[j]) {
        seen[j] = 1;
        touched.push(j);
      }
    }
  }
}

/**
 * Scores the candidates of case i and keeps the best `limit` in `search.best`, by score, then by
 * number (= id order); clears the rest of the search state for the next case.
 */
function chooseTop(i: number, corpus: Corpus, settings: Settings, search: Search): void {
  const { seen, touched, facetScore, textScore, common, best, bestScores } = search;
  const { limit, minScore } = settings;
  const textWeight = settings.weights.text;
  best.length = 0;
  bestScores.length = 0;
  for (const j of touched) {
    const found = facetScore[j]! + textWeight * textScore[j]!;
    facetScore[j] = 0;
    textScore[j] = 0;
    seen[j] = 0;
    const score = scorePair(i, j, found, common, corpus, settings);
    if (score >= minScore) keepBest(best, bestScores, j, score, limit);
  }
  touched.length = 0;
  seen[i] = 0;
}

/**
 * The score of candidate j for case i: what gathering summed (`found`), then the facet values too
 * common to look through, level, kind, year and the smallest shared place, added in this order
 * (the order of a sum of floating-point numbers decides its last digits).
 */
function scorePair(i: number, j: number, found: number, common: readonly number[], corpus: Corpus, settings: Settings): number {
  const F = FACET_COUNT;
  const { flat, norms } = corpus.facets;
  const { level, kind, year, region } = corpus.traits;
  const w = settings.weights;
  let score = found;
  for (let c = 0; c < common.length; c += 3) {
    const f = common[c]!;
    const v = common[c + 1]!;
    const row = j * F + f;
    for (let k = flat.offsets[row]!; k < flat.offsets[row + 1]!; k++) {
      if (flat.data[k] === v) score += common[c + 2]! / norms[row]!;
    }
  }
  if (level[i] === level[j]) score += w.level;
  if (kind[i] === kind[j]) score += w.kind;
  if (year[i]! >= 0 && year[i] === year[j]) score += w.year;
  const depth = sharedPlaceDepth(region, i, j);
  if (depth >= 0) score += settings.regionWeights[depth]!;
  return score;
}

/**
 * The depth (2 county, 1 city, 0 province) of the smallest place cases i and j are both in, or
 * -1: the one comparison of places, for the score and for the reason alike.
 */
function sharedPlaceDepth(region: Int32Array, i: number, j: number): number {
  for (let depth = 2; depth >= 0; depth--) {
    const r = region[i * 3 + depth]!;
    if (r >= 0 && r === region[j * 3 + depth]) return depth;
  }
  return -1;
}

/** Top-k by insertion into a short sorted list: k is small (5), so no heap is needed. */
function keepBest(best: number[], scores: number[], j: number, score: number, limit: number): void {
  const size = best.length;
  if (size === limit && (score < scores[size - 1]! || (score === scores[size - 1] && j > best[size - 1]!))) return;
  let at = size;
  while (at > 0 && (scores[at - 1]! < score || (scores[at - 1] === score && best[at - 1]! > j))) at--;
  best.splice(at, 0, j);
  scores.splice(at, 0, score);
  if (best.length > limit) {
    best.pop();
    scores.pop();
  }
}

/** Case j as a similar case of case i, with what they share and the reason in words. */
function similarResult(i: number, j: number, score: number, corpus: Corpus, options: SimilarOptions): SimilarResult {
  const shared = sharedFacets(i, j, corpus);
  return { id: corpus.cases[j]!.id, score: Math.round(score * 1e6) / 1e6, reason: reasonFor(shared, options), shared };
}

/** What cases i and j share, for the reason: computed only for the few cases kept. */
function sharedFacets(i: number, j: number, corpus: Corpus): SharedFacets {
  const F = FACET_COUNT;
  const { names, rows, idf2 } = corpus.facets;
  const { level, region, regionNames } = corpus.traits;
  const [topics, methods, models, forms] = FACETS.map((_, f) => {
    const theirs = rows[j * F + f]!;
    const values = Array.from(rows[i * F + f]!).filter((v) => theirs.includes(v));
    // Rarer values first: they say more about why the two are alike.
    values.sort((x, y) => idf2[f]![y]! - idf2[f]![x]! || (names[f]![x]! < names[f]![y]! ? -1 : 1));
    return values.map((v) => names[f]![v]!);
  }) as [string[], string[], string[], string[]];
  const depth = sharedPlaceDepth(region, i, j);
  return {
    topics,
    methods,
    models,
    forms,
    level: level[i] === level[j] ? corpus.cases[i]!.level : undefined,
    region: depth >= 0 ? regionNames[i * 3 + depth] : undefined,
    text: Math.round(textCosine(i, j, corpus.text) * 1e4) / 1e4,
  };
}

/** The cosine of two cases' pruned text vectors, as the search summed it. */
function textCosine(i: number, j: number, text: TextIndex): number {
  const mine = text.rows[i]!;
  const theirs = text.rows[j]!;
  let cosine = 0;
  mine.forEach((t, k) => {
    const at = theirs.indexOf(t);
    if (at >= 0) cosine += text.weightRows[i]![k]! * text.weightRows[j]![at]!;
  });
  return cosine;
}

/**
 * The `count` heaviest terms, as numbers (assigned in `numbering`) and unit-length weights; ties
 * at the cut go to the smaller bigram, so the choice never varies.
 */
function topTerms(keys: number[], raw: number[], count: number, numbering: IntTable): { terms: Int32Array; weights: Float64Array } {
  let chosen = keys.map((_, k) => k);
  if (keys.length > count) {
    const threshold = Float64Array.from(raw).sort()[keys.length - count]!;
    const above = chosen.filter((k) => raw[k]! > threshold);
    const at = chosen.filter((k) => raw[k] === threshold).sort((x, y) => keys[x]! - keys[y]!);
    chosen = [...above, ...at.slice(0, count - above.length)];
  }
  const length = Math.sqrt(chosen.reduce((sum, k) => sum + raw[k]! * raw[k]!, 0)) || 1;
  const terms = new Int32Array(chosen.length);
  const weights = new Float64Array(chosen.length);
  chosen.forEach((k, m) => {
    const key = keys[k]!;
    // Numbers from 0 in order of first sight (the table holds number + 1).
    if (numbering.get(key) === undefined) numbering.add(key, numbering.size + 1);
    terms[m] = numbering.get(key)! - 1;
    weights[m] = raw[k]! / length;
  });
  return { terms, weights };
}

/** Texts this alike (cosine of the pruned bigram vectors) are called 内容相近. */
const TEXT_ALIKE = 0.1;

/** “同为道路交通管理 · 同用六步议事程序”: at most three things they share, the weightiest first. */
function reasonFor(shared: SharedFacets, options: SimilarOptions): string {
  const list = (values: string[], label: (v: string) => string) => values.slice(0, 2).map(label).join('、');
  const phrase = (name: 'topics' | 'methods' | 'models' | 'forms', label: (v: string) => string) =>
    shared[name].length ? [`${caseField(name).similarityReason ?? '同为'}${list(shared[name], label)}`] : [];
  const parts: string[] = [
    ...phrase('topics', (v) => labelOf('topics', v)),
    ...phrase('methods', (v) => shortTitle(options.methodTitles?.[v] ?? v)),
    ...phrase('models', (v) => shortTitle(options.modelTitles?.[v] ?? v)),
    ...phrase('forms', (v) => labelOf('forms', v)),
  ];
  if (shared.text >= TEXT_ALIKE) parts.push('内容相近');
  if (shared.region) parts.push(`同在${shared.region}`);
  if (shared.level) parts.push(levelPhrase(shared.level));
  if (parts.length === 0) parts.push(shared.text > 0 ? '内容相近' : '同类案例');
  return parts.slice(0, 3).join(' · ');
}
