/**
 * The search thesaurus as the search page gets it: the handbook's `content/thesaurus.yaml`
 * with the glossary's terms, aliases and synonyms folded in, compiled at build time into a
 * compact form (`compileThesaurus`) and read in the browser (`Thesaurus`). Every word in it
 * comes from the content: the search code knows no handbook's wording.
 *
 * No `node:` imports: the search page's script uses this module.
 */

/** What the search page ships: small, and plain JSON. */
export interface CompiledThesaurus {
  /** Groups of words for one thing: `[handbook words, everyday wordings]`. */
  g: [string[], string[]][];
  /** Phrases searched whole besides the groups' words (slogans). */
  p: string[];
  /** Topic key → everyday words of that topic. */
  t: Record<string, string[]>;
}

/** What `compileThesaurus` reads: the thesaurus file (validated) and the glossary. */
export interface ThesaurusSource {
  synonyms?: Readonly<Record<string, readonly string[]>>;
  phrases?: readonly string[];
  /** Topic key → words; labels already resolved to keys. */
  topics?: Readonly<Record<string, readonly string[]>>;
}
export interface GlossaryEntry {
  term: string;
  aliases?: readonly string[];
  synonyms?: readonly string[];
}

const clean = (words: readonly string[] | undefined) => [...new Set((words ?? []).map((w) => w.normalize('NFKC').trim()).filter(Boolean))];

/**
 * The compact thesaurus: one group per thesaurus entry (its word, then its synonyms) and per
 * glossary term (the term and its aliases, which are the handbook's own names for it, then
 * its synonyms). Sorted, so the same content always gives the same bytes.
 */
export function compileThesaurus(source: ThesaurusSource, glossary: readonly GlossaryEntry[] = []): CompiledThesaurus {
  const groups: [string[], string[]][] = [];
  for (const [word, synonyms] of Object.entries(source.synonyms ?? {})) groups.push([clean([word]), clean(synonyms)]);
  for (const entry of glossary) {
    const names = clean([entry.term, ...(entry.aliases ?? [])]);
    groups.push([names, clean(entry.synonyms).filter((s) => !names.includes(s))]);
  }
  groups.sort((a, b) => (a[0][0]! < b[0][0]! ? -1 : a[0][0]! > b[0][0]! ? 1 : 0));
  const topics: Record<string, string[]> = {};
  for (const [topic, words] of Object.entries(source.topics ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    topics[topic] = [...new Set([...(topics[topic] ?? []), ...clean(words)])];
  }
  return { g: groups, p: clean(source.phrases).sort(), t: topics };
}

/** A word of the query that the thesaurus knows, and the handbook's words to search for it. */
export interface Expansion {
  /** The reader's word as found in the query. */
  word: string;
  /** The handbook's words for it (never the word itself). */
  handbook: string[];
}

/** The thesaurus in the browser: lookups by word. */
export class Thesaurus {
  /** Everyday or handbook word → the handbook's words of every group it belongs to. */
  readonly #handbook = new Map<string, Set<string>>();
  /** Words searched whole: every group's words of two or more characters, and the phrases. */
  readonly phrases: readonly string[];
  readonly #topics: [string, string[]][];
  /** Known words, longest first, for finding them inside a longer query word. */
  readonly #byLength: string[];
  /** The handbook's own words (the groups' first lists: terms, aliases, thesaurus entries), for near-word suggestions. */
  readonly handbookWords: readonly string[];

  constructor(compiled: CompiledThesaurus = { g: [], p: [], t: {} }) {
    const whole = new Set<string>(compiled.p);
    for (const [names, synonyms] of compiled.g) {
      for (const word of [...names, ...synonyms]) {
        if ([...word].length >= 2) whole.add(word);
        const set = this.#handbook.get(word) ?? new Set<string>();
        for (const name of names) if (name !== word) set.add(name);
        this.#handbook.set(word, set);
      }
    }
    this.phrases = [...whole];
    this.handbookWords = [...new Set(compiled.g.flatMap(([names]) => names))];
    this.#topics = Object.entries(compiled.t);
    this.#byLength = [...this.#handbook.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

  /**
   * The handbook's words for a query word: for the word itself when the thesaurus lists it,
   * else for the listed words it holds (上厕所 holds 厕所 → 公厕), longest first, not overlapping.
   */
  expand(word: string): Expansion[] {
    const direct = this.#handbook.get(word);
    if (direct) return direct.size ? [{ word, handbook: [...direct] }] : [];
    const found: Expansion[] = [];
    const taken: boolean[] = [];
    for (const known of this.#byLength) {
      if (known.length >= word.length) continue;
      let at = word.indexOf(known);
      while (at !== -1) {
        const free = !taken.slice(at, at + known.length).some(Boolean);
        if (free) {
          for (let i = at; i < at + known.length; i++) taken[i] = true;
          const handbook = [...this.#handbook.get(known)!];
          if (handbook.length && !found.some((f) => f.word === known)) found.push({ word: known, handbook });
        }
        at = word.indexOf(known, at + 1);
      }
    }
    return found;
  }

  /** Whether the thesaurus lists the word (as a handbook word or a synonym). */
  knows(word: string): boolean {
    return this.#handbook.has(word);
  }

  /** Every topic with its everyday words. */
  get topicWords(): readonly [string, readonly string[]][] {
    return this.#topics;
  }

  /** Topic keys whose everyday words occur in the text, most words first. */
  topicsOf(text: string): string[] {
    return this.#topics
      .map(([topic, words]) => [topic, words.filter((w) => text.includes(w)).reduce((n, w) => n + w.length, 0)] as const)
      .filter(([, score]) => score > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([topic]) => topic);
  }
}
