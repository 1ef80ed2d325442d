import type { AstroIntegration } from 'astro';
// Astro's public name for its AstroUserError: a message and a hint, printed without a stack trace.
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { formatReport, validateContent } from '../check/index.ts';
import { PROBLEMS_DOC } from '../check/codes.ts';

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
          throw new AstroError(
            `内容检查未通过，未生成网站。\n${report}`,
            `逐条修改上面列出的问题后重新构建；npm run check 只检查内容，更快。每种问题的改法见 ${PROBLEMS_DOC}。`,
          );
        }
        logger.warn(`内容检查发现问题：\n${report}`);
      },
    },
  };
}
