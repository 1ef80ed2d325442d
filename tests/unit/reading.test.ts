import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { facetValues, provinceSlug } from '../../src/site/browse.ts';
import { caseField, type CaseView } from '../../src/schemas/fields.ts';
import { caseFacts } from '../../src/site/case-facts.ts';
import { reachedStage } from '../../src/site/outcome.ts';
import { termLinks } from '../../src/site/term-links.ts';
import { caseSchema } from '../../src/schemas/case.ts';

/** A case through the real schema, so that fixtures cannot drift from it. */
const aCase = (id: string, fields: { level: string; topics: string[]; forms: string[]; date: string; province: string }): CaseView => ({
  id,
  data: caseSchema.parse({
    title: `示例案例${id}`, kind: 'consultation', summary: '示例。', date: fields.date, region: { province: fields.province },
    level: fields.level, forms: fields.forms, topics: fields.topics, sources: ['x'],
  }),
});
const cases: CaseView[] = [
  aCase('a', { level: 'community', topics: ['traffic', 'facilities'], forms: ['council'], date: '2023-05', province: '浙江省' }),
  aCase('b', { level: 'city', topics: ['traffic'], forms: ['online', 'council'], date: '2020', province: '浙江省' }),
  aCase('c', { level: 'community', topics: ['不详'], forms: ['onsite'], date: '不详', province: '不详' }),
  aCase('d', { level: 'county', topics: ['economy'], forms: ['online'], date: '2021', province: '广西壮族自治区' }),
];
const facet = (name: string) => caseField(name);

describe('browse pages group cases by facet, with counts', () => {
  test('taxonomy facets keep the taxonomy order and count each case once', () => {
    expect(facetValues(facet('level'), cases).map((v) => [v.slug, v.label, v.ids.length])).toEqual([
      ['city', '市级', 1],
      ['county', '县级', 1],
      ['community', '社区', 2],
    ]);
    expect(facetValues(facet('topics'), cases).find((v) => v.slug === 'traffic')?.ids).toEqual(['a', 'b']);
  });

  test('a value the source does not give (不详) is a group of its own, last', () => {
    expect(facetValues(facet('topics'), cases).map((v) => [v.slug, v.label]).at(-1)).toEqual(['unknown', '不详']);
  });

  test('years run newest first with unknown last; provinces sort by pinyin with 不详 last', () => {
    expect(facetValues(facet('year'), cases).map((v) => v.slug)).toEqual(['2023', '2021', '2020', 'unknown']);
    expect(facetValues(facet('province'), cases).map((v) => v.label)).toEqual(['广西壮族自治区', '浙江省', '不详']);
    expect(provinceSlug('浙江省')).toBe('zhejiang');
    expect(provinceSlug('广西壮族自治区')).toBe('guangxi');
    expect(provinceSlug('北京市')).toBe('beijing');
    expect(provinceSlug('不详')).toBe('unknown');
  });

  test('every province has its own URL segment: 山西 and 陕西 no longer share one', async () => {
    const { provinces, provinceSlugs } = await import('../../src/schemas/regions.ts');
    const slugs = provinces.map((p) => provinceSlug(p));
    expect(new Set(slugs).size).toBe(provinces.length);
    expect(Object.keys(provinceSlugs).sort()).toEqual([...provinces].sort());
    for (const slug of slugs) expect(slug).toMatch(/^[a-z]+$/);
    expect(provinceSlug('山西省')).toBe('shanxi');
    expect(provinceSlug('陕西省')).toBe('shaanxi');
    expect(provinceSlug('内蒙古自治区')).toBe('neimenggu');
  });
});

describe('case facts and outcome', () => {
  test('the facts panel shows labels, links and 不详 where the case says nothing', () => {
    const data = caseSchema.parse({
      title: '示例停车难协商', kind: 'consultation', summary: '示例。', date: '不详',
      region: { province: '浙江省', place: 'xx社区' }, level: '社区', forms: ['council'], topics: ['traffic'],
      methods: ['six-step-procedure'], partOf: 'community-four-six', sources: ['x'],
    });
    const facts = caseFacts({ id: 'x', data }, { methods: new Map([['six-step-procedure', '六步议事程序']]), models: new Map(), cases: new Map([['community-four-six', '四进六步']]) });
    const byLabel = Object.fromEntries(facts.map((f) => [f.label, f.values]));
    expect(facts.find((f) => f.label === '时间')).toMatchObject({ unknown: true, inferred: false });
    expect(Object.keys(byLabel)).toEqual(['类型', '地区', '层级', '形式', '领域', '时间', '方法', '成果状态', '所属实践']);
    expect(byLabel['地区']).toEqual([{ text: '浙江省', path: '/browse/province/zhejiang/' }, { text: 'xx社区' }]);
    expect(facts.find((f) => f.label === '地区')?.separator).toBe(' · ');
    expect(byLabel['层级']).toEqual([{ text: '社区', path: '/browse/level/community/' }]);
    expect(byLabel['时间']).toEqual([{ text: '不详' }]);
    expect(byLabel['成果状态']).toEqual([{ text: '不详' }]);
    expect(byLabel['方法']).toEqual([{ text: '六步议事程序', path: '/methods/six-step-procedure/' }]);
    expect(byLabel['领域']).toEqual([{ text: '道路交通管理', path: '/browse/topics/traffic/' }]);
  });

  test('the outcome timeline reaches the stage of the status, and none when unknown', () => {
    expect(reachedStage('proposed')).toBe(0);
    expect(reachedStage('implemented')).toBe(3);
    expect(reachedStage('reviewed')).toBe(4);
    expect(reachedStage('unknown')).toBeUndefined();
    expect(reachedStage(undefined)).toBeUndefined();
  });
});

describe('glossary links', () => {
  const render = async (md: string, base = '/') =>
    (await markdownToHtml(md, { mdastPlugins: [termLinks([{ id: 'jiebie', names: ['界别'] }, { id: 'jiebie-huodongshi', names: ['界别活动室', '界别工作室'] }], base)] })).html;

  test('the first mention of each term links to the glossary, longer names first, once per page', async () => {
    const html = await render('设立界别活动室，由界别委员参加；界别活动室常年开放。');
    expect(html).toContain('<a href="/terms/#jiebie-huodongshi" class="term-link">界别活动室</a>，由<a href="/terms/#jiebie" class="term-link">界别</a>委员');
    expect(html.match(/term-link/g)).toHaveLength(2);
  });

  test('headings, links and code are never linked; aliases link to their term; the base path is kept', async () => {
    const html = await render('## 界别\n\n[界别](/x/) 与 `界别`，以及界别工作室。', '/handbook/');
    expect(html).toContain('<h2>界别</h2>');
    expect(html).toContain('<code>界别</code>');
    expect(html).toContain('<a href="/handbook/terms/#jiebie-huodongshi" class="term-link">界别工作室</a>');
    expect(html).not.toContain('href="/handbook/terms/#jiebie"');
  });
});

test('UI strings fill their placeholders', () => {
  expect(t('method.step', { n: 3 })).toBe('第 3 步');
  expect(t('copyLink.label', { n: 2 })).toBe('复制链接（第 2 步）');
});
