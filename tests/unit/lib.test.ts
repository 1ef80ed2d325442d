import { describe, expect, test } from 'vitest';
import { checkPartialDate } from '../../src/schemas/dates.ts';
import { parseFormula } from '../../src/schemas/formula.ts';
import { proposeId } from '../../scripts/lib/pinyin-id.ts';
import { statedStepCount } from '../../src/schemas/step-count.ts';
import { sortByPinyin } from '../../src/site/pinyin-sort.ts';
import { scanBody } from '../../scripts/lib/check/body.ts';

describe('helpers the rules rest on', () => {
  test('formulas read a multi-digit number digit by digit', () => {
    expect(parseFormula('1246+X')).toEqual([1, 2, 4, 6, 'X']);
    expect(parseFormula('1+7+X')).toEqual([1, 7, 'X']);
    expect(parseFormula('6+X+N')).toEqual([6, 'X', 'N']);
    expect(parseFormula('1＋1＋N')).toEqual([1, 1, 'N']);
    expect(parseFormula('1+七')).toBeUndefined();
  });

  test('step counts are read from Chinese and English titles', () => {
    expect(statedStepCount('协商“八步工作法”')).toBe(8);
    expect(statedStepCount('社区“六步议事程序”')).toBe(6);
    expect(statedStepCount('十二步法')).toBe(12);
    expect(statedStepCount('A 4-step method')).toBe(4);
    expect(statedStepCount('议题遴选')).toBeUndefined();
  });

  test('partial dates are checked strictly, at the precision given', () => {
    expect(checkPartialDate('2023-02-29', '2026-01-01').ok).toBe(false);
    expect(checkPartialDate('2024-02-29', '2026-01-01')).toEqual({ ok: true, value: '2024-02-29' });
    expect(checkPartialDate('2023-13', '2026-01-01').ok).toBe(false);
    expect(checkPartialDate('2026', '2026-01-01').ok).toBe(true);
    expect(checkPartialDate('2026-02', '2026-01-15').ok).toBe(false);
  });

  test('pinyin ids are ASCII kebab-case', () => {
    expect(proposeId('回头看')).toBe('hui-tou-kan');
    expect(proposeId('1+7+X 模式')).toBe('1-7-x-mo-shi');
    expect(proposeId('绿色')).toBe('lv-se');
  });

  test('the glossary sorts by pinyin, not by code point', () => {
    expect(sortByPinyin(['议事会', '回头看', '界别', '两委'], (s) => s)).toEqual(['回头看', '界别', '两委', '议事会']);
  });

  test('citations inside code are examples, not citations', () => {
    const body = 'text <Cite source="a" />\n\n```mdx\n<Cite source="b" />\n```\n\nand `<Cite source="c" />`\n\n<Cite source="d" />';
    const { citations, problems } = scanBody(body, 10, 'x.mdx');
    expect(problems).toEqual([]);
    expect(citations).toEqual([{ source: 'a', line: 10 }, { source: 'd', line: 18 }]);
  });

  test('MDX syntax errors are reported at the file line, in Chinese', () => {
    const { problems } = scanBody('第一行\n\n这里有 {没闭合', 7, 'x.mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 9, field: '正文' });
    expect(problems[0]!.message).toContain('全角“｛｝”');
  });
});
