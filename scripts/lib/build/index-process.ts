import { fileURLToPath } from 'node:url';
import { awaitedLater, childReport, forkChild, killChild } from './children.ts';
import { inheritedEnv } from '../user-env.ts';

const CHILD = fileURLToPath(new URL('./index-child.ts', import.meta.url));

/** What the search index's process reports: the pages it indexed, or why it failed. */
export type IndexReport = { pageCount: number; error?: undefined } | { error: string };

export interface IndexRun {
  /** Resolves with the number of pages indexed; rejects with the reason when indexing failed. */
  done: Promise<{ pageCount: number }>;
  /** The child process's id. */
  pid: number | undefined;
  /** Stops the indexing, Pagefind's process included. */
  cancel(): void;
}

/**
 * Indexes the site in `siteDir` with Pagefind (`writeSearchIndex`, pagefind.ts) in a child
 * process (`index-child.ts`), in a process group of its own (children.ts).
 */
export function startSearchIndex(siteDir: string): IndexRun {
  const child = forkChild(CHILD, [siteDir], { stdio: 'inherit', env: inheritedEnv() });
  const done = childReport<IndexReport>(child, (why, report) =>
    new Error(report?.error ?? `搜索索引进程意外退出（${why}）`),
  ).then((report) => {
    if (report.error !== undefined) throw new Error(report.error);
    return { pageCount: report.pageCount };
  });
  return { done: awaitedLater(done), pid: child.pid, cancel: () => killChild(child) };
}
