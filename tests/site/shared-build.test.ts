// The default site is built once per run, by the site project's global setup, and every site test
// file reads that one folder (the global setup checks the files after this one at the end of the run).
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, test } from 'vitest';
import { buildSite, defaultSite } from '../helpers/build.ts';
import { isDefaultBuild, type BuildLogLine } from '../helpers/run-build.ts';

const logLines = async () =>
  (await readFile(inject('buildLog'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as BuildLogLine);

describe('the default site', () => {
  test('is built once, by the global setup, into the folder every test file reads', async () => {
    const site = await defaultSite();
    expect(site).toBe(inject('defaultSite'));
    const lines = await logLines();
    expect(lines.filter(isDefaultBuild)).toEqual([{ kind: 'build', by: 'global-setup', site }]);
    // A scenario site shared by several files (sharedSite()) logs its own uses, marked shared.
    const uses = lines.filter((line) => line.kind === 'use' && !('shared' in line && line.shared));
    expect(uses.map((line) => line.by)).toContain('tests/site/shared-build.test.ts');
    expect(new Set(uses.map((line) => line.site))).toEqual(new Set([site]));
  });

  test('is never built again by a test: buildSite() builds scenarios only', async () => {
    await expect(buildSite({})).rejects.toThrow(/defaultSite\(\)/);
    await expect(buildSite({ env: {} })).rejects.toThrow(/defaultSite\(\)/);
  });
});
