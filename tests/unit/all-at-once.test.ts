// The check reports every problem of every file in one run: rules that need only some fields
// (steps, formula, references, partOf, terms) run on the fields that parsed, even when others
// fail the schema, the copying rule runs on every file, and a problem that follows from another
// is reported once.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { contentWith, located, PROJECT_ROOT } from '../helpers/fixtures.ts';

const EXPECTED = [
  // A misspelt `summary` is one problem (not also "missing"); the date, references and partOf are checked all the same.
  'content/cases/misspelt-and-misplaced.mdx:4 summry schema.unknown-field',
  'content/cases/misspelt-and-misplaced.mdx:5 date date.future',
  'content/cases/misspelt-and-misplaced.mdx:11 methods.0 ref.unknown',
  'content/cases/misspelt-and-misplaced.mdx:12 partOf partof.not-practice',
  'content/cases/misspelt-and-misplaced.mdx:15 <Cite source> ref.unknown',
  // The example: no summary, and a title of six steps over five.
  'content/methods/six-steps-five-listed.mdx:1 summary schema.missing',
  'content/methods/six-steps-five-listed.mdx:4 steps steps.count',
  'content/methods/six-steps-five-listed.mdx:9 steps.1.sources.0 ref.unknown',
  // Copied from the fixture's source text (sources/texts/), in the body and in a field.
  'content/methods/six-steps-five-listed.mdx:20 正文 copy.run',
  'content/models/two-parts-for-three.mdx:4 kind value.unknown',
  'content/models/two-parts-for-three.mdx:5 summary copy.run',
  'content/models/two-parts-for-three.mdx:6 origin ref.unknown',
  'content/models/two-parts-for-three.mdx:7 parts formula.parts',
  'content/terms/wrong-type.yaml:1 term term.duplicate',
  // A wrong type is not also reported as missing.
  'content/terms/wrong-type.yaml:2 definition schema.type',
  'content/terms/wrong-type.yaml:4 related.0 ref.unknown',
];

describe('every rule on every file, once', () => {
  test('files with several independent problems report all of them in one run, each with line, field and code', async () => {
    const content = await contentWith('all-at-once');
    const result = await validateContent(content, path.dirname(content));
    expect(located(result)).toEqual(EXPECTED);
    expect(result.sourceTextCount).toBe(1);
    // The entries that failed are not handed to the site.
    expect(result.entries.map((e) => e.id).sort()).not.toContain('six-steps-five-listed');
  });

  test('npm run check prints them all, each with file, line, field and code', async () => {
    const content = await contentWith('all-at-once');
    const { stderr, status } = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check.ts'), content], { encoding: 'utf8' });
    expect(status).toBe(1);
    const printed = stderr.split('\n').filter((line) => line.startsWith('content/'));
    expect(printed.map((line) => {
      const [where, field] = line.split('  ');
      return `${where} ${field} ${/［([a-z.-]+)］$/.exec(line)?.[1]}`;
    })).toEqual(EXPECTED);
  });

  test('each value is reported once, as what it is: empty, missing, misspelt or of the wrong type', async () => {
    const content = await contentWith();
    await writeFile(
      path.join(content, 'cases/kinds-of-wrong.mdx'),
      ['---', 'title: 各种写错的协商事例', 'kind: [consultation]', 'sumary: 拼错的摘要。', 'date:', 'region: 浙江省', 'level: community',
        'forms: council', 'topics: [traffic]', 'sources: [demo-source]', '---', '正文。', ''].join('\n'),
    );
    const result = await validateContent(content, path.dirname(content));
    expect(located(result)).toEqual([
      'content/cases/kinds-of-wrong.mdx:3 kind schema.type',
      'content/cases/kinds-of-wrong.mdx:4 sumary schema.unknown-field',
      'content/cases/kinds-of-wrong.mdx:5 date schema.empty',
      'content/cases/kinds-of-wrong.mdx:6 region schema.type',
      'content/cases/kinds-of-wrong.mdx:8 forms schema.type',
    ]);
  });

  test('the same problems when the files are checked on worker threads', async () => {
    const content = await contentWith('all-at-once');
    const result = await validateContent(content, path.dirname(content), { workers: 1 });
    expect(located(result)).toEqual(EXPECTED);
  });
});
