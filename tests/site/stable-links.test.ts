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
  test('the four consultations folded into their practice page redirect to its sections, and the manifest keeps their URLs', async () => {
    const manifest = JSON.parse(await readFile(path.join(project, 'links.manifest.json'), 'utf8')) as { urls: string[] };
    const practice = await readFile(path.join(project, 'dist/cases/community-four-six/index.html'), 'utf8');
    const folded = {
      'sanitation-workers': '环卫工人的不便',
      'zhongshan-street-school-traffic': '中山街上学放学时的拥堵',
      'jingchong-road-parking': '泾崇路没有停车位',
      'zhongshan-street-toilet': '中山街缺少公厕',
    };
    for (const [old, section] of Object.entries(folded)) {
      const redirect = await readFile(path.join(project, `dist/cases/${old}/index.html`), 'utf8');
      expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=/cases/community-four-six/#${encodeURIComponent(section)}"`);
      expect(practice).toContain(`id="${section}"`);
      expect(manifest.urls).toContain(`/cases/${old}/`);
    }
  });

  test('removing a case without an alias fails the build, naming its URL, and leaves dist/ as it was', async () => {
    const before = await readFile(path.join(project, 'dist/cases/huzhou-logistics-hub-2019/index.html'), 'utf8');
    await rm(path.join(project, 'content/cases/huzhou-logistics-hub-2019.mdx'));
    const result = build(project);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/cases/huzhou-logistics-hub-2019/');
    expect(result.stderr).toContain('aliases');
    expect(await readFile(path.join(project, 'dist/cases/huzhou-logistics-hub-2019/index.html'), 'utf8')).toBe(before);
  });

  test('renaming it with the old id in aliases builds, and the old URL redirects to the new one', async () => {
    const source = await readFile(path.join(PROJECT_ROOT, 'content/cases/huzhou-logistics-hub-2019.mdx'), 'utf8');
    await writeFile(path.join(project, 'content/cases/huzhou-logistics-centre-2019.mdx'), source.replace(/^sources:/m, 'aliases: [huzhou-logistics-hub-2019]\nsources:'));
    const result = build(project);
    expect(result.status, result.stderr).toBe(0);
    const redirect = await readFile(path.join(project, 'dist/cases/huzhou-logistics-hub-2019/index.html'), 'utf8');
    expect(redirect).toMatch(/<meta http-equiv="refresh" content="0; url=\/cases\/huzhou-logistics-centre-2019\/"/);
    // The new URL is recorded, the old one stays (as a redirect).
    const manifest = JSON.parse(await readFile(path.join(project, 'links.manifest.json'), 'utf8')) as { urls: string[] };
    expect(manifest.urls).toContain('/cases/huzhou-logistics-centre-2019/');
    expect(manifest.urls).toContain('/cases/huzhou-logistics-hub-2019/');
  });

  test('renaming the heading a folded page redirects to fails the check, naming the alias', async () => {
    const file = path.join(project, 'content/cases/community-four-six.mdx');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('### 泾崇路没有停车位', '### 泾崇路停车'));
    const result = build(project);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('alias.no-section');
    expect(result.stderr).toContain('jingchong-road-parking#泾崇路没有停车位');
    await writeFile(file, text);
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
