// `npm run docs`: rewrites the generated parts of the developer docs from the code they describe —
// the case-field table of docs/frontmatter.md, from the field registry.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withFieldTable } from './lib/field-docs.ts';

const file = path.resolve(import.meta.dirname, '../docs/frontmatter.md');
const before = await readFile(file, 'utf8');
const after = withFieldTable(before);
if (after === before) console.log('docs/frontmatter.md 的字段表已是最新。');
else {
  await writeFile(file, after);
  console.log('已更新 docs/frontmatter.md 的字段表（来自 src/schemas/fields.ts）。');
}
