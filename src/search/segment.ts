/**
 * Word segmentation for search, the same at build time and in the browser.
 *
 * Pagefind's extended binary segments Chinese itself (with jieba) when the index language is
 * zh, but that holds about 0.4 MB per page until the index is written: 4.1 GB at 10,000 cases.
 * The build instead splits the indexed text into words with `Intl.Segmenter` (ICU) and indexes
 * it as a language Pagefind splits on spaces only (`SEGMENTED_LANGUAGE`). In the browser,
 * Pagefind splits a query with the same `Intl.Segmenter` (the search page's language is zh-CN),
 * so index and query now use one segmenter, where before they used two. Pagefind's excerpts
 * and titles then come back with spaces between the words: `joinWords` takes them out again.
 *
 * No `node:` imports: the search page's script uses this module too.
 */

/**
 * The index language Pagefind gets: "undetermined", so that it splits on whitespace, without
 * jieba (which it runs for zh and ja) and without a stemmer. The browser still segments queries
 * by the search page's own language (zh-CN).
 */
export const SEGMENTED_LANGUAGE = 'und';

const HAN_CHAR = /\p{Script=Han}/u;
let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * The text's words separated by single spaces, as Pagefind splits a query in the browser: every
 * segment of `Intl.Segmenter` (words, numbers, punctuation) apart, whitespace dropped.
 * Without `Intl.Segmenter` (old browsers), Han characters stand alone and other runs stay whole.
 *
 * @example segmentWords('小区停车位不够') // '小区 停车位 不够'
 */
export function segmentWords(text: string): string {
  const intl = wordSegmenter();
  const words: string[] = [];
  if (intl) {
    for (const { segment } of intl.segment(text)) if (segment.trim()) words.push(segment);
  } else {
    for (const part of text.split(/\s+/)) {
      let run = '';
      for (const char of part) {
        if (HAN_CHAR.test(char)) {
          if (run) words.push(run);
          run = '';
          words.push(char);
        } else run += char;
      }
      if (run) words.push(run);
    }
  }
  return words.join(' ');
}

/**
 * `segmentWords` of each text, in one pass of the segmenter over all of them (joined by line
 * breaks, where a word always ends): a page's hundred-odd text nodes segment a third faster
 * than one by one. The same result as `texts.map(segmentWords)`.
 */
export function segmentEach(texts: readonly string[]): string[] {
  const intl = wordSegmenter();
  if (!intl) return texts.map(segmentWords);
  const words: string[][] = texts.map(() => []);
  // Where each text starts in the joined string.
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + 1;
  }
  let node = 0;
  for (const { segment, index } of intl.segment(texts.join('\n'))) {
    while (node + 1 < starts.length && index >= starts[node + 1]!) node++;
    if (segment.trim()) words[node]!.push(segment);
  }
  return words.map((w) => w.join(' '));
}

/**
 * Marks the search copy puts after every block of text (`BLOCK_END`) and after every heading
 * (`HEADING_END`), so that an excerpt never runs a heading or a list item into the next text.
 * Punctuation that no handbook writes: Pagefind keeps them in a page's text and indexes no word
 * for them.
 */
export const BLOCK_END = '\u2E3F';
export const HEADING_END = '\u2E3E';

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;
/** Stand-ins for <mark> and </mark> while spaces are taken out of an excerpt. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const TRANSPARENT = new Set([OPEN, CLOSE]);

/**
 * Undoes `segmentWords` for display: the spaces go, except between two Latin words or numbers
 * (`议事 会 组成` → `议事会组成`, `“ 1 + 7 + X ”` → `“1+7+X”`, `Open Data` stays), and so do
 * the block marks. Pagefind's `<mark>` tags in an excerpt are kept and do not count as neighbours.
 */
export function joinWords(text: string): string {
  const chars = [...text.replaceAll('<mark>', OPEN).replaceAll('</mark>', CLOSE).replaceAll(BLOCK_END, ' ').replaceAll(HEADING_END, ' ')];
  const visible = (from: number, step: 1 | -1): string | undefined => {
    for (let i = from; i >= 0 && i < chars.length; i += step) {
      const c = chars[i]!;
      if (!TRANSPARENT.has(c)) return c;
    }
    return undefined;
  };
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const c = chars[i]!;
    if (!/\s/u.test(c)) {
      out += c;
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && /\s/u.test(chars[end]!)) end++;
    const before = visible(i - 1, -1);
    const after = visible(end, 1);
    if (before !== undefined && after !== undefined && LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after)) out += ' ';
    i = end;
  }
  return out.replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
}
