import type { IndexHit, IndexSearch } from '../../src/search/engine.ts';
import { segmentWords } from '../../src/search/segment.ts';

/** A page of the stand-in index, as Pagefind's `data()` gives it. */
export interface FakePage {
  url: string;
  content: string;
  meta: { title: string; summary: string };
}

const normal = (token: string) => token.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A stand-in for Pagefind 1.6 as the engine meets it: pages split into words as the build
 * splits them; every word of a search must begin a word of the page (prefix match), anywhere on
 * it; a word that begins no word of any page is ignored in a search of several words, and, as
 * Pagefind does, a single such word is answered with the pages where a shorter beginning of it
 * stands as a word (高考 → 高); a search in quotes ("议事 会") finds the words exactly, in a row;
 * the score grows with matches, more for the title. Pages are given as title, summary and body.
 */
export function fakeIndex(pages: Record<string, { title: string; summary?: string; body?: string }>): { search: IndexSearch<FakePage>; searched: string[] } {
  const docs = Object.entries(pages).map(([id, page]) => {
    const text = [page.title, page.summary ?? '', page.body ?? ''].join(' ');
    const tokens = segmentWords(text).split(' ');
    const titleLength = segmentWords(page.title).split(' ').length;
    const summaryLength = page.summary ? segmentWords(page.summary).split(' ').length : 0;
    const data: FakePage = { url: `/${id}/`, content: tokens.join(' '), meta: { title: segmentWords(page.title), summary: segmentWords(page.summary ?? '') } };
    return { id, tokens: tokens.map(normal), titleLength, summaryLength, data };
  });
  const searched: string[] = [];
  const score = (doc: (typeof docs)[number], all: number[]) => all.reduce((sum, i) => sum + (i < doc.titleLength ? 5 : 1), 0) / Math.sqrt(doc.tokens.length);
  // Pagefind 1.5+ says which metadata fields (title, summary) hold a match.
  const metaFields = (doc: (typeof docs)[number], all: number[]) => [
    ...(all.some((i) => i < doc.titleLength) ? ['title'] : []),
    ...(all.some((i) => i >= doc.titleLength && i < doc.titleLength + doc.summaryLength) ? ['summary'] : []),
  ];
  const hitOf = (doc: (typeof docs)[number], all: number[]): IndexHit<FakePage> => {
    const fields = metaFields(doc, all);
    return { id: doc.id, score: score(doc, all), words: all, ...(fields.length ? { matchedMetaFields: fields } : {}), data: async () => doc.data };
  };
  const search: IndexSearch<FakePage> = async (words) => {
    searched.push(words);
    const phrase = /^"(.*)"$/.exec(words);
    if (phrase) {
      const terms = phrase[1]!.split(' ').map(normal).filter(Boolean);
      const hits: IndexHit<FakePage>[] = [];
      for (const doc of docs) {
        const at = doc.tokens.findIndex((_, i) => terms.every((t, j) => doc.tokens[i + j] === t));
        if (at !== -1) hits.push(hitOf(doc, [at]));
      }
      return hits;
    }
    let terms = words.split(' ').map(normal).filter(Boolean);
    const begins = (term: string) => docs.some((d) => d.tokens.some((t) => t.startsWith(term)));
    let exact = false;
    if (terms.length === 1 && !begins(terms[0]!)) {
      // Pagefind's answer to a word it does not hold: its longest beginning that stands as a word.
      const chars = [...terms[0]!];
      const shorter = chars.map((_, i) => chars.slice(0, chars.length - 1 - i).join('')).find((p) => p && docs.some((d) => d.tokens.includes(p)));
      if (!shorter) return [];
      terms = [shorter];
      exact = true;
    }
    terms = terms.filter((term) => begins(term));
    if (terms.length === 0) return [];
    const hits: IndexHit<FakePage>[] = [];
    for (const doc of docs) {
      const positions = terms.map((term) => doc.tokens.flatMap((t, i) => (t && (exact ? t === term : t.startsWith(term)) ? [i] : [])));
      if (positions.some((p) => p.length === 0)) continue;
      hits.push(hitOf(doc, positions.flat()));
    }
    return hits.sort((a, b) => b.score - a.score);
  };
  return { search, searched };
}
