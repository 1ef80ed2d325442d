import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { checkThesaurus } from '../../scripts/lib/check/thesaurus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

let root: string;
let content: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'yishi-thesaurus-'));
  content = path.join(root, 'content');
  await mkdir(content);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const write = (text: string) => writeFile(path.join(content, 'thesaurus.yaml'), text);
const located = async () => (await checkThesaurus(content, root)).map((p) => `${p.line} ${p.field} ${p.message}`);

describe('the content check reads content/thesaurus.yaml', () => {
  test('the bundled thesaurus is valid, and a handbook may have none', async () => {
    expect(await checkThesaurus(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT)).toEqual([]);
    expect(await checkThesaurus(content, root)).toEqual([]);
  });

  test('the file sits beside the collections without being reported as a stray file', async () => {
    await write('synonyms:\n  公厕: [厕所]\n');
    const result = await validateContent(content, root);
    expect(result.problems).toEqual([]);
  });

  test('each problem names its line and field, in Chinese, with what to do', async () => {
    await write(['synonyms:', '  公厕: [厕所, 公厕, 厕所]', '  拥堵: []', '  停车位: [车 位]', 'phrases: [切口小, 切口小, 一]', 'topics:', '  enviroment: [绿化]', '  道路交通管理: [停车]', 'extra: 1', ''].join('\n'));
    const problems = await located();
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^3 synonyms\.拥堵 /), expect.stringMatching(/^4 synonyms\.停车位\.0 一项只写一个词语/), expect.stringMatching(/^5 phrases\.2 短语至少两个字/), expect.stringMatching(/^9 extra 未知字段“extra”/)]));
    // Once the schema is satisfied, the rules across entries.
    await write(['synonyms:', '  公厕: [厕所, 公厕, 厕所]', 'phrases: [切口小, 切口小]', 'topics:', '  enviroment: [绿化]', '  道路交通管理: [停车]', ''].join('\n'));
    expect(await located()).toEqual([
      '2 synonyms.公厕.1 “公厕”就是手册的用词本身，不必再列为同义词。请删去这一项',
      '2 synonyms.公厕.2 “厕所”在“公厕”的同义词里重复出现。请删去重复的一项',
      '3 phrases.1 短语“切口小”重复出现。请删去重复的一项',
      expect.stringMatching(/^5 topics\.enviroment 没有“enviroment”这个领域。可用的领域：public-welfare（公益事业）/),
    ]);
  });

  test('broken YAML is reported with its line', async () => {
    await write('synonyms:\n  公厕: [厕所\n');
    const [problem] = await checkThesaurus(content, root);
    expect(problem).toMatchObject({ file: 'content/thesaurus.yaml', field: expect.any(String) });
    expect(problem!.line).toBeGreaterThan(0);
    expect(problem!.message).toMatch(/YAML/);
  });
});
