// The smaller search metadata (scripts/lib/build/search-meta.ts): the file that every first
// search loads is smaller, and it still says what Pagefind wrote, page for page.
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { beforeAll, describe, expect, test } from 'vitest';
import { compactSearchMeta, pageNameTag, pagefindFile, readPagefindFile, roundWordCount, type IndexFiles } from '../../scripts/lib/build/search-meta.ts';

type Entry = { version: string; languages: Record<string, { hash: string; page_count: number }> };
type Meta = [string, [string, number, ...unknown[]][], ...unknown[]];

const PAGES = 40;
let built: IndexFiles;

/** A small real Pagefind index of 40 pages, its files in memory. */
async function makeIndex(): Promise<IndexFiles> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'und' });
  for (let i = 0; i < PAGES; i++) {
    const body = `停车 难 小区 ${i} 协商 第 ${i} 次 ${'议事 '.repeat(i % 7)}`;
    await index!.addHTMLFile({ url: `/cases/c${i}/`, content: `<html><body><main data-pagefind-body><h1>案例 ${i}</h1><p data-pagefind-filter="topics">t${i % 3}</p><p>${body}</p></main></body></html>` });
  }
  const { files } = await index!.getFiles();
  await pagefind.close();
  return new Map(files.map((f) => [f.path, f.content]));
}

const copy = (files: IndexFiles): IndexFiles => new Map([...files].map(([k, v]) => [k, Buffer.from(v)]));
const entryOf = (files: IndexFiles) => JSON.parse(Buffer.from(files.get('pagefind-entry.json')!).toString('utf8')) as Entry;
const metaName = (files: IndexFiles) => `pagefind.${Object.values(entryOf(files).languages)[0]!.hash}.pf_meta`;
const metaOf = (files: IndexFiles) => decode(readPagefindFile(files.get(metaName(files))!, 'meta')) as Meta;
const fragments = (files: IndexFiles) =>
  new Map([...files].filter(([k]) => k.startsWith('fragment/')).map(([k, v]) => [k.slice('fragment/'.length, -'.pf_fragment'.length), readPagefindFile(v, k).toString('utf8')]));

beforeAll(async () => {
  built = await makeIndex();
}, 60_000);

describe('the smaller search metadata', () => {
  test('the metadata is read and written as Pagefind writes it: re-encoding gives the same bytes', () => {
    const cbor = readPagefindFile(built.get(metaName(built))!, 'meta');
    expect(Buffer.from(encode(decode(cbor)))).toEqual(cbor);
    expect(readPagefindFile(pagefindFile(cbor), 'x')).toEqual(cbor);
  });

  test('every page keeps its fragment, under a short name, and the metadata names them in the same order', () => {
    const files = copy(built);
    const oldMeta = metaOf(built);
    const oldFragments = fragments(built);

    const result = compactSearchMeta(files);
    const entry = entryOf(files);
    const meta = metaOf(files);
    const newFragments = fragments(files);

    expect(result.pages).toBe(PAGES);
    // Every name starts with the tag of this index's fragments.
    const tag = pageNameTag(oldMeta[1].map((p) => built.get(`fragment/${p[0]}.pf_fragment`)!));
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
    const metaFiles = [...files.keys()].filter((n) => n.endsWith('.pf_meta'));
    expect(metaFiles).toEqual([metaName(files)]);
    expect(metaFiles[0]).not.toBe(metaName(built));
    // Nothing else changed.
    for (const [name, bytes] of built) if (!/^fragment\/|\.pf_meta$|^pagefind-entry\.json$/.test(name)) expect(files.get(name), name).toEqual(bytes);
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

  test('metadata of another Pagefind version stops the build with what to do', () => {
    const files = copy(built);
    const meta = metaOf(files);
    meta[0] = '9.9.9';
    files.set(metaName(files), pagefindFile(encode(meta)));
    expect(() => compactSearchMeta(files)).toThrow(/Pagefind .*search-meta\.ts/);
  });
});
