// Checks the files of a large handbook on several threads: each file's own checks (reading,
// YAML, schema, body) take 0.4 ms each and dominate `npm run check` at 10,000 cases.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pathKey } from './fast-yaml.ts';
import type { ContentFile } from './read.ts';
import type { SourceIndex } from './copy.ts';
import type { CheckedEntry } from './rules.ts';
import type { Problem } from './problem.ts';

export interface FileResult {
  entry?: CheckedEntry | undefined;
  problems: Problem[];
}

/** What every file's check needs besides the file: built once, handed to each thread. */
export interface CheckContext {
  /** The source texts, indexed for the copying rule. */
  sources: SourceIndex;
}

/** Below this many files, threads cost more to start (about 0.3 s each) than they save. */
export const PARALLEL_MIN_FILES = 1500;

/** An entry as it crosses threads: `lineOf` becomes a table of the lines of every path of its data. */
export interface SentEntry extends Omit<CheckedEntry, 'lineOf'> {
  lines: [string, number][];
}

/** Every path into the data (objects and arrays), the root included. */
function* pathsOf(value: unknown, prefix: (string | number)[] = []): Generator<(string | number)[]> {
  yield prefix;
  if (prefix.length >= 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...prefix, i]);
  else for (const [key, child] of Object.entries(value)) yield* pathsOf(child, [...prefix, key]);
}

/** The entry with the lines its data's paths are on, for another thread. */
export function sendEntry(entry: CheckedEntry): SentEntry {
  const { lineOf, ...rest } = entry;
  const lines: [string, number][] = [];
  for (const path of pathsOf(entry.fields)) lines.push([pathKey(path), lineOf(path)]);
  return { ...rest, lines };
}

/**
 * The entry back, with a `lineOf` that answers as the original did for every path of the data
 * (the rules across files ask only about those) and, for others, gives the line of the longest
 * known prefix, as the original gives the line of the deepest field present. An entry without
 * fields knows only its first line, the one thing the rules ask of it.
 */
export function receiveEntry(sent: SentEntry): CheckedEntry {
  const { lines, ...rest } = sent;
  const table = new Map(lines);
  return {
    ...rest,
    lineOf(path) {
      for (let length = path.length; length >= 0; length--) {
        const line = table.get(pathKey(path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return 1;
    },
  } as CheckedEntry;
}

/**
 * `fn` over `items`, at most `limit` at a time, results in order. Thousands of files read at
 * once only fill the memory: the checks run one after another on the thread anyway.
 */
export async function mapLimited<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = 32): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

/** How many threads to add to the main one for this many files. */
export function defaultWorkers(fileCount: number): number {
  if (fileCount < PARALLEL_MIN_FILES) return 0;
  return Math.min(3, availableParallelism() - 1, Math.floor(fileCount / 1000));
}

/** Checks files on a new worker thread. */
export function checkInWorker(files: ContentFile[], context: CheckContext): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { files, context } });
    let done = false;
    worker.once('message', (results: { entry?: SentEntry; problems: Problem[] }[]) => {
      done = true;
      resolve(results.map((r) => ({ problems: r.problems, entry: r.entry && receiveEntry(r.entry) })));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`check worker exited with ${code}`));
    });
  });
}

/**
 * `checkOne` over every file, in order. With `workers` > 0 the files are split into contiguous
 * shares, the first checked on this thread and the others each on a worker thread; a worker that
 * fails leaves its share to this thread, so the results never depend on threads being available.
 */
export async function checkAll(
  files: ContentFile[],
  checkOne: (file: ContentFile, context: CheckContext) => Promise<FileResult>,
  context: CheckContext,
  workers = defaultWorkers(files.length),
): Promise<FileResult[]> {
  const here = (share: ContentFile[]) => mapLimited(share, (file) => checkOne(file, context));
  if (workers <= 0 || files.length < 2) return here(files);
  const size = Math.ceil(files.length / (workers + 1));
  const shares: ContentFile[][] = [];
  for (let i = 0; i < files.length; i += size) shares.push(files.slice(i, i + size));
  const [mine = [], ...theirs] = shares;
  const results = await Promise.all([here(mine), ...theirs.map((share) => checkInWorker(share, context).catch(() => here(share)))]);
  return results.flat();
}
