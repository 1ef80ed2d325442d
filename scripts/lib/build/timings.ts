// Optional phase timings of `npm run build -- --timings`, read by `npm run bench`.
// Astro's own phases come from its internal timer (ASTRO_TIMER_PATH); phases inside the site's
// code (similar cases) are recorded by src/site/timings.ts in Astro's process.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TIMINGS_STORE } from '../../../src/site/timings.ts';
import { setProcessEnv } from '../user-env.ts';

/** The machine-readable line starts with this. */
export const TIMINGS_PREFIX = 'YISHI_BUILD_TIMINGS ';

const STORE = TIMINGS_STORE;

/** What `recordTiming` has recorded in this process (to hand to a parent process). */
export function takeRecordedTimings(): Record<string, number> {
  return { ...(globalThis as { [STORE]?: Record<string, number> })[STORE] };
}

/** Adds timings recorded in a child process to this process's. */
export function addRecordedTimings(timings: Readonly<Record<string, number>> | undefined): void {
  const holder = globalThis as { [STORE]?: Record<string, number> };
  const store = (holder[STORE] ??= {});
  for (const [name, ms] of Object.entries(timings ?? {})) store[name] = (store[name] ?? 0) + ms;
}

/** Phases in milliseconds. */
export interface BuildTimings {
  /** The content check before the build. */
  check?: number;
  /** Astro as a whole: sync, bundle and render. */
  astro?: number;
  /** Astro's content layer sync (reading and parsing content into its store). */
  sync?: number;
  /** Vite/Rolldown bundling of the pages and the client scripts. */
  bundle?: number;
  /** Rendering every page to HTML. */
  render?: number;
  /** Similar cases (part of render). */
  similar?: number;
  /** The Pagefind index. */
  pagefind?: number;
  /** The build id in every page, the offline list and the service worker (scripts/lib/build/offline.ts). */
  offline?: number;
  /** The whole build script. */
  total?: number;
}

interface AstroTimerStats {
  [name: string]: { elapsedTime: number } | undefined;
}

export async function startTimings() {
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'yishi-timer-'));
  const timerFile = path.join(dir, 'astro-timer.json');
  setProcessEnv('ASTRO_TIMER_PATH', timerFile);
  const phases: BuildTimings = {};
  return {
    phase(name: 'check' | 'astro' | 'pagefind' | 'offline', since: number) {
      phases[name] = performance.now() - since;
    },
    /** A line for people and a line for `npm run bench` (TIMINGS_PREFIX + JSON). */
    async report(): Promise<string> {
      const astro = JSON.parse(await readFile(timerFile, 'utf8').catch(() => '{}')) as AstroTimerStats;
      await rm(dir, { recursive: true, force: true });
      const ms = (name: string) => astro[name]?.elapsedTime;
      const own = (globalThis as { [STORE]?: Record<string, number> })[STORE] ?? {};
      const bundle = (ms('Prerender build') ?? 0) + (ms('Client build') ?? 0) + (ms('SSR build') ?? 0);
      const result: BuildTimings = {
        ...phases,
        sync: ms('Sync content layer'),
        bundle: bundle || undefined,
        render: ms('Static generate'),
        similar: own.similar,
        total: performance.now() - started,
      };
      const s = (value: number | undefined) => (value === undefined ? '—' : `${(value / 1000).toFixed(1)} 秒`);
      const human = `⏱ 用时：检查 ${s(result.check)} · 内容同步 ${s(result.sync)} · 打包 ${s(result.bundle)} · 页面渲染 ${s(result.render)}（其中相似案例 ${s(result.similar)}）· 搜索索引 ${s(result.pagefind)} · 离线阅读 ${s(result.offline)} · 合计 ${s(result.total)}`;
      const rounded = Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined).map(([k, v]) => [k, Math.round(v as number)]));
      return `${human}\n${TIMINGS_PREFIX}${JSON.stringify(rounded)}`;
    },
  };
}
