/**
 * Chinese query handling for the search page, language-level only: full-width folding,
 * Traditional → Simplified, and splitting a query into words, with its function words set apart.
 * Pure functions that run in the browser and in Node alike: no `node:` imports; the Traditional
 * → Simplified converter is loaded only when a query needs it.
 *
 * Nothing here knows a handbook's wording: what readers call the handbook's things, and the
 * slogans to keep whole, come from the content's thesaurus (`thesaurus.ts`), and the search
 * itself is `engine.ts`.
 */
import { TRADITIONAL_ONLY } from './traditional.ts';

/** Particles that are never part of a search word. */
const PARTICLES = new Set(['的', '吗', '呢', '吧', '啊', '呀', '嘛', '了', '哦', '啦', '么']);

/**
 * Function words of Chinese, a closed class of the language (not of any handbook): question
 * words, pronouns, modal verbs, conjunctions, prepositions, and adverbs of degree, frequency and
 * time. They frame a question without naming its topic, so they are set apart when the question
 * is split into words and are not searched. Everything else (问题, 解决, 没有, 附近, 社区 …) is
 * searched and weighed by how common it is in the handbook's index (engine.ts), not by a list.
 */
const FUNCTION_WORDS = new Set([
  '怎么', '怎么样', '怎么办', '怎样', '如何', '咋办', '咋样', '什么', '什么样', '为什么', '为何', '干什么', '干嘛',
  '是什么', '是不是', '是否', '有没有', '有无', '能不能', '能否', '可不可以', '可否', '可以', '应该', '应当', '需要',
  '想要', '请问', '请教', '问一下', '一下', '我们', '咱们', '你们', '他们', '她们', '自己', '大家',
  '哪些', '哪个', '哪种', '哪里', '哪儿', '多少', '以及', '或者', '还是', '对于', '关于', '这个', '那个', '这样',
  '那样', '这些', '那些', '这种', '那种', '一个', '一些', '一般', '到底', '究竟', '以后', '之后', '以前', '之前',
  '的时候', '的话', '如果', '因为', '所以', '但是', '而且', '还有', '等等', '能够', '一下子', '几个', '哪几个', '哪几',
  '这里', '那里', '我要', '我想', '我们要', '要不要', '该不该', '需不需要', '应不应该', '有什么',
  '什么意思', '是什么意思', '啥意思', '指什么', '是指', '指的是', '叫做', '称为', '什么叫', '何谓', '叫什么',
  '很', '太', '非常', '特别', '比较', '老是', '总是', '经常', '一直', '已经', '现在', '目前', '最近', '先', '再',
  '啥叫', '含义', '意思', '什么是', '是啥意思',
  '我', '你', '您', '他', '她', '它', '咱', '要', '想', '该', '能', '哪', '谁', '啥', '咋', '是', '有', '在', '和',
  '跟', '与', '及', '或', '就', '都', '也', '还', '又', '才', '把', '被', '给', '对', '从', '向', '让', '这', '那',
  '等', '呗', '请', '由', '将', '使', '得', '几',
]);

/**
 * How Chinese asks what something is or means (两委是什么意思, 什么叫界别, 回头看指什么, 界别的含义):
 * a page titled with the word asked about then answers best (engine.ts).
 */
const DEFINITION_FRAMES = ['是什么', '什么是', '什么叫', '啥叫', '叫什么', '何谓', '啥意思', '什么意思', '是啥', '指什么', '是指', '指的是', '含义', '意思'];

/** Whether a query asks what something is or means (`DEFINITION_FRAMES`). */
export function asksWhatItIs(q: string): boolean {
  const text = normalizeQuery(q);
  return DEFINITION_FRAMES.some((frame) => text.includes(frame));
}

/** Function words of three or more characters: cut out of a question whole (`analyzeQuery`). */
const FRAMES = [...FUNCTION_WORDS].filter((w) => [...w].length >= 3);

/** Function characters that never end another word (是, 谁, 我 …): never glued to a lone character before them. */
const NEVER_GLUED = new Set(['是', '我', '你', '您', '他', '她', '它', '咱', '谁', '哪', '啥', '咋', '呗', '请', '很', '太', '先', '再']);

/** A word of a query and what the search does with it. */
export interface QueryToken {
  text: string;
  /** `function` words (question words, pronouns, particles) frame the question and are not searched; every other word is. */
  kind: 'content' | 'function';
  /** Offsets in the normalised query. */
  start: number;
  end: number;
  /** Han characters (as opposed to Latin letters, digits and formulas such as 1+7+X). */
  han: boolean;
  /** A phrase kept whole (a term or slogan of the thesaurus). */
  whole: boolean;
}

export interface QueryOptions {
  /** Phrases to keep whole: the thesaurus's terms, synonyms and slogans. */
  keep?: readonly string[];
  /** How to split Han text into words: the browser's `Intl.Segmenter` (default, when present) or the built-in word lists only. */
  segmenter?: 'intl' | 'lexicon';
}

const HAN = /\p{Script=Han}/u;
/** A run of Han characters, or a word of other letters and digits that may hold + . _ # - (1+7+X, 6+X, 365). */
const WORD_OR_HAN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])(?:(?:(?!\p{Script=Han})[\p{L}\p{N}+._#-])*(?:(?!\p{Script=Han})[\p{L}\p{N}+]))?/gu;
const isHan = (text: string) => HAN.test(text);

/** Full-width letters, digits and signs folded to ASCII (Ｘ → X, ＋ → +), spaces collapsed. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

let intlSegmenter: Intl.Segmenter | null | undefined;
function intlWords(text: string): string[] | undefined {
  if (intlSegmenter === undefined) {
    intlSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  }
  if (!intlSegmenter) return undefined;
  return [...intlSegmenter.segment(text)].map((s) => s.segment);
}

const LEXICON = [...PARTICLES, ...FUNCTION_WORDS].sort((a, b) => b.length - a.length);

/** Without a word segmenter: the listed words where they occur (longest first), the rest as runs. */
function lexiconWords(text: string): string[] {
  const words: string[] = [];
  let run = '';
  for (let i = 0; i < text.length; ) {
    const word = LEXICON.find((w) => text.startsWith(w, i));
    if (word) {
      if (run) words.push(run);
      run = '';
      words.push(word);
      i += word.length;
    } else {
      run += text[i];
      i++;
    }
  }
  if (run) words.push(run);
  return words;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits a query into words and says what each is: a word to search, or a function word that frames the question. */
export function analyzeQuery(q: string, options: QueryOptions = {}): QueryToken[] {
  const text = normalizeQuery(q);
  const keep = [...new Set((options.keep ?? []).map(normalizeQuery).filter((p) => [...p].length > 1))];
  // Question frames of three or more characters (是什么意思, 怎么办) are cut out whole before the
  // segmenter sees the rest, which would split them (是/什么/意思) into words of their own.
  for (const frame of FRAMES) if (!keep.includes(frame)) keep.push(frame);
  keep.sort((a, b) => b.length - a.length);
  const keepPattern = keep.length ? new RegExp(keep.map(escapeRegExp).join('|'), 'gu') : undefined;

  type Raw = Omit<QueryToken, 'kind'>;
  const raw: Raw[] = [];
  const addFree = (from: number, to: number) => {
    const part = text.slice(from, to);
    // Han runs go to the segmenter; letters, digits and formulas (1+7+X, 6+X) stay whole.
    for (const m of part.matchAll(WORD_OR_HAN)) {
      const at = from + m.index;
      if (!isHan(m[0])) {
        raw.push({ text: m[0], start: at, end: at + m[0].length, han: false, whole: false });
        continue;
      }
      const words = (options.segmenter === 'lexicon' ? undefined : intlWords(m[0])) ?? lexiconWords(m[0]);
      let offset = at;
      for (const word of words) {
        raw.push({ text: word, start: offset, end: offset + word.length, han: true, whole: false });
        offset += word.length;
      }
    }
  };
  // Where the segmenter's words of the whole query begin and end: a kept phrase standing inside
  // a longer word (学生 in 大学生) is a piece of that word, not the reader's word, and is not cut out.
  const insideWord = (() => {
    if (options.segmenter === 'lexicon') return () => false;
    const words = intlWords(text);
    if (!words) return () => false;
    const spans: [number, number][] = [];
    let at = 0;
    for (const word of words) spans.push([at, (at += word.length)]);
    return (start: number, end: number) => spans.some(([a, b]) => a <= start && end <= b && b - a > end - start);
  })();
  let last = 0;
  if (keepPattern) {
    for (const m of text.matchAll(keepPattern)) {
      if (!FRAMES.includes(m[0]) && isHan(m[0]) && insideWord(m.index, m.index + m[0].length)) continue;
      addFree(last, m.index);
      raw.push({ text: m[0], start: m.index, end: m.index + m[0].length, han: isHan(m[0]), whole: !FRAMES.includes(m[0]) });
      last = m.index + m[0].length;
    }
  }
  addFree(last, text.length);

  const functionChar = (c: string) => PARTICLES.has(c) || FUNCTION_WORDS.has(c);
  // A word the lists hold, or one made of function characters only (是啥 = 是 + 啥, 都是).
  const listed = (t: Raw) => PARTICLES.has(t.text) || FUNCTION_WORDS.has(t.text) || (t.han && [...t.text].every(functionChar));
  // A lone character the lists do not know: a piece of a word the segmenter could not find.
  const lonePiece = (t: Raw | undefined) => t !== undefined && t.han && !t.whole && t.text.length === 1 && !listed(t);
  return raw.map((t, i): QueryToken => {
    const prev = raw[i - 1];
    // A function character right after such a piece ends that word (督/办 → 督办, 余/村 → 余村).
    const glued = t.text.length === 1 && !NEVER_GLUED.has(t.text) && !PARTICLES.has(t.text) && lonePiece(prev) && prev!.end === t.start;
    const kind: QueryToken['kind'] = t.whole || !t.han || glued || !listed(t) ? 'content' : 'function';
    return { ...t, kind };
  });
}

const TRADITIONAL = new Set(TRADITIONAL_ONLY);

/** Whether the query has characters written only in Traditional script (們, 協, 議 …). */
export function needsTraditionalConversion(q: string): boolean {
  for (const char of q) if (TRADITIONAL.has(char)) return true;
  return false;
}

let converter: Promise<(text: string) => string> | undefined;

/**
 * The query in Simplified characters (請你來協商 → 请你来协商; Taiwan variant forms such as 裡
 * included). Characters only, not Taiwan vocabulary: OpenCC's phrase table would turn 資料 into
 * 数据, a word the handbook does not use for its sources. Loads OpenCC's Traditional →
 * Simplified tables (about 110 kB) on the first call only.
 */
export async function toSimplified(q: string): Promise<string> {
  converter ??= import('opencc-js/t2cn').then(({ Converter }) => Converter({ from: 'tw', to: 'cn' }));
  try {
    return (await converter)(q);
  } catch (error) {
    converter = undefined; // let a later call try loading again
    throw error;
  }
}
