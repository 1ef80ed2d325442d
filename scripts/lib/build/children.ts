// The build's child processes (the content check, Astro, the search index), as the build sees
// them. Each runs in a process group of its own: Ctrl-C in a terminal goes to the foreground
// group, that is to the build alone, which then stops its children itself (interrupt.ts). A
// child that got the signal too could die first, and the build would take that for a failure.
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';

/** Forks `file` (a `*-child.ts`) in a process group of its own, with an IPC channel. */
export function forkChild(file: string, args: readonly string[], options: ForkOptions): ChildProcess {
  return fork(file, args, { ...options, detached: true });
}

/** Stops a child and whatever it started (Pagefind's own process), at once. */
export function killChild(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * `promise`, awaited later (the build awaits a child's result only after other steps): a child
 * that ends before then, as one caught by a Ctrl-C while it was being forked, must not end the
 * build with an unhandled rejection. Whoever awaits it still gets the error.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The child's last report over IPC, once it has exited with 0; rejects with `failed(why)` when it
 * ends any other way, `why` saying how (a signal or an exit code).
 */
export function childReport<T>(child: ChildProcess, failed: (why: string, report: T | undefined) => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let report: T | undefined;
    child.on('message', (message) => (report = message as T));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (report !== undefined && code === 0) resolve(report);
      else reject(failed(signal ?? `退出码 ${code}`, report));
    });
  });
}
