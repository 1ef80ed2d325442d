/**
 * Chinese query handling for the search page (Pagefind). Pure functions that run in the browser
 * and in Node alike: no `node:` imports; the Traditional → Simplified converter is loaded only
 * when a query needs it.
 *
 * How Pagefind treats a query (1.6, `zh-cn` index): the browser splits it into words with
 * `Intl.Segmenter`, every word that occurs anywhere in the index must occur on a result page
 * (words found nowhere are ignored), and words match by prefix. So a whole question such as
 * “小区停车位不够怎么协商” finds nothing, because no page holds 小区, 不够 and 停车位 together.
 * `queryVariants` therefore produces ever shorter queries to try in turn, each of them words a
 * page of the handbook could plausibly contain.
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
const NEVER_GLUED = new Set(['是', '我', '你', '您', '他', '她', '它', '咱', '谁', '哪', '啥', '咋', '呗', '请']);

/**
 * Words a page answering the question need not contain: generic nouns and verbs of the domain
 * (问题, 协商, 小区…) and complaint words (不够, 没有, 难…). Kept in the first shortened query,
 * dropped from the later ones.
 */
const WEAK_WORDS = new Set([
  '问题', '情况', '事情', '事儿', '事', '事项', '解决', '处理', '开展', '进行', '组织', '召开', '举行', '搞好', '做好',
  '商量', '讨论', '协商', '议事', '商议', '沟通', '没有', '没', '不够', '不足', '太少', '太多', '很多', '很', '太',
  '非常', '特别', '比较', '难', '不好', '老是', '总是', '经常', '一直', '现在', '目前', '已经', '最近', '居民', '群众',
  '老百姓', '小区', '社区', '村', '村里', '街道', '附近', '周边', '地方', '方面', '工作', '办法', '方法', '做法',
  '东西', '多', '少', '好', '人', '成立', '建立', '实行', '推行', '开', '弄好', '解答', '例子', '经验', '举例', '资料',
]);

/**
 * Phrases of the handbook that contain stop or weak words but must stay whole: slogans, names
 * and terms (不调研不协商 holds 协商, 有事来协商 holds 有 and 来).
 */
const PROTECTED = [
  '请你来协商', '有事来协商', '有事好商量', '不调研不协商', '微协商话民生', '四进访民情', '六步促协商', '六有标准',
  '六有', '五进基层', '党政交', '委员提', '社会征', '切口小', '立意高', '关联广', '小切口', '受关注', '能落实',
  '党政所需', '群众所盼', '政协所能', '回头看', '两委', '三长制', '互联网+', '面对面', '有事多商量', '协商于民',
  '协商为民', '协商议事会', '协商议事室', '议事会', '议政会', '议事室', '座谈会', '恳谈会', '听证会',
];

/**
 * Everyday words and the handbook's wording for the same thing, tried after the words as typed
 * (疫情期间 → 抗疫期间; the handbook says 不予协商 where people say 不能协商).
 */
const HANDBOOK_WORDING: Readonly<Record<string, string>> = {
  疫情: '抗疫',
  新冠: '抗疫',
  堵车: '拥堵',
  塞车: '拥堵',
  堵: '拥堵',
  孩子: '学生',
  小孩: '学生',
  上学: '上下学',
  放学: '上下学',
  接送: '上下学',
  厕所: '公厕',
  卫生间: '公厕',
  不能: '不予',
  不可以: '不予',
  线上: '网络',
  网上: '网络',
  视频: '远程',
  老百姓: '群众',
  规矩: '规范',
  规定: '规范',
  流程: '程序',
  步骤: '程序',
};

/** A word of a query and what the variants do with it. */
export interface QueryToken {
  text: string;
  /** `stop` words go first, `weak` words next; `content` words stay to the end. */
  kind: 'content' | 'weak' | 'stop';
  /** Offsets in the normalised query. */
  start: number;
  end: number;
  /** Han characters (as opposed to Latin letters, digits and formulas such as 1+7+X). */
  han: boolean;
  /** A phrase kept whole (a slogan or term). */
  whole: boolean;
}

export interface QueryOptions {
  /** Phrases to keep whole besides the built-in ones, such as the glossary's terms. */
  keep?: readonly string[];
  /** How to split Han text into words: the browser's `Intl.Segmenter` (default, when present) or the built-in word lists only. */
  segmenter?: 'intl' | 'lexicon';
  /** At most this many variants (default 8). */
  max?: number;
}

const HAN = /\p{Script=Han}/u;
/** A run of Han characters, or a word of other letters and digits that may hold + . _ # - (1+7+X, 6+X, 365). */
const WORD_OR_HAN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])(?:(?:(?!\p{Script=Han})[\p{L}\p{N}+._#-])*(?:(?!\p{Script=Han})[\p{L}\p{N}+]))?/gu;
const isHan = (text: string) => HAN.test(text);
const hanLength = (text: string) => [...text].filter((c) => HAN.test(c)).length;

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

/** Splits a query into words and says which of them the variants drop first. */
export function analyzeQuery(q: string, options: QueryOptions = {}): QueryToken[] {
  const text = normalizeQuery(q);
  const keep = [...PROTECTED, ...(options.keep ?? [])].map(normalizeQuery).filter((p) => p.length > 1);
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

/** A piece of the query kept in a variant, with its place in the normalised query. */
type Piece = Pick<QueryToken, 'text' | 'start' | 'end' | 'han' | 'whole'>;

/** Joins kept pieces: directly where they were adjacent or only dropped Han words lay between, else with a space. */
function render(text: string, pieces: readonly Piece[]): string {
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const prev = pieces[i - 1];
    if (prev) {
      const gap = text.slice(prev.end, piece.start);
      const direct = gap === '' || (prev.han && piece.han && !/[^\p{Script=Han}]/u.test(gap));
      if (!direct) out += ' ';
    }
    out += piece.text;
  }
  return out;
}

/** Content words grouped into search words: lone characters join their neighbours (环/卫/工人 → 环卫工人). */
function contentUnits(tokens: readonly QueryToken[]): Piece[] {
  const units: (Piece & { lastLone: boolean })[] = [];
  for (const token of tokens) {
    if (token.kind !== 'content') continue;
    const last = units.at(-1);
    const lone = token.han && !token.whole && token.text.length === 1;
    if (last && last.end === token.start && last.han && token.han && !last.whole && !token.whole && (lone || last.lastLone)) {
      last.text += token.text;
      last.end = token.end;
      last.lastLone = lone;
    } else {
      units.push({ text: token.text, start: token.start, end: token.end, han: token.han, whole: token.whole, lastLone: lone });
    }
  }
  return units.map(({ lastLone: _, ...unit }) => unit);
}

const WORDING_PATTERN = new RegExp(
  Object.keys(HANDBOOK_WORDING).sort((a, b) => b.length - a.length).join('|'),
  'gu',
);

/** A search word in the handbook's wording (疫情期间 → 抗疫期间); unchanged where it already uses it (拥堵 stays). */
function reword(word: string): string {
  return word.replace(WORDING_PATTERN, (everyday) => {
    const handbook = HANDBOOK_WORDING[everyday]!;
    return word.includes(handbook) ? everyday : handbook;
  });
}

/**
 * The queries to try in turn until one finds something, best first:
 *
 * 1. the query as typed (full-width letters and digits folded: １＋７＋Ｘ → 1+7+X), when it has
 *    no question or function words; when it has some, it is left out, because Pagefind would only find pages that happen to contain 什么, 是 and 意思
 *    too, which are never the page that answers “两委是什么意思”;
 * 2. without question and function words (怎么, 如何, 吗, 的, 我们, 可以 …);
 * 3. only the words that carry the topic, without generic ones (问题, 协商, 小区, 不够 …): first
 *    in the handbook's wording where it differs (堵车 → 拥堵, 不能 → 不予), then as typed;
 * 4. each of those words alone, longest first, and in the handbook's wording;
 * 5. the first two characters of longer words, which Pagefind matches as a prefix (停车位 → 停车).
 *
 * @example queryVariants('小区停车位不够怎么协商') // ['小区停车位不够协商', '停车位', '停车']
 */
export function queryVariants(q: string, options: QueryOptions = {}): string[] {
  const text = normalizeQuery(q);
  if (!text) return [];
  const tokens = analyzeQuery(q, options);
  const variants: string[] = [];
  const add = (variant: string) => {
    const v = variant.trim();
    if (v && !variants.includes(v)) variants.push(v);
  };

  const stripped = render(text, tokens.filter((t) => t.kind !== 'stop'));
  if (!stripped || !tokens.some((t) => t.kind === 'stop')) add(text);
  add(stripped);
  // Only the topic words: in the handbook's wording first (the phrase as typed found nothing,
  // and the pages say 不予协商, not 不能协商), then as typed.
  const units = contentUnits(tokens);
  add(render(text, units.map((unit) => (unit.whole ? unit : { ...unit, text: reword(unit.text) }))));
  add(render(text, units));

  const searchable = units
    .map((unit, position) => ({ ...unit, position }))
    .filter((unit) => !unit.han || hanLength(unit.text) >= 2);
  if (units.length > 1) {
    const byLength = [...searchable].sort((a, b) => b.text.length - a.text.length || a.position - b.position);
    for (const unit of byLength) add(unit.text);
  }
  for (const unit of searchable) if (!unit.whole) add(reword(unit.text));
  for (const unit of searchable) {
    if (unit.han && !unit.whole && [...unit.text].length >= 3 && !/[^\p{Script=Han}]/u.test(unit.text)) add([...unit.text].slice(0, 2).join(''));
  }
  return variants.slice(0, options.max ?? 8);
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

/** What `searchWithVariants` found, and with which query. */
export interface VariantSearch<R> {
  /** The query searched for: as typed, or in Simplified characters when it was converted. */
  query: string;
  /** Whether the query was converted from Traditional characters. */
  converted: boolean;
  /** The variant that found the results; undefined when none found anything. */
  variant: string | undefined;
  /** The variants tried, in order. */
  tried: string[];
  results: R[];
}

/**
 * Searches with the variants of a query in turn (after converting Traditional characters) and
 * returns the first results found. `search` is the search engine, e.g. Pagefind's
 * `(q) => pagefind.search(q).then((r) => r.results)`.
 */
export async function searchWithVariants<R>(
  input: string,
  search: (query: string) => Promise<readonly R[]>,
  options: QueryOptions = {},
): Promise<VariantSearch<R>> {
  let query = input;
  let converted = false;
  if (needsTraditionalConversion(input)) {
    try {
      query = await toSimplified(input);
      converted = query !== input;
    } catch {
      // The converter could not be loaded: search with the query as typed.
    }
  }
  const tried: string[] = [];
  for (const variant of queryVariants(query, options)) {
    tried.push(variant);
    const results = await search(variant);
    if (results.length > 0) return { query, converted, variant, tried, results: [...results] };
  }
  return { query, converted, variant: undefined, tried, results: [] };
}
