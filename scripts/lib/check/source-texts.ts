// The source texts the copying rule compares content with (copy.ts): the `.txt` files of the
// folder named by `sourceTexts` in handbook.config.ts (default DEFAULT_SOURCE_TEXTS), read from
// the project root, and the fingerprints (`.fp`, fingerprint.ts) of texts not kept there. A
// handbook without that folder is not compared with anything.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import rawConfig from '../../../handbook.config.ts';
import { DEFAULT_SOURCE_TEXTS, siteConfigSchema } from '../../../src/schemas/site-config.ts';
import type { SourceFingerprint } from './copy.ts';
import { FINGERPRINT_EXT, parseFingerprint } from './fingerprint.ts';

/** The source-texts folder of a project, as configured (a wrong setting falls back to the default; the config loader reports it). */
export function sourceTextsFolder(projectRoot: string): string {
  const setting = siteConfigSchema.shape.sourceTexts.safeParse((rawConfig as { sourceTexts?: unknown }).sourceTexts);
  return path.resolve(projectRoot, (setting.success && setting.data) || DEFAULT_SOURCE_TEXTS);
}

const named = (folder: string, projectRoot: string, file: string) => path.relative(projectRoot, path.join(folder, file)).split(path.sep).join('/');

/** Every `.txt` file under `folder`, named by its path from the project root; none when the folder does not exist. */
export async function readSourceTexts(folder: string, projectRoot: string): Promise<{ name: string; text: string }[]> {
  const files = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  const texts = files.filter((file) => file.toLowerCase().endsWith('.txt')).sort();
  return Promise.all(
    texts.map(async (file) => ({
      name: named(folder, projectRoot, file),
      text: await readFile(path.join(folder, file), 'utf8').catch(() => ''),
    })),
  );
}

/** Every fingerprint (`.fp`) under `folder`, with a problem message for each file that is not one. */
export async function readFingerprints(folder: string, projectRoot: string): Promise<{ fingerprints: SourceFingerprint[]; errors: { file: string; message: string }[] }> {
  const files = (await readdir(folder, { recursive: true }).catch(() => [] as string[])).filter((file) => file.toLowerCase().endsWith(FINGERPRINT_EXT)).sort();
  const fingerprints: SourceFingerprint[] = [];
  const errors: { file: string; message: string }[] = [];
  for (const file of files) {
    const name = named(folder, projectRoot, file);
    const parsed = parseFingerprint(await readFile(path.join(folder, file), 'utf8').catch(() => ''), name);
    if (parsed.ok) fingerprints.push(parsed.fingerprint);
    else errors.push({ file: name, message: parsed.message });
  }
  return { fingerprints, errors };
}
