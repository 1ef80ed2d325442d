import { fileURLToPath } from 'node:url';
import type { HandbookOptions } from '../astro/config.ts';
import { awaitedLater, childReport, forkChild, killChild } from './children.ts';
import { addRecordedTimings } from './timings.ts';
import { inheritedEnv } from '../user-env.ts';

const CHILD = fileURLToPath(new URL('./astro-child.ts', import.meta.url));

export interface AstroBuildOptions {
  /** The handbook's settings (scripts/lib/astro/config.ts); JSON, handed to the child. */
  handbook: HandbookOptions;
  outDir: string;
  cacheDir?: string | undefined;
  logLevel: 'warn';
}

export interface AstroBuild {
  /** The child process's id. */
  pid: number | undefined;
  /** Resolves when Astro has built the site; rejects with Astro's message when it failed. */
  done: Promise<void>;
  /** Shows what Astro printed so far, then what it prints from now on. */
  showOutput(): void;
  /** Stops the build (its output is never shown). */
  cancel(): void;
}

/**
 * The environment of Astro's process. Astro's bundler (Rolldown, native code) allocates with
 * mimalloc, which by default keeps memory it has freed for a while before giving it back: after
 * bundling, the rendering of 10,000 pages then ran on top of some 2 GB that nothing used, and
 * the build's peak (3.6–3.8 GB) came at its end. Given back at once (`MIMALLOC_PURGE_DELAY=0`),
 * rendering needs 1.6–1.8 GB and the peak is the bundler's own, 3.1–3.3 GB (BENCHMARKS.md).
 * Nor does it commit a whole arena of memory when it takes one (`MIMALLOC_ARENA_EAGER_COMMIT=0`),
 * only the pages it uses: the bundler's peak at 10,000 cases, 3.37 GB, is then 2.88 GB. A value
 * the user set is kept.
 */
export function astroEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0', ...env };
}

/**
 * Starts Astro's build() in a child process (`astro-child.ts`), with the same output and the
 * same error: a failed build rejects with Astro's message. The child's memory is freed when it
 * ends, so it never adds to Pagefind's, which runs next: at 5,000 cases that halves the build's
 * peak. Its output is held back until `showOutput()`, so that a build started while the content
 * is still being checked says nothing if the check fails.
 */
export function startAstroBuild(options: AstroBuildOptions, spawn: { cwd?: string } = {}): AstroBuild {
  const child = forkChild(CHILD, [JSON.stringify(options)], { stdio: ['inherit', 'pipe', 'pipe', 'ipc'], env: astroEnv(inheritedEnv()), ...spawn });
  const held: [NodeJS.WriteStream, Buffer][] = [];
  let showing = false;
  let cancelled = false;
  for (const [from, to] of [[child.stdout!, process.stdout], [child.stderr!, process.stderr]] as const) {
    from.on('data', (chunk: Buffer) => (showing ? to.write(chunk) : held.push([to, chunk])));
  }
  type Report = { ok: boolean; message?: string; timings?: Record<string, number> };
  const done = childReport<Report>(child, (why, report) => {
    if (cancelled) return new Error('Astro 的构建已取消');
    return new Error(report && !report.ok ? report.message : `Astro 的构建进程意外退出（${why}）`);
  }).then((report) => {
    if (cancelled) throw new Error('Astro 的构建已取消');
    addRecordedTimings(report.timings);
  });
  return {
    pid: child.pid,
    done: awaitedLater(done),
    showOutput() {
      showing = true;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    },
    cancel() {
      cancelled = true;
      killChild(child);
    },
  };
}
