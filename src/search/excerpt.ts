/**
 * A search result's excerpt, built from the page's indexed text (Pagefind's `content`: the
 * search copy's words separated by spaces, with the block marks of `search-copy.ts`) and the
 * positions of the matches. It is one stretch of one paragraph, list item or note: it starts at
 * a sentence or a word, never inside a word, never with a comma; it never runs a heading into
 * the text under it; and it holds no markup (the copy has none, and the result is plain text
 * segments, never HTML).
 *
 * No `node:` imports: the search page's script uses this module.
 */
import { BLOCK_END, HEADING_END } from './segment.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Plain text of the excerpt. */
  text: string;
}

/** Ends a sentence. */
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…', '……']);
/** Closing quotes and brackets that belong to the sentence before them. */
const CLOSERS = /^[”’」』）)】〕》]+$/u;
/** Marks that must not open an excerpt. */
const NO_START = /^[，、。；：！？,.;:!?）)】〕》”’」』…·]+$/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
/** Fewer Han characters than this is no sentence of the body (a label, a name). */
const MIN_SENTENCE = 6;
/** A data field's name as the authors' guide writes it (outcome.status, source_id). */
const FIELD_NAME = /[A-Za-z]+ ?[._] ?[A-Za-z]+/;

interface Sentence {
  from: number;
  to: number; // exclusive
  block: number;
  heading: boolean;
}

/** The page's text as blocks of sentences, by word position. */
function sentences(tokens: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  let block = 0;
  let from = 0;
  const close = (to: number, heading: boolean) => {
    if (to > from) out.push({ from, to, block, heading });
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === BLOCK_END || token === HEADING_END) {
      close(i, token === HEADING_END);
      from = i + 1;
      block++;
      continue;
    }
    if (SENTENCE_END.has(token)) {
      let end = i + 1;
      while (end < tokens.length && CLOSERS.test(tokens[end]!)) end++;
      close(end, false);
      i = end - 1;
    }
  }
  close(tokens.length, false);
  // A sentence closed by a heading mark is the heading: mark every sentence of that block.
  const headingBlocks = new Set(out.filter((s) => s.heading).map((s) => s.block));
  return out.map((s) => ({ ...s, heading: headingBlocks.has(s.block) }));
}

/** Words joined as the page shows them: no space between Han words, one between Latin words or numbers. */
function joinParts(tokens: readonly string[], marks: readonly boolean[]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let previous = '';
  tokens.forEach((token, i) => {
    const space = previous && LATIN_OR_DIGIT.test(previous.at(-1)!) && LATIN_OR_DIGIT.test(token[0]!) ? ' ' : '';
    const mark = marks[i]!;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += space + token;
    else {
      if (space && last) last.text += space;
      parts.push({ text: token, mark });
    }
    previous = token;
  });
  return parts;
}

/**
 * The best excerpt of about `length` characters: the sentence of the body holding the most
 * different matched words, with the sentences after it in the same block while they fit; a
 * sentence longer than that is cut at words around its first match, with “…” where it was cut.
 * Only sentences count: a block that does not end as a sentence does (a badge, a field's value,
 * a list of names, a source line, a heading) or that names a data field is never an excerpt.
 * A match only in a heading: the first sentence after it. Without matches: the page's first
 * sentence; with matches but none in a sentence: empty (the search page then shows the page's
 * summary).
 */
export function buildExcerpt(content: string, locations: readonly number[], length = 80): Excerpt {
  const tokens = content.split(/[^\S\uFEFF]+/u);
  const matched = new Set(locations);
  const all = sentences(tokens);
  const size = (from: number, to: number) => tokens.slice(from, to).filter((t) => t !== BLOCK_END && t !== HEADING_END).join('').length;
  // Blocks that open with a match are about it (a glossary entry, a list item): a little ahead.
  const opensWithMatch = new Set<number>();
  const seen = new Set<number>();
  for (const s of all) {
    if (seen.has(s.block)) continue;
    seen.add(s.block);
    const first = tokens.slice(s.from, s.to).findIndex((t) => /[\p{L}\p{N}]/u.test(t));
    if (first !== -1 && matched.has(s.from + first)) opensWithMatch.add(s.block);
  }
  const score = (s: Sentence) => {
    const words = new Set<string>();
    let count = 0;
    for (let i = s.from; i < s.to; i++) {
      if (matched.has(i)) {
        words.add(tokens[i]!);
        count++;
      }
    }
    return words.size * 10 + Math.min(count, 5) + (words.size && opensWithMatch.has(s.block) ? 5 : 0);
  };
  // Only sentences of the body: a badge, a field's value, a list of names or a source line
  // (none ends as a sentence does), or a sentence naming a data field (outcome.status), never.
  const prose = (s: Sentence) => {
    if (s.heading) return false;
    const words = tokens.slice(s.from, s.to).filter((t) => t && t !== BLOCK_END && t !== HEADING_END);
    let last = words.length - 1;
    while (last >= 0 && CLOSERS.test(words[last]!)) last--;
    const text = words.join('');
    return last >= 0 && SENTENCE_END.has(words[last]!) && [...text].filter((c) => HAN.test(c)).length >= MIN_SENTENCE && !FIELD_NAME.test(words.join(' '));
  };
  let best: Sentence | undefined;
  let bestScore = 0;
  for (const s of all) {
    if (!prose(s)) continue;
    const value = score(s);
    if (value > bestScore) {
      best = s;
      bestScore = value;
    }
  }
  // No sentence of the body holds a match: the first sentence after a heading that does; the
  // first sentence of the page when nothing matched; else none (the search page shows the summary).
  if (!best) {
    const heading = all.find((s) => s.heading && score(s) > 0);
    if (heading) best = all.find((s) => s.from >= heading.to && prose(s));
    else if (!locations.length) best = all.find(prose);
    if (!best) return { parts: [], text: '' };
  }

  let from = best.from;
  let to = best.to;
  // Following sentences of the same block while they fit.
  for (const next of all) {
    if (next.from < to || next.block !== best.block || !prose(next)) continue;
    if (next.from !== to || size(from, next.to) > length) break;
    to = next.to;
  }
  let cutStart = false;
  let cutEnd = false;
  if (size(from, to) > length) {
    // Window around the first match, at word boundaries.
    const first = [...matched].filter((i) => i >= from && i < to).sort((a, b) => a - b)[0] ?? from;
    let start = first;
    let end = first + 1;
    // Some words before the match (up to a third of the length), the rest after it.
    while (size(start, end) < length) {
      const before = start > from;
      const after = end < to;
      if (!before && !after) break;
      if (before && (!after || size(start, first) < length / 3)) start--;
      else end++;
    }
    cutStart = start > from;
    cutEnd = end < to;
    from = start;
    to = end;
  }
  const slice: number[] = [];
  for (let i = from; i < to; i++) if (tokens[i] !== BLOCK_END && tokens[i] !== HEADING_END && tokens[i] !== '') slice.push(i);
  // Never open with a comma, a closing quote or a stop.
  while (slice.length && NO_START.test(tokens[slice[0]!]!)) slice.shift();
  if (slice.length === 0) return { parts: [], text: '' };
  const words = slice.map((i) => tokens[i]!);
  const marks = slice.map((i) => matched.has(i));
  // A cut end drops a dangling comma before the ellipsis.
  if (cutEnd) while (words.length > 1 && NO_START.test(words.at(-1)!)) (words.pop(), marks.pop());
  const parts = joinParts(words, marks);
  if (cutStart && slice[0]! > best.from) parts.unshift({ text: '…', mark: false });
  if (cutEnd) parts.push({ text: '…', mark: false });
  const merged: ExcerptPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.mark === part.mark) last.text += part.text;
    else merged.push({ ...part });
  }
  return { parts: merged, text: merged.map((p) => p.text).join('') };
}

/** A heading of the page that holds matches: a sub-result linking straight to it. */
export interface SubResult {
  title: string;
  /** The heading's id (the URL's fragment). */
  id: string;
}

/**
 * The headings and other anchored elements (with an id: steps, sections, glossary entries)
 * under which matches stand, in page order: what follows an anchor up to the next one belongs
 * to it. An anchor without a heading's text (a glossary entry's `<div id>`) is named by the
 * first block of text after it, read from the page's indexed `content`.
 */
export function subResults(
  anchors: readonly { id?: string; text?: string; location: number; element?: string }[],
  locations: readonly number[],
  content = '',
  max = 3,
): SubResult[] {
  const tokens = content ? content.split(/[^\S\uFEFF]+/u) : [];
  const named = (anchor: (typeof anchors)[number]): string => {
    const text = (anchor.text ?? '').replaceAll(BLOCK_END, ' ').replaceAll(HEADING_END, ' ').trim();
    const own = /[\p{L}\p{N}]/u.test(text) ? text : '';
    if (own || /^h[1-6]$/i.test(anchor.element ?? '')) return own;
    const words: string[] = [];
    for (let i = anchor.location; i < tokens.length && words.length < 20; i++) {
      const token = tokens[i]!;
      if (token === BLOCK_END || token === HEADING_END || token === '：' || token === ':') {
        if (words.length) break;
        continue;
      }
      words.push(token);
    }
    return words.length < 20 ? words.join(' ') : '';
  };
  const usable = anchors
    .filter((a) => a.id && !/^(h1|main|body|article)$/i.test(a.element ?? ''))
    .map((a) => ({ id: a.id!, location: a.location, title: named(a) }))
    .filter((a) => a.title)
    .sort((a, b) => a.location - b.location);
  const found: (SubResult & { named: boolean })[] = [];
  usable.forEach((anchor, i) => {
    const end = usable[i + 1]?.location ?? Infinity;
    // Named by a match (the glossary entry of the word searched): first.
    if (locations.some((l) => l >= anchor.location && l < end)) found.push({ title: anchor.title, id: anchor.id, named: locations.includes(anchor.location) });
  });
  return [...found.filter((f) => f.named), ...found.filter((f) => !f.named)].slice(0, max).map(({ title, id }) => ({ title, id }));
}
