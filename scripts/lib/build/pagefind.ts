import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEGMENTED_LANGUAGE } from '../../../src/search/segment.ts';
import { addDateOrder } from './date-order.ts';
import { compactSearchMeta, type IndexFiles } from './search-meta.ts';
import { forEachSearchCopy, type SearchCopy, type SearchCopyPage } from './search-copy.ts';

/**
 * Top-level folders of the built site that hold no page for search: the print edition (/print/
 * and its volumes of cases, several megabytes each, without data-pagefind-body).
 */
export const NOT_SEARCHED = new Set(['print']);

/** How Pagefind's client says that its process has ended (killed, or out of memory). */
const BACKEND_GONE = /backend (is )?closed/i;
export const PAGEFIND_ENDED = 'Pagefind 的进程在建立索引时意外结束（例如内存不足，或被别的程序结束），搜索索引没有建成。';

/**
 * Indexes a built site with Pagefind and writes the index to `<siteDir>/pagefind`. Pagefind
 * reads a copy of the searchable pages with their text already split into words
 * (`search-copy.ts`, `../search/segment.ts`), handed over in memory as each is made: the pages
 * themselves are not changed; `made` holds copies made already, by file (early-copies.ts). Its
 * metadata is then made smaller (`search-meta.ts`: short page names, rounded word counts).
 * Pagefind reports errors instead of throwing; this throws.
 */
export async function writeSearchIndex(siteDir: string, made?: Map<string, SearchCopy[] | undefined>): Promise<{ pageCount: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEGMENTED_LANGUAGE });
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    const feeder = feed(index);
    await forEachSearchCopy(siteDir, NOT_SEARCHED, feeder.add, made);
    const failed = await feeder.done();
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
  } catch (error) {
    // Pagefind's process ended under it (at whatever step): one line that says so.
    throw BACKEND_GONE.test((error as Error)?.message ?? '') ? new Error(PAGEFIND_ENDED) : error;
  } finally {
    await pagefind.close();
  }
}

/**
 * Pages handed to Pagefind and not indexed yet, at most. All at once, the pages made while Astro
 * wrote the site (early-copies.ts) would wait in memory twice, in this process's pipe to Pagefind
 * and in Pagefind's queue of messages: 1.4 and 2.0 GB at 10,000 cases.
 */
const IN_FLIGHT = 16;

/**
 * Hands pages to Pagefind in the order they are added, `IN_FLIGHT` at a time. `done()` resolves
 * once every page is indexed, with each distinct error, a rejection among them (Pagefind's
 * process ended): collected as they come, since the pages are still being read when one fails.
 */
function feed(index: pagefind.PagefindIndex): { add: (page: SearchCopyPage) => void; done: () => Promise<string[]> } {
  const queue: (SearchCopyPage | undefined)[] = [];
  const errors = new Set<string>();
  let next = 0;
  let inFlight = 0;
  let finished: (() => void) | undefined;
  const send = () => {
    while (inFlight < IN_FLIGHT && next < queue.length) {
      const page = queue[next]!;
      queue[next++] = undefined;
      inFlight++;
      index
        .addHTMLFile({ url: page.url, content: page.html })
        .then(
          (added) => added.errors.forEach((error) => errors.add(error)),
          (error: unknown) => errors.add((error as Error)?.message ?? String(error)),
        )
        .finally(() => {
          inFlight--;
          send();
        });
    }
    if (finished && inFlight === 0 && next === queue.length) finished();
  };
  return {
    add(page) {
      queue.push(page);
      send();
    },
    done: () =>
      new Promise<string[]>((resolve) => {
        finished = () => resolve([...errors]);
        send();
      }),
  };
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
