/**
 * The one module that reads the environment (a test walks scripts/ and src/ for `process.env`).
 * The variables a user may set are listed in the README, “Environment variables”; the others
 * here are conventions of the tools around us (npm's INIT_CWD, SOURCE_DATE_EPOCH). Our own
 * processes hand settings to each other as options, never through the environment.
 */
export const USER_ENV = {
  /** Overrides `base` of handbook.config.ts, e.g. `/handbook/`. */
  base: 'YISHI_BASE',
  /** Overrides `site` of handbook.config.ts, e.g. `https://xieshang.example.gov.cn`. */
  site: 'YISHI_SITE',
  /** Above this many cases the print edition puts its cases in volumes (0: always). */
  printSplit: 'YISHI_PRINT_SPLIT',
  /** Other volumes whose search indexes the search page merges (docs/scale.md), e.g. `/2024/,/2025/`. */
  searchVolumes: 'YISHI_SEARCH_VOLUMES',
} as const;

export type Env = Record<string, string | undefined>;

/** Only the user's overrides of an environment (what the build hands its own processes). */
export function userEnv(env: Env = process.env): Env {
  return Object.fromEntries(Object.values(USER_ENV).flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));
}

/** This process's whole environment (PATH, HOME…) with `extra` on top: what a child process we start sees. */
export function inheritedEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Sets a variable for this process and the children it starts (a tool that only reads its settings there). */
export function setProcessEnv(name: string, value: string): void {
  process.env[name] = value;
}

/** `SOURCE_DATE_EPOCH` (the reproducible-builds convention), when set to a number of seconds. */
export function sourceDateEpoch(env: Env = process.env): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
}

/** The folder the user typed the command in: npm runs scripts from the project folder and says where in INIT_CWD. */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** The Chromium the PDF, screenshots and tests drive: `CHROMIUM_PATH`, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
