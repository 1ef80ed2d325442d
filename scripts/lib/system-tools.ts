/**
 * The system tools the tests (and `npm run pdf`) need beyond npm packages: one list, read by
 * `npm test` (scripts/test.ts), which installs what is missing with apt-get when it can (root on
 * Debian) and otherwise stops naming the command, and by the tests themselves, which say which
 * package is missing instead of failing on a tool's empty output. `.ci/run` calls `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.ts';

export interface SystemTool {
  /** The Debian package that brings it. */
  package: string;
  /** What it is needed for. */
  why: string;
  /** Whether this machine has it. */
  present(): boolean;
}

/** Whether a command is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

export const SYSTEM_TOOLS: readonly SystemTool[] = [
  { package: 'chromium', why: 'the browser tests, the PDF and the screenshots (Debian’s Chromium, never a downloaded one)', present: () => existsSync(CHROMIUM_PATH) },
  { package: 'fonts-noto-cjk', why: 'Chinese text in Chromium’s pages, screenshots and PDFs', present: hasCjkFont },
  { package: 'default-jre-headless', why: 'the Nu HTML checker (vnu.jar)', present: () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 },
  { package: 'poppler-utils', why: 'reading PDFs back (pdftotext, pdfinfo, pdftoppm)', present: () => ['pdftotext', 'pdfinfo', 'pdftoppm'].every(hasCommand) },
  { package: 'zbar-tools', why: 'decoding the QR codes of pages and PDFs (zbarimg)', present: () => hasCommand('zbarimg') },
];

/** The commands a test may call, with the package that brings each. */
const COMMAND_PACKAGES: Readonly<Record<string, string>> = {
  zbarimg: 'zbar-tools',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  java: 'default-jre-headless',
};

/** The packages of SYSTEM_TOOLS this machine lacks. */
export function missingPackages(): string[] {
  return SYSTEM_TOOLS.filter((tool) => !tool.present()).map((tool) => tool.package);
}

/** The command that installs packages on Debian or Ubuntu. */
export const installCommand = (packages: readonly string[]) => `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;

/** Throws, naming the package and how to install it, when a command a test needs is missing. */
export function requireCommand(command: string): void {
  if (hasCommand(command)) return;
  const pkg = COMMAND_PACKAGES[command] ?? command;
  throw new Error(`${command} 未安装（Debian 软件包 ${pkg}）。${command} is missing: run \`${installCommand([pkg])}\`, or \`npm test\`, which installs it when run as root.`);
}
