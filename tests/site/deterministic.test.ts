import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build.ts';

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

const sites: string[] = [];
let first: Map<string, Buffer>;
let second: Map<string, Buffer>;

beforeAll(async () => {
  // One after the other (the builds share Astro's generated types folder), each into its own
  // temporary folder, so an absolute path leaking into the output shows up as a difference.
  sites.push(await buildSite());
  sites.push(await buildSite());
  [first, second] = await Promise.all(sites.map(filesOf)) as [Map<string, Buffer>, Map<string, Buffer>];
});

afterAll(async () => {
  await Promise.all(sites.map((site) => rm(path.dirname(site), { recursive: true, force: true })));
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
