import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEGMENTED_LANGUAGE } from '../../../src/search/segment.ts';
import { addDateOrder } from './date-order.ts';
import { compactSearchMeta, type IndexFiles } from './search-meta.ts';
import { forEachSearchCopy } from './search-copy.ts';

/**
 * Top-level folders of the built site that hold no page for search: the print edition (/print/
 * and its volumes of cases, several megabytes each, without data-pagefind-body).
 */
const NOT_SEARCHED = new Set(['print']);

/**
 * Indexes a built site with Pagefind and writes the index to `<siteDir>/pagefind`. Pagefind
 * reads a copy of the searchable pages with their text already split into words
 * (`search-copy.ts`, `../search/segment.ts`), handed over in memory as each is made: the pages
 * themselves are not changed. Its metadata is then made smaller (`search-meta.ts`: short
 * page names, rounded word counts). Pagefind reports errors instead of throwing; this throws.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pageCount: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEGMENTED_LANGUAGE });
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    const pending: ReturnType<typeof index.addHTMLFile>[] = [];
    await forEachSearchCopy(siteDir, NOT_SEARCHED, (page) => pending.push(index.addHTMLFile({ url: page.url, content: page.html })));
    const failed = (await Promise.all(pending)).flatMap((added) => added.errors);
    if (failed.length) throw new Error(`Pagefind 索引失败：${failed.join('; ')}`);
    // Pagefind's files in memory: made smaller and completed here, then written once.
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`Pagefind 写入失败：${built.errors.join('; ')}`);
    const files: IndexFiles = new Map(built.files.map((f) => [f.path, f.content]));
    compactSearchMeta(files);
    addDateOrder(files);
    await writeIndexFiles(path.join(siteDir, 'pagefind'), files);
    const entry = JSON.parse(Buffer.from(files.get('pagefind-entry.json')!).toString('utf8')) as { languages: Record<string, { page_count: number }> };
    return { pageCount: Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}

/** Writes Pagefind's files under `dir`, a few at a time. */
async function writeIndexFiles(dir: string, files: IndexFiles): Promise<void> {
  const folders = new Set([...files.keys()].map((name) => path.dirname(path.join(dir, name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const queue = [...files];
  let next = 0;
  const write = async () => {
    while (next < queue.length) {
      const [name, bytes] = queue[next++]!;
      await writeFile(path.join(dir, name), bytes);
    }
  };
  await Promise.all(Array.from({ length: 16 }, write));
}
