// What a module imports, followed from file to file: for tests of which code may depend on which.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files whose imports are followed; anything else (CSS, JSON, images) is a leaf. */
const CODE = /\.(ts|mts|js|mjs|tsx|jsx|astro|mdx)$/;

const PATTERNS = [
  // import x from '…', import { a, type B } from '…', import type { C } from '…', import * as d from '…', import '…'
  /\bimport\s+((?:type\s+)?(?:[\w$*{},\s]+?\s+from\s*)?)['"]([^'"\n]+)['"]/g,
  // export * from '…', export { a } from '…', export type { B } from '…'
  /\bexport\s+((?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)['"]([^'"\n]+)['"]/g,
  // import('…')
  /\bimport\s*\(()\s*['"`]([^'"`\n]+)['"`]\s*\)/g,
  // <script src="…"> in .astro files
  /<script\b()[^>]*\bsrc=["']([^"']+)["']/g,
];

/** `type { A }`, `{ type A, type B }`: what an import or export brings in is types only, erased from the code. */
function isTypeOnly(clause: string): boolean {
  const text = clause.replace(/\s+from\s*$/, '').trim();
  if (text.startsWith('type ') || text.startsWith('type{')) return true;
  const named = /^\{([^}]*)\}$/.exec(text);
  if (!named) return false;
  const names = named[1]!.split(',').map((name) => name.trim()).filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

export interface ImportSpecifier {
  specifier: string;
  /** Types only (`import type`, `export type`, `{ type A }`): erased, no code follows it into the bundle. */
  typeOnly: boolean;
}

/**
 * Every specifier a module's text imports: static imports and re-exports (type-only ones too),
 * dynamic `import()` with a literal, and, in .astro files, those of the frontmatter and of every
 * `<script>` (the whole file is read, so both are covered), and `<script src>`.
 */
export function importSpecifiers(text: string): ImportSpecifier[] {
  const found = new Map<string, boolean>();
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[2]!;
      // Imported as code anywhere in the file: code.
      found.set(specifier, (found.get(specifier) ?? true) && isTypeOnly(match[1]!));
    }
  }
  return [...found].map(([specifier, typeOnly]) => ({ specifier, typeOnly }));
}

/**
 * The file a specifier names, relative to the project root; `undefined` for packages and virtual
 * modules (`astro:content`, `pagefind`), which are not the project's code. `'/src/x.ts'` is read
 * from the project root, as Vite does.
 */
export function resolveImport(root: string, fromFile: string, specifier: string): { file?: string; unresolved?: string } {
  const bare = specifier.replace(/[?#].*$/, '');
  let base: string;
  if (bare.startsWith('./') || bare.startsWith('../')) base = path.resolve(root, path.dirname(fromFile), bare);
  else if (bare.startsWith('/') && !bare.startsWith('//')) base = path.join(root, bare);
  else return {};
  const candidates = [base, base.replace(/\.js$/, '.ts'), ...['.ts', '.mts', '.js', '.mjs', '.astro', '.tsx'].map((ext) => base + ext), path.join(base, 'index.ts')];
  const file = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return file ? { file: path.relative(root, file).split(path.sep).join('/') } : { unresolved: `${fromFile}: ${specifier}` };
}

/** Code files under the given folders (relative to the project root), recursively. */
export function codeFilesUnder(root: string, folders: string[]): string[] {
  const files: string[] = [];
  for (const folder of folders) {
    const absolute = path.join(root, folder);
    if (!existsSync(absolute)) continue;
    for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && CODE.test(entry.name)) files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return files.sort();
}

export interface ImportEdge {
  file: string;
  typeOnly: boolean;
}

export interface ImportGraph {
  /** Each file reached, with the project files it imports. */
  edges: Map<string, ImportEdge[]>;
  /** Relative imports that name no file. */
  unresolved: string[];
}

/** Follows imports from the start files through every project file they reach. */
export function importGraph(root: string, start: string[]): ImportGraph {
  const edges = new Map<string, ImportEdge[]>();
  const unresolved: string[] = [];
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    if (edges.has(file)) continue;
    const targets: ImportEdge[] = [];
    if (CODE.test(file)) {
      for (const { specifier, typeOnly } of importSpecifiers(readFileSync(path.join(root, file), 'utf8'))) {
        const resolved = resolveImport(root, file, specifier);
        if (resolved.unresolved) unresolved.push(resolved.unresolved);
        if (resolved.file) targets.push({ file: resolved.file, typeOnly });
      }
    }
    edges.set(file, targets);
    queue.push(...targets.map((target) => target.file).filter((target) => !edges.has(target)));
  }
  return { edges, unresolved };
}

/**
 * Every import into a file `forbidden` accepts, each with the shortest chain that leads to it from
 * a start file, as `src/pages/a.astro → src/site/b.ts ⇢ scripts/lib/c.ts` (`⇢`: an import of types
 * only). Type-only imports count: the folders say which code depends on which, whether or not the
 * bundle carries it.
 */
export function forbiddenChains(graph: ImportGraph, start: string[], forbidden: (file: string) => boolean): string[] {
  const chainTo = new Map<string, string>(start.map((file) => [file, file]));
  const crossings = new Map<string, string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const edge of graph.edges.get(file) ?? []) {
      const chain = `${chainTo.get(file)} ${edge.typeOnly ? '⇢' : '→'} ${edge.file}`;
      if (forbidden(edge.file)) {
        // What the forbidden file imports in turn is its own business.
        if (!crossings.has(`${file} ${edge.file}`)) crossings.set(`${file} ${edge.file}`, chain);
      } else if (!chainTo.has(edge.file)) {
        chainTo.set(edge.file, chain);
        queue.push(edge.file);
      }
    }
  }
  return [...crossings.values()].sort();
}
