/**
 * The environment variables a user may set (listed in the README, “Environment variables”).
 * Nothing else in the project reads settings from the environment: our own processes hand
 * settings to each other as options.
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
export function userEnv(env: Env): Env {
  return Object.fromEntries(Object.values(USER_ENV).flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));
}
