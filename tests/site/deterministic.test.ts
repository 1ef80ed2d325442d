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

beforeAll(async () => {
  // The shared default site, and the same content copied to another temporary folder and built
  // into another: an absolute path (of the content or of the output) leaking into the output
  // shows up as a difference. The second build also starts with an empty Astro cache.
  copy = await mkdtemp(path.join(tmpdir(), 'yishi-same-content-'));
  await cp(path.join(PROJECT_ROOT, 'content'), path.join(copy, 'content'), { recursive: true });
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
