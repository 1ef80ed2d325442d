// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import validateContent from './src/integrations/validate-content.ts';

export default defineConfig({
  integrations: [validateContent(), mdx()],
  devToolbar: { enabled: false },
  build: { format: 'directory' },
  trailingSlash: 'ignore',
  vite: {
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
