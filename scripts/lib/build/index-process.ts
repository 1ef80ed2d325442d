import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { awaitedLater, childReport, forkChild, killChild } from './children.ts';
import { inheritedEnv } from '../user-env.ts';

const CHILD = fileURLToPath(new URL('./index-child.ts', import.meta.url));

/** The build's message to the index's process: the site is complete, index it. */
export const INDEX_NOW = 'index';

/** What the search index's process reports: the pages it indexed, or why it failed. */
export type IndexReport = { pageCount: number; error?: undefined } | { error: string };

export interface IndexRun {
  /** Says that the site is complete: Pagefind starts. */
  index(): void;
  /** Resolves with the number of pages indexed; rejects with the reason when indexing failed. */
  done: Promise<{ pageCount: number }>;
  /** The child process's id. */
  pid: number | undefined;
  /** Stops the indexing, Pagefind's process included. */
  cancel(): void;
}

/**
 * Indexes the site in `siteDir` with Pagefind (`writeSearchIndex`, pagefind.ts) in a child
 * process (`index-child.ts`), in a process group of its own (children.ts). Started while Astro
 * is still writing the site, the child makes the pages' search copies as they appear; Pagefind
 * starts at `index()`, once the site is complete.
 */
export function startSearchIndex(siteDir: string): IndexRun {
  const child = forkChild(CHILD, [siteDir], { stdio: 'inherit', env: inheritedEnv() });
  const done = childReport<IndexReport>(child, (why, report) =>
    new Error(report?.error ?? `搜索索引进程意外退出（${why}）`),
  ).then((report) => {
    if (report.error !== undefined) throw new Error(report.error);
    return { pageCount: report.pageCount };
  });
  return {
    index: () => child.connected && child.send(INDEX_NOW),
    done: awaitedLater(done),
    pid: child.pid,
    cancel: () => killChild(child),
  };
}

/**
 * Resolves once `siteDir` holds a page (an `.html` file: Astro has started rendering), or once
 * `until` (Astro's build) has settled, whichever comes first. Looks twice a second.
 */
export async function firstPage(siteDir: string, until: Promise<unknown>): Promise<void> {
  let settled = false;
  until.then(() => (settled = true), () => (settled = true));
  while (!settled) {
    const files = await readdir(siteDir, { recursive: true }).catch(() => [] as string[]);
    if (files.some((file) => file.endsWith('.html'))) return;
    await sleep(500);
  }
}
