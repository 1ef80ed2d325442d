// The README's recipe for a new case field, done for real: a copy of the project gets a field of
// fixed values (资金来源: 财政资金 / 社会资金 / 自筹 / 不详) through exactly four files — its schema
// (src/schemas/case.ts), one registry entry (src/schemas/fields.ts), its label (src/i18n/zh-CN.ts)
// and its taxonomy (src/schemas/taxonomies.ts) — and nothing else. Then every place a reader, an
// office or a researcher meets a field shows it: the case page, browse, the search filters, every
// export, the codebook, the ledger template, the import (round trip byte for byte, a case without
// the field included), `npm run new`'s template and docs/frontmatter.md's table.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

/** The four edits, each an anchor in the file and what goes in before it. */
const RECIPE: { file: string; before: string; insert: string }[] = [
  {
    file: 'src/schemas/case.ts',
    before: '  sources: z.array(sourceRef).min(1),',
    insert: "  /** Where the money came from; 不详 where the source does not say. */\n  funding: taxonomy('funding', { unknown: true }).optional(),\n",
  },
  {
    file: 'src/schemas/fields.ts',
    before: "  {\n    name: 'completeness'",
    insert: "  {\n    name: 'funding', label: t('case.funding'), many: false, coded: true, facts: 'always', taxonomy: 'funding', unknown: true,\n    facet: { browse: true, filter: true, order: 'declared' },\n  },\n",
  },
  { file: 'src/i18n/zh-CN.ts', before: "  'case.similar':", insert: "  'case.funding': '资金来源',\n" },
  {
    file: 'src/schemas/taxonomies.ts',
    before: '  status: {',
    insert: "  funding: {\n    label: '资金来源',\n    values: { government: '财政资金', social: '社会资金', self: '自筹' },\n  },\n",
  },
];

let project: string;
let site: string;
const run = (script: string, args: string[], cwd = project) => spawnSync(process.execPath, [path.join(project, script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd } });

/** Every file of a folder with its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

beforeAll(async () => {
  // The project's code (not its content, history or builds), with the fixture content.
  project = await mkdtemp(path.join(tmpdir(), 'yishi-registry-'));
  for (const name of ['src', 'scripts', 'docs', 'public', 'astro.config.mjs', 'handbook.config.ts', 'package.json', 'tsconfig.json']) {
    await cp(path.join(PROJECT_ROOT, name), path.join(project, name), { recursive: true });
  }
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'));
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/base/content'), path.join(project, 'content'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'content/sources/texts'), path.join(project, 'content/sources/texts'), { recursive: true });
  for (const { file, before, insert } of RECIPE) {
    const text = await readFile(path.join(project, file), 'utf8');
    expect(text.split(before).length, `${file}: the anchor of the recipe`).toBe(2);
    await writeFile(path.join(project, file), text.replace(before, `${insert}${before}`));
  }
  // One case says where its money came from; the other does not (and so reads as 不详).
  const caseFile = path.join(project, 'content/cases/demo-consultation.mdx');
  await writeFile(caseFile, (await readFile(caseFile, 'utf8')).replace('level: community\n', 'level: community\nfunding: 财政资金\n'));
  site = path.join(project, 'dist');
  const built = run('scripts/build.ts', ['--out', site]);
  expect(built.status, built.stderr + built.stdout).toBe(0);
}, 600_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('a case field added through its schema, one registry entry, its label and its taxonomy', () => {
  test('the check accepts its values and refuses others, listing the allowed ones', async () => {
    const file = path.join(project, 'content/cases/demo-practice.mdx');
    const before = await readFile(file, 'utf8');
    await writeFile(file, before.replace('level:', 'funding: 众筹\nlevel:'));
    const refused = run('scripts/check.ts', []);
    await writeFile(file, before);
    expect(refused.status).toBe(1);
    expect(refused.stderr + refused.stdout).toMatch(/funding {2}“众筹”不是可用的值。可选：government（财政资金）、social（社会资金）、self（自筹）；资料未载明时写“不详”/);
    expect(run('scripts/check.ts', []).status).toBe(0);
  });

  test('the case page shows it in the facts panel, as 不详 where the case does not say', async () => {
    const page = await readFile(path.join(site, 'cases/demo-consultation/index.html'), 'utf8');
    expect(page).toMatch(/资金来源[\s\S]{0,400}财政资金/);
    const other = await readFile(path.join(site, 'cases/demo-practice/index.html'), 'utf8');
    expect(other).toMatch(/资金来源[\s\S]{0,400}不详/);
  });

  test('browse has a page per value, and the search filters it', async () => {
    const browse = await readFile(path.join(site, 'browse/funding/government/index.html'), 'utf8');
    expect(browse).toContain('/cases/demo-consultation/');
    expect(await readFile(path.join(site, 'browse/index.html'), 'utf8')).toContain('资金来源');
    const page = await readFile(path.join(site, 'cases/demo-consultation/index.html'), 'utf8');
    expect(page).toContain('data-pagefind-filter="funding:government"');
    expect(await readFile(path.join(site, 'search/index.html'), 'utf8')).toMatch(/"funding"[\s\S]*资金来源|资金来源[\s\S]*"funding"/);
  });

  test('every export, the codebook and the ledger template have its columns and values', async () => {
    const csv = await readFile(path.join(site, 'data/cases.csv'), 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('资金来源,资金来源代码');
    expect(rows.find((r) => r.startsWith('demo-consultation,'))).toContain('财政资金,government');
    expect(rows.find((r) => r.startsWith('demo-practice,'))).toContain('不详,unknown');
    const json = JSON.parse(await readFile(path.join(site, 'data/cases.json'), 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain('"funding"');
    const codebook = await readFile(path.join(site, 'data/codebook.csv'), 'utf8');
    expect(codebook).toMatch(/资金来源,funding,[^\n]*财政资金、社会资金、自筹；/);
    // The data package's table schema: the label column's allowed labels (不详 is the missing value), the code column's keys and unknown.
    type Field = { name: string; constraints?: { enum?: string[] } };
    const descriptor = JSON.parse(await readFile(path.join(site, 'data/datapackage.json'), 'utf8')) as { resources: { name: string; schema?: { fields: Field[] } }[] };
    const fields = descriptor.resources.find((r) => r.name === 'cases')!.schema!.fields;
    expect(fields.find((f) => f.name === '资金来源')?.constraints?.enum).toEqual(['财政资金', '社会资金', '自筹']);
    expect(fields.find((f) => f.name === '资金来源代码')?.constraints?.enum).toEqual(expect.arrayContaining(['government', 'unknown']));
    for (const file of ['data/cases.xlsx', 'data/cases-template.xlsx']) {
      const sheet = await readSheet(path.join(site, file));
      expect(sheet.flat().map(String), file).toEqual(expect.arrayContaining(['资金来源', '资金来源代码']));
    }
  });

  test('the ledger round trip leaves every case file byte for byte the same, the one without the field included', async () => {
    const before = await snapshot(path.join(project, 'content'));
    const imported = run('scripts/import.ts', [path.join(site, 'data/cases.xlsx'), '--update']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(await snapshot(path.join(project, 'content'))).toEqual(before);
  });

  test('npm run new writes it into a new case’s template, and the check reads it', async () => {
    const made = run('scripts/new.ts', ['case', 'funded-case']);
    expect(made.status, made.stderr).toBe(0);
    const text = await readFile(path.join(project, 'content/cases/funded-case.mdx'), 'utf8');
    expect(text).toMatch(/^# 资金来源：government（财政资金）、social（社会资金）、self（自筹）；资料未载明时写“不详”\nfunding: 【待填写】$/m);
    await rm(path.join(project, 'content/cases/funded-case.mdx'));
  });

  test('npm run docs puts it in docs/frontmatter.md’s field table', async () => {
    expect(run('scripts/docs.ts', []).status).toBe(0);
    const docs = await readFile(path.join(project, 'docs/frontmatter.md'), 'utf8');
    expect(docs).toMatch(/\| `funding` \| 资金来源 \| 否 \| `government` 财政资金、`social` 社会资金、`self` 自筹；`不详` \| 概况、浏览、筛选 \| 资金来源、资金来源代码 \|/);
  });
});
