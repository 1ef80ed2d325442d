import { mkdir, readdir, readFile, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Top-level folders of the built site that hold no page for search. The print edition puts every
 * page in one file (38 MB at 5,000 cases) without data-pagefind-body, so Pagefind never indexes
 * it, but it would still parse all of it: a third of its time at that size.
 */
const NOT_SEARCHED = new Set(['print']);

/**
 * Indexes a built site with Pagefind (the extended binary, which segments Chinese) and writes
 * the index to `<siteDir>/pagefind`. Pagefind reports errors instead of throwing; this throws.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pageCount: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index || errors.length) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    // Folders that hold nothing to search are set aside while Pagefind walks the site (beside
    // it, named like the build's own temporary folder), then put back.
    const aside = `${siteDir.replace(/\/+$/, '')}-aside`;
    const moved = (await readdir(siteDir)).filter((name) => NOT_SEARCHED.has(name));
    if (moved.length > 0) await mkdir(aside);
    try {
      for (const name of moved) await rename(path.join(siteDir, name), path.join(aside, name));
      const added = await index.addDirectory({ path: siteDir });
      if (added.errors.length) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`);
    } finally {
      for (const name of moved) await rename(path.join(aside, name), path.join(siteDir, name));
      if (moved.length > 0) await rmdir(aside);
    }
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
    // page_count above counts every HTML file read; the entry file counts the pages indexed.
    const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pageCount: Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
