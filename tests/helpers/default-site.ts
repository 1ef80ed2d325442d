// The site project's global setup: builds the default site (bundled content, default config) once
// per run, in the background while the other projects' tests run, and hands its folder to every
// site test file (`defaultSite()` in build.ts). At the end it says how many sites were built and
// fails the run if the default site was built more than once, read from more than one folder, or
// changed by a test.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TestProject } from 'vitest/node';
import { isDefaultBuild, runBuild, type BuildLogLine } from './run-build.ts';

/** A test file reads the default site when it calls `defaultSite()`. */
const READS_DEFAULT_SITE = /\bdefaultSite\(\)/;

/** Every file under the site with its size and modification time: enough to see a test writing into it. */
async function fingerprint(site: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const info = await stat(file);
    files.set(path.relative(site, file), entry.isDirectory() ? 'dir' : `${info.size} ${info.mtimeMs}`);
  }
  return files;
}

/** The environment of the default build: no YISHI_* override left over from the shell. */
function defaultEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('YISHI_')));
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'yishi-default-site-'));
  // In a folder of its own: the build leaves nothing beside its output (tests/site/handbook.test.ts).
  const site = path.join(dir, 'site', 'dist');
  await mkdir(path.dirname(site));
  const done = path.join(dir, 'build-done.json');
  const log = path.join(dir, 'builds.jsonl');
  await writeFile(log, '');
  project.provide('defaultSite', site);
  project.provide('defaultSiteDone', done);
  project.provide('buildLog', log);

  // Files of this run, when vitest says (a run of one scenario file need not build the default site).
  const files: string[] = (project.vitest as { state?: { getPaths?(): string[] } }).state?.getPaths?.() ?? [];
  const siteFiles = files.filter((file) => file.startsWith(path.join(project.config.root, 'tests/site') + path.sep));
  const needed = siteFiles.length === 0 || siteFiles.some((file) => READS_DEFAULT_SITE.test(readFileSync(file, 'utf8')));

  let before: Map<string, string> | undefined;
  const started = performance.now();
  const building = needed
    ? runBuild({ out: site, baseEnv: defaultEnv(), log, by: 'global-setup' }).then(
        async () => {
          before = await fingerprint(site);
          const seconds = ((performance.now() - started) / 1000).toFixed(0);
          console.log(`▸ built the default site once (${seconds} s), shared by every site test: ${site}`);
          await writeFile(done, JSON.stringify({ ok: true, output: '' }));
        },
        (error: Error) => writeFile(done, JSON.stringify({ ok: false, output: error.message })),
      )
    : writeFile(done, JSON.stringify({ ok: false, output: `not built: no site test file of this run calls defaultSite() (${READS_DEFAULT_SITE})` }));

  return async function teardown() {
    await building;
    const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as BuildLogLine);
    const defaults = lines.filter(isDefaultBuild);
    const scenarios = lines.filter((line) => line.kind === 'build' && !isDefaultBuild(line));
    const uses = lines.filter((line) => line.kind === 'use' && !line.shared);
    const folders = new Set(uses.map((line) => line.site));
    console.log(
      `▸ site builds this run: the default site ${defaults.length} time(s), read by ${uses.length} test file(s)` +
        ` from ${folders.size} folder(s); ${scenarios.length} scenario build(s)`,
    );
    const problems: string[] = [];
    // Two scenario builds of the same bundled content with the same settings are one build built twice: share it (`sharedSite()`).
    const sameTwice = scenarios.filter((line, i) => !line.content && scenarios.findIndex((other) => !other.content && JSON.stringify(other.env ?? {}) === JSON.stringify(line.env ?? {})) !== i);
    if (sameTwice.length) problems.push(`the same scenario site was built more than once (${sameTwice.map((l) => `${l.by}: ${JSON.stringify(l.env)}`).join('; ')}); share it with sharedSite()`);
    if (defaults.length > 1) problems.push(`the default site was built ${defaults.length} times (by ${defaults.map((l) => l.by).join(', ')}); build it once and share it`);
    if (folders.size > 1) problems.push(`test files read the default site from different folders: ${[...folders].join(', ')}`);
    if (before) {
      const after = await fingerprint(site);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before!.get(file) !== after.get(file)).sort();
      if (changed.length) problems.push(`a test changed the shared default site (read it only): ${changed.slice(0, 10).join(', ')}`);
    }
    await rm(dir, { recursive: true, force: true });
    if (problems.length) throw new Error(problems.join('\n'));
  };
}
