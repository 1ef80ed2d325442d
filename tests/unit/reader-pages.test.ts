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
