// The pieces that let `npm run build` survive interruption and company (scripts/lib/build/):
// the lock a second build waits on, and the clearing of what an interrupted build left. The
// builds themselves, killed and run together, are tested in tests/slow/interrupt.test.ts.
import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { acquireLock, isRunning, type Holder } from '../../scripts/lib/build/lock.ts';
import { clearLeftovers, lockFileOf, workFolders } from '../../scripts/lib/build/leftovers.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the build lock', () => {
  test('a second taker waits, told who holds the lock, until the first releases it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-lock-'));
    const file = path.join(dir, '.dist.build.lock');
    const first = await acquireLock(file, () => {
      throw new Error('the first taker does not wait');
    });
    await first.setChildren([12345]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, children: [12345] });
    const told: (Holder | undefined)[] = [];
    let acquired = false;
    const second = acquireLock(file, (holder) => told.push(holder)).then((lock) => {
      acquired = true;
      return lock;
    });
    // It is waiting: told once, and not acquired while the first holds the lock.
    while (told.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(told).toEqual([expect.objectContaining({ pid: process.pid })]);
    expect(acquired).toBe(false);
    first.release();
    (await second).release();
    expect(acquired).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  test('a lock whose holder no longer runs is taken over at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-lock-'));
    const file = path.join(dir, '.dist.build.lock');
    await writeFile(file, JSON.stringify({ pid: deadPid(), started: '2026-01-01T00:00:00Z', children: [] }));
    const lock = await acquireLock(file, () => {
      throw new Error('a stale lock is not waited for');
    });
    expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('what an interrupted build left', () => {
  async function project() {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-leftovers-'));
    const out = path.join(dir, 'dist');
    const dead = workFolders(out, deadPid());
    // With the `-search` copy that builds before the in-memory index wrote beside the site.
    for (const folder of [dead.site, `${dead.site}-search`, dead.cache]) await mkdir(path.join(folder, 'cases'), { recursive: true });
    return { dir, out };
  }

  test('working folders of a build killed outright are removed; the output folder is left alone', async () => {
    const { dir, out } = await project();
    await mkdir(out);
    await writeFile(path.join(out, 'index.html'), 'site');
    await mkdir(path.join(dir, 'dist.old-4242'));
    expect((await clearLeftovers(out)).length).toBeGreaterThan(0);
    expect((await readdir(dir)).sort()).toEqual(['dist']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('site');
    expect(lockFileOf(out)).toBe(path.join(dir, '.dist.build.lock'));
  });

  test('a child of a build killed outright, never recorded in its lock, is stopped before its working folder is cleared', async () => {
    // A build killed between starting Astro's child and recording it in its lock (CI saw this:
    // the child wrote `.dist.build-<pid>-cache` again after the next build had cleared it).
    const { dir, out } = await project();
    const cache = workFolders(out, deadPid()).cache;
    const orphan = fork(path.join(PROJECT_ROOT, 'tests/fixtures/orphan/astro-child.ts'), [cache], { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    try {
      await new Promise((resolve) => orphan.once('message', resolve));
      orphan.disconnect(); // as its build is gone; it goes on writing all the same
      await clearLeftovers(out);
      expect(isRunning(orphan.pid!)).toBe(false);
      await sleep(100); // twenty of its writes, had it gone on
      expect(await readdir(dir)).toEqual([]);
    } finally {
      orphan.kill('SIGKILL');
    }
  });

  test('a build killed between the two renames of its swap: the previous site is put back', async () => {
    const { dir, out } = await project();
    await mkdir(path.join(dir, 'dist.old-4242'));
    await writeFile(path.join(dir, 'dist.old-4242', 'index.html'), 'previous site');
    const done = await clearLeftovers(out);
    expect(done.join('\n')).toContain('已恢复原来的 dist/');
    expect((await readdir(dir)).sort()).toEqual(['dist']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
  });
});
