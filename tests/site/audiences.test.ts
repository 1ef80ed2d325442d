// Issue 24, items 5 and 8 on the built default site: readers and authors apart (the authors'
// chapter out of the guide list, the home page and /print/, reachable as 给作者), method and
// model pages that say each thing once, the glossary's index, and the four consultations folded
// into their practice page, whose old URLs lead to its sections.
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultSite, readPage } from '../helpers/build.ts';
import { anchorsOf, refreshTarget } from '../../scripts/lib/html-scan.ts';

let site: string;
beforeAll(async () => {
  site = await defaultSite();
});

const AUTHORS_GUIDE = '/guides/writing-a-case/';
/** The text of `<main>`, tags dropped. */
const mainText = (html: string) => (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');
const count = (text: string, word: string) => text.split(word).length - 1;
const h2s = (html: string) => [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());

describe('readers and authors apart', () => {
  test('the guide list lists the readers’ chapters, and the authors’ chapter apart under 给作者', async () => {
    const html = await readPage(site, 'guides/');
    const [readers, authors = ''] = html.split('id="for-authors"');
    expect(readers).not.toContain(`href="${AUTHORS_GUIDE}"`);
    expect(readers).toContain('href="/guides/topic-scope/"');
    expect(authors).toContain('给作者');
    expect(authors).toContain(`href="${AUTHORS_GUIDE}"`);
  });

  test('the home page lists no authors’ chapter; every page’s footer leads to them', async () => {
    const home = await readPage(site, '');
    expect(mainText(home)).not.toContain('怎样写一个案例');
    expect(home).toMatch(/<footer[\s\S]*href="\/guides\/#for-authors"[^>]*>给作者<\/a>[\s\S]*<\/footer>/);
  });

  test('the print edition leaves the authors’ chapter out', async () => {
    const html = await readPage(site, 'print/');
    expect(html).not.toContain('id="guides-writing-a-case"');
    expect(html).not.toContain('href="#guides-writing-a-case"');
    expect(html).not.toMatch(/<h2[^>]*>怎样写一个案例<\/h2>/);
    expect(html).toContain('id="guides-topic-scope"');
  });

  test('the authors’ chapter is still published, marked 给作者, its previous and next chapters authors’ ones only', async () => {
    const html = await readPage(site, 'guides/writing-a-case/');
    expect(html).toMatch(/<p class="eyebrow"[^>]*>给作者<\/p>/);
    expect(html).not.toContain('上一章');
  });
});

describe('method and model pages say each thing once', () => {
  test('六步议事程序: one 原则 section, its steps shown once', async () => {
    const html = await readPage(site, 'methods/six-step-procedure/');
    expect(h2s(html).filter((h) => h === '原则')).toHaveLength(1);
    expect(h2s(html)).not.toContain('六个步骤的说明');
    // The step list gives each step's summary; the body does not retell them step by step.
    expect(count(mainText(html), '第一步收集议题')).toBe(0);
    expect(count(mainText(html), '入户走访')).toBe(0);
  });

  test('八步工作法: 步骤 once, no 八个步骤 section listing them again', async () => {
    const html = await readPage(site, 'methods/eight-step-method/');
    expect(h2s(html)).toContain('步骤');
    expect(h2s(html)).not.toContain('八个步骤');
    expect(count(mainText(html), '审议协商方案')).toBeLessThanOrEqual(2);
  });

  test('1+7+X gives its composition once: the diagram, with each part explained', async () => {
    const text = mainText(await readPage(site, 'models/council-1-7-x/'));
    expect(count(text, '业主委员会')).toBe(1);
    expect(count(text, '社区卫生站')).toBe(1);
    expect(h2s(await readPage(site, 'models/council-1-7-x/'))).not.toContain('构成');
  });
});

describe('the glossary index', () => {
  test('/terms/ opens with an index by pinyin initial linking to every term', async () => {
    const html = await readPage(site, 'terms/');
    const index = /<nav class="term-index[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(index).toContain('索引（按拼音首字母）');
    const entries = [...html.matchAll(/<div id="([^"]+)" class="term/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(30);
    const linked = [...index.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(linked.sort()).toEqual([...entries].sort());
    expect(index).toMatch(/>L<\/span>[\s\S]*href="#liangwei"/);
    expect(html.indexOf('term-index')).toBeLessThan(html.indexOf('class="glossary"'));
  });
});

describe('the four one-sentence consultations are sections of community-four-six', () => {
  test.each([
    ['sanitation-workers', '环卫工人的不便'],
    ['zhongshan-street-school-traffic', '中山街上学放学时的拥堵'],
    ['jingchong-road-parking', '泾崇路没有停车位'],
    ['zhongshan-street-toilet', '中山街缺少公厕'],
  ])('/cases/%s/ redirects to the section “%s”, which the page has', async (old, section) => {
    const target = refreshTarget(await readPage(site, `cases/${old}/`));
    expect(target).toBe(`/cases/community-four-six/#${encodeURIComponent(section)}`);
    expect(anchorsOf(await readPage(site, 'cases/community-four-six/'))).toContain(section);
  });
});
