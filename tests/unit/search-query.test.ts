import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import {
  analyzeQuery,
  needsTraditionalConversion,
  queryVariants,
  searchWithVariants,
  toSimplified,
} from '../../src/search/query.ts';
import { TRADITIONAL_ONLY } from '../../src/search/traditional.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

describe('query variants', () => {
  test('a whole question becomes the phrase without question words, then its key words', () => {
    expect(queryVariants('小区停车位不够怎么协商')).toEqual(['小区停车位不够协商', '停车位', '停车']);
  });

  test('a glossary question comes down to the term', () => {
    expect(queryVariants('两委是什么意思')).toEqual(['两委']);
    expect(queryVariants('什么是界别？')[0]).toBe('界别');
    expect(queryVariants('1＋7＋Ｘ是什么意思')[0]).toBe('1+7+X');
  });

  test('a query without question words is tried as typed first', () => {
    expect(queryVariants('六步议事程序')[0]).toBe('六步议事程序');
    expect(queryVariants('  泾崇路   停车 ')[0]).toBe('泾崇路 停车');
  });

  test('slogans and terms holding function words stay whole', () => {
    expect(queryVariants('不调研不协商')).toEqual(['不调研不协商']);
    expect(queryVariants('请你来协商是什么')[0]).toBe('请你来协商');
    expect(queryVariants('六有标准是什么')[0]).toBe('六有标准');
    expect(queryVariants('有事来协商')).toEqual(['有事来协商']);
  });

  test('function words are dropped only where they stand alone, never inside a word', () => {
    const [first] = queryVariants('协商纪要要报送给谁');
    expect(first).toContain('纪要');
    expect(first).not.toContain('谁');
    expect(queryVariants('联合督办怎么做')[0]).toBe('联合督办');
    expect(queryVariants('委员履职能力怎么提升')[0]).toBe('委员履职能力提升');
    expect(queryVariants('我们村想成立议事会应该怎么做')).toContain('议事会');
  });

  test('generic words go before topic words, and the handbook’s wording is tried', () => {
    expect(queryVariants('哪些事情不能协商')).toEqual(['事情不能协商', '不予', '不能']);
    const school = queryVariants('学校门口上下学堵车怎么办');
    expect(school[0]).toBe('学校门口上下学堵车');
    expect(school).toContain('学校门口上下学拥堵');
    expect(queryVariants('环卫工人工作生活不便怎么解决').slice(0, 3)).toEqual([
      '环卫工人工作生活不便解决',
      '环卫工人生活不便',
      '环卫工人',
    ]);
  });

  test('every variant is non-empty and distinct, at most `max`', () => {
    for (const q of ['小区停车位不够怎么协商', '学校门口接送孩子太堵了怎么办', '疫情期间怎么开展网络协商', '1+7+X 模式']) {
      const variants = queryVariants(q, { max: 4 });
      expect(variants.length).toBeGreaterThan(0);
      expect(variants.length).toBeLessThanOrEqual(4);
      expect(new Set(variants).size).toBe(variants.length);
      for (const v of variants) expect(v.trim()).toBe(v);
    }
    expect(queryVariants('')).toEqual([]);
    expect(queryVariants('   ')).toEqual([]);
    expect(queryVariants('怎么办')).toEqual(['怎么办']);
  });

  test('phrases passed in `keep` stay whole', () => {
    expect(queryVariants('我要履职是什么意思')[0]).toBe('履职');
    expect(queryVariants('我要履职是什么意思', { keep: ['我要履职'] })).toEqual(['我要履职']);
  });

  test('without Intl.Segmenter the word lists still find the key words', () => {
    expect(queryVariants('小区停车位不够怎么协商', { segmenter: 'lexicon' })).toContain('停车位');
    expect(queryVariants('两委是什么意思', { segmenter: 'lexicon' })).toEqual(['两委']);
    const tokens = analyzeQuery('协商纪要怎么写', { segmenter: 'lexicon' });
    expect(tokens.filter((t) => t.kind === 'stop').map((t) => t.text)).toEqual(['怎么']);
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

describe('searching with variants', () => {
  /** A stand-in search engine: finds the pages whose text holds the whole query. */
  const pages = { parking: '泾崇路没有停车位的问题', terms: '两委：社区“两委”班子', scope: '不予协商的七个方面' };
  const search = async (q: string) => Object.entries(pages).filter(([, text]) => text.includes(q)).map(([id]) => id);

  test('tries the variants in turn and stops at the first that finds something', async () => {
    const found = await searchWithVariants('小区停车位不够怎么协商', search);
    expect(found).toMatchObject({ converted: false, variant: '停车位', tried: ['小区停车位不够协商', '停车位'], results: ['parking'] });
    expect((await searchWithVariants('哪些事情不能协商', search)).results).toEqual(['scope']);
  });

  test('converts Traditional characters before searching', async () => {
    const found = await searchWithVariants('兩委是什麼意思', search);
    expect(found).toMatchObject({ query: '两委是什么意思', converted: true, variant: '两委', results: ['terms'] });
  });

  test('reports nothing found with every variant tried', async () => {
    const found = await searchWithVariants('垃圾分类怎么搞', search);
    expect(found.variant).toBeUndefined();
    expect(found.results).toEqual([]);
    expect(found.tried.length).toBeGreaterThan(0);
  });
});
