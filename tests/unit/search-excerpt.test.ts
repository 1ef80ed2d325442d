import { describe, expect, test } from 'vitest';
import { buildExcerpt, subResults } from '../../src/search/excerpt.ts';
import { BLOCK_END, HEADING_END, segmentWords } from '../../src/search/segment.ts';
import { compileThesaurus, Thesaurus } from '../../src/search/thesaurus.ts';

/** A page's indexed text as the search copy writes it: words apart, a mark after each block and heading. */
function indexed(blocks: [kind: 'h' | 'p' | 'li', text: string][]): string {
  return blocks.map(([kind, text]) => `${segmentWords(text)} ${kind === 'h' ? HEADING_END : BLOCK_END}`).join(' ');
}

/** Positions of every word starting with `word` (as Pagefind's prefix match reports them). */
function positions(content: string, word: string): number[] {
  return content.split(' ').flatMap((t, i) => (t.startsWith(word) ? [i] : []));
}

const PAGE = indexed([
  ['h', '中山街无公厕问题的社区协商'],
  ['p', 'xx社区讲话列举的协商议题之一：中山街没有公共厕所。讲话只点出了议题。'],
  ['h', '议题'],
  ['p', '议题发生在中山街，讲话列举了“今年以来”的几项协商议题，排在最后的是中山街上没有公共厕所，协商的经过和结果都没有记载，也没有说后来是否建了公厕，只笼统地说受到社会广泛关注、居民反响良好。'],
  ['p', '，把政协协商延伸到社区。泾崇路没有停车位。'],
]);

describe('buildExcerpt', () => {
  test('one sentence of one block, with the matches marked; never the heading before it', () => {
    const excerpt = buildExcerpt(PAGE, positions(PAGE, '议题'));
    // The paragraph under the heading 议题 starts with 议题: shown once, not glued to the heading.
    expect(excerpt.text).toMatch(/^议题发生在中山街/);
    expect(excerpt.parts.some((p) => p.mark && p.text === '议题')).toBe(true);
    expect(excerpt.text).not.toMatch(/\s/);
  });

  test('a long sentence is cut at words around the match, with an ellipsis where it was cut', () => {
    const excerpt = buildExcerpt(PAGE, positions(PAGE, '反响'), 40);
    expect(excerpt.text.length).toBeLessThanOrEqual(44);
    expect(excerpt.text.startsWith('…')).toBe(true);
    expect(excerpt.parts.find((p) => p.mark)?.text).toBe('反响');
    // Cut between words: 居民 and 反响 stay whole, and no comma opens the text after the ellipsis.
    expect(excerpt.text).not.toMatch(/^…[，、。：；]/);
  });

  test('never opens with punctuation, and never cuts a name in half', () => {
    const excerpt = buildExcerpt(PAGE, positions(PAGE, '泾'));
    expect(excerpt.text).toMatch(/^[^，、。：；]/);
    expect(excerpt.text).toContain('泾崇路');
  });

  test('a match only in a heading shows the paragraph after it; no match shows the first paragraph', () => {
    const content = indexed([['h', '原则'], ['p', '不调研不协商。'], ['h', '背景'], ['p', '社区分成四块。']]);
    expect(buildExcerpt(content, positions(content, '背景')).text).toBe('社区分成四块。');
    expect(buildExcerpt(content, []).text).toBe('不调研不协商。');
  });

  test('sub-results: the headings with an id under which matches stand', () => {
    const anchors = [
      { element: 'h3', id: 'step-1', text: '第 1 步 收集 议题', location: 10 },
      { element: 'h3', id: 'step-2', text: '第 2 步 确定 议题', location: 20 },
      { element: 'h2', id: 'bg', text: '背景', location: 30 },
      { element: 'main', id: 'main', text: '', location: 0 },
    ];
    expect(subResults(anchors, [5, 12, 35, 45]).map((s) => s.id)).toEqual(['step-1', 'bg']);
    expect(subResults(anchors, [1, 2])).toEqual([]);
    // A glossary entry's <div id> is named by its term, the first text after it.
    const glossary = indexed([['p', '术语表'], ['p', '网络协商：在网上组织委员开展的协商。']]);
    const at = glossary.split(' ').indexOf(BLOCK_END) + 1;
    expect(subResults([{ element: 'div', id: 'wangluo-xieshang', text: '', location: at }], [at + 3], glossary)).toEqual([{ id: 'wangluo-xieshang', title: '网络 协商' }]);
  });
});

describe('the compiled thesaurus', () => {
  test('groups the thesaurus and the glossary, keeps their words whole, and finds topics', () => {
    const compiled = compileThesaurus(
      { synonyms: { 公厕: ['厕所', '卫生间'] }, phrases: ['切口小'], topics: { environment: ['绿化', '垃圾'] } },
      [{ term: '远程协商', synonyms: ['视频协商'] }, { term: '面对面协商', aliases: ['面对面协商会'] }],
    );
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
    const thesaurus = new Thesaurus(compiled);
    expect(thesaurus.expand('厕所')).toEqual([{ word: '厕所', handbook: ['公厕'] }]);
    expect(thesaurus.expand('视频协商')).toEqual([{ word: '视频协商', handbook: ['远程协商'] }]);
    expect(thesaurus.expand('面对面协商会')).toEqual([{ word: '面对面协商会', handbook: ['面对面协商'] }]);
    expect(thesaurus.expand('公厕')).toEqual([]);
    expect(thesaurus.phrases).toEqual(expect.arrayContaining(['切口小', '卫生间', '视频协商', '面对面协商会']));
    expect(thesaurus.topicsOf('小区绿化')).toEqual(['environment']);
    expect(new Thesaurus().expand('厕所')).toEqual([]);
  });
});

describe('excerpts are sentences of the body', () => {
  test('never a badge word, a field value, a bare list, a source line or a field name: the sentence that holds the word', () => {
    const content = indexed([
      ['p', '协商事例'],
      ['p', '议事会协商'],
      ['li', '提出（不详）'],
      ['li', '在推进政协协商向基层延伸工作会上的讲话'],
      ['p', '字段 outcome.status 写成果状态，议事会协商时填写。'],
      ['p', '这次议事会协商由居民代表提出，讨论了停车位。'],
    ]);
    for (const word of ['协商', '议事', '提出', '讲话']) {
      const excerpt = buildExcerpt(content, positions(content, word)).text;
      expect(excerpt, word).not.toMatch(/^协商事例|outcome|不详|讲话$/);
    }
    expect(buildExcerpt(content, positions(content, '议事')).text).toBe('这次议事会协商由居民代表提出，讨论了停车位。');
    // A word only in a badge or a list: no excerpt (the search page shows the summary instead).
    expect(buildExcerpt(content, positions(content, '讲话')).text).toBe('');
  });
});
