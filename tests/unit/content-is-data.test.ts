import { describe, expect, test } from 'vitest';
import { checkRule, located } from '../helpers/fixtures.ts';

describe('content is data, not code', () => {
  test('imports, exports, scripts, frames, objects, event handlers, javascript: URLs and expressions are each rejected with their line', async () => {
    const result = await checkRule('code', 'fail');
    const file = 'content/guides/smuggled-code.mdx';
    expect(located(result)).toEqual([
      `${file}:6 import/export body.import`,
      `${file}:8 import/export body.import`,
      `${file}:10 <script> body.forbidden-tag`,
      `${file}:12 <iframe> body.forbidden-tag`,
      `${file}:14 <object> body.forbidden-tag`,
      `${file}:16 <img> onerror body.event-handler`,
      `${file}:18 javascript: body.script-link`,
      `${file}:20 <a> href body.script-link`,
      `${file}:22 {…} body.expression`,
    ]);
  });

  test('plain HTML, the handbook components and code examples are fine', async () => {
    const result = await checkRule('code', 'pass');
    expect(result.problems).toEqual([]);
  });
});
