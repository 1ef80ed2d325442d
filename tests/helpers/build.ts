import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './fixtures.ts';

/**
 * Builds a site with `scripts/build.ts` into a fresh temporary folder and returns it.
 * `env` adds environment variables to the build (`{ YISHI_BASE: '/handbook/' }`).
 */
export async function buildSite(options: { content?: string; env?: Record<string, string> } = {}): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'yishi-site-')), 'dist');
  const args = [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out];
  if (options.content) args.push('--content', options.content);
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: PROJECT_ROOT, env: { ...process.env, ...options.env } });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

/** Every HTML file of a built site, as paths relative to it. */
export async function htmlFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(site, path.join(e.parentPath, e.name)))
    .sort();
}

export function readPage(site: string, urlPath: string): Promise<string> {
  return readFile(path.join(site, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
}
