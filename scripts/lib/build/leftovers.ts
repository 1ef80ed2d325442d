// What a build leaves beside its output folder while it runs, and what the next build does with
// what an interrupted one left: a build of `dist/` works in `.dist.build-<pid>` (the site) and
// its `-cache` (earlier versions also wrote a `-search` copy there), and swaps the site in through `dist.old-<pid>` (swap.ts). Killed
// outright (SIGKILL) a build cannot remove them; the next build, holding the lock on `dist/`,
// does, and puts the old site back if the kill came in the middle of the swap.
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildChildrenNaming, isRunning, stopBuildChildren } from './lock.ts';

/** The working folders of a build of `outDir` by process `pid`. */
export function workFolders(outDir: string, pid = process.pid) {
  const site = path.join(path.dirname(outDir), `.${path.basename(outDir)}.build-${pid}`);
  return {
    /** Where Astro builds the site and Pagefind indexes it. */
    site,
    /** A private Astro cache, for content other than the project's own. */
    cache: `${site}-cache`,
  };
}

/**
 * The folder Astro's child process runs in, for an output folder outside the project. Astro
 * writes its server bundle (`.prerender/`) inside the output folder when that is under the
 * process's working folder, and otherwise in `<working folder>/.astro/.prerender/`, which it
 * removes when done: two builds there break each other ("Cannot find module
 * .astro/.prerender/chunks/…"). It must stay inside the project, where the bundle finds
 * node_modules; each build gets its own.
 */
export function astroWorkFolder(root: string, pid = process.pid): string {
  return path.join(root, 'node_modules', `.yishi-build-${pid}`);
}

/** Removes the Astro work folders (astroWorkFolder) of builds that no longer run. */
export async function clearAstroWorkFolders(root: string): Promise<number> {
  const dir = path.join(root, 'node_modules');
  const stale = (await readdir(dir).catch(() => [] as string[])).filter((name) => {
    const pid = /^\.yishi-build-(\d+)$/.exec(name)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
  for (const name of stale) await rm(path.join(dir, name), { recursive: true, force: true, maxRetries: 5 });
  return stale.length;
}

/** The lock file of a project's builds (lock.ts): they share its .astro/ folder and Astro cache. */
export function projectLockFile(root: string): string {
  return path.join(root, 'node_modules', '.yishi-build.lock');
}

/** The lock file of an output folder (lock.ts). */
export function lockFileOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.build.lock`);
}

/**
 * Removes what earlier builds of `outDir` left (call while holding its lock, before starting):
 * their working folders and a previous site kept during a swap; if the output folder itself is
 * missing because a build was killed mid-swap, the previous site is put back. Returns what was
 * done, in words for the build's output.
 */
export async function clearLeftovers(outDir: string): Promise<string[]> {
  const dir = path.dirname(outDir);
  const base = path.basename(outDir);
  const done: string[] = [];
  // Children of a build killed outright before it recorded them in its lock may still run and
  // write into its working folders (Astro's cache, its pages): stopped first, or they would
  // write again after the folders are cleared.
  await stopBuildChildren(buildChildrenNaming(path.join(dir, `.${base}.build-`)));
  const names = await readdir(dir).catch(() => [] as string[]);
  const work = names.filter((name) => name.startsWith(`.${base}.build-`));
  // Working folders of the build before this layout (`.build-tmp-<pid>`), once their build has ended.
  const legacy = names.filter((name) => /^\.build-tmp-(\d+)(-search)?$/.test(name) && !isRunning(Number(/\d+/.exec(name)![0])));
  // A lock file being written when its build was killed (lock.ts writes it aside, then links it).
  const lockDrafts = names.filter((name) => name.startsWith(`.${base}.build.lock.`) && name.endsWith('.tmp') && !isRunning(Number(name.split('.').at(-2))));
  for (const name of lockDrafts) await rm(path.join(dir, name), { force: true });
  // Retried: a child of a build killed outright may still be writing there for a moment.
  for (const name of [...work, ...legacy]) await rm(path.join(dir, name), { recursive: true, force: true, maxRetries: 5 });
  if (work.length + legacy.length > 0) done.push(`清除了上次中断的构建留下的临时文件夹（${work.length + legacy.length} 个）`);

  const olds = [];
  for (const name of names.filter((n) => n.startsWith(`${base}.old-`))) {
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info?.isDirectory()) olds.push({ name, time: info.mtimeMs });
  }
  olds.sort((a, b) => b.time - a.time);
  const hasOut = await stat(outDir).then(() => true, () => false);
  if (!hasOut && olds.length > 0) {
    await rename(path.join(dir, olds.shift()!.name), outDir);
    done.push(`上次构建在替换 ${base}/ 时中断，已恢复原来的 ${base}/`);
  }
  for (const old of olds) await rm(path.join(dir, old.name), { recursive: true, force: true });
  return done;
}
