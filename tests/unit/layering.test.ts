// Code is arranged by where it runs: what pages render with never reaches Node tooling (scripts/)
// or the tests, and code that runs in the reader's browser stays light (never reaches src/site).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { codeFilesUnder, forbiddenChains, importGraph, importSpecifiers } from '../helpers/imports.ts';

/** Everything a page is made of, or that runs in the browser. */
const PAGE_SIDE = ['src/pages', 'src/components', 'src/layouts', 'src/site', 'src/client', 'src/search', 'src/schemas', 'src/i18n'];
/** Runs in the reader's browser. */
const BROWSER = ['src/client', 'src/search'];
/** The one module that reads the environment: the documented user overrides (README). */
const ENV_MODULE = 'scripts/lib/user-env.ts';

const isTooling = (file: string) => file.startsWith('scripts/') || file.startsWith('tests/');
const isSite = (file: string) => file.startsWith('src/site/');

describe('which code may import which', () => {
  const pageSide = codeFilesUnder(PROJECT_ROOT, PAGE_SIDE);
  const graph = importGraph(PROJECT_ROOT, pageSide);

  test('the walk sees the page-side code and follows its imports', () => {
    expect(pageSide.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(10);
    for (const folder of PAGE_SIDE) expect(pageSide.some((f) => f.startsWith(`${folder}/`)), folder).toBe(true);
    // Every relative import names a file (else the walk would miss what is behind it).
    expect(graph.unresolved).toEqual([]);
    // Pages reach the i18n strings, through frontmatter imports.
    expect(graph.edges.get('src/pages/search.astro')).toContainEqual({ file: 'src/i18n/index.ts', typeOnly: false });
  });

  test('no page-side module imports scripts/ or tests/, directly or through another module', () => {
    expect(forbiddenChains(graph, pageSide, isTooling)).toEqual([]);
  });

  test('code that runs in the browser (src/client, src/search) never imports src/site', () => {
    const browser = codeFilesUnder(PROJECT_ROOT, BROWSER);
    expect(browser.length).toBeGreaterThan(3);
    expect(forbiddenChains(graph, browser, isSite)).toEqual([]);
  });

  test(`no code but ${ENV_MODULE} reads process.env (src/ gets its settings through the build, virtual:yishi/config)`, async () => {
    const files = codeFilesUnder(PROJECT_ROOT, ['src', 'scripts']);
    expect(files).toContain(ENV_MODULE);
    const readers: string[] = [];
    for (const file of files) {
      if ((await readFile(path.join(PROJECT_ROOT, file), 'utf8')).includes('process.env')) readers.push(file);
    }
    expect(readers).toEqual([ENV_MODULE]);
  });

  test('no production code (src/, scripts/) imports from tests/, directly or through another module', () => {
    const production = codeFilesUnder(PROJECT_ROOT, ['src', 'scripts']);
    const whole = importGraph(PROJECT_ROOT, production);
    expect(production.some((f) => f.startsWith('scripts/'))).toBe(true);
    expect(forbiddenChains(whole, production, (file) => file.startsWith('tests/'))).toEqual([]);
  });

  test(`the user's overrides are named in one module, ${ENV_MODULE}, and each in the README`, async () => {
    const { USER_ENV } = await import('../../scripts/lib/user-env.ts');
    const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const name of Object.values(USER_ENV)) expect(readme, name).toContain(`\`${name}\``);
    for (const file of codeFilesUnder(PROJECT_ROOT, ['scripts'])) {
      const text = await readFile(path.join(PROJECT_ROOT, file), 'utf8');
      if (file !== ENV_MODULE) expect(text, file).not.toMatch(/['"]YISHI_[A-Z_]+['"]/);
    }
  });
});

describe('the import walk', () => {
  test('finds static, type-only, re-exported, dynamic and <script> imports', () => {
    const astro = [
      '---',
      "import Base from '../layouts/Base.astro';",
      "import {\n  a,\n  type B,\n} from '../site/a.ts';",
      "import type { C } from '../schemas/c.ts';",
      "export * from './d.ts';",
      "export { e } from './e.ts';",
      "const f = await import('../site/f.ts');",
      '---',
      '<script>',
      "  import { g } from '../client/g.ts';",
      "  import '../styles/h.css';",
      "  const i = () => import(`../client/i.ts`);",
      '</script>',
      '<script src="../client/j.ts"></script>',
    ].join('\n');
    const found = Object.fromEntries(importSpecifiers(astro).map(({ specifier, typeOnly }) => [specifier, typeOnly]));
    expect(found).toEqual({
      '../layouts/Base.astro': false,
      '../site/a.ts': false,
      '../schemas/c.ts': true,
      './d.ts': false,
      './e.ts': false,
      '../site/f.ts': false,
      '../client/g.ts': false,
      '../styles/h.css': false,
      '../client/i.ts': false,
      '../client/j.ts': false,
    });
    expect(importSpecifiers("import { type A, type B } from './t.ts';\nexport type { C } from './u.ts';")).toEqual([
      { specifier: './t.ts', typeOnly: true },
      { specifier: './u.ts', typeOnly: true },
    ]);
  });

  test('reports a chain into tooling through a module outside the walked folders, and a bad import', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'yishi-layering-'));
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await writeFile(path.join(root, file), text);
      };
      await write('src/pages/index.astro', "---\nimport { x } from '../site/x.ts';\n---\n<script>import '../client/c.ts';</script>\n");
      await write('src/site/x.ts', "export { y } from '../../config.ts';\n");
      await write('config.ts', "import type { Y } from './scripts/lib/y.ts';\nexport const y = 1;\n");
      await write('scripts/lib/y.ts', 'export type Y = number;\n');
      await write('src/client/c.ts', "const s = await import('../site/x.ts');\nimport '../search/missing.ts';\n");
      const start = codeFilesUnder(root, ['src/pages', 'src/site', 'src/client']);
      const graph = importGraph(root, start);
      expect(forbiddenChains(graph, start, isTooling)).toEqual(['src/site/x.ts → config.ts ⇢ scripts/lib/y.ts']);
      expect(forbiddenChains(graph, ['src/pages/index.astro'], isTooling)).toEqual(['src/pages/index.astro → src/site/x.ts → config.ts ⇢ scripts/lib/y.ts']);
      expect(forbiddenChains(graph, ['src/client/c.ts'], isSite)).toEqual(['src/client/c.ts → src/site/x.ts']);
      expect(graph.unresolved).toEqual(['src/client/c.ts: ../search/missing.ts']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
