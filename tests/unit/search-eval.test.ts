import { describe, expect, test } from 'vitest';
import { formatReport, isExpected, parseQuestionSet, summarize, type EvalAnswer } from '../../scripts/lib/search-eval.ts';

describe('the search evaluation (npm run eval:search)', () => {
  test('reads both forms of a question set: a list with expected pages or none, and the development set’s queries and nothingRelevant', () => {
    expect(
      parseQuestionSet([
        { question: '停车难', expected: ['jingchong-road-parking', '/cases/x/'] },
        { question: '小区绿化', expected: 'none' },
        { query: '六步', expect: '/methods/six-step-procedure/' },
        { question: '驾照', expected: null },
      ]),
    ).toEqual([
      { question: '停车难', expected: ['jingchong-road-parking', '/cases/x/'] },
      { question: '小区绿化', expected: [] },
      { question: '六步', expected: ['/methods/six-step-procedure/'] },
      { question: '驾照', expected: [] },
    ]);
    expect(parseQuestionSet({ queries: [{ query: 'a', expect: '/a/' }], nothingRelevant: ['b'] })).toEqual([
      { question: 'a', expected: ['/a/'] },
      { question: 'b', expected: [] },
    ]);
    expect(() => parseQuestionSet({ nothing: [] })).toThrow();
  });

  test('an expected page matches by path or by id (the last part of the path, or the fragment)', () => {
    expect(isExpected('/cases/jingchong-road-parking/', ['jingchong-road-parking'])).toBe(true);
    expect(isExpected('/cases/jingchong-road-parking/', ['/cases/jingchong-road-parking/'])).toBe(true);
    expect(isExpected('/terms/#liangwei', ['liangwei'])).toBe(true);
    expect(isExpected('/cases/other/', ['jingchong-road-parking'])).toBe(false);
  });

  test('counts hits in the top five, false “nothing” and honest “nothing”, and lists the misses', () => {
    const answer = (question: string, expected: string[], grade: EvalAnswer['grade'], top: string[]): EvalAnswer => ({ question, expected, grade, top, near: [], units: [], coverage: [], tried: [] });
    const report = summarize([
      answer('a', ['x'], 'confident', ['/cases/y/', '/cases/x/']),
      answer('b', ['x'], 'partial', ['/cases/x/']),
      answer('c', ['x'], 'nothing', []),
      answer('d', [], 'nothing', []),
      answer('e', [], 'partial', ['/cases/x/']),
      answer('f', [], 'confident', ['/cases/x/']),
    ]);
    expect(report).toMatchObject({ answerable: 3, hits: 2, falseNothing: 1, unanswerable: 3, honestNothing: 1, partialOnUnanswerable: 1, confidentOnUnanswerable: 1 });
    const text = formatReport(report, 'dev');
    expect(text).toContain('hits in the top five:   2/3');
    expect(text).toContain('false “nothing”:        1/3');
    expect(text).toContain('honest “nothing”:       1/3');
    expect(text).toContain('miss: “c”');
    expect(text).not.toContain('miss: “a”');
  });
});
