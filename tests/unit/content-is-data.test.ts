import { describe, expect, test } from 'vitest';
import { checkRule, located } from '../helpers/fixtures.ts';

describe('content is data, not code', () => {
  test('imports, exports, scripts, frames, objects, event handlers, javascript: URLs and expressions are each rejected with their line', async () => {
    const result = await checkRule('code', 'fail');
    const file = 'content/guides/smuggled-code.mdx';
    expect(located(result)).toEqual([
      `${file}:6 import/export`,
      `${file}:8 import/export`,
      `${file}:10 <script>`,
      `${file}:12 <iframe>`,
      `${file}:14 <object>`,
      `${file}:16 <img> onerror`,
      `${file}:18 javascript:`,
      `${file}:20 <a> href`,
      `${file}:22 {…}`,
    ]);
  });

  test('plain HTML, the handbook components and code examples are fine', async () => {
    const result = await checkRule('code', 'pass');
    expect(result.problems).toEqual([]);
  });
});
