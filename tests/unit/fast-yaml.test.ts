// The fast YAML reader (scripts/lib/check/fast-yaml.ts) must give exactly what the yaml package
// gives, lines included, or step aside.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate.ts';
import { fastYaml } from '../../scripts/lib/check/fast-yaml.ts';
import { parseYaml } from '../../scripts/lib/check/frontmatter.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

/** Every path into the data, and one missing field under each map. */
function* paths(value: unknown, prefix: (string | number)[] = []): Generator<(string | number)[]> {
  yield prefix;
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* paths(item, [...prefix, i]);
  else {
    yield [...prefix, 'no-such-field'];
    for (const [key, child] of Object.entries(value)) yield* paths(child, [...prefix, key]);
  }
}

/** Whether the fast reader took `source`, and if so that it agrees with the yaml package. */
function agrees(source: string, lineOffset = 1): boolean {
  const fast = parseYaml(source, 'f.mdx', lineOffset);
  const slow = parseYaml(source, 'f.mdx', lineOffset, { fast: false });
  const taken = fastYaml(source) !== undefined;
  if (taken) {
    expect(slow.problems, source).toEqual([]);
    expect(fast.data, source).toStrictEqual(slow.data);
    for (const p of paths(slow.data)) expect(fast.lineOf(p), `${source}\n${p.join('.')}`).toBe(slow.lineOf(p));
  } else {
    expect(fast.problems).toEqual(slow.problems);
  }
  return taken;
}

const frontmatter = (text: string) => /^---\n([\s\S]*?)\n---/.exec(text)?.[1];

async function yamlOf(dir: string): Promise<string[]> {
  const sources: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8').catch(() => '');
    if (/\.mdx?$/.test(entry.name)) {
      const yaml = frontmatter(text);
      if (yaml !== undefined) sources.push(yaml);
    } else if (/\.ya?ml$/.test(entry.name)) sources.push(text);
  }
  return sources;
}

describe('the fast YAML reader', () => {
  test('agrees with the yaml package on every file of the handbook and of the test fixtures', async () => {
    const content = await yamlOf(path.join(PROJECT_ROOT, 'content'));
    const taken = content.filter((s) => agrees(s)).length;
    // The bundled handbook is plain YAML: nearly all of it takes the fast path.
    expect(taken / content.length).toBeGreaterThan(0.9);
    for (const source of await yamlOf(path.join(PROJECT_ROOT, 'tests/fixtures'))) agrees(source);
  });

  test('reads the benchmark corpus, and agrees on it', () => {
    const corpus = generateCorpus({ count: 400, seed: 11, methods: ['six-step-procedure'], models: ['council-1-7-x'], sources: ['huzhou-practice-2020'] });
    const sources = corpus.files.map((f) => (f.collection === 'cases' ? frontmatter(f.text)! : f.text));
    const taken = sources.filter((s) => agrees(s)).length;
    expect(taken / sources.length).toBeGreaterThan(0.95);
  });

  test('steps aside for what it does not read, and the yaml package reports the problems', () => {
    const cases = [
      'title: a\ntitle: b',
      'title: "a\\"b"',
      'note: |\n  text',
      'title: a # comment',
      'title: x: y',
      'tags: [a, b',
      'date: 012',
      'n: 1.5',
      'n: -3',
      'a: &x 1\nb: *x',
      'title: a\n  continued',
      'steps:\n-\n  title: a',
      '? [a]: b',
      'key:\tvalue',
      '- a\n- b',
      '',
    ];
    for (const source of cases) {
      expect(fastYaml(source), source).toBeUndefined();
      agrees(source);
    }
  });

  test('agrees with the yaml package on any data the yaml package writes', () => {
    const text = fc.oneof(
      fc.constantFrom('停车', '协商议事会', '“1+7+X”', 'a: b', '#1', '- x', '2023-05', '2023', '007', '1.5', 'true', 'null', '~', "it's", '"q"', '[x]', ' lead', 'tail ', '', 'yes', '0x1F', '.inf'),
      fc.string({ maxLength: 12 }),
    );
    const scalar = fc.oneof(text, fc.integer({ min: -5, max: 100000 }), fc.boolean(), fc.constant(null));
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/);
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });
    const flow = fc.boolean();
    fc.assert(
      fc.property(document, flow, (data, flowLists) => {
        const source = stringify(data, { flowCollectionPadding: false, ...(flowLists ? { collectionStyle: 'flow' as const } : {}) });
        agrees(source, 0);
        agrees(source.replace(/\n$/, ''), 1);
      }),
      { numRuns: 400 },
    );
    // 400 generated documents: about 2 s on a quiet machine, far more on a shared, loaded one.
  }, 60_000);
});
