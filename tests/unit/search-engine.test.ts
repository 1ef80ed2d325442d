import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { informativeness, planQuery, searchHandbook } from '../../src/search/engine.ts';
import { compileThesaurus, Thesaurus, type GlossaryEntry, type ThesaurusSource } from '../../src/search/thesaurus.ts';
import { thesaurusSchema } from '../../src/schemas/thesaurus.ts';
import { termSchema } from '../../src/schemas/term.ts';
import { fakeIndex } from '../helpers/fake-index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const thesaurusOf = (source: ThesaurusSource, glossary: GlossaryEntry[] = []) => new Thesaurus(compileThesaurus(source, glossary));
const ids = (pages: readonly { id: string }[]) => pages.map((p) => p.id);

describe('planQuery: the words of a query and what is searched for each', () => {
  test('function words go, and every other word, generic ones too, is searched on its own', () => {
    const units = planQuery('小区停车位不够怎么协商');
    expect(units.map((u) => u.text)).toEqual(['小区', '停车位', '不够', '协商']);
  });

  test('a lone character joins the word next to it; one standing alone is not searched', () => {
    expect(planQuery('泾崇路停车').map((u) => u.text)).toEqual(['泾崇路', '停车']);
    expect(planQuery('议事厅').map((u) => u.text)).toEqual(['议事厅']);
    expect(planQuery('协商工作规范怎么定').map((u) => u.text)).toEqual(['协商', '工作', '规范']);
  });

  test('a reader’s word the thesaurus knows is also searched in the handbook’s words', () => {
    const thesaurus = thesaurusOf({ synonyms: { 环卫工人: ['扫大街', '清洁工'], 公厕: ['厕所'] } });
    const [street] = planQuery('扫大街的工人', thesaurus);
    expect(street).toMatchObject({ text: '扫大街', alternatives: [{ text: '扫大街', kind: 'typed' }, { text: '环卫工人', kind: 'synonym', for: '扫大街' }] });
    // Its words are kept whole in a longer question.
    const units = planQuery('上厕所难', thesaurus);
    expect(units[0]!.alternatives.map((a) => `${a.text}:${a.kind}`)).toEqual(['厕所:typed', '公厕:synonym']);
    // A known word inside a longer one: the segmenter's lone characters 车/堵 are one word, holding 堵.
    const [jam] = planQuery('路口车堵', thesaurusOf({ synonyms: { 拥堵: ['堵'] } })).filter((u) => u.text.includes('堵'));
    expect(jam!.text).not.toBe('堵');
    expect(jam!.alternatives).toContainEqual({ text: '拥堵', kind: 'synonym', for: '堵' });
  });

  test('a word of the thesaurus inside a longer word of the question is not cut out of it (学生 of 大学生)', () => {
    const thesaurus = thesaurusOf({ synonyms: { 学生: ['中小学生'] } });
    // Cut out, 学生 would leave 大 alone, and a lone character is not searched: 大学生 would be lost.
    expect(planQuery('大学生找工作难', thesaurus).map((u) => u.text)[0]).toBe('大学生');
    // Standing as a word of its own, it is still kept whole and searched in the handbook's words.
    expect(planQuery('中小学生上学', thesaurus)[0]).toMatchObject({ text: '中小学生', alternatives: [{ text: '中小学生', kind: 'typed' }, { text: '学生', kind: 'synonym' }] });
  });

  test('a long word the thesaurus does not know is tried through its parts', () => {
    const [unit] = planQuery('停车场');
    expect(unit!.alternatives[0]).toEqual({ text: '停车场', kind: 'typed' });
    expect(unit!.alternatives.filter((a) => a.kind === 'part').map((a) => a.text)).toEqual(expect.arrayContaining(['停车']));
  });

  test('terms and slogans of the thesaurus stay whole', () => {
    const thesaurus = thesaurusOf({ phrases: ['切口小'] }, [{ term: '请你来协商' }, { term: '有事来协商' }]);
    expect(planQuery('请你来协商是什么', thesaurus).map((u) => u.text)).toEqual(['请你来协商']);
    expect(planQuery('有事来协商', thesaurus).map((u) => u.text)).toEqual(['有事来协商']);
    expect(planQuery('切口小是什么意思', thesaurus).map((u) => u.text)).toEqual(['切口小']);
  });
});

/** Five pages of a small handbook, written as the bundled content writes them. */
const HANDBOOK = {
  toilet: { title: '中山街无公厕问题的社区协商', summary: '讲话列举的协商议题之一：中山街没有公共厕所。', body: '讲话没有说是否建了公厕。' },
  parking: { title: '泾崇路无停车位问题的社区协商', summary: '讲话列举的协商议题之一：泾崇路没有停车位。', body: '停车难影响到谁没有记载。' },
  school: { title: '中山街学生上下学交通拥堵问题的社区协商', summary: '中山街在学生上学、放学时段道路交通拥堵。', body: '学校附近的情况没有记载。' },
  steps: { title: '社区协商议事六步议事程序', summary: '收集议题、确定议题、议前调研、组织协商、公开公示、组织落实。', body: '报送材料，销毁草稿。社区的协商议事会按程序议事。' },
  essay: { title: '政协协商为什么向基层延伸', summary: '归纳资料中关于政协协商走向基层的主张。', body: '社区小区的群众都可以参与协商。医疗保障也是民生。' },
};

describe('searchHandbook: weights from the index, ranking and graded answers', () => {
  test('a word is weighed by how many pages hold it: on every page it weighs almost nothing, on one page most', async () => {
    expect(informativeness(100, 100)).toBeLessThan(0.01);
    expect(informativeness(1, 100)).toBeGreaterThan(informativeness(10, 100));
    expect(informativeness(0, 100)).toBe(informativeness(1, 100));
    const { search } = fakeIndex(HANDBOOK);
    // 社区 is on four of the five pages, 公厕 on one: the toilet case answers 社区公厕 and ranks first.
    const found = await searchHandbook('社区的公厕', search, { pageCount: 5 });
    const weight = (text: string) => found.units.find((u) => u.text === text)!.weight;
    expect(weight('社区')).toBeLessThan(weight('公厕') / 3);
    expect(found.units.find((u) => u.text === '社区')!.common).toBe(true);
    expect(found.grade).toBe('confident');
    expect(found.pages[0]!.id).toBe('toilet');
  });

  test('several words: no page needs all of them; a page holding only some matches in part and says what it lacks', async () => {
    const { search } = fakeIndex(HANDBOOK);
    const found = await searchHandbook('中山街停车', search, { pageCount: 5 });
    // No page holds both: each word's pages are shown, as closest pages, instead of nothing.
    expect(found.grade).toBe('partial');
    expect(found.pages).toEqual([]);
    expect(ids(found.partial).sort()).toEqual(['parking', 'school', 'toilet']);
    expect(found.partial.find((p) => p.id === 'parking')!.missing).toEqual(['中山街']);
    expect(found.partial.find((p) => p.id === 'toilet')!.missing).toEqual(['停车']);
    const both = await searchHandbook('中山街的公厕', search, { pageCount: 5, thesaurus: thesaurusOf({}) });
    expect(both.grade).toBe('confident');
    expect(both.pages[0]!.id).toBe('toilet');
    expect(both.pages[0]!.coverage).toBe(1);
  });

  test('a page holding more than half of the question’s weight is among the closest pages, even with its word in the body only', async () => {
    const { search } = fakeIndex({
      waste: { title: '社区议事', body: '居民说垃圾清运不及时。' },
      lift: { title: '小区议事', body: '楼里的电梯坏了。' },
      road: { title: '村里议事', body: '电梯和路灯都坏了。' },
      canal: { title: '镇上议事', body: '水渠堵了。' },
      hall: { title: '街道议事', body: '会议室漏雨。' },
      bus: { title: '县里议事', body: '公交站太远。' },
    });
    // 垃圾 is on one page, 电梯 on two, each in the body only: the waste page holds the rarer
    // word, more than half of the question; each lift page holds less than half, and is not shown.
    const found = await searchHandbook('垃圾和电梯', search, { pageCount: 6 });
    expect(found.partial[0]?.coverage).toBeLessThan(0.6);
    expect(found.grade).toBe('partial');
    expect(ids(found.partial)).toEqual(['waste']);
    expect(found.partial[0]!.missing).toEqual(['电梯']);
  });

  test('a page whose words of the question are scattered far apart matches only in part; together, it answers', async () => {
    const filler = '那天下午大家又聊了很久。'.repeat(12);
    const { search } = fakeIndex({
      together: { title: '三号楼议事', body: `居民商量加装电梯的费用怎么分摊。${filler}` },
      scattered: { title: '五号楼议事', body: `楼里的电梯换了新的。${filler}会后公布了路灯的费用。` },
      other: { title: '村里议事', body: '路灯坏了。' },
      more: { title: '镇上议事', body: '水渠堵了。' },
    });
    const found = await searchHandbook('电梯费用', search, { pageCount: 4 });
    // Both pages hold both words; only one holds them in one passage.
    expect(found.pages.map((p) => [p.id, p.coverage])).toEqual([['together', 1]]);
    expect(found.partial.map((p) => [p.id, p.coverage])).toEqual([['scattered', 1]]);
    // In the title or summary, the words need not stand together: the page is about them.
    const titled = fakeIndex({ about: { title: '电梯加装', body: `${filler}费用由居民分摊。` }, other: { title: '路灯', body: '路灯坏了。' }, more: { title: '水渠', body: '水渠堵了。' } });
    expect(ids((await searchHandbook('电梯费用', titled.search, { pageCount: 3 })).pages)).toEqual(['about']);
  });

  test('a match in the title or summary ranks above a mention in the body', async () => {
    const { search } = fakeIndex({
      mention: { title: '社区议事会的一年', body: '今年议事会讨论了加装电梯、楼道照明、加装电梯的费用，还有别的事。' },
      about: { title: '老旧小区加装电梯', summary: '居民商量费用分摊。', body: '议事会开了三次会。' },
      other: { title: '路灯', body: '路灯坏了。' },
      more: { title: '公厕', body: '公厕少。' },
    });
    // Read from the pages' title and summary, or from the index's matched meta fields (the search page's way).
    for (const metaFields of [false, true]) {
      const found = await searchHandbook('加装电梯', search, { pageCount: 4, metaFields });
      expect(ids(found.pages), String(metaFields)).toEqual(['about', 'mention']);
      expect(found.pages[0]!.about, String(metaFields)).toBe(true);
    }
  });

  test('never a false “nothing” when an informative word of the question is in a page’s title or summary', async () => {
    const { search } = fakeIndex(HANDBOOK);
    // 开会 and 要不要 are on no page; 调研 is in the six steps' summary (议前调研).
    for (const q of ['开会之前要不要先调研', '先调研再开会', '开会前先调研']) {
      const found = await searchHandbook(q, search, { pageCount: 5 });
      expect(found.grade, q).not.toBe('nothing');
      expect([...found.pages, ...found.partial][0]!.id, q).toBe('steps');
    }
  });

  test('a question asking what a word means puts the page titled with that word first, above pages that name it in their titles', async () => {
    const { search } = fakeIndex({
      council: { title: '村两委牵头召开的议事会', summary: '村两委和村民代表商量修路。', body: '两委班子成员到会。两委会后公示。' },
      meeting: { title: '两委联席会议讨论垃圾分类', summary: '社区两委召集居民。', body: '两委分工负责。' },
      term: { title: '两委', summary: '社区发言提到的议事会固定成员。', body: '资料未载明具体指哪两个组织。' },
      other: { title: '路灯', body: '路灯坏了。' },
    });
    for (const q of ['两委是什么意思', '什么叫两委', '两委的含义', '两委是啥']) {
      const found = await searchHandbook(q, search, { pageCount: 4, metaFields: true });
      expect(found.units.map((u) => u.text), q).toEqual(['两委']);
      expect(found.pages[0]!.id, q).toBe('term');
    }
  });

  test('a run of characters the segmenter joins into no word is read as the words the index holds, even when the thesaurus knows one of its characters', async () => {
    const { search } = fakeIndex({
      ebike: { title: '小区电动车乱停乱放的协商', summary: '电动车停放在楼道。', body: '议事会商量划停放区。' },
      road: { title: '学校门口道路拥堵', body: '上学时段拥堵。' },
      other: { title: '路灯', body: '路灯坏了。' },
    });
    // 电动车乱停乱放把路都堵死了: the browser's dictionary splits it into single characters (电/动/车/乱/…/堵) and 死了.
    const found = await searchHandbook('电动车乱停乱放把路都堵死了', search, { pageCount: 3, thesaurus: thesaurusOf({ synonyms: { 拥堵: ['堵'] } }) });
    expect(found.grade).not.toBe('nothing');
    expect([...found.pages, ...found.partial][0]!.id).toBe('ebike');
    expect(found.units.map((u) => u.text)).toEqual(expect.arrayContaining(['堵']));
    expect(found.units.map((u) => u.text).join(' ')).not.toContain('电动车乱停乱放把路都堵');
    // No piece of 座/桥/快 is on any page: its characters are searched one by one, and 桥 is in a summary.
    const bridge = fakeIndex({
      plan: { title: '东风村新一年农村工作协商议事会', summary: '会上形成修复道路、改建危桥等共识。', body: '村民代表建言。' },
      seat: { title: '座谈会', summary: '委员座谈。', body: '加快进度。' },
      talk: { title: '专题座谈', body: '尽快落实。' },
      fast: { title: '加快建设', body: '座谈后很快开工。' },
      other: { title: '路灯', body: '路灯坏了。' },
    });
    const crumbling = await searchHandbook('那座桥快塌了', bridge.search, { pageCount: 5 });
    expect(crumbling.grade).not.toBe('nothing');
    expect([...crumbling.pages, ...crumbling.partial][0]!.id).toBe('plan');
    // A character of the run on no page (牵 of 不/牵/绳) stays in the question: the page holding the others covers only part of it.
    const rope = fakeIndex({ rope: { title: '绳子', body: '不要用绳。' }, a: { title: '路灯', body: '路灯不亮。' }, b: { title: '公厕', body: '公厕不够。' } });
    const leash = await searchHandbook('不牵绳', rope.search, { pageCount: 3 });
    expect(leash.grade).toBe('partial');
    expect(leash.partial[0]!.id).toBe('rope');
    expect(leash.partial[0]!.missing).toContain('牵');
  });

  test('a stray word (附近, 老是, 太) never empties or derails the list', async () => {
    const { search } = fakeIndex(HANDBOOK);
    for (const q of ['附近的公厕', '公厕老是没有', '公厕太少']) {
      const found = await searchHandbook(q, search, { pageCount: 5 });
      expect(found.relevant, q).toBe(true);
      expect([...found.pages, ...found.partial][0]!.id, q).toBe('toilet');
    }
  });

  test('a word the segmenter splits counts only where its pieces stand together', async () => {
    const { search } = fakeIndex(HANDBOOK);
    // 泾崇路 is 泾/崇/路 on both sides: found; 公厕 (公/厕) is found, 报销 is not found in 报送……销毁.
    expect(ids((await searchHandbook('泾崇路', search, { pageCount: 5 })).pages)).toEqual(['parking']);
    expect((await searchHandbook('公厕', search, { pageCount: 5 })).pages[0]!.id).toBe('toilet');
    const refund = await searchHandbook('报销', search, { pageCount: 5 });
    expect(refund.grade).toBe('nothing');
  });

  test('a word the index lacks is not taken for its first character, which Pagefind answers with', async () => {
    const { search } = fakeIndex({ a: { title: '高 标准', body: '高 质量' }, b: { title: '别的', body: '考核' } });
    const found = await searchHandbook('高考', search, { pageCount: 2 });
    expect(found.units[0]).toMatchObject({ text: '高考', found: 0 });
    expect(found.grade).toBe('nothing');
  });

  test('a question the handbook has no page on: nothing relevant, with nearby pages and topics', async () => {
    const { search } = fakeIndex(HANDBOOK);
    const thesaurus = thesaurusOf({ topics: { environment: ['绿化'], 'health-education': ['医保'] } });
    // 小区 is only in the body of one page; 绿化, 医保 and 报销 are on none.
    for (const [q, topic] of [['小区绿化', 'environment'], ['医保报销', 'health-education']] as const) {
      const found = await searchHandbook(q, search, { pageCount: 5, thesaurus });
      expect(found.grade, q).toBe('nothing');
      expect(found.relevant, q).toBe(false);
      expect([...found.pages, ...found.partial], q).toEqual([]);
      expect(found.topics, q).toEqual([topic]);
    }
    expect(ids((await searchHandbook('小区绿化', search, { pageCount: 5, thesaurus })).nearby)).toEqual(['essay']);
  });

  test('a word the index lacks gets the closest word it holds as a suggestion', async () => {
    const { search } = fakeIndex({
      council: { title: '议事会怎么组成', body: '议事会由居民代表组成。议事会每月开会。' },
      room: { title: '社区活动', body: '议事会在活动室开会。' },
    });
    for (const metaFields of [false, true]) {
      const found = await searchHandbook('议事厅', search, { pageCount: 2, metaFields });
      expect(found.near, String(metaFields)).toEqual([{ word: '议事厅', suggestion: '议事会' }]);
    }
    // From the thesaurus's handbook words too, without any page matching a part of the word.
    const listed = await searchHandbook('环卫工', fakeIndex(HANDBOOK).search, { pageCount: 5, thesaurus: thesaurusOf({}, [{ term: '环卫工人' }]) });
    expect(listed.near).toEqual([{ word: '环卫工', suggestion: '环卫工人' }]);
    // A word the index holds gets none; nor does a word that only holds a shorter one (没地方 is not 地方).
    expect((await searchHandbook('议事会', search, { pageCount: 2 })).near).toEqual([]);
    const places = fakeIndex({ a: { title: '活动地方', body: '这个地方不大。那个地方很远。' }, b: { title: '别的', body: '议事会。' } });
    expect((await searchHandbook('没地方', places.search, { pageCount: 2 })).near).toEqual([]);
  });

  test('a near word keeps a two-character word whole (群里 is not 群众), and is either spelled otherwise or longer, not both', async () => {
    const { search } = fakeIndex({
      masses: { title: '联系群众', body: '群众有事来商量。群众的意见要听。' },
      council: { title: '议事会怎么组成', body: '议事会由居民代表组成。议事会每月开会。' },
    });
    // Both words are among the thesaurus's handbook words, candidates for every question.
    const thesaurus = thesaurusOf({}, [{ term: '群众' }, { term: '议事会' }]);
    expect((await searchHandbook('群里', search, { pageCount: 2, thesaurus })).near).toEqual([]);
    expect((await searchHandbook('议会', search, { pageCount: 2, thesaurus })).near).toEqual([{ word: '议会', suggestion: '议事会' }]);
    // Changed and lengthened at once is another word: 电梯钱 (电梯 + 钱, glued) is not 电梯协商.
    const lifts = thesaurusOf({}, [{ term: '电梯协商' }]);
    expect((await searchHandbook('电梯钱', search, { pageCount: 2, thesaurus: lifts })).near).toEqual([]);
  });

  test('a match through the thesaurus is reported, and a part of an unknown word covers only part of it', async () => {
    const { search } = fakeIndex(HANDBOOK);
    const thesaurus = thesaurusOf({ synonyms: { 拥堵: ['堵车'], 学生: ['孩子'] } });
    const found = await searchHandbook('接孩子堵车', search, { pageCount: 5, thesaurus });
    expect(found.pages[0]!.id).toBe('school');
    expect(found.synonyms).toEqual(expect.arrayContaining([{ word: '堵车', used: ['拥堵'] }, { word: '孩子', used: ['学生'] }]));
    // 停车场 is on no page; its part 停车 is, in the parking case's title: the closest page, in part.
    const parts = await searchHandbook('停车场', search, { pageCount: 5 });
    expect(parts.grade).toBe('partial');
    expect(parts.partial[0]!.id).toBe('parking');
    expect(parts.partial[0]!.matched[0]).toMatchObject({ kind: 'part' });
    expect(parts.partial[0]!.missing).toEqual(['停车场']);
  });

  test('empty, punctuation-only and very long queries answer without failing', async () => {
    const { search, searched } = fakeIndex(HANDBOOK);
    for (const q of ['', '   ', '？？', '“”']) expect((await searchHandbook(q, search, { pageCount: 5 })).relevant, q).toBe(false);
    const long = '中山街公厕'.repeat(5) + Array.from({ length: 40 }, (_, i) => `词${i}语`).join('，');
    searched.length = 0;
    const found = await searchHandbook(long, search, { pageCount: 5 });
    expect(found.units.length).toBeLessThanOrEqual(12);
    expect(searched.length).toBeLessThan(100);
  });

  test('Traditional characters are converted first', async () => {
    const { search } = fakeIndex(HANDBOOK);
    const found = await searchHandbook('涇崇路停車', search, { pageCount: 5 });
    expect(found).toMatchObject({ query: '泾崇路停车', converted: true });
    expect(found.pages[0]!.id).toBe('parking');
  });
});

/** The bundled content's thesaurus, read as the build reads it, with the glossary folded in. */
async function bundledThesaurus(edit: (data: ReturnType<typeof thesaurusSchema.parse>) => void = () => {}) {
  const data = thesaurusSchema.parse(parse(await readFile(path.join(PROJECT_ROOT, 'content/thesaurus.yaml'), 'utf8')));
  edit(data);
  const dir = path.join(PROJECT_ROOT, 'content/terms');
  const terms = await Promise.all((await readdir(dir)).map(async (f) => termSchema.parse(parse(await readFile(path.join(dir, f), 'utf8')))));
  return { data, thesaurus: new Thesaurus(compileThesaurus(data, terms)) };
}

/** The bundled cases as a stand-in index: title, summary and body text. */
async function bundledCases() {
  const dir = path.join(PROJECT_ROOT, 'content/cases');
  const pages: Record<string, { title: string; summary: string; body: string }> = {};
  for (const file of await readdir(dir)) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const data = parse(front) as { title: string; summary: string };
    pages[file.replace(/\.mdx$/, '')] = { title: data.title, summary: data.summary, body: body.replace(/<[^>]+>/g, '') };
  }
  return pages;
}

describe('the thesaurus is the content’s, not the code’s', () => {
  test('a synonym added to the bundled thesaurus changes a result', async () => {
    const pages = await bundledCases();
    const { search } = fakeIndex(pages);
    const query = '茅厕';
    const before = await searchHandbook(query, search, { pageCount: Object.keys(pages).length, thesaurus: (await bundledThesaurus()).thesaurus });
    expect(before.grade).toBe('nothing');
    const { thesaurus } = await bundledThesaurus((data) => data.synonyms['公厕']!.push(query));
    const after = await searchHandbook(query, search, { pageCount: Object.keys(pages).length, thesaurus });
    expect(after.grade).toBe('confident');
    expect(after.pages[0]!.id).toBe('community-four-six');
    expect(after.synonyms).toEqual([{ word: query, used: ['公厕'] }]);
  });

  test('no content-specific word list remains in the search code: no word of the bundled thesaurus or glossary, no Han text outside the language lists', async () => {
    const { data, thesaurus } = await bundledThesaurus();
    const words = new Set<string>([...thesaurus.phrases, ...Object.keys(data.synonyms), ...Object.values(data.topics).flat()].filter((w) => [...w].length >= 2));
    expect(words.size).toBeGreaterThan(100);
    const files = ['src/search/engine.ts', 'src/search/near.ts', 'src/search/excerpt.ts', 'src/search/thesaurus.ts', 'src/search/segment.ts', 'src/search/query.ts', 'src/client/search-ui.ts', 'src/client/search-state.ts'];
    for (const file of files) {
      const code = (await readFile(path.join(PROJECT_ROOT, file), 'utf8'))
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      const literals = [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
      const han = literals.filter((l) => /\p{Script=Han}/u.test(l));
      if (file !== 'src/search/query.ts') expect(han, file).toEqual([]);
      // The language lists' entries: none is a word of the handbook's thesaurus or glossary.
      for (const literal of han) expect(words.has(literal.slice(1, -1)) ? `${file}: ${literal}` : '').toBe('');
    }
  });
});

describe('a run of characters the segmenter joins into no word', () => {
  test('is searched through every pair of neighbours, so a word in a title is not lost (油烟 of 饭店油烟熏得睡不着)', async () => {
    const unit = planQuery('饭店油烟熏得睡不着').find((u) => u.text.includes('油烟'))!;
    expect(unit.alternatives.filter((a) => a.kind === 'part').map((a) => a.text)).toEqual(expect.arrayContaining(['油烟', '烟熏']));
    const pages = {
      fumes: { title: '某社区餐馆油烟扰民协商', summary: '居民反映楼下餐馆的油烟。', body: '社区请来餐馆和居民商量加装净化设备。' },
      other: { title: '某村修路协商', summary: '村民商量修路。', body: '修路的钱怎样分摊。' },
    };
    const { search } = fakeIndex(pages);
    const outcome = await searchHandbook('饭店油烟熏得睡不着', search, { pageCount: 2 });
    expect(outcome.grade).not.toBe('nothing');
    expect(outcome.pages.concat(outcome.partial ?? [])[0]!.id).toBe('fumes');
  });
});
