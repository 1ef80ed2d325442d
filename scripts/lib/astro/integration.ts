import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { HandbookRuntime } from '../../../src/site/runtime.ts';
import { formatReport, validateContent } from '../check/index.ts';
import { themeCss } from './theme.ts';

const CONFIG_ID = 'virtual:yishi/config';
const THEME_ID = 'virtual:yishi-theme.css';

export interface IntegrationOptions {
  runtime: HandbookRuntime;
  /** The project root (for the content check's relative file names). */
  root: string;
  /** True when the build script has already checked the content (it checks in parallel). */
  validated: boolean;
}

/** The build's settings and the accent colour as virtual modules the pages import. */
function virtualModules(runtime: HandbookRuntime, dev: boolean): Plugin {
  const modules: Record<string, string> = {
    [CONFIG_ID]: `export default ${JSON.stringify({ ...runtime, dev })};`,
    [THEME_ID]: themeCss(runtime.site.accent),
  };
  return {
    name: 'yishi-virtual-modules',
    resolveId: (id) => (Object.hasOwn(modules, id) ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') ? modules[id.slice(1)] : undefined),
  };
}

/**
 * The handbook's Astro integration: hands the build's settings to the pages
 * (`virtual:yishi/config`) and runs the content check before Astro reads any content, unless the
 * build script already did: a build stops before writing anything, the dev server starts but
 * prints what to fix.
 */
export function handbookIntegration(options: IntegrationOptions): AstroIntegration {
  return {
    name: 'yishi:handbook',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        // `dev`: Astro's own command, not import.meta.env.DEV (which follows NODE_ENV, `test` under vitest).
        updateConfig({ vite: { plugins: [virtualModules(options.runtime, command === 'dev')] } });
        if (options.validated) return;
        const { problems } = await validateContent(options.runtime.contentDir, options.root);
        if (problems.length === 0) return;
        const report = formatReport(problems);
        if (command === 'build') {
          const { AstroError } = await import('astro/errors');
          throw new AstroError(`内容检查未通过，未生成网站。\n${report}`, '逐条修改上面列出的文件后重新运行；npm run check 只检查内容、不生成网站。');
        }
        logger.warn(`内容检查发现问题：\n${report}`);
      },
    },
  };
}
