import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';

/** One broken file per rule, each with the place the report must name and the problem's code. */
const EXPECTED: [string, string][] = [
  ['content/cases/alias-clash.mdx:11  aliases.0  ', 'alias.taken'],
  ['content/cases/bad-citation.mdx:14  <Cite source>  ', 'ref.unknown'],
  ['content/cases/broken-reference.mdx:11  methods.0  ', 'ref.unknown'],
  ['content/cases/future-date.mdx:5  date  ', 'date.future'],
  ['content/cases/gbk-encoded.mdx:2  -  ', 'file.encoding'],
  ['content/cases/impossible-date.mdx:5  date  ', 'date.impossible'],
  ['content/cases/missing-summary.mdx:1  summary  ', 'schema.missing'],
  ['content/cases/part-of-consultation.mdx:11  partOf  ', 'partof.not-practice'],
  ['content/cases/unknown-level.mdx:8  level  ', 'value.unknown'],
  ['content/cases/yaml-syntax.mdx:4  summary  ', 'yaml.syntax'],
  ['content/cases/停车难协商.mdx:1  id  ', 'id.file-name'],
  ['content/methods/wrong-step-count.mdx:4  steps  ', 'steps.count'],
  ['content/models/formula-mismatch.mdx:8  parts.1.count  ', 'formula.count'],
  ['content/sources/not-boolean.yaml:3  complete  ', 'schema.type'],
  ['content/terms/no-definition.yaml:1  definition  ', 'schema.missing'],
];

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    encoding: 'utf8',
  });
}

/** A digest of every file's path and bytes under a folder. */
async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const entry of entries.map((e) => path.join(e.parentPath, e.name)).sort()) {
    hash.update(path.relative(dir, entry)).update(await readFile(entry));
  }
  return hash.digest('hex');
}

describe('a content folder with many broken files', () => {
  test('npm run check lists every problem with file, line and field, a count, and exits 1', async () => {
    const content = await contentWith('many-broken');
    const result = run('check.ts', [content]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('content/'));
    expect(lines).toHaveLength(EXPECTED.length);
    for (const [i, [prefix, code]] of EXPECTED.entries()) {
      expect(lines[i]!.startsWith(prefix), `${lines[i]} should start with ${prefix}`).toBe(true);
      expect(lines[i]!.endsWith(`［${code}］`), `${lines[i]} should end with ［${code}］`).toBe(true);
    }
    expect(result.stderr).toContain(`共发现 ${EXPECTED.length} 个问题，涉及 ${EXPECTED.length} 个文件`);
    expect(result.stderr).toContain('docs/problems.md');
  });

  // Generous: a build of this project running meanwhile (another test's) is waited for.
  test('npm run build lists the same problems and leaves the output folder byte for byte as it was', { timeout: 600_000 }, async () => {
    const content = await contentWith('many-broken');
    const out = path.join(path.dirname(content), 'dist');
    await mkdir(path.join(out, 'cases/old'), { recursive: true });
    await writeFile(path.join(out, 'index.html'), '<!doctype html><title>previous build</title>');
    await writeFile(path.join(out, 'cases/old/index.html'), 'previous case page');
    const before = await digest(out);

    const result = run('build.ts', ['--content', content, '--out', out]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    for (const [prefix, code] of EXPECTED) expect(lines.some((line) => line.startsWith(prefix) && line.endsWith(`［${code}］`)), prefix).toBe(true);
    expect(result.stderr).toContain('构建已停止：没有写入任何文件');
    // Astro, started while the content was being checked, was stopped without a word. (A build
    // of this project running meanwhile, such as another test's, is waited for, and said so.)
    expect(result.stdout.replace(/^▸ 另一个构建.*等它结束后再开始…\n/m, '')).toBe('▸ 检查内容…\n');
    expect(result.stderr.split('\n').filter((line) => line && !/^content\/|^共发现|^构建已停止/.test(line))).toEqual([]);
    expect(await digest(out)).toBe(before);
    const siblings = await readdir(path.dirname(out));
    expect(siblings.sort()).toEqual(['content', 'dist']);
  });

  test('a clean content folder passes the check with exit 0', async () => {
    const result = run('check.ts', [await contentWith()]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('内容检查通过：7 个文件');
    expect(result.status).toBe(0);
  });
});
