// `npm test`: every test. The tests need system tools (scripts/lib/system-tools.ts: Chromium, CJK fonts, Java,
// poppler, zbar); this installs them when it can (root on Debian) and otherwise stops and says how. It never skips them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { installCommand, missingPackages, SYSTEM_TOOLS } from './lib/system-tools.ts';
import { inheritedEnv } from './lib/user-env.ts';

// The system tools of SYSTEM_TOOLS (Chromium, CJK fonts, Java, poppler, zbar): installed here when
// this is root on Debian, else the run stops at once and says what to install.
// `--no-install`: check the system tools and stop if one is missing, as for a user who is not root.
const noInstall = process.argv.includes('--no-install');
const vitestArgs = process.argv.slice(2).filter((arg) => arg !== '--no-install');
const missing = missingPackages();
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0 && !noInstall;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`测试需要以下系统软件包，本机没有：${missing.join('、')}。`);
    console.error(`The tests need these system packages, which this machine lacks:`);
    for (const tool of SYSTEM_TOOLS.filter((t) => missing.includes(t.package))) console.error(`  ${tool.package}: ${tool.why}`);
    console.error('On Debian or Ubuntu, run:');
    console.error(`  ${installCommand(missing)}`);
    console.error('then run `npm test` again.');
    process.exit(1);
  }
  console.log(`▸ Installing ${missing.join(', ')} with apt-get (needed by the tests)…`);
  const env = inheritedEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  // Another apt-get (an update running in the background) may hold dpkg's lock: wait for it.
  const apt = (...args: string[]) => execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env });
  try {
    apt('update', '-qq');
    apt('install', '-y', '-qq', ...missing);
  } catch {
    console.error(`apt-get 没能安装 ${missing.join('、')}（见上面的输出）。apt-get could not install ${missing.join(', ')}: see its output above, then run \`${installCommand(missing)}\` and \`npm test\` again.`);
    process.exit(1);
  }
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`apt-get 安装后仍缺少：${still.join('、')}。Still missing after apt-get: ${still.join(', ')}.`);
    process.exit(1);
  }
}

const root = path.resolve(import.meta.dirname, '..');
// astro:content's types are generated into .astro/ (not committed): make them first.
console.log('▸ Generating content types (astro sync)…');
const sync = spawnSync(process.execPath, [path.join(root, 'scripts/astro.ts'), 'sync'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
if (sync.status !== 0) process.exit(1);
console.log('▸ Type-checking (tsc, strict)…');
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('Type errors: fix them before the tests run.');
  process.exit(1);
}

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...vitestArgs], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
