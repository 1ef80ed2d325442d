import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

/**
 * How much two case pages may share: the share of the shorter body's distinct character
 * 8-grams that also occur in the other body. Above one half, a page is a copy of another
 * with a few words changed, and the shared account belongs on one page, linked from the rest.
 */
const GRAM = 8;
const MAX_SHARED = 0.5;

/**
 * A case body as the reader reads it: the frontmatter, components (`<Cite … />` and the
 * `<Unstated>`/`<Interpretation>` tags, not their text), link targets, code and Markdown
 * punctuation left out; then only Han characters, digits and Latin letters, which is what
 * the shared wording is made of.
 */
function bodyText(mdx: string): string {
  return mdx
    .replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/`[^`]*`/g, '')
    .replace(/[^\p{Script=Han}0-9A-Za-z]/gu, '');
}

function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= text.length; i++) out.add(text.slice(i, i + GRAM));
  return out;
}

/** Shared 8-grams as a share of the shorter body's (0 when either body is too short to have any). */
function sharedShare(a: string, b: string): number {
  const [small, large] = [grams(a), grams(b)].sort((x, y) => x.size - y.size);
  if (small!.size === 0) return 0;
  let shared = 0;
  for (const g of small!) if (large!.has(g)) shared++;
  return shared / small!.size;
}

async function caseBodies(): Promise<Map<string, string>> {
  const dir = path.join(PROJECT_ROOT, 'content/cases');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort();
  const bodies = new Map<string, string>();
  for (const file of files) bodies.set(file.replace(/\.mdx$/, ''), bodyText(await readFile(path.join(dir, file), 'utf8')));
  return bodies;
}

describe('case pages are not copies of one another', () => {
  test('the measure: two bodies that differ in a clause share more than half; two different accounts do not', () => {
    const template = (issue: string) =>
      `---\ntitle: 示例\n---\n\n## 背景\n\nxx县xx社区在推进政协协商向基层延伸的工作会上介绍了本社区的做法。讲话在介绍议事程序的一节末尾列出协商过的问题，其中之一是${issue}。<Cite source="speech" />\n\n## 程序与参与者\n\n<Interpretation>讲话对议事会和议事程序的描述是一般性的：协商前由议事会固定成员实地调研，会上各方当面讨论。</Interpretation>\n\n<Unstated>这次协商具体有哪些人参加，讲话没有记载。</Unstated>\n`;
    const parking = bodyText(template('泾崇路没有停车位'));
    const toilet = bodyText(template('中山街没有公共厕所'));
    expect(sharedShare(parking, toilet)).toBeGreaterThan(MAX_SHARED);

    const own = bodyText('讲话列举社区协商的问题时，第三项是泾崇路上没有停车位。<Cite source="speech" />\n\n<Unstated>停车难影响到谁，讲话没有说明。</Unstated>');
    const other = bodyText('在讲话所列的协商议题里，排在最后的是中山街上没有公共厕所。[另一议题](/cases/x/)\n\n<Interpretation>本页归入公共设施维护。</Interpretation>');
    expect(sharedShare(own, other)).toBeLessThanOrEqual(MAX_SHARED);

    // Markup is not text: the same sentence with and without components and links reads the same.
    expect(bodyText('甲乙<Cite source="a" />[丙](/x/)')).toBe('甲乙丙');
  });

  test(`no two case bodies share more than ${MAX_SHARED * 100}% of the shorter one's ${GRAM}-grams`, async () => {
    const bodies = await caseBodies();
    expect(bodies.size).toBeGreaterThanOrEqual(11);
    const ids = [...bodies.keys()];
    const tooClose: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const share = sharedShare(bodies.get(ids[i]!)!, bodies.get(ids[j]!)!);
        if (share > MAX_SHARED) tooClose.push(`${ids[i]} ~ ${ids[j]}: ${(share * 100).toFixed(0)}%`);
      }
    }
    expect(tooClose).toEqual([]);
  });
});
