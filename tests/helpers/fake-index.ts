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
 * it; a word that begins no word of any page is ignored; the score grows with matches, more
 * for the title. Pages are given as title, summary and body.
 */
export function fakeIndex(pages: Record<string, { title: string; summary?: string; body?: string }>): { search: IndexSearch<FakePage>; searched: string[] } {
  const docs = Object.entries(pages).map(([id, page]) => {
    const text = [page.title, page.summary ?? '', page.body ?? ''].join(' ');
    const tokens = segmentWords(text).split(' ');
    const titleLength = segmentWords(page.title).split(' ').length;
    const data: FakePage = { url: `/${id}/`, content: tokens.join(' '), meta: { title: segmentWords(page.title), summary: segmentWords(page.summary ?? '') } };
    return { id, tokens: tokens.map(normal), titleLength, data };
  });
  const searched: string[] = [];
  const search: IndexSearch<FakePage> = async (words) => {
    searched.push(words);
    const terms = words.split(' ').map(normal).filter(Boolean).filter((term) => docs.some((d) => d.tokens.some((t) => t.startsWith(term))));
    if (terms.length === 0) return [];
    const hits: IndexHit<FakePage>[] = [];
    for (const doc of docs) {
      const positions = terms.map((term) => doc.tokens.flatMap((t, i) => (t && t.startsWith(term) ? [i] : [])));
      if (positions.some((p) => p.length === 0)) continue;
      const all = positions.flat();
      const score = all.reduce((sum, i) => sum + (i < doc.titleLength ? 5 : 1), 0) / Math.sqrt(doc.tokens.length);
      hits.push({ id: doc.id, score, words: all, data: async () => doc.data });
    }
    return hits.sort((a, b) => b.score - a.score);
  };
  return { search, searched };
}
