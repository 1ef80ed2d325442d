// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import validateContent from './scripts/lib/astro/validate-content.ts';
import { baseLinks } from './src/site/base-links.ts';
import { loadSiteConfig } from './scripts/lib/site-config.ts';
import { readTermNames, termLinks } from './src/site/term-links.ts';
import { themePlugin } from './scripts/lib/astro/theme.ts';

// handbook.config.ts, validated: a broken config stops here with every problem listed.
// YISHI_BASE overrides `base` (the tests build the site under /handbook/).
const handbook = loadSiteConfig({ root: fileURLToPath(new URL('.', import.meta.url)) });

// Astro copies every environment variable into import.meta.env for server code, ahead of its
// own BASE_URL and SITE: a BASE_URL set for another tool (CI systems, vitest's `BASE_URL=/`)
// would silently put every page link outside the base. Pin both to the handbook's config.
process.env.BASE_URL = handbook.base;
if (handbook.site) process.env.SITE = handbook.site;
else delete process.env.SITE;

export default defineConfig({
  site: handbook.site,
  base: handbook.base,
  integrations: [validateContent(), mdx()],
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
      mdastPlugins: [baseLinks(handbook.base), termLinks(readTermNames(process.env.YISHI_CONTENT_DIR ?? 'content'), handbook.base)],
      features: { gfm: { footnotes: { label: '注释', backLabel: '返回正文（第 {reference} 处）', backContent: '↩' } } },
    }),
  },
  vite: {
    plugins: [themePlugin(handbook.accent)],
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
});
