import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { templateXlsx } from '../../../src/site/data-package.ts';
import { buildInfo } from '../build/build-info.ts';
import { loadSiteConfig } from '../site-config.ts';
import { userEnv } from '../user-env.ts';

/** The first published id of a collection (a file name without `_`), for the template's example row. */
async function firstId(contentDir: string, collection: string, ext: RegExp): Promise<string | undefined> {
  const names = await readdir(path.join(contentDir, collection)).catch(() => [] as string[]);
  return names.filter((n) => ext.test(n) && !n.startsWith('_')).map((n) => n.replace(ext, '')).sort()[0];
}

/**
 * `npm run new -- ledger [file]`: writes the template ledger (the same workbook as
 * `/data/cases-template.xlsx`): every column, one example row naming this handbook's own source
 * and method, the codebook. Never overwrites a file.
 */
export async function writeTemplate(options: { file: string; root: string; contentDir: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const site = loadSiteConfig({ root: options.root, env: userEnv() });
  const info = buildInfo(options.root, options.contentDir, site.version);
  const refs = { source: await firstId(options.contentDir, 'sources', /\.ya?ml$/), method: await firstId(options.contentDir, 'methods', /\.mdx$/) };
  const bytes = await templateXlsx(site, info, refs);
  try {
    await writeFile(options.file, bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return { ok: false, message: `${options.file} 已经存在，没有覆盖。请换一个文件名：npm run new -- ledger 另一个文件名.xlsx` };
    throw error;
  }
  return { ok: true };
}
