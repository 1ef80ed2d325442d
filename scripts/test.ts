// `npm test`: every test. Browser tests need Debian's Chromium, CJK fonts, Java and poppler; this installs
// them when it can (root on Debian) and otherwise stops and says how. It never skips them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH } from '../tests/helpers/chromium.ts';

function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function hasJava(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// Chromium drives the browser tests, CJK fonts let it draw Chinese, Java runs the HTML checker,
// poppler's pdftotext reads the PDF back.
const missing = [
  ...(existsSync(CHROMIUM_PATH) ? [] : ['chromium']),
  ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ...(hasJava() ? [] : ['default-jre-headless']),
  ...(has('pdftotext') ? [] : ['poppler-utils']),
];
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`测试需要 ${missing.join(' 和 ')}，本机没有。`);
    console.error(`The tests need ${missing.join(' and ')}. On Debian or Ubuntu, run:`);
    console.error(`  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    console.error('then run `npm test` again.');
    process.exit(1);
  }
  console.log(`▸ Installing ${missing.join(', ')} with apt-get (needed by the browser tests)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
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
const result = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
