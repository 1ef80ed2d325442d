import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { addRecordedTimings } from './timings.ts';

const CHILD = fileURLToPath(new URL('./astro-child.ts', import.meta.url));

export interface AstroBuildOptions {
  root: string;
  outDir: string;
  cacheDir?: string | undefined;
  logLevel: 'warn';
}

/**
 * Astro's build() in a child process (`astro-child.ts`), with the same output and the same
 * error: a failed build rejects with Astro's message. The child's memory is freed when it ends,
 * so it never adds to Pagefind's, which runs next: at 5,000 cases that halves the build's peak.
 */
export function buildInChild(options: AstroBuildOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(options)], { stdio: 'inherit', env: process.env });
    let report: { ok: boolean; message?: string; timings?: Record<string, number> } | undefined;
    child.on('message', (message) => (report = message as typeof report));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (report?.ok && code === 0) {
        addRecordedTimings(report.timings);
        resolve();
      } else if (report && !report.ok) reject(new Error(report.message));
      else reject(new Error(`Astro 的构建进程意外退出（${signal ?? `退出码 ${code}`}）`));
    });
  });
}
