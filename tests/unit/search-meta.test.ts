// The smaller search metadata (scripts/lib/build/search-meta.ts): the file that every first
// search loads is smaller, and it still says what Pagefind wrote, page for page.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compactSearchMeta, pageNameTag, pagefindFile, readPagefindFile, roundWordCount } from '../../scripts/lib/build/search-meta.ts';

type Entry = { version: string; languages: Record<string, { hash: string; page_count: number }> };
type Meta = [string, [string, number, ...unknown[]][], ...unknown[]];

let dir: string;
const PAGES = 40;

/** A small real Pagefind index of 40 pages. */
async function writeIndex(outputPath: string) {
  const { index } = await pagefind.createIndex({ forceLanguage: 'und' });
  for (let i = 0; i < PAGES; i++) {
    const body = `停车 难 小区 ${i} 协商 第 ${i} 次 ${'议事 '.repeat(i % 7)}`;
    await index!.addHTMLFile({ url: `/cases/c${i}/`, content: `<html><body><main data-pagefind-body><h1>案例 ${i}</h1><p data-pagefind-filter="topics">t${i % 3}</p><p>${body}</p></main></body></html>` });
  }
  await index!.writeFiles({ outputPath });
  await pagefind.close();
}

const readEntry = async (pagefindDir: string) => JSON.parse(await readFile(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as Entry;
const metaPath = (pagefindDir: string, entry: Entry) => path.join(pagefindDir, `pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`);
const readMeta = async (file: string) => decode(readPagefindFile(await readFile(file), file)) as Meta;

async function fragments(pagefindDir: string): Promise<Map<string, string>> {
  const dirPath = path.join(pagefindDir, 'fragment');
  const found = new Map<string, string>();
  for (const name of await readdir(dirPath)) found.set(name.replace(/\.pf_fragment$/, ''), readPagefindFile(await readFile(path.join(dirPath, name)), name).toString('utf8'));
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'yishi-search-meta-'));
  await writeIndex(path.join(dir, 'before'));
  await writeIndex(path.join(dir, 'after'));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the smaller search metadata', () => {
  test('the metadata is read and written as Pagefind writes it: re-encoding gives the same bytes', async () => {
    const file = metaPath(path.join(dir, 'before'), await readEntry(path.join(dir, 'before')));
    const cbor = readPagefindFile(await readFile(file), file);
    expect(Buffer.from(encode(decode(cbor)))).toEqual(cbor);
    expect(readPagefindFile(pagefindFile(cbor), 'x')).toEqual(cbor);
  });

  test('every page keeps its fragment, under a short name, and the metadata names them in the same order', async () => {
    const before = path.join(dir, 'before');
    const after = path.join(dir, 'after');
    const entryBefore = await readEntry(before);
    const oldMeta = await readMeta(metaPath(before, entryBefore));
    const oldFragments = await fragments(before);

    const result = await compactSearchMeta(after);
    const entry = await readEntry(after);
    const meta = await readMeta(metaPath(after, entry));
    const newFragments = await fragments(after);

    expect(result.pages).toBe(PAGES);
    // Every name starts with the tag of this index's fragments.
    const raw = await Promise.all(oldMeta[1].map((p) => readFile(path.join(before, 'fragment', `${p[0]}.pf_fragment`))));
    const tag = pageNameTag(raw);
    expect(tag).toMatch(/^[0-9a-z]{6}$/);
    // Same pages in the same positions; chunks, filters and sorts unchanged; word counts rounded.
    expect(meta[1].map((p) => p.slice(2))).toEqual(oldMeta[1].map((p) => p.slice(2)));
    expect(meta[1].map((p) => p[1])).toEqual(oldMeta[1].map((p) => roundWordCount(p[1])));
    expect(meta.slice(2)).toEqual(oldMeta.slice(2));
    expect(meta[0]).toBe(entry.version);
    for (const [position, [name]] of meta[1].entries()) {
      expect(name).toBe(`${tag}${position.toString(36)}`);
      expect(newFragments.get(name)).toBe(oldFragments.get(oldMeta[1][position]![0]));
    }
    expect(new Set(newFragments.values())).toEqual(new Set(oldFragments.values()));
    expect(newFragments.size).toBe(oldFragments.size);
    // The metadata file is new (renamed by its content) and the old one is gone.
    const metaFiles = (await readdir(after)).filter((n) => n.endsWith('.pf_meta'));
    expect(metaFiles).toEqual([path.basename(metaPath(after, entry))]);
    expect(metaFiles[0]).not.toBe(path.basename(metaPath(before, entryBefore)));
    expect(result.metaBytes.after).toBeLessThan(result.metaBytes.before);
  });

  test('word counts keep five significant bits: exact below 32, otherwise within 1/32', () => {
    for (const n of [0, 1, 31]) expect(roundWordCount(n)).toBe(n);
    expect(roundWordCount(476)).toBe(480);
    expect(roundWordCount(1237)).toBe(1216);
    for (let n = 32; n < 200_000; n += 97) {
      const rounded = roundWordCount(n);
      expect(Math.abs(rounded - n) / n).toBeLessThanOrEqual(1 / 32);
      // Few distinct values: at most 16 per power of two (the 17th is the next power's first).
      expect(rounded / 2 ** (Math.floor(Math.log2(rounded)) - 4) % 1).toBe(0);
    }
  });

  test('any change to any page renames every page: a name always stands for the same text', () => {
    const pages = ['a', 'b', 'c'].map((t) => pagefindFile(Buffer.from(`{"url":"/${t}/"}`)));
    const same = ['a', 'b', 'c'].map((t) => pagefindFile(Buffer.from(`{"url":"/${t}/"}`)));
    const changed = ['a', 'b', 'd'].map((t) => pagefindFile(Buffer.from(`{"url":"/${t}/"}`)));
    expect(pageNameTag(same)).toBe(pageNameTag(pages));
    expect(pageNameTag(changed)).not.toBe(pageNameTag(pages));
  });

  test('metadata of another Pagefind version stops the build with what to do', async () => {
    const copy = path.join(dir, 'other-version');
    await writeIndex(copy);
    const entry = await readEntry(copy);
    const file = metaPath(copy, entry);
    const meta = await readMeta(file);
    meta[0] = '9.9.9';
    await writeFile(file, pagefindFile(encode(meta)));
    await expect(compactSearchMeta(copy)).rejects.toThrow(/Pagefind .*search-meta\.ts/);
  });
});
