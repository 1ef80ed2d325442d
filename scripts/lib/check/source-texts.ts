// The source texts the copying rule compares content with (copy.ts): the `.txt` files of the
// folder named by `sourceTexts` in handbook.config.ts (default DEFAULT_SOURCE_TEXTS), read from
// the project root. A handbook without that folder is not compared with anything.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import rawConfig from '../../../handbook.config.ts';
import { DEFAULT_SOURCE_TEXTS, siteConfigSchema } from '../../../src/schemas/site-config.ts';

/** The source-texts folder of a project, as configured (a wrong setting falls back to the default; the config loader reports it). */
export function sourceTextsFolder(projectRoot: string): string {
  const setting = siteConfigSchema.shape.sourceTexts.safeParse((rawConfig as { sourceTexts?: unknown }).sourceTexts);
  return path.resolve(projectRoot, (setting.success && setting.data) || DEFAULT_SOURCE_TEXTS);
}

/** Every `.txt` file under `folder`, named by its path from the project root; none when the folder does not exist. */
export async function readSourceTexts(folder: string, projectRoot: string): Promise<{ name: string; text: string }[]> {
  const files = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  const texts = files.filter((file) => file.toLowerCase().endsWith('.txt')).sort();
  return Promise.all(
    texts.map(async (file) => ({
      name: path.relative(projectRoot, path.join(folder, file)).split(path.sep).join('/'),
      text: await readFile(path.join(folder, file), 'utf8').catch(() => ''),
    })),
  );
}
