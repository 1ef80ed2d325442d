import { fileURLToPath } from 'node:url';
import { awaitedLater, childReport, forkChild, killChild } from './children.ts';
import { inheritedEnv } from '../user-env.ts';

const CHILD = fileURLToPath(new URL('./check-child.ts', import.meta.url));

/** What the build needs of the content check. */
export interface CheckReport {
  fileCount: number;
  problemCount: number;
  /** Every problem, formatted as `npm run check` prints them; empty when there is none. */
  report: string;
  /** The published terms and sources: the link manifest records their anchors. */
  published: { terms: string[]; sources: string[] };
}

export interface CheckRun {
  /** Resolves with the check's report; rejects when its process ends without one. */
  done: Promise<CheckReport>;
  /** The child process's id. */
  pid: number | undefined;
  /** Stops the check. */
  cancel(): void;
}

/**
 * Starts the content check (`validateContent`) in a child process (`check-child.ts`), so that
 * the memory it takes is not held by the build's process through the rest of the build.
 */
export function startCheckInChild(contentDir: string, root: string): CheckRun {
  const child = forkChild(CHILD, [contentDir, root], { stdio: 'inherit', env: inheritedEnv() });
  const done = childReport<CheckReport>(child, (why) => new Error(`内容检查进程意外退出（${why}）`));
  return { done: awaitedLater(done), pid: child.pid, cancel: () => killChild(child) };
}

/** The content check in a child process (startCheckInChild), awaited. */
export function checkInChild(contentDir: string, root: string): Promise<CheckReport> {
  return startCheckInChild(contentDir, root).done;
}
