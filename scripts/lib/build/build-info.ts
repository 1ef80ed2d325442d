import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sourceDateEpoch, type Env } from '../user-env.ts';

/**
 * The handbook's version and the date of its data, for the data page and citations. Both must
 * be the same for two builds of the same content (tests/site/deterministic.test.ts), so the date
 * is never the clock's:
 * 1. `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention);
 * 2. else the date of the last git commit that touched the content folder;
 * 3. else the newest modification time of a file in the content folder (a copy without git).
 * Dates are YYYY-MM-DD; '' when there is nothing to date.
 */
export interface BuildInfo {
  /** handbook.config.ts `version`, else package.json's. */
  version: string;
  /** When the content last changed (see above). */
  dataDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (time: Date) => `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;

function gitDate(contentDir: string): string | undefined {
  const result = spawnSync('git', ['log', '-1', '--format=%cs', '--', '.'], { cwd: contentDir, encoding: 'utf8', timeout: 10_000 });
  const date = result.status === 0 ? result.stdout.trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

function newestFile(dir: string, depth = 0): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < 8) newest = Math.max(newest, newestFile(absolute, depth + 1));
    else if (entry.isFile()) newest = Math.max(newest, statSync(absolute).mtimeMs);
  }
  return newest;
}

/** The date of the data (see BuildInfo). */
export function dataDate(contentDir: string, env?: Env): string {
  const epoch = sourceDateEpoch(env);
  if (epoch !== undefined) return new Date(epoch * 1000).toISOString().slice(0, 10);
  const fromGit = gitDate(contentDir);
  if (fromGit) return fromGit;
  try {
    const newest = newestFile(contentDir);
    return newest > 0 ? localDate(new Date(newest)) : '';
  } catch {
    return '';
  }
}

/** The version and data date of a handbook. */
export function buildInfo(root: string, contentDir: string, configVersion: string | undefined, env?: Record<string, string | undefined>): BuildInfo {
  let version = configVersion ?? '';
  if (!version) {
    try {
      version = String((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '');
    } catch {
      version = '';
    }
  }
  return { version, dataDate: dataDate(contentDir, env) };
}
