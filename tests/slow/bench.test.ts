// The benchmark's synthetic corpus (scripts/bench/generate.ts) is valid content with realistic distributions,
// and the content check gives the same answer on several threads as on one.
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, type CaseInfo } from '../../scripts/bench/generate.ts';
import { checkOneFile, validateContent } from '../../scripts/lib/check/index.ts';
import { checkInWorker } from '../../scripts/lib/check/parallel.ts';
import { indexSources } from '../../scripts/lib/check/copy.ts';
import { discover } from '../../scripts/lib/check/read.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';

const METHODS = ['eight-step-method', 'outcome-follow-through', 'six-step-procedure', 'topic-selection'];
const MODELS = ['council-1-7-x', 'huzhou-1246-x', 'training-1-1-n', 'wuxing-6-x-n', 'zhejiang-6-x'];

describe('the synthetic corpus', () => {
  const corpus = generateCorpus({ count: 1200, seed: 7, methods: METHODS, models: MODELS, sources: ['huzhou-practice-2020'] });
  const cases = corpus.cases;
  const share = (test: (c: CaseInfo) => boolean) => cases.filter(test).length / cases.length;

  test('is the same for the same seed, and different for another', () => {
    const again = generateCorpus({ count: 50, seed: 7, methods: METHODS, models: MODELS });
    const other = generateCorpus({ count: 50, seed: 8, methods: METHODS, models: MODELS });
    expect(again.files.slice(0, 20)).toEqual(generateCorpus({ count: 50, seed: 7, methods: METHODS, models: MODELS }).files.slice(0, 20));
    expect(other.files.map((f) => f.text)).not.toEqual(again.files.map((f) => f.text));
  });

  test('has realistic frontmatter distributions', () => {
    // Levels weighted toward community and county; every level appears.
    expect(share((c) => c.level === 'community' || c.level === 'county')).toBeGreaterThan(0.4);
    expect(share((c) => c.level === 'national')).toBeLessThan(0.06);
    expect(new Set(cases.map((c) => c.level)).size).toBe(7);
    // One to three topics, one or two forms, all distinct.
    for (const c of cases) {
      expect(c.topics.length).toBeGreaterThanOrEqual(1);
      expect(c.topics.length).toBeLessThanOrEqual(3);
      expect(new Set(c.topics).size).toBe(c.topics.length);
      expect([1, 2]).toContain(c.forms.length);
    }
    expect(share((c) => c.topics.length > 1)).toBeGreaterThan(0.3);
    expect(new Set(cases.flatMap((c) => c.topics)).size).toBe(12);
    // Dates 2015–2025 in all three forms, about one in ten unknown.
    const dated = cases.filter((c) => c.date !== null);
    for (const c of dated) expect(Number(c.date!.slice(0, 4))).toBeGreaterThanOrEqual(2015);
    for (const c of dated) expect(Number(c.date!.slice(0, 4))).toBeLessThanOrEqual(2025);
    expect(new Set(dated.map((c) => c.date!.length))).toEqual(new Set([4, 7, 10]));
    expect(share((c) => c.date === null)).toBeGreaterThan(0.05);
    expect(share((c) => c.date === null)).toBeLessThan(0.16);
    // Provinces weighted toward Zhejiang, many others, some unknown.
    expect(share((c) => c.province === '浙江省')).toBeGreaterThan(0.2);
    expect(new Set(cases.map((c) => c.province)).size).toBeGreaterThan(15);
    expect(share((c) => c.province === '不详')).toBeGreaterThan(0.01);
    // Practices, and consultations that belong to them.
    const practices = new Set(cases.filter((c) => c.kind === 'practice').map((c) => c.id));
    expect(practices.size / cases.length).toBeGreaterThan(0.05);
    expect(practices.size / cases.length).toBeLessThan(0.25);
    const children = cases.filter((c) => c.partOf);
    expect(children.length / cases.length).toBeGreaterThan(0.15);
    for (const c of children) expect(practices.has(c.partOf!)).toBe(true);
    // Methods and models only from the real ones; many cases use some.
    for (const c of cases) for (const m of c.methods) expect(METHODS).toContain(m);
    for (const c of cases) for (const m of c.models) expect(MODELS).toContain(m);
    expect(share((c) => c.methods.length > 0)).toBeGreaterThan(0.3);
    expect(share((c) => c.models.length > 0)).toBeGreaterThan(0.05);
    // A source for every few cases, not one each.
    expect(corpus.sourceIds.length).toBeLessThan(cases.length / 2);
  });

  test('has varied Chinese text with headings and citations', () => {
    expect(new Set(cases.map((c) => c.title)).size).toBeGreaterThan(cases.length * 0.9);
    const sentences = cases.flatMap((c) => c.body.split(/(?<=。)/)).filter((s) => /\p{Script=Han}/u.test(s));
    expect(new Set(sentences).size).toBeGreaterThan(sentences.length * 0.3);
    for (const c of cases.slice(0, 200)) {
      expect(c.body).toMatch(/^## /m);
      expect(c.body).toMatch(/<Cite source="[a-z0-9-]+" \/>/);
      expect(c.body).not.toMatch(/[{}]/);
      expect(c.title.length).toBeGreaterThanOrEqual(4);
      expect(c.title.length).toBeLessThanOrEqual(60);
      expect(c.summary.length).toBeLessThanOrEqual(160);
    }
    const bodyChars = cases.reduce((sum, c) => sum + c.body.length, 0) / cases.length;
    expect(bodyChars).toBeGreaterThan(500);
  });
});

describe('a written corpus', () => {
  let content: string;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-bench-test-'));
    content = (await writeCorpus(dir, 400, path.join(PROJECT_ROOT, 'content'), 11)).contentDir;
  }, 60_000);

  test('passes the content check with the real content beside it', async () => {
    const { problems, entries } = await validateContent(content, path.dirname(content));
    expect(problems).toEqual([]);
    expect(entries.filter((e) => e.collection === 'cases')).toHaveLength(400);
  }, 60_000);

  test('is checked the same on several threads as on one, problems and their lines included', async () => {
    // Break some files in ways only the rules across files see, and one YAML error.
    const files = (await import('node:fs/promises')).readdir;
    const names = (await files(path.join(content, 'cases'))).filter((f) => /-\d{5}\.mdx$/.test(f)).sort();
    for (const [i, name] of names.slice(0, 40).entries()) {
      const file = path.join(content, 'cases', name);
      const text = await readFile(file, 'utf8');
      if (i % 4 === 0) await writeFile(file, text.replace(/^sources: \[/m, 'sources: [no-such-source, '));
      else if (i % 4 === 1) await writeFile(file, text.replace(/^kind: \w+$/m, 'kind: consultation\nmethods: [six-steps]').replace(/^methods: .*\n(?=[\s\S]*methods:)/m, ''));
      else if (i % 4 === 2) await writeFile(file, text.replace(/^level: .*$/m, 'level: 小区'));
      else await appendFile(file, '\n<Cite source="missing-source" />\n');
    }
    const one = await validateContent(content, path.dirname(content), { workers: 0 });
    const three = await validateContent(content, path.dirname(content), { workers: 3 });
    expect(one.problems.length).toBeGreaterThan(30);
    expect(three.problems).toEqual(one.problems);
    expect(three.entries.map((e) => [e.id, e.data])).toEqual(one.entries.map((e) => [e.id, e.data]));
  }, 120_000);

  test('a worker thread checks files as this thread does', async () => {
    const { files } = await discover(content, path.dirname(content));
    const share = files.slice(0, 30);
    // The source texts reach the worker: one of the files copies from them.
    const context = { sources: indexSources([{ name: 'texts/first.txt', text: await readFile(share[0]!.absolute, 'utf8') }]) };
    const there = await checkInWorker(share, context);
    const here = await Promise.all(share.map((file) => checkOneFile(file, context)));
    expect(here[0]!.problems.map((p) => p.code)).toContain('copy.run');
    expect(there.map((r) => r.problems)).toEqual(here.map((r) => r.problems));
    expect(there.map((r) => r.entry?.data)).toEqual(here.map((r) => r.entry?.data));
    // Lines of fields, present or not, of every entry with valid data (the rules across files
    // ask nothing else of the others).
    const lines = (results: typeof here) => results.filter((r) => r.entry?.data).map((r) =>
      [[], ['sources', 0], ['region', 'no-such-field'], ['methods', 0], ['partOf'], ['no-such-field']].map((p) => r.entry!.lineOf(p)));
    expect(lines(there).length).toBeGreaterThan(10);
    expect(lines(there)).toEqual(lines(here));
  }, 60_000);

  test('of broken fixtures, several threads report what one does', async () => {
    const broken = await contentWith('many-broken');
    const one = await validateContent(broken, path.dirname(broken), { workers: 0 });
    const two = await validateContent(broken, path.dirname(broken), { workers: 2 });
    expect(one.problems.length).toBeGreaterThan(5);
    expect(two.problems).toEqual(one.problems);
  }, 60_000);
});
