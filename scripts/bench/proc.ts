// Runs a command and measures it: wall time, and peak memory of its whole process tree (the
// build starts Pagefind's binary as a child), sampled from /proc.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inheritedEnv } from '../lib/user-env.ts';

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Highest sum of the resident memory of the process and its descendants, in bytes (sampled). */
  peakTreeRss: number;
  /** Highest resident memory of any one process of the tree, in bytes (sampled). */
  peakProcessRss: number;
  /** The same, exact, from GNU time (its %M: the largest maxRSS in the tree), when available. */
  maxRss?: number;
  /** Highest resident memory (sampled) of each kind of process: build, check, astro, pagefind … */
  peakByProcess: Record<string, number>;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each line of output as it comes (stdout and stderr). */
  onLine?: (line: string) => void;
  /** Sampling interval for memory (default 200 ms). */
  sampleMs?: number;
}

const PAGE = 4096;

/** Parent pid and resident bytes of every process, from /proc. */
async function processTable(): Promise<Map<number, { ppid: number; rss: number }>> {
  const table = new Map<number, { ppid: number; rss: number; pid: number }>();
  const names = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(names.filter((n) => /^\d+$/.test(n)).map(async (name) => {
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    if (!stat) return;
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const rss = Number(fields[21]) * PAGE;
    table.set(Number(name), { ppid, rss, pid: Number(name) });
  }));
  return table;
}

/** What kind of process of the build this is, from its command line. */
async function processKind(pid: number): Promise<string> {
  const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
  const text = cmdline.join(' ');
  if (/pagefind/.test(path.basename(cmdline[0] ?? ''))) return 'pagefind';
  // npm sets its title to its whole command line, one string.
  if (/^npm\b/.test(text)) return 'npm';
  for (const [pattern, kind] of [[/astro-child/, 'astro'], [/check-child|scripts\/check\.ts/, 'check'], [/index-child/, 'index'], [/scripts\/build\.ts/, 'build'], [/astro\.js|astro\.mjs/, 'astro']] as const) {
    if (pattern.test(text)) return kind;
  }
  return path.basename(cmdline[0] ?? 'unknown');
}

async function treeRss(root: number, byKind?: Record<string, number>): Promise<{ sum: number; max: number }> {
  const table = await processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  let sum = 0;
  let max = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const rss = table.get(pid)?.rss ?? 0;
    sum += rss;
    max = Math.max(max, rss);
    if (byKind && rss > 0) {
      const kind = await processKind(pid);
      byKind[kind] = Math.max(byKind[kind] ?? 0, rss);
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { sum, max };
}

export function canSampleProc(): boolean {
  return existsSync('/proc/self/stat');
}

const GNU_TIME = '/usr/bin/time';

export async function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Measured> {
  const timeDir = existsSync(GNU_TIME) ? await mkdtemp(path.join(tmpdir(), 'yishi-time-')) : undefined;
  const timeFile = timeDir && path.join(timeDir, 'maxrss');
  const measured = await runSampled(timeFile ? GNU_TIME : command, timeFile ? ['-f', '%M', '-o', timeFile, command, ...args] : args, options);
  if (timeDir && timeFile) {
    const kb = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').at(-1));
    if (Number.isFinite(kb) && kb > 0) measured.maxRss = kb * 1024;
    await rm(timeDir, { recursive: true, force: true });
  }
  return measured;
}

function runSampled(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? inheritedEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakTreeRss = 0;
  let peakProcessRss = 0;
  const peakByProcess: Record<string, number> = {};
  const lines = (append: (text: string) => void) => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      append(text);
      if (!options.onLine) return;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) options.onLine(line);
    };
  };
  child.stdout.on('data', lines((t) => (stdout += t)));
  child.stderr.on('data', lines((t) => (stderr += t)));
  let sampling = false;
  const timer = canSampleProc() && child.pid !== undefined
    ? setInterval(async () => {
      if (sampling) return;
      sampling = true;
      const { sum, max } = await treeRss(child.pid!, peakByProcess);
      peakTreeRss = Math.max(peakTreeRss, sum);
      peakProcessRss = Math.max(peakProcessRss, max);
      sampling = false;
    }, options.sampleMs ?? 200)
    : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      if (timer) clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started, peakTreeRss, peakProcessRss, peakByProcess });
    });
  });
}
