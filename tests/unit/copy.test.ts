import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copiedRuns, indexSources } from '../../scripts/lib/check/copy.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers/fixtures.ts';

async function sourceTexts(): Promise<string[]> {
  const dir = path.join(FIXTURES, 'source-texts');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
  expect(files).toHaveLength(4);
  return Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
}

describe('content is written in our own words', () => {
  test('the detector finds a copied run, through Traditional characters and spacing, but not inside quotes', async () => {
    const index = indexSources(await sourceTexts());
    // A sentence of source 003, re-spaced and re-punctuated.
    const copied = '社区党委副书记 担任协商议事会主席并主持协商议事会议，通过民主推荐、党委确认等程序';
    expect(copiedRuns(copied, index).length).toBe(1);
    // Source 000 is in Traditional characters; the same words in Simplified still match.
    const fromTraditional = '开展小微协商，是推进政协协商与基层协商融合互促的有力抓手；开展小微协商，是发挥政协制度优势';
    expect(copiedRuns(fromTraditional, index).length).toBe(1);
    expect(copiedRuns(`讲话原话是“${copied}”。`, index)).toEqual([]);
    expect(copiedRuns('社区党委副书记主持议事会，成员经民主推荐产生。', index)).toEqual([]);
  });

  test('no content file shares a run of 25 or more characters with a source', async () => {
    const index = indexSources(await sourceTexts());
    const contentDir = path.join(PROJECT_ROOT, 'content');
    const files = (await readdir(contentDir, { recursive: true })).filter((f) => /\.(mdx|ya?ml)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const copied: Record<string, string[]> = {};
    for (const file of files) {
      const runs = copiedRuns(await readFile(path.join(contentDir, file), 'utf8'), index);
      if (runs.length) copied[file] = runs;
    }
    expect(copied).toEqual({});
  });
});
