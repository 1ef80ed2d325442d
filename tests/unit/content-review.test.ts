// The bundled content after issue 24's review (items 5 and 7): the four one-sentence
// consultations are sections of their practice page, classifications the pages call their own
// are marked inferred, and summaries, quotations and synonyms say no more than the sources.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { groupByInitial, pinyinInitial } from '../../src/site/pinyin-sort.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const CONTENT = path.join(PROJECT_ROOT, 'content');
const result = await validateContent(CONTENT, PROJECT_ROOT, { sourceTexts: null });
const entry = (collection: string, id: string) => result.entries.find((e) => e.collection === collection && e.id === id);
const caseData = (id: string) => entry('cases', id)!.data as { summary: string; inferred: string[]; aliases: string[] };

/** Each old consultation page and the section of community-four-six it now is. */
const FOLDED = {
  'sanitation-workers': '环卫工人的不便',
  'zhongshan-street-school-traffic': '中山街上学放学时的拥堵',
  'jingchong-road-parking': '泾崇路没有停车位',
  'zhongshan-street-toilet': '中山街缺少公厕',
};

describe('the four one-sentence consultations are sections of their practice page', () => {
  test('their files are gone, and community-four-six names each of their ids with its section', () => {
    for (const id of Object.keys(FOLDED)) {
      expect(existsSync(path.join(CONTENT, 'cases', `${id}.mdx`)), id).toBe(false);
      expect(entry('cases', id), id).toBeUndefined();
    }
    const practice = entry('cases', 'community-four-six')!;
    expect((practice.data as { aliases: string[] }).aliases).toEqual(expect.arrayContaining(Object.entries(FOLDED).map(([id, section]) => `${id}#${section}`)));
    // Each section is a heading of the page, so each old URL lands on its own text.
    for (const section of Object.values(FOLDED)) expect(practice.anchors).toContain(section);
  });

  test('no content links to the old pages any more', async () => {
    for (const e of result.entries) {
      const text = await readFile(path.join(CONTENT, e.file.replace(/^content\//, '')), 'utf8');
      for (const id of Object.keys(FOLDED)) expect(text, `${e.file} links to /cases/${id}/`).not.toContain(`/cases/${id}/`);
    }
  });
});

describe('review findings on the older content', () => {
  test.each([
    ['city-micro-consultation', ['topics']],
    ['community-four-six', ['topics']],
    ['huzhou-qingnilai', ['forms', 'topics', 'status']],
    ['huzhou-logistics-hub-2019', ['topics']],
  ])('%s marks the classifications its text calls the handbook’s as inferred', (id, fields) => {
    expect(caseData(id).inferred).toEqual(expect.arrayContaining(fields));
  });

  test('the city speech’s summary gives the platform and its mechanisms as aims, not as done', () => {
    const { summary } = caseData('city-micro-consultation');
    expect(summary).not.toContain('推开');
    expect(summary).not.toContain('配套三项工作机制');
    expect(summary).toContain('要建立三项工作机制');
  });

  test('Huzhou’s summary ties the eight-step method to the bimonthly meetings only', () => {
    const { summary } = caseData('huzhou-qingnilai');
    expect(summary).not.toContain('按“八步工作法”组织协商');
    expect(summary).toContain('双月协商座谈会');
  });

  test('the topic-scope guide quotes no words the speech does not say', async () => {
    const guide = await readFile(path.join(CONTENT, 'guides/topic-scope.mdx'), 'utf8');
    expect(guide).not.toContain('“可以议”');
    expect(guide).not.toContain('“不予议”');
  });

  test('两委 has no synonym naming a different body (村委会, 居委会)', () => {
    const liangwei = entry('terms', 'liangwei')!.data as { synonyms: string[] };
    expect(liangwei.synonyms).not.toContain('村委会');
    expect(liangwei.synonyms).not.toContain('居委会');
  });
});

describe('the glossary index', () => {
  test('terms are filed under the first letter of their pinyin, letters in order, each term once', () => {
    const terms = result.entries.filter((e) => e.collection === 'terms').map((e) => (e.data as { term: string }).term);
    const groups = groupByInitial(terms, (term) => term);
    expect(groups.flatMap((g) => g.items).sort()).toEqual([...terms].sort());
    expect(groups.map((g) => g.initial)).toEqual([...groups.map((g) => g.initial)].sort());
    expect(pinyinInitial('两委')).toBe('L');
    expect(pinyinInitial('议事会')).toBe('Y');
    expect(pinyinInitial('1+7+X')).toBe('#');
    expect(groupByInitial(['议事会', '1+7+X', '两委'], (x) => x).map((g) => g.initial)).toEqual(['L', 'Y', '#']);
  });
});
