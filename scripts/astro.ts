// Runs the Astro CLI with telemetry off: a handbook on an intranet must not call out to anyone.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { inheritedEnv } from './lib/user-env.ts';

const cli = path.resolve(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: inheritedEnv({ ASTRO_TELEMETRY_DISABLED: '1' }),
});
process.exit(result.status ?? 1);
