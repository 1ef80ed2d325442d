// Property-based tests of the content check: whatever is put in content/, validateContent()
// returns (never throws) a list of located problems in Chinese; valid entries have none.
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectionDefs, collectionNames, type CollectionName } from '../../src/schemas/index.ts';
import { provinces } from '../../src/schemas/regions.ts';
import { taxonomies, type TaxonomyName } from '../../src/schemas/taxonomies.ts';
import { validateContent, type Problem, type ValidationResult } from '../../scripts/lib/check/index.ts';
import { isProblemCode } from '../../scripts/lib/check/codes.ts';
import { contentWith } from '../helpers/fixtures.ts';

const RUNS = { numRuns: 200 };
const TIMEOUT = 60_000;

let content: string;
/** Paths (relative to content/) of the base fixture's files: generated files never replace them. */
let baseFiles: Set<string>;

beforeAll(async () => {
  content = await contentWith();
  baseFiles = new Set((await readdir(content, { recursive: true })).map((f) => f.split(path.sep).join('/')));
});

afterAll(() => rm(path.dirname(content), { recursive: true, force: true }));

/** Validates the base content with one extra file, then removes the file again. */
async function validateWith(relative: string, data: string | Uint8Array): Promise<ValidationResult> {
  const absolute = path.join(content, relative);
  await writeFile(absolute, data);
  try {
    return await validateContent(content, path.dirname(content));
  } finally {
    await rm(absolute, { force: true });
  }
}

/** Every problem has the shape the report prints: a file in content/, a line, a field, Chinese words. */
function expectStructured(problems: Problem[]) {
  expect(Array.isArray(problems)).toBe(true);
  for (const problem of problems) {
    expect(Object.keys(problem).sort(), JSON.stringify(problem)).toEqual(['code', 'field', 'file', 'line', 'message']);
    expect(isProblemCode(problem.code), JSON.stringify(problem)).toBe(true);
    expect(typeof problem.file === 'string' && problem.file.startsWith('content/'), JSON.stringify(problem)).toBe(true);
    expect(Number.isInteger(problem.line) && problem.line >= 0, JSON.stringify(problem)).toBe(true);
    expect(typeof problem.field === 'string' && problem.field.length > 0, JSON.stringify(problem)).toBe(true);
    expect(typeof problem.message === 'string' && problem.message.trim().length > 0, JSON.stringify(problem)).toBe(true);
    expect(problem.message, JSON.stringify(problem)).toMatch(/[\u4e00-\u9fff]/);
  }
}

/** A file of a collection, in its format: frontmatter and body for MDX, the YAML alone otherwise. */
function entryText(collection: CollectionName, yaml: string, body: string): string {
  return collectionDefs[collection].format === 'mdx' ? `---\n${yaml}\n---\n${body}` : yaml;
}
const extensionOf = (collection: CollectionName) => (collectionDefs[collection].format === 'mdx' ? '.mdx' : '.yaml');

// ---- Arbitraries -------------------------------------------------------------------------

const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
/** Chinese text, as authors write it: CJK characters with some punctuation. */
const chinese = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.oneof({ weight: 9, arbitrary: cjkChar }, { weight: 1, arbitrary: fc.constantFrom('，', '、', '“', '”', '（', '）') }), minLength, maxLength })
    .filter((s) => s.trim().length >= minLength);
/** Any text: full Unicode, with CJK and YAML's special characters mixed in. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  chinese(0, 20),
  fc.string({ unit: fc.constantFrom(':', '-', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ' ', '\n', '议'), maxLength: 20 }),
);
const schemaKeys = [...new Set(Object.values(collectionDefs).flatMap((d) => Object.keys((d.schema as unknown as { shape: object }).shape)))];
const anyKey = fc.oneof(fc.constantFrom(...schemaKeys), anyText);
/** JSON-ish values, nested a few levels, with any text in strings and keys. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    anyText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const anyFrontmatter = fc.dictionary(anyKey, anyValue, { maxKeys: 12 });

/** YAML-looking text: indentation, keys, flow collections, anchors, quotes, tabs, CJK. */
const yamlText = fc.array(
  fc.oneof(
    fc.constantFrom('title: ', 'summary: ', 'sources:', '  - ', '- ', '  ', '\t', ': ', '[', ']', '{', '}', ', ', '&a ', '*a', '!!str ', '|', '>', '"', "'", '#', '---', '...', '\n', '\n  ', '? ', '%YAML 1.2\n', '\r\n', '\u00a0', '\ufeff'),
    anyText,
  ),
  { maxLength: 30 },
).map((parts) => parts.join(''));

/** MDX-looking body text: tags, braces, emphasis, links, code, CJK. */
const bodyText = fc.array(
  fc.oneof(
    fc.constantFrom('<', '>', '{', '}', '</', '/>', '<Cite source="demo-source" />', '<Cite source="nope" />', '<Unstated>', '</Unstated>', '<script>', 'import x from "y"\n', '*', '_', '`', '```\n', '[链接](javascript:alert(1))', '# ', '\n\n', '> ', '- ', '| a | b |\n| - | - |\n', '&amp;', '\\'),
    anyText,
  ),
  { maxLength: 30 },
).map((parts) => parts.join(''));

/** File names: letters, digits, hyphens, underscores, dots, spaces, CJK; any extension. */
const fileName = fc
  .tuple(
    fc.string({ unit: fc.oneof(fc.constantFrom('a', 'z', 'A', '0', '9', '-', '_', '.', ' ', '~', '+', '(', '#'), cjkChar), minLength: 1, maxLength: 30 }),
    fc.constantFrom('.mdx', '.yaml', '.yml', '.MDX', '.md', '.txt', ''),
  )
  .map(([stem, ext]) => stem + ext);

const kebabId = fc
  .array(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 })
  .map((parts) => `p-${parts.join('-')}`);

const taxonomyValue = (name: TaxonomyName) => {
  const values = taxonomies[name].values as Record<string, string>;
  return fc.constantFrom(...Object.keys(values), ...Object.values(values));
};
const pad = (n: number) => String(n).padStart(2, '0');
/** Real dates up to 2026, well before the tests’ fixed today (2098-06-30, tests/helpers/fixed-today.ts), at each precision. */
const partialDate = fc.oneof(
  fc.integer({ min: 1949, max: 2026 }).map(String),
  fc.tuple(fc.integer({ min: 1949, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
  fc.tuple(fc.integer({ min: 1949, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
);

/** A valid case against the base fixture, with Chinese labels or keys, optional fields or not. */
const validCase = fc.record(
  {
    title: chinese(4, 60),
    kind: taxonomyValue('kind'),
    summary: chinese(1, 160),
    date: fc.oneof(partialDate, fc.constant('不详')),
    region: fc.record({ province: fc.constantFrom(...provinces, '不详'), place: chinese(1, 10) }, { requiredKeys: ['province'] }),
    level: taxonomyValue('level'),
    forms: fc.uniqueArray(taxonomyValue('forms'), { minLength: 1, maxLength: 3 }),
    topics: fc.uniqueArray(taxonomyValue('topics'), { minLength: 1, maxLength: 3 }),
    methods: fc.constantFrom([], ['demo-method']),
    models: fc.constantFrom([], ['demo-model']),
    participants: fc.array(chinese(1, 10), { maxLength: 3 }),
    outcome: fc.record({ status: taxonomyValue('status'), summary: chinese(1, 100) }, { requiredKeys: ['status'] }),
    sources: fc.constantFrom(['demo-source'], [{ id: 'demo-source', supports: '议题和结果' }]),
  },
  { requiredKeys: ['title', 'kind', 'summary', 'date', 'region', 'level', 'forms', 'topics', 'sources'] },
);
/** Body text without the characters MDX reads as code. */
const validBody = fc.array(chinese(1, 80), { maxLength: 5 }).map((paragraphs) => paragraphs.join('\n\n'));

/** A valid glossary term; names never clash with the base fixture's (议事会, 协商议事会). */
const validTerm = fc.record(
  {
    term: chinese(1, 29).map((t) => `词${t.trim()}`.slice(0, 30)),
    definition: chinese(4, 600),
    sources: fc.constant(['demo-source']),
  },
  { requiredKeys: ['term', 'definition', 'sources'] },
);

// ---- Properties --------------------------------------------------------------------------

describe('the content check, on generated input', () => {
  test('arbitrary frontmatter objects, in any collection: structured problems, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...collectionNames), anyFrontmatter, async (collection, data) => {
        const { problems } = await validateWith(`${collection}/generated${extensionOf(collection)}`, entryText(collection, stringify(data), '正文。\n'));
        expectStructured(problems);
      }),
      RUNS,
    );
  }, TIMEOUT);

  test('random YAML text, as frontmatter or a .yaml file: structured problems, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...collectionNames), yamlText, async (collection, yaml) => {
        const { problems } = await validateWith(`${collection}/generated${extensionOf(collection)}`, entryText(collection, yaml, '正文。\n'));
        expectStructured(problems);
      }),
      RUNS,
    );
  }, TIMEOUT);

  test('random MDX bodies under valid frontmatter: structured problems, all about the body', async () => {
    await fc.assert(
      fc.asyncProperty(validCase, bodyText, async (data, body) => {
        const { problems } = await validateWith('cases/p-generated.mdx', entryText('cases', stringify(data), body));
        expectStructured(problems);
        const bodyLine = stringify(data).split('\n').length + 2;
        for (const problem of problems) {
          expect(problem.file).toBe('content/cases/p-generated.mdx');
          expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(bodyLine);
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  test('random file names and extensions: structured problems that name the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...collectionNames), fileName, validCase, async (collection, name, data) => {
        fc.pre(name !== '.' && name !== '..' && !baseFiles.has(`${collection}/${name}`) && Buffer.byteLength(name) < 200);
        const { problems } = await validateWith(`${collection}/${name}`, entryText('cases', stringify(data), '正文。\n'));
        expectStructured(problems);
        for (const problem of problems) expect(problem.file).toBe(`content/${collection}/${name}`);
      }),
      RUNS,
    );
  }, TIMEOUT);

  test('valid generated cases, under valid generated ids, have no problems', async () => {
    await fc.assert(
      fc.asyncProperty(kebabId, fc.boolean(), validCase, validBody, async (id, draft, data, body) => {
        const result = await validateWith(`cases/${draft ? '_' : ''}${id}.mdx`, entryText('cases', stringify(data), body));
        expect(result.problems).toEqual([]);
        expect(result.entries.some((e) => e.collection === 'cases' && e.id === id && e.draft === draft)).toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);

  test('valid generated glossary terms have no problems', async () => {
    await fc.assert(
      fc.asyncProperty(kebabId, fc.constantFrom('.yaml', '.yml'), validTerm, async (id, ext, data) => {
        const result = await validateWith(`terms/${id}${ext}`, stringify(data));
        expect(result.problems).toEqual([]);
        expect(result.entries.find((e) => e.id === id)?.data).toMatchObject({ term: data.term.trim() });
      }),
      RUNS,
    );
  }, TIMEOUT);
});
