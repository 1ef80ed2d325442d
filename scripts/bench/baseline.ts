// The bare reference: a minimal Astro project with the same astro and @astrojs/mdx (the project's
// node_modules, symlinked), one page per case rendering its MDX body, then `pagefind --site dist`
// with the project's own Pagefind (same version, its default settings). No validation, no layout,
// no similar cases, no search copy: what any Astro site of this size with a Pagefind search costs.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { linkNodeModules } from './cold.ts';

/** The bare reference's Astro cacheDir, in its folder. */
export const BARE_CACHE = '.cache';

const files = (casesDir: string): Record<string, string> => ({
  // `npm run build`: what the cold measure times (the bench also runs the two steps apart).
  'package.json': `${JSON.stringify({ name: 'yishi-bench-baseline', private: true, type: 'module', scripts: { build: 'astro build --silent && pagefind --site dist --silent' } }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  build: { format: 'directory' },
  // Its own cache (node_modules/ holds links to the project's packages: see linkNodeModules).
  cacheDir: './${BARE_CACHE}',
  devToolbar: { enabled: false },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  cases: defineCollection({ loader: glob({ base: ${JSON.stringify(casesDir)}, pattern: '**/[^_]*.mdx' }) }),
};
`,
  'src/components/Cite.astro': '<sup>〔{Astro.props.source}〕</sup>\n',
  'src/components/Unstated.astro': '<aside>资料未载明：<slot /></aside>\n',
  'src/components/Interpretation.astro': '<aside>本手册理解：<slot /></aside>\n',
  'src/pages/cases/[id].astro': `---
import { getCollection, render } from 'astro:content';
import Cite from '../../components/Cite.astro';
import Unstated from '../../components/Unstated.astro';
import Interpretation from '../../components/Interpretation.astro';

export async function getStaticPaths() {
  return (await getCollection('cases')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><Content components={{ Cite, Unstated, Interpretation }} /></body>
</html>
`,
});

/** The Pagefind CLI of the project's node_modules, as `npx pagefind --site dist` runs it. */
export function pagefindCommand(dir: string, nodeModules: string): { cli: string; args: string[] } {
  return { cli: path.join(nodeModules, 'pagefind/lib/runner/bin.cjs'), args: ['--site', path.join(dir, 'dist'), '--silent'] };
}

/** Writes the baseline project into `dir` for the cases in `casesDir`; returns the astro CLI arguments. */
export async function writeBaseline(dir: string, casesDir: string, nodeModules: string): Promise<{ cli: string; args: string[] }> {
  await rm(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files(casesDir))) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await linkNodeModules(nodeModules, dir);
  return { cli: path.join(nodeModules, 'astro/bin/astro.mjs'), args: ['build', '--root', dir, '--silent'] };
}
