// docs/frontmatter.md's table of case fields is generated from the field registry (`npm run docs`):
// a field added to the registry without regenerating it fails here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { caseFieldTable, withFieldTable } from '../../scripts/lib/field-docs.ts';
import { caseFields } from '../../src/schemas/fields.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

describe('the case-field table of docs/frontmatter.md', () => {
  test('is the registry’s, one row per field (run `npm run docs` after changing fields.ts)', async () => {
    const text = await readFile(path.join(PROJECT_ROOT, 'docs/frontmatter.md'), 'utf8');
    expect(withFieldTable(text), 'docs/frontmatter.md is out of date: run npm run docs').toBe(text);
    const table = caseFieldTable();
    for (const field of caseFields) expect(table).toContain(`| ${field.label} |`);
    // Fields of fixed values list their keys and labels.
    expect(table).toMatch(/\| `level` \| 层级 \| 是 \| `national` 全国、/);
  });
});
