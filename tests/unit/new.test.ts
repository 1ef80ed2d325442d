import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/new.ts');

/** Runs `npm run new -- …` against a content folder, as an author would. */
function runNew(content: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args, '--content', content], { encoding: 'utf8', cwd: path.dirname(content) }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

async function check(content: string) {
  return validateContent(content, path.dirname(content));
}

/** The problems of a check other than the placeholders `npm run new` leaves to fill in. */
const apartFromPlaceholders = (problems: { code: string }[]) => problems.filter((p) => p.code !== 'draft.placeholder');

/** The frontmatter of an MDX file (or a YAML file), as data. */
async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  return parse(file.endsWith('.mdx') ? text.split('\n---\n')[0]!.replace(/^---\n/, '') : text) as Record<string, unknown>;
}

// Each test runs the script in its own content folder, so they may run side by side.
describe.concurrent('npm run new', { timeout: 60_000 }, () => {
  test.each([
    ['case', 'cases', 'mdx'],
    ['method', 'methods', 'mdx'],
    ['model', 'models', 'mdx'],
    ['guide', 'guides', 'mdx'],
    ['term', 'terms', 'yaml'],
    ['source', 'sources', 'yaml'],
  ])('a new %s is a draft until its placeholders are replaced: the check lists each, and nothing else', async (kind, collection, ext) => {
    const content = await contentWith();
    const run = await runNew(content, kind, 'new-entry');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已新建 content/${collection}/new-entry.${ext}`);
    const { problems } = await check(content);
    expect(problems.length).toBeGreaterThan(2);
    for (const problem of problems) {
      expect(problem).toMatchObject({ file: `content/${collection}/new-entry.${ext}`, code: 'draft.placeholder' });
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.field).not.toBe('-');
    }
    expect(run.stdout).toContain(`文件中有 ${problems.length} 处`);
    // Renamed as a draft (never published), it passes as it is.
    await rename(path.join(content, collection, `new-entry.${ext}`), path.join(content, collection, `_new-entry.${ext}`));
    expect((await check(content)).problems).toEqual([]);
  });

  test('a new case with its placeholders filled in passes the check and is published', async () => {
    const content = await contentWith();
    expect((await runNew(content, 'case', 'parking-talks', '--title', '示例小区停车协商')).status).toBe(0);
    const file = path.join(content, 'cases/parking-talks.mdx');
    const filled = (await readFile(file, 'utf8'))
      .replace('kind: 【待填写】', 'kind: consultation')
      .replace(/^summary: 【待填写】.*$/m, 'summary: 小区居民就停车难组织协商。')
      .replace('date: 【待填写】', 'date: 2023')
      .replace('province: 【待填写】', 'province: 浙江省')
      .replace('level: 【待填写】', 'level: 社区')
      .replace('forms: [【待填写】]', 'forms: [议事会协商]')
      .replace('topics: [【待填写】]', 'topics: [traffic]')
      .replace('sources: [【待填写】]', 'sources: [demo-source]')
      .replaceAll('【待填写】', '');
    await writeFile(file, filled);
    const { problems, entries } = await check(content);
    expect(problems).toEqual([]);
    expect(entries.find((e) => e.id === 'parking-talks')?.data).toMatchObject({ kind: 'consultation', level: 'community', date: '2023' });
  });

  test('an MDX entry explains its fields in Chinese comments and cites an existing source', async () => {
    const content = await contentWith();
    expect((await runNew(content, 'case', 'parking-talks', '--title', '示例小区停车协商')).status).toBe(0);
    const text = await readFile(path.join(content, 'cases/parking-talks.mdx'), 'utf8');
    expect(text).toContain('title: 示例小区停车协商');
    expect(text).toMatch(/^# 类型：practice（实践/m);
    expect(text).toMatch(/^# 层级.*community（社区）/m);
    expect(text).toContain('<Cite source="demo-source" />');
    // The body's components are recognised by the check: a citation of a missing source would be reported.
    expect(apartFromPlaceholders((await check(content)).problems)).toEqual([]);
    await writeFile(path.join(content, 'cases/parking-talks.mdx'), text.replaceAll('demo-source', 'missing-source'));
    expect(apartFromPlaceholders((await check(content)).problems).map((p) => p.code)).toContain('ref.unknown');
  });

  test('a method titled with a number of steps gets that many steps', async () => {
    const content = await contentWith();
    expect((await runNew(content, 'method', 'five-steps', '--title', '协商“五步工作法”')).status).toBe(0);
    expect(apartFromPlaceholders((await check(content)).problems)).toEqual([]);
    expect((await frontmatter(path.join(content, 'methods/five-steps.mdx'))).steps).toHaveLength(5);
  });

  test('a model titled with its formula gets one part per term', async () => {
    const content = await contentWith();
    expect((await runNew(content, 'model', 'council-1-5-x', '--title', '议事会“1+5+X”构成')).status).toBe(0);
    expect(apartFromPlaceholders((await check(content)).problems)).toEqual([]);
    const data = (await frontmatter(path.join(content, 'models/council-1-5-x.mdx'))) as { formula: string; parts: { count: unknown }[] };
    expect(data.formula).toBe('1+5+X');
    expect(data.parts.map((p) => p.count)).toEqual([1, 5, 'X']);
  });

  test('a new guide goes after the existing chapters', async () => {
    const content = await contentWith();
    expect((await runNew(content, 'guide', 'next-chapter')).status).toBe(0);
    expect((await frontmatter(path.join(content, 'guides/next-chapter.mdx'))).order).toBe(2);
  });

  test('an existing id is refused and the file is left alone', async () => {
    const content = await contentWith();
    const file = path.join(content, 'cases/demo-practice.mdx');
    const before = await readFile(file, 'utf8');
    const run = await runNew(content, 'case', 'demo-practice');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('id“demo-practice”已被占用：content/cases/demo-practice.mdx 已经存在');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('an id kept as an alias of a moved page is refused', async () => {
    const content = await contentWith('site-extras');
    const run = await runNew(content, 'case', 'old-case-id');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('是 content/cases/moved-case.mdx 的旧 id');
    expect(existsSync(path.join(content, 'cases/old-case-id.mdx'))).toBe(false);
  });

  test('an id that is not ASCII kebab-case is refused with a pinyin id proposed', async () => {
    const content = await contentWith();
    const run = await runNew(content, 'case', '停车难协商');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('“停车难协商”不能用作 id');
    expect(run.stderr).toContain('npm run new -- case ting-che-nan-xie-shang --title 停车难协商');
    const upper = await runNew(content, 'term', 'Yi_Shi_Hui');
    expect(upper.status).toBe(1);
    expect(upper.stderr).toContain('建议改用 yi-shi-hui');
    expect((await readdir(path.join(content, 'cases'))).sort()).toEqual(['demo-consultation.mdx', 'demo-practice.mdx']);
  });

  test('a title that would break a rule leaves no file behind', async () => {
    const content = await contentWith();
    const run = await runNew(content, 'case', 'short-title', '--title', '短');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^content\/cases\/short-title\.mdx:\d+ {2}title {2}.*［schema.too-short］$/m);
    expect(existsSync(path.join(content, 'cases/short-title.mdx'))).toBe(false);
  });

  test('--help prints the usage and writes nothing; -h as the value of --title is the author’s text, not a call for help', async () => {
    const content = await contentWith();
    const help = await runNew(content, 'case', 'helped', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：npm run new/);
    expect(existsSync(path.join(content, 'cases/helped.mdx'))).toBe(false);
    // A title that begins with a dash must be written --title=-…; given apart, it is not taken for -h.
    const dash = await runNew(content, 'case', 'dash-title', '--title', '-h');
    expect(dash.stdout).not.toMatch(/用法/);
    expect(dash.status).toBe(1);
    expect(dash.stderr).toContain('以“-”开头的值要和选项连写，例如 --title=-');
    expect(existsSync(path.join(content, 'cases/dash-title.mdx'))).toBe(false);
  });

  test('without any source, a case is refused until a source is created', async () => {
    const content = await contentWith();
    await rm(path.join(content, 'sources'), { recursive: true });
    const refused = await runNew(content, 'case', 'first-case');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('还没有任何资料来源');
    expect(refused.stderr).toContain('npm run new -- source');
    expect((await runNew(content, 'source', 'first-source', '--title', '某社区议事会工作总结')).status).toBe(0);
    expect((await runNew(content, 'case', 'first-case')).status).toBe(0);
    const text = await readFile(path.join(content, 'cases/first-case.mdx'), 'utf8');
    expect(text).toContain('<Cite source="first-source" />');
  });

  test('an unknown kind or a missing id is explained with the usage', async () => {
    const content = await contentWith();
    const unknown = await runNew(content, 'article', 'x');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('不认识的类型“article”');
    expect(unknown.stderr).toContain('case（案例）');
    const missing = await runNew(content, 'case');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('缺少 id');
  });
});

/** The value a filled-in field gets, by its key, for entries made on the bundled content. */
function fill(text: string, source: string, kind: string): string {
  const values: Record<string, string> = {
    kind: kind === 'model' ? 'composition' : 'consultation',
    date: '2023',
    province: '浙江省',
    level: 'community',
    complete: 'true',
  };
  const lists: Record<string, string> = { forms: 'council', topics: 'traffic', sources: source };
  return text
    .replace(/^(\s*)(\w+): 【待填写】$/gm, (line, indent: string, key: string) => (values[key] ? `${indent}${key}: ${values[key]}` : line))
    .replace(/^(\w+): \[【待填写】\]$/gm, (line, key: string) => (lists[key] ? `${key}: [${lists[key]}]` : line))
    .replaceAll('【待填写】', '');
}

// On the handbook as it ships, not a fixture: what a new user meets first (README, “Adding a case”).
describe('npm run new on the bundled content', { timeout: 120_000 }, () => {
  const bundled = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-bundled-'));
    await cp(path.join(PROJECT_ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
    return path.join(dir, 'content');
  };
  const firstSource = async (content: string) => (await readdir(path.join(content, 'sources'))).filter((f) => f.endsWith('.yaml')).sort()[0]!.replace(/\.yaml$/, '');

  test.each([
    ['case', 'cases', 'mdx', '中山街无公厕问题的社区协商二'],
    ['method', 'methods', 'mdx', '协商“四步工作法”'],
    ['model', 'models', 'mdx', '议事会“1+5+X”构成'],
    ['guide', 'guides', 'mdx', '怎样组织一次现场协商'],
    ['term', 'terms', 'yaml', '协商议事清单'],
    ['source', 'sources', 'yaml', '某社区议事会工作总结'],
  ])('a new %s, with and without --title, is written and passes the check once its placeholders are filled', async (kind, collection, ext, title) => {
    const content = await bundled();
    const source = await firstSource(content);
    for (const [id, args] of [[`new-${kind}-plain`, []], [`new-${kind}-titled`, ['--title', title]]] as const) {
      const run = await runNew(content, kind, id, ...args);
      expect(run.status, run.stderr).toBe(0);
      const file = path.join(content, collection, `${id}.${ext}`);
      expect(existsSync(file)).toBe(true);
      const { problems } = await check(content);
      expect(problems.filter((p) => p.code !== 'draft.placeholder'), run.stdout).toEqual([]);
      expect(problems.length).toBeGreaterThan(0);
      await writeFile(file, fill(await readFile(file, 'utf8'), source, kind));
      expect((await check(content)).problems).toEqual([]);
    }
  });

  test('a new ledger is written and imports as it is (its example row names the handbook’s own source and method)', async () => {
    const content = await bundled();
    const file = path.join(path.dirname(content), 'ledger.xlsx');
    const run = await runNew(content, 'ledger', file);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const imported = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(PROJECT_ROOT, 'scripts/import.ts'), file, '--dry-run', '--content', content], { encoding: 'utf8', cwd: path.dirname(content) }, (error, _stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
    expect(imported.status, imported.stderr).toBe(0);
  });
});

describe('an old id kept as an alias of a section', () => {
  test('is refused by npm run new as taken, like any old id (the bundled community-four-six keeps jingchong-road-parking#…)', async () => {
    const content = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-alias-')), 'content');
    await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
    const run = await runNew(content, 'case', 'jingchong-road-parking');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('是 content/cases/community-four-six.mdx 的旧 id');
    expect(existsSync(path.join(content, 'cases/jingchong-road-parking.mdx'))).toBe(false);
  });
});

describe('the README’s own example', () => {
  test('npm run new -- case … --title … as the README writes it works on the bundled content', async () => {
    const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const example = /`npm run new -- case (\S+) --title (\S+)` writes/.exec(readme);
    expect(example, 'the README shows an npm run new example').not.toBeNull();
    const content = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-readme-')), 'content');
    await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
    const run = await runNew(content, 'case', example![1]!, '--title', example![2]!);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(content, `cases/${example![1]}.mdx`))).toBe(true);
  });
});
