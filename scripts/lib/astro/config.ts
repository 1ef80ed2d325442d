import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroUserConfig } from 'astro';
import path from 'node:path';
import { baseLinks } from '../../../src/site/base-links.ts';
import { PRINT_SPLIT_DEFAULT } from '../../../src/site/print.ts';
import { searchVolumes } from '../../../src/site/search-volumes.ts';
import { termLinks, termNames } from '../../../src/site/term-links.ts';
import { readEntries } from '../check/entries.ts';
import { loadSiteConfig } from '../site-config.ts';
import { buildInfo } from '../build/build-info.ts';
import { USER_ENV, type Env } from '../user-env.ts';
import { handbookIntegration } from './integration.ts';
import { dropStaleContentStore } from './schema-cache.ts';

/** What a build of the handbook needs to know; the build script and the tests pass these. */
export interface HandbookOptions {
  /** The project root (holds handbook.config.ts, public/). */
  root: string;
  /** The content folder. Default: `<root>/content`. */
  contentDir?: string;
  /** The content was checked already (the build script checks it in parallel with Astro). */
  validated?: boolean;
  /** The user's environment overrides (README): YISHI_BASE, YISHI_SITE, YISHI_PRINT_SPLIT. */
  env?: Env;
  /** Astro's cache folder. Default: `<root>/node_modules/.astro`. */
  cacheDir?: string;
}

/** A whole number ≥ 0 from YISHI_PRINT_SPLIT, else the default. */
export function printSplitFrom(value: string | undefined): number {
  const limit = value === undefined || value === '' ? Number.NaN : Number(value);
  return Number.isInteger(limit) && limit >= 0 ? limit : PRINT_SPLIT_DEFAULT;
}

/**
 * The Astro config of a handbook: `astro.config.mjs` is this with the defaults, and the build
 * script builds with it directly, so that settings travel as options, not environment variables.
 */
export async function handbookConfig(options: HandbookOptions): Promise<AstroUserConfig> {
  const env = options.env ?? {};
  const root = path.resolve(options.root);
  const contentDir = path.resolve(root, options.contentDir ?? 'content');
  // handbook.config.ts, validated: a broken config stops here with every problem listed.
  const site = loadSiteConfig({ root, env });
  const runtime = { site, contentDir, printSplit: printSplitFrom(env[USER_ENV.printSplit]), searchVolumes: searchVolumes(env[USER_ENV.searchVolumes]), ...buildInfo(root, contentDir, site.version) };
  // The dev server keeps its store in .astro/, builds in the cache folder.
  dropStaleContentStore(root, [options.cacheDir ?? path.join(root, 'node_modules/.astro'), path.join(root, '.astro')]);
  const terms = termNames(await readEntries(contentDir, ['terms']));

  return {
    root,
    site: site.site,
    base: site.base,
    integrations: [handbookIntegration({ runtime, root, validated: options.validated ?? false }), mdx()],
    devToolbar: { enabled: false },
    // Only the site's own scripts and styles, hashed by Astro; nothing from another origin.
    // Pagefind compiles WebAssembly ('wasm-unsafe-eval') and may run a worker from the site.
    security: {
      csp: {
        directives: [
          "default-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "worker-src 'self' blob:",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ],
        scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      },
    },
    build: { format: 'directory' },
    trailingSlash: 'ignore',
    markdown: {
      // No highlighting: Shiki writes inline styles (blocked by the content security policy) and
      // Prism passes code in languages it does not know through unescaped (raw HTML from content).
      syntaxHighlight: false,
      // Content links are written from the site root (/cases/x/); baseLinks puts them under `base`.
      // termLinks links each page's first mention of a glossary term to /terms/#<id>.
      processor: satteri({
        mdastPlugins: [baseLinks(site.base), termLinks(terms, site.base)],
        features: { gfm: { footnotes: { label: '注释', backLabel: '返回正文（第 {reference} 处）', backContent: '↩' } } },
      }),
    },
    vite: {
      environments: {
        prerender: {
          build: {
            rolldownOptions: {
              output: {
                // Content bodies compile to one module each; bundled one chunk each, 10,000 cases
                // meant 10,000 chunk files to write, hash and import. Chunks of about 1 MB halve the
                // bundling time and change no page (see BENCHMARKS.md).
                codeSplitting: { groups: [{ name: 'content', test: /\.mdx(\?|$)/, maxSize: 1024 * 1024 }] },
              },
            },
          },
        },
      },
      build: {
        rollupOptions: {
          // Astro marks every MDX module with this directive; the bundler's notice about it is
          // noise (one per content file) that would bury real warnings.
          onwarn(warning, warn) {
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
            warn(warning);
          },
        },
      },
    },
  } as AstroUserConfig;
}
