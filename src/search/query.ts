/**
 * Chinese query handling for the search page, language-level only: full-width folding,
 * Traditional → Simplified, question words and particles, and splitting a query into words.
 * Pure functions that run in the browser and in Node alike: no `node:` imports; the Traditional
 * → Simplified converter is loaded only when a query needs it.
 *
 * Nothing here knows a handbook's wording: what readers call the handbook's things, and the
 * slogans to keep whole, come from the content's thesaurus (`thesaurus.ts`), and the search
 * itself is `engine.ts`.
 */
import { TRADITIONAL_ONLY } from './traditional.ts';

/** Particles that are never part of a search word: always dropped. */
const PARTICLES = new Set(['的', '吗', '呢', '吧', '啊', '呀', '嘛', '了', '哦', '啦', '么']);

/**
 * Question and function words of two or more characters: dropped when the segmenter finds them
 * as words of their own.
 */
const STOP_WORDS = new Set([
  '怎么', '怎么样', '怎么办', '怎样', '如何', '咋办', '咋样', '什么', '什么样', '为什么', '为何', '干什么', '干嘛',
  '是什么', '是不是', '是否', '有没有', '有无', '能不能', '能否', '可不可以', '可否', '可以', '应该', '应当', '需要',
  '想要', '要求', '请问', '请教', '问一下', '一下', '我们', '咱们', '你们', '他们', '她们', '自己', '大家',
  '哪些', '哪个', '哪种', '哪里', '哪儿', '多少', '以及', '或者', '还是', '对于', '关于', '这个', '那个', '这样',
  '那样', '这些', '那些', '这种', '那种', '一个', '一些', '一般', '具体', '意思', '含义', '定义', '是指', '指的是',
  '叫做', '称为', '时候', '的话', '如果', '因为', '所以', '但是', '而且', '还有', '等等', '能够', '有关', '相关',
  '知道', '了解', '介绍', '一下子', '到底', '究竟', '以后', '之后', '以前', '之前', '的时候', '几个', '哪几个', '哪几',
  '这本', '一本', '这里', '那里', '我要', '我想', '我们要', '要不要', '该不该', '需不需要', '应不应该', '有什么',
]);

/**
 * Single-character function words: dropped when the segmenter finds them alone, unless they
 * follow another lone character (then they are probably the end of a word the segmenter does
 * not know, like 督办 → 督/办).
 */
const STOP_CHARS = new Set([
  '我', '你', '您', '他', '她', '它', '咱', '要', '想', '该', '能', '办', '做', '干', '搞', '弄', '哪', '谁',
  '啥', '咋', '是', '有', '在', '和', '跟', '与', '及', '或', '就', '都', '也', '还', '又', '才', '把', '被', '给',
  '对', '从', '向', '让', '去', '到', '来', '这', '那', '等', '呗', '请', '由', '将', '使', '得', '几', '本',
]);

/** Single-character function words that never end another word (是, 谁, 我 …): never glued. */
const NEVER_GLUED = new Set(['是', '我', '你', '您', '他', '她', '它', '咱', '谁', '哪', '啥', '咋', '呗', '请', '没', '很', '太']);

/**
 * Words a page answering the question need not contain: generic nouns and verbs (问题, 情况,
 * 解决…) and complaint words (不够, 没有, 难, 老是, 太…). They rank pages but never decide
 * whether a page is relevant. Words common in one handbook (协商, 社区) are found common from
 * the index at search time instead (engine.ts).
 */
const WEAK_WORDS = new Set([
  '问题', '情况', '事情', '事儿', '事', '事项', '解决', '处理', '开展', '进行', '组织', '召开', '举行', '搞好', '做好',
  '商量', '讨论', '沟通', '没有', '没', '不够', '不足', '太少', '太多', '很多', '很', '太', '非常', '特别', '比较',
  '难', '不好', '老是', '总是', '经常', '一直', '现在', '目前', '已经', '最近', '附近', '周边', '地方', '方面', '工作',
  '办法', '方法', '做法', '东西', '多', '少', '好', '人', '成立', '建立', '实行', '推行', '开', '弄好', '解答', '例子',
  '经验', '举例', '资料', '路上', '时候', '期间', '时', '用', '找不到', '找', '搞', '管', '经过', '经历',
]);

/** A word of a query and what the search does with it. */
export interface QueryToken {
  text: string;
  /** `stop` words are dropped; `weak` words rank pages but do not decide relevance; `content` words carry the topic. */
  kind: 'content' | 'weak' | 'stop';
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

const LEXICON = [...PARTICLES, ...STOP_WORDS, ...STOP_CHARS, ...WEAK_WORDS].sort((a, b) => b.length - a.length);

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

/** Splits a query into words and says what each is: a topic word, a weak word or a question word. */
export function analyzeQuery(q: string, options: QueryOptions = {}): QueryToken[] {
  const text = normalizeQuery(q);
  const keep = [...new Set((options.keep ?? []).map(normalizeQuery).filter((p) => [...p].length > 1))];
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
  let last = 0;
  if (keepPattern) {
    for (const m of text.matchAll(keepPattern)) {
      addFree(last, m.index);
      raw.push({ text: m[0], start: m.index, end: m.index + m[0].length, han: isHan(m[0]), whole: true });
      last = m.index + m[0].length;
    }
  }
  addFree(last, text.length);

  const listed = (t: Raw) => PARTICLES.has(t.text) || STOP_WORDS.has(t.text) || STOP_CHARS.has(t.text) || WEAK_WORDS.has(t.text);
  // A lone character the lists do not know: a piece of a word the segmenter could not find.
  const lonePiece = (t: Raw | undefined) => t !== undefined && t.han && !t.whole && t.text.length === 1 && !listed(t);
  return raw.map((t, i): QueryToken => {
    const prev = raw[i - 1];
    // A listed character right after such a piece ends that word (督/办 → 督办, 余/村 → 余村).
    const glued = t.text.length === 1 && !NEVER_GLUED.has(t.text) && lonePiece(prev) && prev!.end === t.start;
    let kind: QueryToken['kind'] = 'content';
    if (t.whole || !t.han) kind = 'content';
    else if (PARTICLES.has(t.text) || STOP_WORDS.has(t.text)) kind = 'stop';
    else if (STOP_CHARS.has(t.text)) kind = glued ? 'content' : 'stop';
    else if (WEAK_WORDS.has(t.text)) kind = glued ? 'content' : 'weak';
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
