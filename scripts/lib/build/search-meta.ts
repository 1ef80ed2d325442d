import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

/** Pagefind's index files are gzipped after this signature. */
const SIGNATURE = Buffer.from('pagefind_dcd');

/** One page in Pagefind's metadata: [fragment name, word count, …]. */
type MetaPage = [string, number, ...unknown[]];

/**
 * Pagefind's metadata file (`pagefind.<hash>.pf_meta`), as Pagefind 1.6 writes it in CBOR:
 * [version, pages, index chunks, filter chunks, sorts, meta fields]. Only the pages' names are
 * changed here; everything else is written back as it was read.
 */
type Meta = [string, MetaPage[], ...unknown[]];

function isMeta(value: unknown): value is Meta {
  return (
    Array.isArray(value) &&
    value.length >= 5 &&
    typeof value[0] === 'string' &&
    Array.isArray(value[1]) &&
    (value[1] as unknown[]).every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'string' && Number.isInteger(p[1]))
  );
}

/** Reads one of Pagefind's files: gunzipped, the signature checked and taken off. */
export function readPagefindFile(bytes: Uint8Array, file: string): Buffer {
  const data = gunzipSync(bytes);
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file} 不是 Pagefind 写出的文件（缺少 pagefind_dcd 标记）`);
  return data.subarray(SIGNATURE.length);
}

/** Writes one of Pagefind's files: the signature, then the data, gzipped. */
export function pagefindFile(data: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, data]), { level: 9 });
}

/** Characters of the tag that every page name of one index starts with. */
const TAG_LENGTH = 6;

/**
 * The tag of an index's page names: a hash of all its fragments, in base 36. Any change to any
 * page gives every page a new name, so a name always stands for the same bytes, as Pagefind's
 * own hashes did: a browser's or a proxy's cache, or the service worker's copy of an earlier
 * build, can never hand a page's old text to the new index. It also keeps two volumes' pages
 * apart on one search page (docs/scale.md).
 */
export function pageNameTag(fragments: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const fragment of fragments) hash.update(fragment);
  return (hash.digest().readUInt32BE(0) % 36 ** TAG_LENGTH).toString(36).padStart(TAG_LENGTH, '0');
}

/** A page's short name: the index's tag, then the page's position in the metadata in base 36. */
export function shortPageName(tag: string, position: number): string {
  return `${tag}${position.toString(36)}`;
}

/** Significant bits a page's word count keeps: within 1/32 of the count, which gzip packs to half. */
const WORD_COUNT_BITS = 5;

/**
 * A page's word count as the metadata keeps it: exact below 32, otherwise to its first five
 * significant bits (1,237 → 1,216; 476 → 480). Pagefind uses it only to weigh a match by the
 * page's length against the average (BM25), where 3 % moves only near-ties.
 */
export function roundWordCount(count: number): number {
  if (count < 2 ** WORD_COUNT_BITS) return count;
  const shift = Math.floor(Math.log2(count)) - WORD_COUNT_BITS + 1;
  return Math.round(count / 2 ** shift) * 2 ** shift;
}

/** Pagefind's files as `getFiles()` gives them: path under `pagefind/` → bytes. */
export type IndexFiles = Map<string, Uint8Array>;

/**
 * Makes the metadata file that each first search loads smaller. Pagefind lists every page in
 * it with a name (a hash of its content, `und_3dc9e62`, which names its fragment file) and its
 * word count: at 10,000 cases that list is 69 of the file's 76 KB gzipped. Here a page's name
 * is the index's tag and its position in the list in base 36 (`k3f9x2` `0` … `7pz`), and its
 * word count is rounded (`roundWordCount`): gzip packs the list to 29 KB. The fragments are
 * renamed, the metadata is rewritten and renamed by its new content's hash, and
 * `pagefind-entry.json` points at it. The index chunks, filters and sorts refer to pages by
 * position and are not touched. Works on the files in memory, before they are written.
 */
export function compactSearchMeta(files: IndexFiles): { pages: number; metaBytes: { before: number; after: number } } {
  const read = (name: string) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`Pagefind 的索引中没有 ${name}`);
    return bytes;
  };
  const entry = JSON.parse(Buffer.from(read('pagefind-entry.json')).toString('utf8')) as { version: string; languages: Record<string, { hash: string; page_count: number }> };
  let pages = 0;
  const metaBytes = { before: 0, after: 0 };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaName = `pagefind.${info.hash}.pf_meta`;
    const raw = read(metaName);
    const meta = decode(readPagefindFile(raw, metaName)) as unknown;
    if (!isMeta(meta) || meta[0] !== entry.version) {
      throw new Error(`${metaName} 的格式与 Pagefind ${entry.version} 不符：Pagefind 升级后，请按新版本的元数据格式更新 scripts/lib/build/search-meta.ts`);
    }
    const fragmentName = (name: string) => `fragment/${name}.pf_fragment`;
    const oldNames = [...new Set(meta[1].map((page) => page[0]))];
    const tag = pageNameTag(oldNames.map((name) => read(fragmentName(name))));
    // Identical pages share one fragment in Pagefind's index: they share the short name too.
    const renamed = new Map<string, string>();
    for (const [position, page] of meta[1].entries()) {
      if (!renamed.has(page[0])) renamed.set(page[0], shortPageName(tag, position));
      page[0] = renamed.get(page[0])!;
      page[1] = roundWordCount(page[1]);
    }
    for (const [old, name] of renamed) {
      files.set(fragmentName(name), read(fragmentName(old)));
      files.delete(fragmentName(old));
    }
    const file = pagefindFile(encode(meta));
    const digest = createHash('sha1').update(file).digest('hex');
    const hash = `${language}_${digest.slice(0, info.hash.length - language.length - 1)}`;
    files.delete(metaName);
    files.set(`pagefind.${hash}.pf_meta`, file);
    info.hash = hash;
    pages += meta[1].length;
    metaBytes.before += raw.length;
    metaBytes.after += file.length;
  }
  files.set('pagefind-entry.json', Buffer.from(JSON.stringify(entry)));
  return { pages, metaBytes };
}
