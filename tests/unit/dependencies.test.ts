// The dependencies are what the project says they are: the build's core pinned to exact versions
// that are the ones installed, and nothing installed that nothing uses.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

interface Manifest {
  version?: string;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(path.join(PROJECT_ROOT, file), 'utf8')) as T;
const pkg = await readJson<Manifest>('package.json');
const lock = await readJson<{ packages: Record<string, Manifest> }>('package-lock.json');
const declared = { ...pkg.dependencies, ...pkg.devDependencies };

/** The packages whose exact version decides what the site looks like. */
const PINNED = ['astro', 'pagefind', '@astrojs/mdx'];

/** Where the project's own code lives: what may use a package. */
const CODE_DIRS = ['src', 'scripts', 'tests'];
const CODE_FILES = ['astro.config.mjs', 'vitest.config.ts', '.ci/run'];
const CODE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs|astro)$/;

/** `node` is the Node.js runtime itself (the npm scripts run on it), never imported. */
const RUNTIME = new Set(['node']);

async function projectCode(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of CODE_DIRS) {
    for (const entry of await readdir(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })) {
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(PROJECT_ROOT, absolute).split(path.sep).join('/');
      // Fixtures are content, not code.
      if (!entry.isFile() || !CODE_EXTENSIONS.test(entry.name) || relative.startsWith('tests/fixtures/')) continue;
      files.set(relative, await readFile(absolute, 'utf8'));
    }
  }
  for (const file of CODE_FILES) files.set(file, await readFile(path.join(PROJECT_ROOT, file), 'utf8'));
  return files;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Whether some code imports the package, or runs it from node_modules (its folder or its bin). */
async function isUsed(name: string, code: string): Promise<boolean> {
  const quoted = `['"\`]${escape(name)}(/[^'"\`]*)?['"\`]`;
  const patterns = [
    new RegExp(`\\bfrom\\s+${quoted}`),
    new RegExp(`\\bimport\\s*\\(\\s*${quoted}\\s*\\)`),
    new RegExp(`\\bimport\\s+${quoted}`),
    new RegExp(`\\brequire\\s*\\(\\s*${quoted}\\s*\\)`),
    new RegExp(`node_modules/${escape(name)}/`),
  ];
  const manifest = await readJson<Manifest>(`node_modules/${name}/package.json`).catch(() => ({}) as Manifest);
  const bins = typeof manifest.bin === 'string' ? [name.replace(/^@[^/]+\//, '')] : Object.keys(manifest.bin ?? {});
  for (const bin of bins) patterns.push(new RegExp(`node_modules/\\.bin/${escape(bin)}\\b`));
  return patterns.some((pattern) => pattern.test(code));
}

describe('dependencies', () => {
  test.each(PINNED)('%s is pinned to an exact version, and that version is the one locked and installed', async (name) => {
    const version = declared[name];
    expect(version, `${name} in package.json`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['']?.dependencies?.[name] ?? lock.packages['']?.devDependencies?.[name], `${name} in the lockfile's package.json record`).toBe(version);
    expect(lock.packages[`node_modules/${name}`]?.version, `${name} in package-lock.json`).toBe(version);
    const installed = await readJson<Manifest>(`node_modules/${name}/package.json`);
    expect(installed.version, `${name} in node_modules`).toBe(version);
  });

  test('every dependency and dev dependency is used by the project code', async () => {
    const code = [...(await projectCode()).values()].join('\n');
    expect(code).toContain("from 'astro"); // the scan reads real code
    const unused: string[] = [];
    for (const name of Object.keys(declared)) {
      if (RUNTIME.has(name)) continue;
      // Type packages are used when what they describe is: @types/qrcode by qrcode, @types/node by node: imports.
      const described = name.startsWith('@types/') ? name.slice('@types/'.length) : undefined;
      const used = described === 'node' ? /\bfrom\s+['"]node:/.test(code) : await isUsed(described ?? name, code);
      if (!used || (described && described !== 'node' && !(described in declared))) unused.push(name);
    }
    expect(unused).toEqual([]);
  });
});
