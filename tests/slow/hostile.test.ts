// Hostile files in content/: each must end, within seconds, in one located problem that says in
// Chinese what is wrong and what to do; never a hang, a crash or a stack trace. The files are
// generated here, in temporary folders, so nothing big is committed.
import { execFile } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test, type ExpectStatic } from 'vitest';
import { validateContent, type ProblemCode } from '../../scripts/lib/check/index.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';

/** A valid case against the base fixture; its body starts at line 13. */
const VALID_CASE = `---
title: 对抗性输入测试案例
kind: consultation
summary: 用来检查异常文件的协商事例。
date: 2022
region:
  province: 浙江省
level: community
forms: [council]
topics: [traffic]
sources: [demo-source]
---
`;
const BODY_LINE = 13;

/** Ten anchors, each a list of nine aliases of the one before: 9^10 strings once expanded. */
function aliasBomb(): string {
  const lines = ['lol0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) lines.push(`lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

/** Deterministic bytes that look random (a linear congruential generator). */
function junk(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 16;
  }
  return bytes;
}

/** Bytes with a NUL, and the line (1-based) the first NUL is on, counted here independently. */
const binary = junk(64 * 1024, 7);
binary[5000] = 0;
const binaryNulLine = binary.subarray(0, binary.indexOf(0)).filter((b) => b === 0x0a).length + 1;

interface Hostile {
  name: string;
  /** Writes the hostile file (or link) into a copy of the valid base content. */
  write(content: string): Promise<void>;
  file: string;
  line: number;
  field: string;
  /** The kind of problem it must be reported as. */
  code: ProblemCode;
}

const at = (content: string, file: string) => path.join(content, file);

const HOSTILE: Hostile[] = [
  {
    name: 'a YAML alias bomb in MDX frontmatter',
    write: (c) => writeFile(at(c, 'cases/alias-bomb.mdx'), `---\ntitle: 别名炸弹测试案例\n${aliasBomb()}\n---\n正文。\n`),
    file: 'content/cases/alias-bomb.mdx',
    line: 4,
    field: 'lol1',
    code: 'yaml.aliases',
  },
  {
    name: 'a YAML alias bomb in a .yaml term',
    write: (c) => writeFile(at(c, 'terms/alias-bomb.yaml'), `term: 别名炸弹\n${aliasBomb()}\n`),
    file: 'content/terms/alias-bomb.yaml',
    line: 3,
    field: 'lol1',
    code: 'yaml.aliases',
  },
  {
    name: 'a 5 MB .mdx file',
    write: (c) => writeFile(at(c, 'cases/five-megabytes.mdx'), VALID_CASE + '很长的正文。'.repeat(5 * 1024 * 1024 / 18)),
    file: 'content/cases/five-megabytes.mdx',
    line: 1,
    field: '-',
    code: 'file.too-large',
  },
  {
    // The YAML parser's time grows with the square of the number of keys.
    name: 'frontmatter of 20,000 fields',
    write: (c) => writeFile(at(c, 'cases/many-fields.mdx'), `---\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: 值`).join('\n')}\n---\n正文。\n`),
    file: 'content/cases/many-fields.mdx',
    line: 2,
    field: '-',
    code: 'yaml.too-long',
  },
  {
    name: 'frontmatter nested 10,000 levels deep in [ ]',
    write: (c) => writeFile(at(c, 'cases/deep-brackets.mdx'), `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n正文。\n`),
    file: 'content/cases/deep-brackets.mdx',
    line: 2,
    field: 'title',
    code: 'yaml.too-deep',
  },
  {
    name: 'a .yaml term with 10,000 unclosed [',
    write: (c) => writeFile(at(c, 'terms/unclosed-brackets.yaml'), `term: 括号\ndefinition: ${'['.repeat(10_000)}\n`),
    file: 'content/terms/unclosed-brackets.yaml',
    line: 2,
    field: 'definition',
    code: 'yaml.too-deep',
  },
  {
    // 200 levels of `a:` is 40 KB; 10,000 levels would be 100 MB and refused as too large.
    name: 'frontmatter nested 200 levels deep in a:\\n  a:',
    write: (c) => {
      const nested = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n');
      return writeFile(at(c, 'cases/deep-keys.mdx'), `---\ntitle: 嵌套测试案例\nregion:\n${nested} x\n---\n正文。\n`);
    },
    file: 'content/cases/deep-keys.mdx',
    line: 3,
    field: 'region',
    code: 'yaml.too-deep',
  },
  {
    name: 'an MDX body of 10,000 nested quotes',
    write: (c) => writeFile(at(c, 'cases/deep-quotes.mdx'), `${VALID_CASE}第一段。\n\n${'>'.repeat(10_000)} 引文\n`),
    file: 'content/cases/deep-quotes.mdx',
    line: BODY_LINE + 2,
    field: '正文',
    code: 'body.too-deep',
  },
  {
    // The MDX parser needs minutes for this (time grows with the square of the length).
    name: 'an MDX body of 300,000 unclosed {',
    write: (c) => writeFile(at(c, 'cases/many-braces.mdx'), VALID_CASE + '{'.repeat(300_000)),
    file: 'content/cases/many-braces.mdx',
    line: BODY_LINE,
    field: '正文',
    code: 'body.too-complex',
  },
  {
    name: 'binary junk named .mdx',
    write: (c) => writeFile(at(c, 'cases/junk.mdx'), binary),
    file: 'content/cases/junk.mdx',
    line: binaryNulLine,
    field: '-',
    code: 'file.binary',
  },
  {
    name: 'junk without NUL or line breaks named .mdx',
    write: (c) => writeFile(at(c, 'cases/high-bytes.mdx'), junk(64 * 1024, 11).map((b) => b | 0x80)),
    file: 'content/cases/high-bytes.mdx',
    line: 1,
    field: '-',
    code: 'file.encoding',
  },
  {
    name: 'a NUL byte in an otherwise valid case',
    write: (c) => writeFile(at(c, 'cases/nul-byte.mdx'), VALID_CASE.replace('异常文件', '异常\0文件')),
    file: 'content/cases/nul-byte.mdx',
    line: 4,
    field: '-',
    code: 'file.binary',
  },
  {
    name: 'a directory symlink pointing to its parent (a loop)',
    write: async (c) => {
      await mkdir(at(c, 'cases/sub'));
      await symlink('..', at(c, 'cases/sub/up'));
    },
    file: 'content/cases/sub/up',
    line: 0,
    field: '-',
    code: 'file.symlink',
  },
  {
    name: 'a dangling symlink',
    write: (c) => symlink('missing.yaml', at(c, 'terms/ghost.yaml')),
    file: 'content/terms/ghost.yaml',
    line: 0,
    field: '-',
    code: 'file.symlink',
  },
  {
    name: 'a symlink to itself',
    write: (c) => symlink('self.yaml', at(c, 'sources/self.yaml')),
    file: 'content/sources/self.yaml',
    line: 0,
    field: '-',
    code: 'file.symlink',
  },
];

/** Content folders made here; removed at the end (some hold megabytes). */
const made: string[] = [];
afterAll(() => Promise.all(made.map((content) => rm(path.dirname(content), { recursive: true, force: true }))));

async function freshContent(): Promise<string> {
  const content = await contentWith();
  made.push(content);
  return content;
}

async function hostileContent(hostile: Hostile): Promise<string> {
  const content = await freshContent();
  await hostile.write(content);
  return content;
}

/** `npm run check <content>`, as a child process; resolves with its exit code and output. */
function check(content: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, 'scripts/check.ts'), content],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ status: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

/** A message an author can act on: Chinese, says what to do, carries no JavaScript internals. */
function expectHelpful(expect: ExpectStatic, message: string) {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).toMatch(/请/);
  expect(message).not.toMatch(/call stack|stack overflow|RangeError|TypeError|Error:|undefined|\bat \S+:\d+/i);
}

// Generous: the slowest case stops the MDX parser after 8 seconds.
const TIMEOUT = 20_000;

describe.concurrent('hostile content, through validateContent()', () => {
  test.for(HOSTILE)('$name: one located problem, in Chinese', { timeout: TIMEOUT }, async (hostile, { expect }) => {
    const content = await hostileContent(hostile);
    const { problems } = await validateContent(content, path.dirname(content));
    expect(problems).toEqual([{ file: hostile.file, line: hostile.line, field: hostile.field, code: hostile.code, message: expect.any(String) }]);
    expectHelpful(expect, problems[0]!.message);
  });
});

describe.concurrent('hostile content, through npm run check', () => {
  test.for(HOSTILE)('$name: the report names it, exit code 1, no stack trace', { timeout: TIMEOUT }, async (hostile, { expect }) => {
    const content = await hostileContent(hostile);
    const { status, stdout, stderr } = await check(content);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const where = hostile.line > 0 ? `${hostile.file}:${hostile.line}` : hostile.file;
    const lines = stderr.split('\n').filter((line) => line.startsWith('content/'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${where}  ${hostile.field}  `), lines[0]).toBe(true);
    expect(lines[0]!.endsWith(`［${hostile.code}］`), lines[0]).toBe(true);
    expectHelpful(expect, lines[0]!);
    expect(stderr).toContain('共发现 1 个问题，涉及 1 个文件');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('a flood of problems in one file is cut short', () => {
  test('thousands of YAML syntax errors: the first ten, then how many more', async () => {
    const content = await freshContent();
    const broken = Array.from({ length: 3_000 }, (_, i) => `k${i}: [`).join('\n');
    await writeFile(at(content, 'terms/many-errors.yaml'), broken);
    const { problems } = await validateContent(content, path.dirname(content));
    expect(problems).toHaveLength(11);
    expect(problems.every((p) => p.file === 'content/terms/many-errors.yaml')).toBe(true);
    expect(problems.slice(0, 10).every((p) => p.code === 'yaml.syntax')).toBe(true);
    expect(problems[10]!.code).toBe('yaml.more-errors');
  }, TIMEOUT);

  test('5,000 unknown fields: fifty problems, then how many more', async () => {
    const content = await freshContent();
    const fields = Array.from({ length: 5_000 }, (_, i) => `k${i}: 值`).join('\n');
    await writeFile(at(content, 'cases/unknown-fields.mdx'), VALID_CASE.replace('---\n', `---\n${fields}\n`));
    const { problems } = await validateContent(content, path.dirname(content));
    expect(problems).toHaveLength(51);
    expect(problems.slice(0, 50).map((p) => p.field)).toEqual(Array.from({ length: 50 }, (_, i) => `k${i}`));
    expect(problems.slice(0, 50).every((p) => p.code === 'schema.unknown-field')).toBe(true);
    expect(problems[50]).toMatchObject({ file: 'content/cases/unknown-fields.mdx', line: 52, field: '-', code: 'file.more-problems' });
    expect(problems[50]!.message).toContain('4950');
  }, TIMEOUT);
});
