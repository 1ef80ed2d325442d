// Writes a benchmark corpus: the real content (methods, models, guides, terms, sources and the
// real cases, so every reference resolves) plus generated cases up to the requested size.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus, type CaseInfo } from './generate.ts';

export interface WrittenCorpus {
  /** The content folder (…/content). */
  contentDir: string;
  /** Cases in the corpus, real ones included. */
  caseCount: number;
  generated: CaseInfo[];
  sourceCount: number;
}

async function ids(dir: string, ext: RegExp): Promise<string[]> {
  return (await readdir(dir)).filter((f) => ext.test(f) && !f.startsWith('_')).map((f) => f.replace(ext, ''));
}

/** Copies `<realContent>` into `<dir>/content` and adds generated cases up to `size` cases in all. */
export async function writeCorpus(dir: string, size: number, realContent: string, seed = 20250601): Promise<WrittenCorpus> {
  const contentDir = path.join(dir, 'content');
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  await cp(realContent, contentDir, { recursive: true, filter: (src) => !path.basename(src).startsWith('_') });
  const realCases = await ids(path.join(contentDir, 'cases'), /\.mdx$/);
  const corpus = generateCorpus({
    count: Math.max(0, size - realCases.length),
    seed,
    methods: await ids(path.join(contentDir, 'methods'), /\.mdx$/),
    models: await ids(path.join(contentDir, 'models'), /\.mdx$/),
    sources: await ids(path.join(contentDir, 'sources'), /\.ya?ml$/),
  });
  // Written in batches: thousands of small files, without opening them all at once.
  for (let i = 0; i < corpus.files.length; i += 200) {
    await Promise.all(corpus.files.slice(i, i + 200).map((file) =>
      writeFile(path.join(contentDir, file.collection, `${file.id}.${file.collection === 'cases' ? 'mdx' : 'yaml'}`), file.text)));
  }
  const sourceCount = (await ids(path.join(contentDir, 'sources'), /\.ya?ml$/)).length;
  return { contentDir, caseCount: realCases.length + corpus.cases.length, generated: corpus.cases, sourceCount };
}
