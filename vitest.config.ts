import { defineConfig } from 'vitest/config';

// Three projects, all run by `npm test`. The unit and slow tests run first; meanwhile the site
// project's global setup builds the default site once, in the background, for every site test.
// The clock stands at 2026-06-30 in unit and slow tests, so that “a date in the future” stays the same.
const FIXED_TODAY = ['tests/helpers/fixed-today.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: FIXED_TODAY,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Tests that take long on their own: 10,000 similar cases, corpus generation, hostile input
        // through child processes.
        test: {
          name: 'slow',
          include: ['tests/slow/**/*.test.ts'],
          setupFiles: FIXED_TODAY,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/helpers/default-site.ts'],
          // Builds share Astro's generated types folder: one file at a time.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // After the unit and slow tests, by when the default site has been built.
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          // Tests that start several builds each (killed builds, concurrent builds). After the
          // others (groupOrder): builds of one project wait for each other (scripts/build.ts).
          name: 'slow',
          include: ['tests/slow/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
