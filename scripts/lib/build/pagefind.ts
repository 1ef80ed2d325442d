import { readFile, rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { SEGMENTED_LANGUAGE } from '../../../src/search/segment.ts';
import { writeDateOrder } from './date-order.ts';
import { compactSearchMeta } from './search-meta.ts';
import { writeSearchCopy } from './search-copy.ts';

/**
 * Top-level folders of the built site that hold no page for search: the print edition (/print/
 * and its volumes of cases, several megabytes each, without data-pagefind-body).
 */
const NOT_SEARCHED = new Set(['print']);

/** Stops Pagefind's indexing process, if one runs (an interrupted build). */
export async function closeSearchIndex(): Promise<void> {
  await pagefind.close();
}

/**
 * Indexes a built site with Pagefind and writes the index to `<siteDir>/pagefind`. Pagefind
 * reads a copy of the searchable pages with their text already split into words
 * (`search-copy.ts`, `../search/segment.ts`), beside the site and removed afterwards: the
 * pages themselves are not changed. Its metadata is then made smaller (`search-meta.ts`: short
 * page names, rounded word counts). Pagefind reports errors instead of throwing; this throws.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pageCount: number }> {
  const copyDir = `${siteDir.replace(/\/+$/, '')}-search`;
  try {
    await rm(copyDir, { recursive: true, force: true });
    const copied = await writeSearchCopy(siteDir, copyDir, NOT_SEARCHED);
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEGMENTED_LANGUAGE });
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    if (copied > 0) {
      const added = await index.addDirectory({ path: copyDir });
      if (added.errors.length) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
    await compactSearchMeta(`${siteDir}/pagefind`);
    await writeDateOrder(`${siteDir}/pagefind`);
    const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pageCount: Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0) };
  } finally {
    await pagefind.close();
    await rm(copyDir, { recursive: true, force: true });
  }
}
