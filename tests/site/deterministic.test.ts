import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, defaultSite } from '../helpers/build.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

/** Every file under a folder, by its path relative to the folder (forward slashes), with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute).split(path.sep).join('/'), await readFile(absolute));
  }
  return files;
}

let copy: string;
let rebuilt: string;
let first: Map<string, Buffer>;
let second: Map<string, Buffer>;

/**
 * Copies the project's content so that its data date (scripts/lib/build/build-info.ts) is decided
 * the same way as the default site's: in a git repository of its own whose one commit has the date
 * of the project's last content commit, or, where the project has no git history, with the files'
 * own times. So the two builds agree on any day, whatever the clock and the copy's file times say.
 */
async function copyContent(into: string): Promise<void> {
  const content = path.join(into, 'content');
  const last = spawnSync('git', ['log', '-1', '--format=%cI', '--', 'content'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const date = last.status === 0 ? last.stdout.trim() : '';
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true, preserveTimestamps: true });
  if (!date) return;
  const git = (...args: string[]) => {
    const run = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: into,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  };
  git('init', '-q');
  git('add', 'content');
  git('commit', '-q', '-m', 'content');
}

beforeAll(async () => {
  // The shared default site, and the same content copied to another temporary folder and built
  // into another: an absolute path (of the content or of the output) leaking into the output
  // shows up as a difference. The second build also starts with an empty Astro cache.
  copy = await mkdtemp(path.join(tmpdir(), 'yishi-same-content-'));
  await copyContent(copy);
  rebuilt = await buildSite({ content: path.join(copy, 'content') });
  [first, second] = await Promise.all([filesOf(await defaultSite()), filesOf(rebuilt)]);
});

afterAll(async () => {
  await Promise.all([copy, rebuilt && path.dirname(rebuilt)].filter(Boolean).map((dir) => rm(dir!, { recursive: true, force: true })));
});

describe('building the same content twice', () => {
  test('writes the same set of files', () => {
    expect(first.size).toBeGreaterThan(50);
    const onlyFirst = [...first.keys()].filter((file) => !second.has(file)).sort();
    const onlySecond = [...second.keys()].filter((file) => !first.has(file)).sort();
    expect({ onlyFirst, onlySecond }).toEqual({ onlyFirst: [], onlySecond: [] });
  });

  test('writes every file byte for byte the same, search index included', () => {
    expect([...first.keys()].some((file) => file.startsWith('pagefind/'))).toBe(true);
    const differing = [...first.keys()]
      .filter((file) => second.has(file) && !first.get(file)!.equals(second.get(file)!))
      .sort();
    expect(differing).toEqual([]);
  });
});
