// `npm run build` survives being interrupted and being run twice at once (scripts/build.ts,
// scripts/lib/build/lock.ts, leftovers.ts, interrupt.ts): killed with SIGINT, SIGTERM or SIGKILL
// in its check, render or index phase, it leaves the output folder byte for byte as it was, and
// the next build succeeds without any cleanup by hand; two builds started together both end
// with a clear outcome and a whole output folder. Each test spawns builds of a generated
// handbook of 120 cases, large enough that every phase lasts a while.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const BUILD = path.join(PROJECT_ROOT, 'scripts/build.ts');
const CASES = 120;

/** The build's ▸ line that starts each phase. */
const PHASES = {
  check: '▸ 检查内容…',
  render: '▸ 生成页面…',
  index: '▸ 建立搜索索引…',
} as const;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const;

let work: string;
let content: string;
let out: string;
/** The digest of a complete build of the corpus (builds are deterministic). */
let built: string;

/** A digest of every file's path and bytes under a folder. */
async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const file of entries.map((e) => path.join(e.parentPath, e.name)).sort()) {
    hash.update(path.relative(dir, file)).update('\0').update(await readFile(file));
  }
  return hash.digest('hex');
}

function build() {
  return spawnSync(process.execPath, [BUILD, '--content', content, '--out', out], { encoding: 'utf8', cwd: PROJECT_ROOT });
}

interface Ended {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts a build, sends `signal` the moment it prints `line`, and waits for it to end. */
function buildInterrupted(line: string, signal: (typeof SIGNALS)[number]): Promise<Ended> {
  return new Promise((resolve, reject) => {
    // Its own process group, as a build in a terminal: Ctrl-C (SIGINT) goes to the whole group.
    const child = spawn(process.execPath, [BUILD, '--content', content, '--out', out], { cwd: PROJECT_ROOT, detached: true });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!sent && stdout.split('\n').includes(line)) {
        sent = true;
        process.kill(signal === 'SIGINT' ? -child.pid! : child.pid!, signal);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, endSignal) => resolve({ pid: child.pid!, code, signal: endSignal, stdout, stderr }));
  });
}

/** What is beside the output folder besides the content and the site. */
async function leftovers(): Promise<string[]> {
  return (await readdir(work)).filter((name) => name !== 'content' && name !== 'dist').sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'yishi-interrupt-'));
  ({ contentDir: content } = await writeCorpus(work, CASES, path.join(PROJECT_ROOT, 'content')));
  out = path.join(work, 'dist');
  const first = build();
  expect(first.status, first.stderr).toBe(0);
  built = await digest(out);
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe('a build interrupted in any phase, by any signal', () => {
  const cases = SIGNALS.flatMap((signal) => (Object.keys(PHASES) as (keyof typeof PHASES)[]).map((phase) => ({ signal, phase })));

  test.each(cases)('$signal in the $phase phase: the output folder is untouched, and the next build succeeds', async ({ signal, phase }) => {
    const ended = await buildInterrupted(PHASES[phase], signal);
    // It was stopped in that phase: the phase's line is the last it printed, and it wrote no site.
    const steps = ended.stdout.split('\n').filter((line) => line.startsWith('▸'));
    expect(steps.at(-1), ended.stdout).toBe(PHASES[phase]);
    expect(ended.stdout).not.toContain('网站已写入');
    if (signal === 'SIGKILL') expect(ended.signal).toBe('SIGKILL');
    else {
      expect(ended.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(ended.stderr).toContain('构建已中断');
      expect(ended.stderr).not.toMatch(/构建失败|Error|^\s+at /m);
    }
    expect(await digest(out)).toBe(built);

    // The next build clears what was left (after SIGKILL: the working folders and the lock).
    const next = build();
    expect(next.status, `${next.stdout}\n${next.stderr}`).toBe(0);
    expect(await digest(out)).toBe(built);
    expect(await leftovers()).toEqual([]);
    expect(existsSync(path.join(PROJECT_ROOT, 'node_modules', `.yishi-build-${ended.pid}`))).toBe(false);
  });
});

/** The processes descending from `root`, with their command names (from /proc). */
async function descendants(root: number): Promise<{ pid: number; name: string }[]> {
  const table: { pid: number; ppid: number; name: string }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const match = /^\d+ \((.*)\) \S (\d+)/.exec(stat);
    if (match) table.push({ pid: Number(entry), ppid: Number(match[2]), name: match[1]! });
  }
  const found: { pid: number; name: string }[] = [];
  for (let parents = new Set([root]); parents.size > 0; ) {
    const children = table.filter((p) => parents.has(p.ppid));
    found.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return found;
}

describe('the Pagefind process ending under the index', () => {
  test('killed while the pages are being indexed: the build says so in one line, exits with 1, and leaves the output folder as it was', async () => {
    const child = spawn(process.execPath, [BUILD, '--content', content, '--out', out], { cwd: PROJECT_ROOT });
    let stdout = '';
    let stderr = '';
    let killed: Promise<void> | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // As soon as Pagefind's process (a child of the build's index process) runs: kill it.
      killed ??= stdout.includes(PHASES.index)
        ? (async () => {
            for (;;) {
              const pagefind = (await descendants(child.pid!)).find((p) => p.name.startsWith('pagefind'));
              if (pagefind) return void process.kill(pagefind.pid, 'SIGKILL');
              await sleep(5);
            }
          })()
        : undefined;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await killed;
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    expect(stderr).toContain('构建失败：Pagefind 的进程在建立索引时意外结束');
    expect(stderr).toContain('保持原样');
    // No stack trace, neither the build's nor Pagefind's client's.
    expect(stderr).not.toMatch(/^\s+at |Error|Service stopped/m);
    expect(await digest(out)).toBe(built);
    expect(await leftovers()).toEqual([]);
    const next = build();
    expect(next.status, `${next.stdout}\n${next.stderr}`).toBe(0);
    expect(await digest(out)).toBe(built);
  });
});

describe('two builds at once', () => {
  test('started together, one waits for the other: both succeed, saying so, and the output folder is whole', async () => {
    const start = () =>
      new Promise<Ended>((resolve) => {
        const child = spawn(process.execPath, [BUILD, '--content', content, '--out', out], { cwd: PROJECT_ROOT });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('close', (code, signal) => resolve({ pid: child.pid!, code, signal, stdout, stderr }));
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    for (const run of [a, b]) expect(run.stdout).toContain('✓ 网站已写入');
    // One of them waited, and said for whom.
    const waited = [a, b].filter((run) => /另一个构建（进程 \d+）正在写入 .*，等它结束后再开始…/.test(run.stdout));
    expect(waited).toHaveLength(1);
    expect(waited[0]!.stdout).toContain(`进程 ${(waited[0] === a ? b : a).pid}`);
    expect(await digest(out)).toBe(built);
    expect(await leftovers()).toEqual([]);
  });
});

/** The environment without what vitest adds (NODE_ENV=test, VITEST…, BASE_URL, MODE…). */
function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(VITEST.*|NODE_ENV|TEST|MODE|BASE_URL|PROD|DEV|SSR)$/.test(key)));
}

describe('npm run dev beside a build', () => {
  test('a build while the dev server runs succeeds, whole, and the dev server keeps serving the same pages', async () => {
    const dev = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts/astro.ts'), 'dev', '--port', '0', '--host', '127.0.0.1'], {
      cwd: PROJECT_ROOT,
      // As an author starts it, on the project's own content: without the test runner's variables
      // (NODE_ENV=test serves nothing).
      env: withoutTestRunner(process.env),
      detached: true,
    });
    let output = '';
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        const seen = (chunk: string) => {
          output += chunk;
          const url = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
          if (url) resolve(`http://127.0.0.1:${url[1]}`);
        };
        dev.stdout!.setEncoding('utf8').on('data', seen);
        dev.stderr!.setEncoding('utf8').on('data', seen);
        dev.on('exit', (code) => reject(new Error(`dev server ended (${code}):\n${output}`)));
      });
      const id = (await readdir(path.join(PROJECT_ROOT, 'content/cases'))).find((name) => name.endsWith('.mdx') && !name.startsWith('_'))!.replace(/\.mdx$/, '');
      const page = async () => {
        const response = await fetch(`${origin}/cases/${id}/`);
        return { status: response.status, title: /<h1[^>]*>([^<]*)</.exec(await response.text())?.[1] };
      };
      // Ready once it has synced the content and optimised its dependencies: until then, 404s.
      let before = await page();
      for (let tries = 0; before.status !== 200 && tries < 240; tries++) {
        await sleep(500);
        before = await page();
      }
      expect(before.status, output).toBe(200);
      expect(before.title).toBeTruthy();

      // The same content the dev server shows (an author builds what they preview), twice: the
      // second build beside the dev server gives the same bytes as the first.
      const own = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-own-')), 'dist');
      const buildOwn = () => spawnSync(process.execPath, [BUILD, '--out', own], { encoding: 'utf8', cwd: PROJECT_ROOT });
      const first = buildOwn();
      expect(first.status, `${first.stdout}\n${first.stderr}`).toBe(0);
      const reference = await digest(own);
      expect(await page()).toEqual(before);
      const result = buildOwn();
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(await digest(own)).toBe(reference);
      expect(await leftovers()).toEqual([]);
      expect(dev.exitCode, output).toBeNull();
      expect(await page()).toEqual(before);
      await rm(path.dirname(own), { recursive: true, force: true });
    } finally {
      if (dev.exitCode === null) process.kill(-dev.pid!, 'SIGTERM');
    }
  });
});
