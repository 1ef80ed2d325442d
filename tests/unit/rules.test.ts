import { describe, expect, test } from 'vitest';
import { checkRule, located } from '../helpers/fixtures.ts';

describe('each content rule has a passing and a failing fixture', () => {
  test('the base fixture is valid on its own', async () => {
    const result = await checkRule('schema', 'pass');
    expect(result.problems).toEqual([]);
    expect(result.entries.length).toBe(8);
  });

  const passing = ['schema', 'yaml', 'encoding', 'ids', 'dates', 'references', 'unique', 'steps', 'formula', 'part-of', 'labels'];
  test.each(passing)('the %s rule accepts its passing fixture', async (rule) => {
    const result = await checkRule(rule, 'pass');
    expect(result.problems).toEqual([]);
  });

  test('schema errors are reported at the line of the offending key, all at once', async () => {
    const result = await checkRule('schema', 'fail');
    expect(located(result)).toEqual([
      'content/cases/bad-schema.mdx:1 summary schema.missing',
      'content/cases/bad-schema.mdx:6 region.province region.province',
      'content/cases/bad-schema.mdx:7 level value.unknown',
      'content/cases/bad-schema.mdx:8 forms schema.too-few',
      'content/cases/bad-schema.mdx:11 tags schema.unknown-field',
    ]);
    // The province is a near miss: the one meant is proposed.
    expect(result.problems.find((p) => p.code === 'region.province')!.message).toContain('浙江省');
  });

  test('a YAML syntax error names the line where the bracket was left open', async () => {
    const result = await checkRule('yaml', 'fail');
    expect(located(result)).toEqual(['content/cases/bad-yaml.mdx:9 forms yaml.syntax']);
  });

  test('a file that is not UTF-8 is refused, and recognised as GBK', async () => {
    const result = await checkRule('encoding', 'fail');
    expect(located(result)).toEqual(['content/cases/gbk-file.mdx:2 - file.encoding']);
    expect(result.problems[0]!.message).toContain('GBK');
  });

  test('a BOM and CRLF line endings are accepted and normalised', async () => {
    const result = await checkRule('encoding', 'pass');
    const entry = result.entries.find((e) => e.id === 'bom-crlf');
    expect(entry?.data).toMatchObject({ title: '规则测试用的协商案例', level: 'community' });
  });

  test('file names that are not kebab-case get a proposed pinyin id', async () => {
    const result = await checkRule('ids', 'fail');
    expect(result.problems).toHaveLength(2);
    expect(result.problems.every((p) => p.field === 'id' && p.line === 1 && p.code === 'id.file-name')).toBe(true);
    const messages = result.problems.map((p) => `${p.file} ${p.message}`);
    expect(messages.find((m) => m.includes('中山街停车'))).toContain('zhong-shan-jie-ting-che.mdx');
    expect(messages.find((m) => m.includes('Bad_Name'))).toContain('bad-name.mdx');
  });

  test('dates must exist and must not lie in the future', async () => {
    const result = await checkRule('dates', 'fail');
    expect(located(result)).toEqual([
      'content/cases/future.mdx:5 date date.future',
      'content/cases/no-such-day.mdx:5 date date.impossible',
      'content/cases/wrong-format.mdx:5 date date.format',
    ]);
  });

  test('a date of 不详 normalises to null; a leap day is accepted', async () => {
    const result = await checkRule('dates', 'pass');
    const date = (id: string) => (result.entries.find((e) => e.id === id)?.data as { date: unknown }).date;
    expect(date('unknown-date')).toBeNull();
    expect(date('leap-day')).toBe('2024-02-29');
  });

  test('references to missing methods, models, sources and cited sources are each reported', async () => {
    const result = await checkRule('references', 'fail');
    expect(located(result)).toEqual([
      'content/cases/refs-broken.mdx:11 methods.0 ref.unknown',
      'content/cases/refs-broken.mdx:12 models.0 ref.unknown',
      'content/cases/refs-broken.mdx:13 sources.1 ref.unknown',
      'content/cases/refs-broken.mdx:15 <Cite source> ref.unknown',
    ]);
    // A near miss proposes the id meant.
    expect(result.problems[0]!.message).toContain('“demo-method”');
  });

  test('ids and aliases are unique within a collection, and term names across the glossary', async () => {
    const result = await checkRule('unique', 'fail');
    expect(located(result)).toEqual([
      'content/cases/alias-taken.mdx:11 aliases.0 alias.taken',
      'content/cases/folded-wrong-section.mdx:12 aliases.0 alias.no-section',
      'content/cases/folded-wrong-section.mdx:13 aliases.1 alias.taken',
      'content/cases/folded-wrong-section.mdx:14 aliases.2 schema.format',
      'content/cases/nested/demo-consultation.mdx:1 - id.duplicate',
      'content/terms/duplicate-name.yaml:1 term term.duplicate',
    ]);
    // A section alias names a heading of the page's body: the one meant is proposed.
    const section = result.problems.find((p) => p.code === 'alias.no-section')!;
    expect(section.message).toContain('#停车位不足');
    expect(section.message).toContain('是不是“停车位不够”');
  });

  test('an alias may name a section of the page (a page folded into another): old-id#heading-anchor', async () => {
    const result = await checkRule('unique', 'pass');
    expect(result.problems).toEqual([]);
    const folded = result.entries.find((e) => e.id === 'folded')!;
    // Anchors as the site writes them: punctuation and brackets dropped.
    expect(folded.anchors).toEqual(['停车位不够', '街上缺少公厕2023年']);
    expect((folded.data as { aliases: string[] }).aliases).toEqual(['old-parking-case#停车位不够', 'old-toilet-case#街上缺少公厕2023年']);
  });

  test('a method whose title states a number of steps must have that many', async () => {
    const result = await checkRule('steps', 'fail');
    expect(located(result)).toEqual(['content/methods/eight-steps.mdx:4 steps steps.count']);
  });

  test("a model's formula and parts agree term by term, and listed members match the count", async () => {
    const result = await checkRule('formula', 'fail');
    expect(located(result)).toEqual([
      'content/models/formula-mismatch.mdx:6 parts formula.parts',
      'content/models/formula-mismatch.mdx:9 parts.1.count formula.count',
      'content/models/formula-mismatch.mdx:11 parts.1.members formula.members',
    ]);
  });

  test('partOf must point at a practice', async () => {
    const result = await checkRule('part-of', 'fail');
    expect(located(result)).toEqual(['content/cases/child-of-consultation.mdx:11 partOf partof.not-practice']);
  });

  test('Chinese labels normalise to keys; unknown labels list what is allowed', async () => {
    const pass = await checkRule('labels', 'pass');
    expect(pass.entries.find((e) => e.id === 'chinese-labels')?.data).toMatchObject({
      kind: 'consultation',
      level: 'community',
      forms: ['council', 'onsite'],
      topics: ['facilities'],
    });
    const fail = await checkRule('labels', 'fail');
    expect(located(fail)).toEqual(['content/cases/unknown-label.mdx:8 level value.unknown']);
    expect(fail.problems[0]!.message).toContain('community（社区）');
  });
});
