// @ts-check
// The whole config lives in scripts/lib/astro/config.ts, which `npm run build` uses directly;
// here it gets the defaults and the user's environment overrides (README, “Environment variables”).
import { fileURLToPath } from 'node:url';
import { handbookConfig } from './scripts/lib/astro/config.ts';

export default await handbookConfig({ root: fileURLToPath(new URL('.', import.meta.url)), env: process.env });
