import { spawn } from 'node:child_process';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** A content folder other than the bundled one. */
  content?: string;
  /** Environment variables added to the build (`{ YISHI_BASE: '/handbook/' }`). */
  env?: Record<string, string>;
}

export interface RunBuildOptions extends BuildOptions {
  /** Where the site goes. Default: `<a new temporary folder>/dist`. */
  out?: string;
  /** Replaces the inherited environment (before `env` is added). */
  baseEnv?: NodeJS.ProcessEnv;
  /** The run's build log: one line is added for this build. */
  log?: string;
  /** Who asked for the build, for the log (a test file). */
  by?: string;
}

/** One line of the build log. */
export interface BuildLogLine {
  kind: 'build' | 'use';
  /** A use of a shared scenario site (`sharedSite()`), not of the default site. */
  shared?: boolean;
  /** The test file (relative to the project), or `global-setup`. */
  by: string;
  /** The site's folder. */
  site: string;
  /** For a build: its content folder and environment, when not the default's. */
  content?: string;
  env?: Record<string, string>;
}

export const isDefaultBuild = (line: BuildLogLine) => line.kind === 'build' && !line.content && Object.keys(line.env ?? {}).length === 0;

/**
 * Runs `scripts/build.ts` and returns the site's folder. Free of vitest, so the global setup
 * (in vitest's main process) uses it too.
 */
export async function runBuild(options: RunBuildOptions = {}): Promise<string> {
  const out = options.out ?? path.join(await mkdtemp(path.join(tmpdir(), 'yishi-site-')), 'dist');
  const args = [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out];
  if (options.content) args.push('--content', options.content);
  const env = { ...(options.baseEnv ?? process.env), ...options.env };
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const status = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (options.log) {
    const line: BuildLogLine = { kind: 'build', by: options.by ?? '?', site: out, content: options.content, env: options.env };
    await appendFile(options.log, `${JSON.stringify(line)}\n`);
  }
  if (status !== 0) throw new Error(`build failed:\n${stdout}\n${stderr}`);
  return out;
}
