import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, inject } from 'vitest';
import { PROJECT_ROOT } from './fixtures.ts';
import { runBuild, type BuildLogLine, type BuildOptions } from './run-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The default site (bundled content, default config), built once per run by tests/helpers/default-site.ts. */
    defaultSite: string;
    /** Written by the global setup when the default site's build has ended: `{ ok, output }`. */
    defaultSiteDone: string;
    /** The run's build log: one JSON line per site build and per test file that reads the default site. */
    buildLog: string;
  }
}

/** The test file running now, relative to the project. */
const testFile = () => path.relative(PROJECT_ROOT, expect.getState().testPath ?? '?');

/**
 * Waits for the end of the default site's build (started with the run, in vitest's main process)
 * and returns its folder. Builds in the project share Astro's generated folder (.astro/), so no
 * other build may run beside it.
 */
async function defaultBuildEnded(): Promise<string> {
  const site = inject('defaultSite');
  const done = inject('defaultSiteDone');
  if (!site || !done) throw new Error('No default site: the site project builds it in its global setup (tests/helpers/default-site.ts)');
  while (!existsSync(done)) await sleep(200);
  const result = JSON.parse(await readFile(done, 'utf8')) as { ok: boolean; output: string };
  if (!result.ok) throw new Error(`The default site did not build:\n${result.output}`);
  return site;
}

/**
 * Builds a scenario site (other content, or settings changed through the environment) into a
 * fresh temporary folder and returns it. Never the default site: that is built once per run and
 * shared, see `defaultSite()`.
 */
export async function buildSite(options: BuildOptions): Promise<string> {
  if (!options.content && Object.keys(options.env ?? {}).length === 0) {
    throw new Error('buildSite() builds scenarios only; the default site is built once per run: use defaultSite()');
  }
  // Not beside the default site's build: both would write Astro's generated folder (.astro/).
  await defaultBuildEnded().catch(() => undefined);
  return runBuild({ ...options, log: inject('buildLog'), by: testFile() });
}

/**
 * A scenario site of the bundled content with settings changed through the environment, built
 * once per run and shared by every test file that asks for the same settings (print and share
 * both read the site with `site` set). Read it, never write into it.
 */
export async function sharedSite(env: Record<string, string>): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(Object.entries(env).sort())).digest('hex').slice(0, 16);
  const dir = path.join(path.dirname(inject('buildLog')), `shared-${key}`);
  const marker = path.join(dir, 'built.json');
  if (existsSync(marker)) {
    const site = (JSON.parse(await readFile(marker, 'utf8')) as { site: string }).site;
    await appendFile(inject('buildLog'), `${JSON.stringify({ kind: 'use', shared: true, by: testFile(), site } satisfies BuildLogLine)}\n`);
    return site;
  }
  const site = await buildSite({ env });
  await mkdir(dir, { recursive: true });
  await writeFile(marker, JSON.stringify({ site }));
  return site;
}

/**
 * The default site (bundled content, default config), built once per `vitest run` by the site
 * project's global setup (tests/helpers/default-site.ts) and shared by every test file that reads
 * it. Waits for that build to end. Read it, never write into it: the global setup checks at the
 * end of the run that nothing in it changed.
 */
export async function defaultSite(): Promise<string> {
  const site = await defaultBuildEnded();
  const line: BuildLogLine = { kind: 'use', by: testFile(), site };
  await appendFile(inject('buildLog'), `${JSON.stringify(line)}\n`);
  return site;
}

/** Every HTML file of a built site, as paths relative to it. */
export async function htmlFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(site, path.join(e.parentPath, e.name)))
    .sort();
}

export function readPage(site: string, urlPath: string): Promise<string> {
  return readFile(path.join(site, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
}
