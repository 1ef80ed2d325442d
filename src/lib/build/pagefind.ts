import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/**
 * Indexes a built site with Pagefind (the extended binary, which segments Chinese) and writes
 * the index to `<siteDir>/pagefind`. Pagefind reports errors instead of throwing; this throws.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pageCount: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
    // page_count above counts every HTML file read; the entry file counts the pages indexed.
    const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pageCount: Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
