// `npm run docs`: rewrites the generated parts of the developer docs from what they describe —
// the case-field table of docs/frontmatter.md, from the field registry, and docs/casebook.md, the
// tables of the bundled casebook, from content/.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { casebookDoc } from './lib/casebook-docs.ts';
import { validateContent } from './lib/check/index.ts';
import { withFieldTable } from './lib/field-docs.ts';

const file = path.resolve(import.meta.dirname, '../docs/frontmatter.md');
const before = await readFile(file, 'utf8');
const after = withFieldTable(before);
if (after === before) console.log('docs/frontmatter.md 的字段表已是最新。');
else {
  await writeFile(file, after);
  console.log('已更新 docs/frontmatter.md 的字段表（来自 src/schemas/fields.ts）。');
}

const root = path.resolve(import.meta.dirname, '..');
const { entries } = await validateContent(path.join(root, 'content'), root);
const casebook = path.join(root, 'docs/casebook.md');
const old = await readFile(casebook, 'utf8').catch(() => '');
const doc = casebookDoc(entries);
if (doc === old) console.log('docs/casebook.md 已是最新。');
else {
  await writeFile(casebook, doc);
  console.log('已更新 docs/casebook.md（来自 content/）。');
}
