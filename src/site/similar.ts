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
 */
import type { CaseData } from '../schemas/case.ts';
import { UNKNOWN, UNKNOWN_KEY } from '../schemas/common.ts';
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
type Facet = (typeof FACETS)[number];
/** Facets by number in the hot loop (0 topics, 1 methods, 2 models, 3 forms): faster than by name. */
const FACET_COUNT = FACETS.length;

/** Names hidden in the sources (xx县, 某市) or not given (不详) say nothing about place. */
function knownPlace(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || trimmed === UNKNOWN || /x{2}|某|＊|\*/i.test(trimmed)) return undefined;
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
  const limit = options.limit ?? 5;
  const minScore = options.minScore ?? 0.05;
  const w: SimilarWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const facetWeights = Float64Array.from(FACETS, (facet) => w[facet]);
  const textTerms = options.textTerms ?? 64;
  const sorted = [...cases].sort(byId);
  const n = sorted.length;
  for (let i = 1; i < n; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`computeSimilar: duplicate case id “${sorted[i]!.id}”`);
  }
  const cap = Math.max(200, Math.ceil(4 * Math.sqrt(n)));
  const F = FACET_COUNT;

  // Facets: value numbers per case and facet (row i·F + f), IDF² (IDF = ln(1 + N / df), so rare
  // values count more), the length of each case's IDF-weighted vector per facet, and the lists.
  const numbering = FACETS.map(() => new Numbering());
  const facetRows: Int32Array[] = [];
  for (const input of sorted) {
    FACETS.forEach((facet, f) => facetRows.push(Int32Array.from(new Set(input[facet].map((v) => numbering[f]!.of(v)))).sort()));
  }
  const facets = int32Rows(facetRows);
  const valueLists = FACETS.map((_, f) => Array.from({ length: numbering[f]!.names.length }, () => [] as number[]));
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) for (const v of facetRows[i * F + f]!) valueLists[f]![v]!.push(i);
  }
  const lists = valueLists.map((byValue) => byValue.map((list) => Int32Array.from(list)));
  const idf2 = lists.map((byValue) => Float64Array.from(byValue, (list) => Math.log(1 + n / list.length) ** 2));
  const norms = new Float64Array(n * F);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) norms[i * F + f] = Math.sqrt(facetRows[i * F + f]!.reduce((sum, v) => sum + idf2[f]![v]!, 0));
  }

  // Level, kind, year and region as numbers (-1: unknown); region keys include the larger divisions.
  const levelNumbering = new Numbering();
  const kindNumbering = new Numbering();
  const yearNumbering = new Numbering();
  const regionNumbering = new Numbering();
  const level = new Int32Array(n);
  const kind = new Int32Array(n);
  const year = new Int32Array(n);
  const region = new Int32Array(n * 3).fill(-1);
  const regionNames: (string | undefined)[] = new Array(n * 3).fill(undefined);
  const pairs = new Lists();
  const pairKeys: string[][] = [];
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
    // A topic with a form, a level or a province: rarer than either alone, so usable to find candidates.
    const own: string[] = [];
    for (const t of facetRows[i * F]!) {
      for (const form of facetRows[i * F + 3]!) own.push(`form:${t}:${form}`);
      own.push(`level:${t}:${level[i]}`);
      if (region[i * 3]! >= 0) own.push(`province:${t}:${region[i * 3]}`);
    }
    for (const k of own) pairs.add(k, i);
    pairKeys.push(own);
  });
  const pairLists = pairs.frozen();
  const casePairs = pairKeys.map((keys) => keys.map((k) => pairLists.get(k)!));

  // Text: TF-IDF (1 + ln tf) over bigrams, pruned to each case's `textTerms` heaviest and
  // normalised; in a corpus of some size, bigrams in more than half the cases say nothing and
  // are dropped.
  const bigrams = sorted.map(bigramsOf);
  const termDf = new IntTable(1 << 16);
  for (const { keys } of bigrams) for (const key of keys) termDf.add(key, 1);
  const termNumbering = new IntTable(1 << 12);
  const termRows: Int32Array[] = [];
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
    termRows.push(terms);
    weightRows.push(weights);
  });
  bigrams.length = 0;
  const terms = int32Rows(termRows);
  const termWeights = new Float64Array(terms.data.length);
  weightRows.forEach((row, i) => termWeights.set(row, terms.offsets[i]!));

  // Bigram → (case, weight) postings.
  const postingCount = new Int32Array(termNumbering.size + 1);
  for (const t of terms.data) postingCount[t + 1]!++;
  for (let t = 0; t < termNumbering.size; t++) postingCount[t + 1]! += postingCount[t]!;
  const postingOffsets = postingCount.slice();
  const postingCase = new Int32Array(terms.data.length);
  const postingWeight = new Float64Array(terms.data.length);
  const fill = postingCount.slice(0, termNumbering.size);
  for (let i = 0; i < n; i++) {
    for (let k = terms.offsets[i]!; k < terms.offsets[i + 1]!; k++) {
      const at = fill[terms.data[k]!]!++;
      postingCase[at] = i;
      postingWeight[at] = termWeights[k]!;
    }
  }

  const facetScore = new Float64Array(n);
  const textScore = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const regionWeights = [0.3 * w.region, 0.6 * w.region, w.region];
  const enough = Math.max(limit * 8, 64);
  // Facet values of the current case too common to look through: facet, value, weight.
  const common: number[] = [];
  const fallback: Int32Array[] = [];
  const bestCase: number[] = [];
  const bestScore: number[] = [];

  const result = new Map<string, SimilarResult[]>();
  for (let i = 0; i < n; i++) {
    seen[i] = 1; // never itself

    for (let k = terms.offsets[i]!; k < terms.offsets[i + 1]!; k++) {
      const t = terms.data[k]!;
      const from = postingOffsets[t]!;
      const to = postingOffsets[t + 1]!;
      if (to - from > cap) continue; // too common a bigram to look through: left out
      const weight = termWeights[k]!;
      for (let m = from; m < to; m++) {
        const j = postingCase[m]!;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        if (j !== i) textScore[j]! += weight * postingWeight[m]!;
      }
    }

    common.length = 0;
    fallback.length = 0;
    for (let f = 0; f < F; f++) {
      const own = norms[i * F + f]!;
      if (own === 0) continue;
      for (let k = facets.offsets[i * F + f]!; k < facets.offsets[i * F + f + 1]!; k++) {
        const v = facets.data[k]!;
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
    for (const list of casePairs[i]!) {
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
    // Too few candidates: take some from the common lists too, shortest first.
    if (touched.length < enough) {
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

    // Score the candidates; keep the best `limit` by score, then by number (= id order).
    bestCase.length = 0;
    bestScore.length = 0;
    for (const j of touched) {
      let score = facetScore[j]! + w.text * textScore[j]!;
      facetScore[j] = 0;
      textScore[j] = 0;
      seen[j] = 0;
      for (let c = 0; c < common.length; c += 3) {
        const f = common[c]!;
        const v = common[c + 1]!;
        const row = j * F + f;
        for (let k = facets.offsets[row]!; k < facets.offsets[row + 1]!; k++) {
          if (facets.data[k] === v) score += common[c + 2]! / norms[row]!;
        }
      }
      if (level[i] === level[j]) score += w.level;
      if (kind[i] === kind[j]) score += w.kind;
      if (year[i]! >= 0 && year[i] === year[j]) score += w.year;
      for (let depth = 2; depth >= 0; depth--) {
        const r = region[i * 3 + depth]!;
        if (r >= 0 && r === region[j * 3 + depth]) {
          score += regionWeights[depth]!;
          break;
        }
      }
      if (score < minScore) continue;
      const size = bestCase.length;
      if (size === limit && (score < bestScore[size - 1]! || (score === bestScore[size - 1] && j > bestCase[size - 1]!))) continue;
      let at = size;
      while (at > 0 && (bestScore[at - 1]! < score || (bestScore[at - 1] === score && bestCase[at - 1]! > j))) at--;
      bestCase.splice(at, 0, j);
      bestScore.splice(at, 0, score);
      if (bestCase.length > limit) {
        bestCase.pop();
        bestScore.pop();
      }
    }
    touched.length = 0;
    seen[i] = 0;

    result.set(
      sorted[i]!.id,
      bestCase.map((j, rank) => {
        const shared = sharedFacets(i, j);
        return { id: sorted[j]!.id, score: Math.round(bestScore[rank]! * 1e6) / 1e6, reason: reasonFor(shared, options), shared };
      }),
    );
  }
  return result;

  /** What cases i and j share, for the reason. */
  function sharedFacets(i: number, j: number): SharedFacets {
    const [topics, methods, models, forms] = FACETS.map((_, f) => {
      const names = numbering[f]!.names;
      const theirs = facetRows[j * F + f]!;
      const values = Array.from(facetRows[i * F + f]!).filter((v) => theirs.includes(v));
      // Rarer values first: they say more about why the two are alike.
      values.sort((x, y) => idf2[f]![y]! - idf2[f]![x]! || (names[x]! < names[y]! ? -1 : 1));
      return values.map((v) => names[v]!);
    }) as [string[], string[], string[], string[]];
    let place: string | undefined;
    for (let depth = 2; depth >= 0 && place === undefined; depth--) {
      const r = region[i * 3 + depth]!;
      if (r >= 0 && r === region[j * 3 + depth]) place = regionNames[i * 3 + depth];
    }
    const mine = termRows[i]!;
    const theirs = termRows[j]!;
    let text = 0;
    mine.forEach((t, k) => {
      const at = theirs.indexOf(t);
      if (at >= 0) text += weightRows[i]![k]! * weightRows[j]![at]!;
    });
    return {
      topics,
      methods,
      models,
      forms,
      level: level[i] === level[j] ? sorted[i]!.level : undefined,
      region: place,
      text: Math.round(text * 1e4) / 1e4,
    };
  }
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
