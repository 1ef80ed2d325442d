// Cold builds, as the build budget is measured (BENCHMARKS.md): before each timed build, the
// output folder and every Astro cache are removed, the project's `.astro/` and
// `node_modules/.astro` (Astro's default cacheDir) and the cacheDir the build is given.
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * A `node_modules/` of the project's packages for a project of the benchmark's own (the snapshot,
 * the bare reference): a folder of links to each entry, so that its `.astro/` (and any other
 * cache Astro or a build writes there) is its own, and removing it never touches the project's.
 */
export async function linkNodeModules(from: string, project: string): Promise<void> {
  const dir = path.join(project, 'node_modules');
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(from)) {
    if (name === '.astro' || name === '.vite' || name.startsWith('.yishi-build')) continue;
    await symlink(path.join(from, name), path.join(dir, name));
  }
}

/** Removes `outDir`, `cacheDirs` and the Astro caches of `project` before a cold build. */
export async function clearForColdBuild(project: string, outDir: string, ...cacheDirs: string[]): Promise<void> {
  for (const dir of [outDir, path.join(project, '.astro'), path.join(project, 'node_modules/.astro'), ...cacheDirs]) {
    await rm(dir, { recursive: true, force: true });
  }
}
