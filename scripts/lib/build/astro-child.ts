// Runs Astro's build in a process of its own (see `startAstroBuild`): when it ends, all its memory
// goes back to the system before Pagefind, a second large process, starts indexing.
// Argument: AstroBuildOptions (astro-process.ts), as JSON. Reports to the parent over IPC.
import module from 'node:module';
import type { AstroBuildOptions } from './astro-process.ts';
import { exitWithParent, report } from './parent.ts';
import { takeRecordedTimings } from './timings.ts';

// Compiled modules cached on disk (the system's temporary folder): Astro starts faster from the second build on.
module.enableCompileCache?.();
// The build that started this process is gone (killed outright): stop writing its site.
exitWithParent();
const { build } = await import('astro');
const { handbookConfig } = await import('../astro/config.ts');

interface Report {
  ok: boolean;
  message?: string;
  timings?: Record<string, number>;
}

try {
  const { handbook, ...astro } = JSON.parse(process.argv[2] ?? '{}') as AstroBuildOptions;
  // The whole config comes from the options: astro.config.mjs is not read, nor the environment.
  await build({ ...(await handbookConfig({ ...handbook, ...(astro.cacheDir && { cacheDir: astro.cacheDir }) })), ...astro, configFile: false });
  await report<Report>({ ok: true, timings: takeRecordedTimings() });
  process.exit(0);
} catch (error) {
  await report<Report>({ ok: false, message: (error as Error)?.message ?? String(error) });
  process.exit(1);
}
