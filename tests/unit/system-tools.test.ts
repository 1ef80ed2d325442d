// `npm test` on a machine without a system tool the tests need: it installs it as root on Debian,
// and otherwise stops at once naming the package and the command; a test that calls a missing
// tool names it instead of failing on its empty output.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasCommand, requireCommand, SYSTEM_TOOLS } from '../../scripts/lib/system-tools.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

describe('the system tools the tests need', () => {
  test('one list names every package, zbar-tools for the QR codes included; .ci/run keeps none of its own and runs npm test', async () => {
    expect(SYSTEM_TOOLS.map((t) => t.package)).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-cjk', 'default-jre-headless', 'poppler-utils', 'zbar-tools']));
    const ci = await readFile(path.join(PROJECT_ROOT, '.ci/run'), 'utf8');
    expect(ci).not.toMatch(/apt-get install/);
    expect(ci).toMatch(/^npm test$/m);
  });

  test('a missing command is named with its package and the command that installs it', () => {
    expect(() => requireCommand('zbarimg-not-here')).toThrow(/zbarimg-not-here 未安装[\s\S]*apt-get install -y zbarimg-not-here/);
    expect(hasCommand('sh')).toBe(true);
  });

  test('npm test as a non-root user on a machine without zbarimg stops at once, naming zbar-tools and the apt-get command', async () => {
    // A PATH with every tool but zbarimg; run as nobody when the tests run as root.
    const bin = await mkdtemp(path.join(tmpdir(), 'yishi-path-'));
    for (const tool of ['sh', 'fc-list', 'java', 'pdftotext', 'pdfinfo', 'pdftoppm']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) await symlink(found, path.join(bin, tool));
    }
    // As root (CI), --no-install takes the path of a user who is not root: the clone may not be
    // readable by another user, and root would install the package instead.
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/test.ts'), ...(process.getuid?.() === 0 ? ['--no-install'] : [])], {
      encoding: 'utf8',
      cwd: PROJECT_ROOT,
      env: { PATH: bin, HOME: tmpdir() },
      timeout: 60_000,
    });
    await rm(bin, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('zbar-tools');
    expect(run.stderr).toMatch(/apt-get install -y[^\n]*zbar-tools/);
    // It stopped before anything else: no type check, no vitest.
    expect(run.stdout).not.toContain('Type-checking');
  });
});
