/**
 * Time spent in the site's own render-time work (similar cases), added up per build and read
 * by the build script's timings (scripts/lib/build/timings.ts) through this global store.
 */
export const TIMINGS_STORE = Symbol.for('yishi.build.timings');

/** Adds `ms` to a named phase of this process's build. */
export function recordTiming(name: string, ms: number): void {
  const holder = globalThis as { [TIMINGS_STORE]?: Record<string, number> };
  const store = (holder[TIMINGS_STORE] ??= {});
  store[name] = (store[name] ?? 0) + ms;
}
