// The build's children run in a process group of their own (scripts/lib/build/children.ts), so
// that Ctrl-C in a terminal, which goes to the foreground process group, reaches the build alone
// and the build stops them itself: a child that got the signal too could end first, and the build
// would report a failure instead of an interruption (tests/slow/interrupt.test.ts, end to end).
// Stopping a child stops what it started too (Pagefind's own process, under the index child).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { awaitedLater, childReport, forkChild, killChild } from '../../scripts/lib/build/children.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const CHILD = path.join(PROJECT_ROOT, 'tests/fixtures/children/child.ts');
const FAILING = path.join(PROJECT_ROOT, 'tests/fixtures/children/fail.ts');
const pgrpOf = (pid: number | 'self') => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
const running = (pid: number) => {
  try {
    return !/^[^)]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

test('a build child leads a process group of its own, and stopping it stops what it started', async () => {
  const child = forkChild(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const { pgrp, grandchild } = await new Promise<{ pgrp: number; grandchild: number }>((resolve) => child.once('message', resolve as never));
  expect(pgrp).toBe(child.pid);
  expect(pgrp).not.toBe(pgrpOf('self'));
  expect(pgrpOf(grandchild)).toBe(child.pid);

  killChild(child);
  expect(await exited).toBe('SIGKILL');
  // Its own child is killed with it (and reaped by init a moment later): this waits for that,
  // and times out if it goes on running.
  while (running(grandchild)) await sleep(20);
});

test('a child that ends before the build awaits it fails the build when awaited, not as an unhandled rejection', async () => {
  // As a child caught by a Ctrl-C while it was being forked, while the build was still busy with
  // its lock: an unhandled rejection would end the build with 1 and a stack trace, not 130.
  const child = forkChild(FAILING, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const done = awaitedLater(childReport(child, (why) => new Error(`ended (${why})`)));
  await new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 50)); // where an unhandled rejection would surface
  await expect(done).rejects.toThrow('ended (退出码 3)');
});
