import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { analyzeQuery, asksWhatItIs, needsTraditionalConversion, normalizeQuery, toSimplified } from '../../src/search/query.ts';
import { TRADITIONAL_ONLY } from '../../src/search/traditional.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const kinds = (q: string, options = {}) => analyzeQuery(q, options).map((t) => `${t.text}:${t.kind}`);

describe('analyzeQuery: the words of a query, language-level', () => {
  test('function words (question words, pronouns, particles) are set apart; every other word is searched, generic ones too', () => {
    const tokens = analyzeQuery('小区停车位不够怎么协商');
    expect(tokens.filter((t) => t.kind === 'function').map((t) => t.text)).toEqual(['怎么']);
    expect(tokens.filter((t) => t.kind === 'content').map((t) => t.text)).toEqual(['小区', '停车位', '不够', '协商']);
    // Generic and complaint words are no list's business: the index weighs them (engine.ts).
    for (const word of ['附近', '问题', '解决', '没有']) expect(kinds(word)).toEqual([`${word}:content`]);
    for (const word of ['老是', '太', '什么']) expect(kinds(word)).toEqual([`${word}:function`]);
  });

  test('a word made only of function characters is a function word (是啥 = 是 + 啥), and definition questions are recognised', () => {
    expect(analyzeQuery('界别是啥').find((t) => t.text === '是啥')?.kind).toBe('function');
    expect(analyzeQuery('停车都是问题').find((t) => t.text === '都是')?.kind).toBe('function');
    for (const q of ['两委是什么意思', '什么叫界别', '回头看指什么', '界别的含义', '界别是啥']) expect(asksWhatItIs(q), q).toBe(true);
    for (const q of ['停车难', '界别协商的例子', '加装电梯怎么分摊']) expect(asksWhatItIs(q), q).toBe(false);
  });

  test('question frames of three or more characters are cut out whole before segmenting', () => {
    expect(analyzeQuery('两委是什么意思').filter((t) => t.kind === 'content').map((t) => t.text).join('')).toBe('两委');
    expect(analyzeQuery('两委是什么意思').filter((t) => t.kind === 'function').map((t) => t.text)).toEqual(['是什么意思']);
    expect(analyzeQuery('切口小是什么意思', { keep: ['切口小'] }).filter((t) => t.kind === 'content').map((t) => t.text)).toEqual(['切口小']);
  });

  test('full-width letters, digits and signs are folded, and formulas stay whole', () => {
    expect(normalizeQuery('１＋７＋Ｘ  是什么')).toBe('1+7+X 是什么');
    expect(analyzeQuery('1＋7＋Ｘ是什么意思').filter((t) => t.kind === 'content').map((t) => t.text)).toEqual(['1+7+X']);
  });

  test('phrases passed in `keep` stay whole even when they hold function words', () => {
    expect(analyzeQuery('有事来协商是什么').filter((t) => t.kind === 'content').map((t) => t.text)).not.toContain('有事来协商');
    const kept = analyzeQuery('有事来协商是什么', { keep: ['有事来协商'] });
    expect(kept.filter((t) => t.kind === 'content').map((t) => t.text)).toEqual(['有事来协商']);
    expect(kept.find((t) => t.text === '有事来协商')?.whole).toBe(true);
  });

  test('a function character after a lone character ends that word instead of being set apart', () => {
    expect(analyzeQuery('联合督办怎么做').filter((t) => t.kind === 'content').map((t) => t.text).join('')).toContain('督办');
    // …but never one that does not end words (是, 很): 是 stays a function word.
    expect(kinds('车是')).toContain('是:function');
  });

  test('without Intl.Segmenter the word lists still find the words', () => {
    const tokens = analyzeQuery('协商纪要怎么写', { segmenter: 'lexicon', keep: ['协商纪要'] });
    expect(tokens.filter((t) => t.kind === 'function').map((t) => t.text)).toEqual(['怎么']);
    expect(analyzeQuery('停车位不够怎么办', { segmenter: 'lexicon' }).map((t) => `${t.text}:${t.kind}`)).toEqual(['停车位不够:content', '怎么办:function']);
    expect(analyzeQuery('两委是什么意思', { segmenter: 'lexicon' }).filter((t) => t.kind === 'content').map((t) => t.text)).toEqual(['两委']);
  });
});

describe('Traditional characters', () => {
  test('Traditional queries are recognised', () => {
    for (const q of ['請你來協商', '五進基層', '社區協商議事室怎麼建', '議事會', '長三角物流中心']) {
      expect(needsTraditionalConversion(q), q).toBe(true);
    }
  });

  test('no Simplified text of the handbook would load the converter', async () => {
    const dir = path.join(PROJECT_ROOT, 'content');
    const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(mdx|yaml)$/.test(f));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      const found = [...text].filter((c) => needsTraditionalConversion(c));
      expect(found, file).toEqual([]);
    }
    for (const q of ['小区停车位不够怎么协商', '著名', '干部', '只有', '后来', '里面', '面对面协商']) {
      expect(needsTraditionalConversion(q), q).toBe(false);
    }
  });

  test('every character of the built-in set is one OpenCC converts', () => {
    const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const unchanged = [...TRADITIONAL_ONLY].filter((c) => convert(c) === c);
    expect(unchanged).toEqual([]);
  });

  test('conversion gives the handbook’s Simplified wording', async () => {
    expect(await toSimplified('請你來協商')).toBe('请你来协商');
    expect(await toSimplified('社區協商議事會怎麼組成')).toBe('社区协商议事会怎么组成');
    // Characters only: 資料 stays 资料 (Taiwan phrase tables would make it 数据).
    expect(await toSimplified('資料未載明')).toBe('资料未载明');
  });
});
