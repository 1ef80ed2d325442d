import { describe, expect, test } from 'vitest';
import { citeNotes } from '../../src/site/cite-notes.ts';
import { bestDocumentedCase, handbookScope, mostUsedMethod } from '../../src/site/home.ts';
import { caseSchema } from '../../src/schemas/case.ts';

const cite = (id: string, title: string) => `<sup class="cite" data-source="${id}" data-pagefind-ignore><a href="/sources/#${id}" aria-label="出处：${title}" title="${title}">〔出处〕</a></sup>`;

describe('citations per section', () => {
  test('one 〔出处〕 per source and section, numbered, with the notes at the end of the section', () => {
    const html = `<p>甲${cite('a', '讲话')}</p><p>乙${cite('a', '讲话')}丙${cite('b', '报道')}</p><h2 id="x">二</h2><p>丁${cite('a', '讲话')}</p>`;
    const out = citeNotes(html);
    const [first, second] = out.split('<h2');
    expect(first!.match(/〔出处〕/g)).toHaveLength(2);
    expect(first).toContain('<span class="cite__print">〔1〕</span>');
    expect(first).toContain('<span class="cite__print">〔2〕</span>');
    expect(first).toMatch(/<ol class="cite-notes" data-pagefind-ignore><li>讲话<\/li><li>报道<\/li><\/ol>$/);
    // A new section numbers its notes again.
    expect(second).toContain('〔1〕');
    expect(second).toMatch(/<li>讲话<\/li><\/ol>$/);
  });

  test('a body without citations is left as it is', () => {
    expect(citeNotes('<h2>一</h2><p>无</p>')).toBe('<h2>一</h2><p>无</p>');
  });
});

const c = (id: string, extra: Record<string, unknown>) => ({
  id,
  data: caseSchema.parse({ title: '示例停车难协商', kind: 'consultation', summary: '示例。', level: '社区', forms: ['council'], topics: ['traffic'], sources: ['s1'], date: '不详', region: { province: '不详' }, ...extra }),
});

describe('the home page', () => {
  const cases = [
    c('a', { date: '2021-05', region: { province: '浙江省', city: '湖州市' }, methods: ['m1'], sources: ['s1', 's2'] }),
    c('b', { date: '2019', region: { province: '浙江省' }, methods: ['m1', 'm2'], participants: ['居民'], outcome: { status: 'implemented', summary: '建成。' } }),
    c('c', { methods: ['m2'] }),
  ];

  test('states its scope: cases, sources, provinces (不详 last), years and how many are undated', () => {
    expect(handbookScope(cases)).toEqual({
      cases: 3,
      sources: 2,
      provinces: [{ name: '浙江省', count: 2 }, { name: '不详', count: 1 }],
      years: { from: '2019', to: '2021' },
      undated: 1,
    });
    expect(handbookScope([cases[2]!]).years).toBeUndefined();
  });

  test('starts a reader with the method most cases use and the best-documented case', () => {
    expect(mostUsedMethod(cases)).toBe('m1');
    expect(bestDocumentedCase(cases)?.id).toBe('b');
    expect(mostUsedMethod([cases[2]!, c('d', {})])).toBe('m2');
  });
});

describe('print links', () => {
  test('site-root links become absolute on paper when the site is known; anchors and other URLs stay', async () => {
    const { absoluteLinks, printLead } = await import('../../src/site/print-links.ts');
    const html = '<a href="/cases/x/">x</a><a href="#a">a</a><a href="https://b.org/">b</a><a href="//c.org/">c</a>';
    expect(absoluteLinks(html, 'https://a.org')).toBe('<a href="https://a.org/cases/x/">x</a><a href="#a">a</a><a href="https://b.org/">b</a><a href="//c.org/">c</a>');
    expect(absoluteLinks(html, undefined)).toBe(html);
    expect(printLead('每节注明永久网址，并附二维码，便于印发。', {})).toBe('每节注明永久网址，便于印发。');
    expect(printLead('每节注明永久网址，并附二维码，便于印发。', { site: 'https://a.org' })).toContain('二维码');
  });

  test('npm run build warns once when site is unset, saying what is missing and how to fix it', async () => {
    const { missingSiteWarning } = await import('../../scripts/lib/site-warning.ts');
    expect(missingSiteWarning({ site: 'https://a.org' })).toBeUndefined();
    const warning = missingSiteWarning({})!;
    for (const word of ['site', '二维码', 'RSS', '网站地图', 'canonical', 'handbook.config.ts', 'YISHI_SITE']) expect(warning).toContain(word);
  });
});

describe('method and model pages', () => {
  test('a long page with at least three sections gets a table of contents; a short one does not', async () => {
    const { pageToc, textLength } = await import('../../src/site/page-toc.ts');
    const items = [{ id: 'a', label: '甲' }, false as const, { id: 'b', label: '乙' }, { id: 'c', label: '丙' }];
    expect(pageToc(items, 5000).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(pageToc(items, 500)).toEqual([]);
    expect(pageToc(items.slice(0, 3), 5000)).toEqual([]);
    expect(textLength('<Cite source="x" />一二 三\n', '四')).toBe(4);
  });

  test('words stay whole where a narrow box may break a line: 邀请, not 邀/请', async () => {
    const { words, wordBreaksHtml } = await import('../../src/site/word-breaks.ts');
    expect(words('按议题邀请')).toContain('邀请');
    expect(wordBreaksHtml('利益相关方（按议题邀请）')).toContain('<wbr>邀请');
    expect(wordBreaksHtml('<b>')).toBe('&lt;<wbr>b<wbr>&gt;');
  });
});

describe('资料完整度 as a browse facet and search filter', () => {
  test('cases are grouped high, medium, low, in that order, with Chinese labels', async () => {
    const { facetValues, browseFacets } = await import('../../src/site/browse.ts');
    const { caseField, filterFields } = await import('../../src/schemas/fields.ts');
    const { caseSchema } = await import('../../src/schemas/case.ts');
    const field = caseField('completeness');
    expect(browseFacets).toContain(field);
    expect(filterFields).toContain(field);
    const sparse = { title: '资料很少的案例', kind: 'consultation', summary: '示例。', date: '不详', region: { province: '不详', place: 'xx社区' }, level: 'community', forms: ['council'], topics: ['traffic'], sources: ['x'] };
    const full = { ...sparse, title: '资料齐全的案例', date: '2023', region: { province: '浙江省', city: '湖州市' }, participants: ['政协委员'], methods: ['six-step-procedure'], outcome: { status: 'implemented', summary: '已经落实。' } };
    const cases = [['a', sparse], ['b', full], ['c', sparse]].map(([id, data]) => ({ id: id as string, data: caseSchema.parse(data) }));
    expect(facetValues(field, cases).map((v) => [v.slug, v.label, v.ids])).toEqual([
      ['high', '资料较完整', ['b']],
      ['low', '资料缺失较多', ['a', 'c']],
    ]);
  });
});
