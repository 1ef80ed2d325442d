import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatReport, validateContent } from '../check/index.ts';

/** Set by `scripts/build.ts`, which validates before it starts Astro. */
export const VALIDATED_ENV = 'YISHI_CONTENT_VALIDATED';

/**
 * Runs the content check before Astro reads any content: a build stops before writing
 * anything, and the dev server starts but prints what to fix.
 */
export default function validateContentIntegration(): AstroIntegration {
  return {
    name: 'yishi:validate-content',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (process.env[VALIDATED_ENV] === '1') return;
        const root = fileURLToPath(config.root);
        const { problems } = await validateContent(`${root}/content`, root);
        if (problems.length === 0) return;
        const report = formatReport(problems);
        if (command === 'build') {
          const error = new Error(`内容检查未通过，未生成网站。\n${report}`);
          error.stack = error.message;
          throw error;
        }
        logger.warn(`内容检查发现问题：\n${report}`);
      },
    },
  };
}
