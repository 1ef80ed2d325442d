import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

let project: string;

/** A copy of the project (sharing node_modules) whose content and manifest a test may change. */
async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yishi-project-'));
  for (const entry of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'handbook.config.ts', 'tsconfig.json', 'package.json', 'links.manifest.json']) {
    await cp(path.join(PROJECT_ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function build(root: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--root', root], { encoding: 'utf8', cwd: root });
}

beforeAll(async () => {
  project = await copyProject();
  const first = build(project);
  expect(first.status, first.stderr).toBe(0);
});

describe('published links never disappear silently', () => {
  test('removing a case without an alias fails the build, naming its URL, and leaves dist/ as it was', async () => {
    const before = await readFile(path.join(project, 'dist/cases/jingchong-road-parking/index.html'), 'utf8');
    await rm(path.join(project, 'content/cases/jingchong-road-parking.mdx'));
    const result = build(project);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/cases/jingchong-road-parking/');
    expect(result.stderr).toContain('aliases');
    expect(await readFile(path.join(project, 'dist/cases/jingchong-road-parking/index.html'), 'utf8')).toBe(before);
  });

  test('renaming it with the old id in aliases builds, and the old URL redirects to the new one', async () => {
    const source = await readFile(path.join(PROJECT_ROOT, 'content/cases/jingchong-road-parking.mdx'), 'utf8');
    await writeFile(path.join(project, 'content/cases/jingchong-road-no-parking.mdx'), source.replace(/^sources:/m, 'aliases: [jingchong-road-parking]\nsources:'));
    const result = build(project);
    expect(result.status, result.stderr).toBe(0);
    const redirect = await readFile(path.join(project, 'dist/cases/jingchong-road-parking/index.html'), 'utf8');
    expect(redirect).toMatch(/<meta http-equiv="refresh" content="0; url=\/cases\/jingchong-road-no-parking\/"/);
    // The new URL is recorded, the old one stays (as a redirect).
    const manifest = JSON.parse(await readFile(path.join(project, 'links.manifest.json'), 'utf8')) as { urls: string[] };
    expect(manifest.urls).toContain('/cases/jingchong-road-no-parking/');
    expect(manifest.urls).toContain('/cases/jingchong-road-parking/');
  });

  test('dropping a step of a method fails the build, naming the step anchor', async () => {
    const file = path.join(project, 'content/methods/six-step-procedure.mdx');
    const text = await readFile(file, 'utf8');
    // Retitle and drop the last step, so only the manifest can notice.
    const lines = text.split('\n');
    const lastStep = lines.map((l, i) => (/^  - title:/.test(l) ? i : -1)).filter((i) => i >= 0).pop()!;
    const end = lines.findIndex((l, i) => i > lastStep && !/^    /.test(l));
    lines.splice(lastStep, end - lastStep);
    await writeFile(file, lines.join('\n').replace(/“六步议事程序”/g, '“议事程序”').replace(/六步/g, '多步'));
    const result = build(project);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/methods/six-step-procedure/#step-6');
  });
});
