// The registry of problem codes (scripts/lib/check/codes.ts) and its explanation for authors
// (docs/problems.md) stay in step: one section per code, at the code's anchor, with its title and fix.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { anchorOf, PROBLEM_KINDS, PROBLEMS_DOC, type ProblemCode } from '../../scripts/lib/check/codes.ts';
import { formatProblem, formatReport, problemAt } from '../../scripts/lib/check/problem.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const codes = Object.keys(PROBLEM_KINDS) as ProblemCode[];
const doc = await readFile(path.join(PROJECT_ROOT, PROBLEMS_DOC), 'utf8');

/** docs/problems.md cut at its anchors: anchor → the section's text. */
function sections(): Map<string, string> {
  const parts = doc.split(/^<a id="([^"]+)"><\/a>\n/m);
  const result = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) result.set(parts[i]!, parts[i + 1]!);
  return result;
}

describe('problem codes', () => {
  test('codes are stable in form: lower-case words joined by a dot, anchors distinct', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
    expect(new Set(codes.map(anchorOf)).size).toBe(codes.length);
  });

  test('docs/problems.md has one section per code, headed by the code and its title, giving its fix', () => {
    const found = sections();
    expect([...found.keys()].sort()).toEqual(codes.map(anchorOf).sort());
    for (const code of codes) {
      const section = found.get(anchorOf(code))!;
      const { title, fix } = PROBLEM_KINDS[code];
      expect(section.split('\n')[0], code).toBe(`### \`${code}\` ${title}`);
      expect(section, code).toContain(`**怎么改：**${fix}`);
    }
  });

  test('every code is used by the check or the config loader (the types refuse an unknown one)', async () => {
    const dirs = ['scripts/lib', 'src/schemas'];
    let source = '';
    for (const dir of dirs) {
      for (const file of await readdir(path.join(PROJECT_ROOT, dir), { recursive: true })) {
        if (file.endsWith('.ts') && !file.endsWith('codes.ts')) source += await readFile(path.join(PROJECT_ROOT, dir, file), 'utf8');
      }
    }
    const unused = codes.filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  test('a report line ends with its code, and the report says where codes are explained', () => {
    const problem = problemAt({ file: 'content/methods/x.mdx', line: 4, field: 'steps' }, 'steps.count', { stated: 6, listed: 3 });
    expect(problem.code).toBe('steps.count');
    expect(formatProblem(problem)).toBe('content/methods/x.mdx:4  steps  标题写明 6 步，但 steps 列了 3 步。请补齐或删减步骤，或修改标题［steps.count］');
    expect(formatReport([problem]).split('\n').at(-1)).toContain(PROBLEMS_DOC);
  });
});
