// A lock file that lets one build at a time use an output folder (and a shared Astro cache): a
// second `npm run build` waits for the first instead of both breaking. The file holds the
// holder's pid; a lock whose holder no longer runs (a build killed with SIGKILL, a power cut)
// is stale and taken over, after stopping any of its child processes still running.
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a lock file records. */
export interface Holder {
  pid: number;
  /** When the build started (ISO). */
  started: string;
  /** Its child processes (the check, Astro), stopped if the build itself died. */
  children: number[];
}

export interface Lock {
  /** Records the holder's child processes in the lock file. */
  setChildren(pids: number[]): Promise<void>;
  /** Removes the lock file if it is still this process's (synchronous: safe on exit). */
  release(): void;
}

/** How often a waiting build looks at the lock again. */
const POLL_MS = 250;
/** A takeover guard older than this was left by a process that died while taking over. */
const GUARD_STALE_MS = 10_000;

/** How long a build waits for the children of a killed build to be gone. */
const STOP_WAIT_MS = 10_000;

/**
 * Whether a process runs (one we may not signal still runs). A zombie (killed, not yet reaped:
 * in a container whose first process reaps nothing it may stay one) does not.
 */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // Gone meanwhile, on Linux; elsewhere there is no /proc and the signal's answer stands.
    return !existsSync('/proc/self');
  }
  return !/^\d+ \(.*\) [ZX]/s.test(stat);
}

const BUILD_CHILD = /(astro-child|check-child|index-child)\.ts/;

/** Whether a running process is one of the build's own children (Linux: its command line names our scripts). */
function isBuildChild(pid: number): boolean {
  try {
    return BUILD_CHILD.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The running build children (any build's) whose command line names `text`: Astro's and the
 * index's name the working folder they write to. A build killed outright between starting a
 * child and recording it in its lock leaves that child unrecorded; this finds it.
 */
export function buildChildrenNaming(text: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (BUILD_CHILD.test(cmdline) && cmdline.includes(text) && isRunning(Number(entry))) found.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

/**
 * Stops build children left by a build killed outright (with whatever they started: each leads
 * its own process group), and waits until they are gone: one that still runs for a moment would
 * write again into the folders the next build is about to clear.
 */
export async function stopBuildChildren(pids: readonly number[]): Promise<void> {
  const mine = pids.filter((pid) => isRunning(pid) && isBuildChild(pid));
  for (const pid of mine) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ended meanwhile
      }
    }
  }
  const deadline = Date.now() + STOP_WAIT_MS;
  while (mine.some(isRunning) && Date.now() < deadline) await sleep(20);
}

function parse(text: string | undefined): Holder | undefined {
  if (!text) return undefined;
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) ? { ...holder, children: Array.isArray(holder.children) ? holder.children : [] } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `content` to `file` only if `file` does not exist, whole or not at all. */
async function createWith(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

/**
 * Removes a stale lock, if it is still the one seen (`seen`, its text): under a short-lived
 * guard, so that two builds taking over the same stale lock never remove each other's new one.
 */
async function removeStale(file: string, seen: string): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await createWith(guard, String(process.pid)))) {
    const age = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > GUARD_STALE_MS) await unlink(guard).catch(() => {});
    return;
  }
  try {
    const now = await readFile(file, 'utf8').catch(() => undefined);
    if (now !== seen) return;
    const holder = parse(now);
    // Children of a build killed outright may still be writing: stop them first.
    await stopBuildChildren(holder?.children ?? []);
    await unlink(file).catch(() => {});
  } finally {
    await unlink(guard).catch(() => {});
  }
}

/**
 * Takes the lock `file`, waiting while another running build holds it (`onWait` is told once,
 * with the holder). A lock left by a build that no longer runs is taken over.
 */
export async function acquireLock(file: string, onWait: (holder: Holder | undefined) => void): Promise<Lock> {
  const mine: Holder = { pid: process.pid, started: new Date().toISOString(), children: [] };
  let told = false;
  for (;;) {
    if (await createWith(file, JSON.stringify(mine))) break;
    const seen = await readFile(file, 'utf8').catch(() => undefined);
    if (seen === undefined) continue; // released meanwhile
    const holder = parse(seen);
    if (holder && !isRunning(holder.pid)) {
      await removeStale(file, seen);
      continue;
    }
    if (!holder) {
      // Unreadable: written by something else, or damaged. Stale once old enough.
      const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > GUARD_STALE_MS) {
        await removeStale(file, seen);
        continue;
      }
    }
    if (!told) {
      told = true;
      onWait(holder);
    }
    await sleep(POLL_MS);
  }
  let released = false;
  return {
    async setChildren(pids) {
      mine.children = pids;
      // Replaced whole (a build waiting reads the old or the new, never half).
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(mine));
      await rename(temporary, file);
    },
    release() {
      if (released) return;
      released = true;
      try {
        if (parse(readFileSync(file, 'utf8'))?.pid === process.pid) unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}
