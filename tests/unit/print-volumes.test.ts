import { describe, expect, test } from 'vitest';
import { printSplitFrom } from '../../scripts/lib/astro/config.ts';
import { PRINT_SPLIT_DEFAULT, printVolumes } from '../../src/site/print.ts';

const entry = (id: string, date: string | null) => ({ id, data: { date } });

describe('printVolumes: the print edition of a large handbook', () => {
  const cases = [entry('a', '2023-05'), entry('b', '2021'), entry('c', null), entry('d', '2023-01-02'), entry('e', '2019-12')];

  test('a handbook within the limit prints every case on /print/', () => {
    expect(printVolumes(cases, 5)).toBeUndefined();
  });

  test('above it, one volume a year, newest first, cases of unknown date last', () => {
    const volumes = printVolumes(cases, 4)!;
    expect(volumes.map((v) => v.key)).toEqual(['2023', '2021', '2019', 'undated']);
    expect(volumes[0]!.cases.map((c) => c.id)).toEqual(['a', 'd']);
    expect(volumes.at(-1)!.year).toBeUndefined();
    expect(volumes.flatMap((v) => v.cases).length).toBe(cases.length);
  });

  test('the limit: 300 cases unless YISHI_PRINT_SPLIT says otherwise', () => {
    expect(PRINT_SPLIT_DEFAULT).toBe(300);
    expect(printSplitFrom(undefined)).toBe(300);
    expect(printSplitFrom('0')).toBe(0);
    expect(printSplitFrom('1200')).toBe(1200);
    expect(printSplitFrom('many')).toBe(300);
  });
});
