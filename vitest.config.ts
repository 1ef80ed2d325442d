import { defineConfig } from 'vitest/config';

// Three projects, all run by `npm test`: unit first, while the site project's global setup builds
// the default site once, in the background, for every site test; then site; then slow.
// The clock stands at 2098-06-30 in unit and slow tests, so that “a date in the future” stays the same.
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
        // Tests that take long: 10,000 similar cases, corpus generation, hostile input through
        // child processes, builds killed in each phase, builds side by side. After the site tests:
        // builds of one project wait for each other (scripts/build.ts), and the site tests' own
        // builds should not wait behind these.
        test: {
          name: 'slow',
          include: ['tests/slow/**/*.test.ts'],
          setupFiles: FIXED_TODAY,
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
