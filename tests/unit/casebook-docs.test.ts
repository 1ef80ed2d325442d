// docs/casebook.md holds the bundled casebook's tables (npm run docs); stale tables fail here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { casebookDoc } from '../../scripts/lib/casebook-docs.ts';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

describe('docs/casebook.md', () => {
  test('holds the tables of the bundled casebook as it is (run `npm run docs` after changing content/)', async () => {
    const { entries } = await validateContent(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
    const doc = casebookDoc(entries);
    expect(await readFile(path.join(PROJECT_ROOT, 'docs/casebook.md'), 'utf8'), 'docs/casebook.md is out of date: run npm run docs').toBe(doc);
    expect(doc).toMatch(/^## By province$/m);
    expect(doc).toMatch(/^## Sources by publisher$/m);
  });
});
