import { describe, expect, test } from 'vitest';
import { isMasked } from '../../src/schemas/completeness.ts';
import { computeSimilar, knownPlace, shortTitle, type SimilarInput } from '../../src/site/similar.ts';

const methodTitles = {
  'six-step-procedure': '社区协商议事“六步议事程序”',
  'eight-step-method': '协商“八步工作法”',
  'topic-selection': '协商议题的征集、筛选与审定',
};
const modelTitles = { 'council-1-7-x': '协商议事会“1+7+X”人员构成' };

function makeCase(id: string, fields: Partial<SimilarInput>): SimilarInput {
  return {
    id,
    title: `${id}的协商`,
    summary: '',
    body: '',
    kind: 'consultation',
    level: 'community',
    topics: [],
    forms: ['council'],
    methods: [],
    models: [],
    region: { province: '不详', county: 'xx县' },
    date: null,
    ...fields,
  };
}

/** A small handbook: four community consultations, a city practice, and unrelated cases. */
const corpus: SimilarInput[] = [
  makeCase('parking', {
    title: '泾崇路无停车位问题的社区协商',
    summary: '社区就泾崇路没有停车位的问题组织协商议事。',
    body: '议题发生在泾崇路，这条路上没有停车位，居民停车难。<Cite source="speech" />',
    topics: ['traffic', 'facilities'],
    methods: ['six-step-procedure'],
    models: ['council-1-7-x'],
  }),
  makeCase('school-traffic', {
    title: '中山街学生上下学交通拥堵问题的社区协商',
    summary: '社区就中山街学生上下学时段道路交通拥堵的问题组织协商议事。',
    body: '上下学时段车辆和行人混行，道路拥堵，停车也难。',
    topics: ['traffic'],
    methods: ['six-step-procedure'],
    models: ['council-1-7-x'],
  }),
  makeCase('toilet', {
    title: '中山街无公厕问题的社区协商',
    summary: '社区就中山街没有公共厕所的问题组织协商议事。',
    body: '中山街没有公共厕所，群众出行不便。',
    topics: ['facilities'],
    methods: ['six-step-procedure'],
    models: ['council-1-7-x'],
  }),
  makeCase('bus-stop', {
    title: '某县公交站台迁移听证',
    summary: '县交通部门就公交站台迁移举行听证。',
    body: '公交站台迁移影响沿线居民出行，交通部门听取意见。',
    level: 'county',
    forms: ['hearing'],
    topics: ['traffic'],
    region: { province: '浙江省', city: '湖州市', county: '德清县' },
  }),
  makeCase('tea', {
    title: '春茶生产网络协商',
    summary: '抗疫期间区县政协围绕春茶生产组织委员开展网络协商。',
    body: '茶农采茶、用工和销售遇到困难，委员在网上提出建议。',
    kind: 'practice',
    level: 'county',
    forms: ['online'],
    topics: ['agriculture'],
    region: { province: '浙江省', city: '湖州市', county: '长兴县' },
    date: '2020',
  }),
  makeCase('logistics', {
    title: '长三角物流中心面对面协商',
    summary: '市政协组织市长与政协委员面对面协商物流中心建设。',
    body: '专家作专题辅导，委员就物流中心建设建言。',
    level: 'city',
    forms: ['face-to-face'],
    topics: ['economy'],
    region: { province: '浙江省', city: '湖州市' },
    date: '2019',
  }),
  makeCase('standards', {
    title: '县政协发布政协协商工作规范',
    summary: '县政协把标准化引入政协工作，发布协商工作规范。',
    body: '规范把建言资政和凝聚共识一起纳入评价。',
    kind: 'practice',
    level: 'county',
    forms: ['online'],
    topics: ['governance'],
    region: { province: '浙江省', city: '湖州市', county: '安吉县' },
  }),
];

const results = computeSimilar(corpus, { methodTitles, modelTitles });
const idsOf = (id: string) => results.get(id)!.map((r) => r.id);

describe('similar cases', () => {
  test('cases on the same topic with the same method rank above unrelated ones', () => {
    const list = idsOf('parking');
    expect(list.slice(0, 2).sort()).toEqual(['school-traffic', 'toilet']);
    // A traffic case of another level and form still ranks above cases on other topics.
    expect(list).toContain('bus-stop');
    for (const unrelated of ['tea', 'logistics', 'standards']) {
      if (list.includes(unrelated)) expect(list.indexOf('bus-stop')).toBeLessThan(list.indexOf(unrelated));
    }
    // The two traffic consultations are each other's closest match.
    expect(idsOf('school-traffic')[0]).toBe('parking');
  });

  test('reasons name what the cases share, in Chinese labels', () => {
    const toSchool = results.get('parking')!.find((r) => r.id === 'school-traffic')!;
    expect(toSchool.reason).toBe('同为道路交通管理 · 同用六步议事程序 · 同用“1+7+X”');
    expect(toSchool.shared).toMatchObject({ topics: ['traffic'], methods: ['six-step-procedure'], models: ['council-1-7-x'], forms: ['council'] });

    const toStandards = results.get('tea')!.find((r) => r.id === 'standards')!;
    expect(toStandards.reason).toBe('同采用网络（远程）协商 · 同在湖州市 · 同为县级');

    // No topic, method, model or form in common: the place (and the wording) is what they share.
    const toLogistics = results.get('tea')!.find((r) => r.id === 'logistics')!;
    expect(toLogistics.reason).toContain('同在湖州市');
    expect(toLogistics.reason).not.toContain('同为');
  });

  test('a hidden place name (xx县) is not a shared place', () => {
    for (const result of results.get('parking')!) expect(result.shared.region).toBeUndefined();
  });

  test('one rule for place names: hidden in the sources (xx县, ××村, 某市) or not given (不详) is no place', () => {
    const hidden = ['xx县', 'XX社区', 'xX市', '**街道', '××村', '＊＊市', '*县', '某市', '湖州市xx区', ' xx县 ', '不详', '', '  ', undefined];
    for (const name of hidden) expect(knownPlace(name), String(name)).toBeUndefined();
    for (const name of ['湖州市', ' 德清县 ', 'x县', 'X社区', '中山街']) expect(knownPlace(name)).toBe(name.trim());
    // Every name the completeness indicator calls hidden is hidden here too.
    const masked = ['xx县', 'XX社区', '**街道', '××村', '＊＊市', 'x×县', '×*村', 'Xx乡'];
    for (const name of masked) {
      expect(isMasked(name), name).toBe(true);
      expect(knownPlace(name), name).toBeUndefined();
    }
  });

  test('a hidden place counts exactly as no place, in the score and in the reason', () => {
    // Alike in their text only, so each is a candidate of each and the place shows in the reason.
    const regions: Record<string, SimilarInput['region']> = {
      'hidden-county-a': { province: '浙江省', city: '湖州市', county: '××县' },
      'hidden-county-b': { province: '浙江省', city: '湖州市', county: '××县' },
      'real-county': { province: '浙江省', city: '湖州市', county: '德清县' },
      'two-hidden-a': { province: '浙江省', city: 'xx市', county: '**县' },
      'two-hidden-b': { province: '浙江省', city: 'XX市', county: '**县' },
      'hidden-city': { province: '浙江省', city: '某市', county: '德清县' },
      'hidden-province': { province: '＊＊省', city: '湖州市', county: '德清县' },
    };
    const build = (keep: (name: string | undefined) => boolean) =>
      Object.entries(regions).map(([id, region]) =>
        makeCase(id, {
          title: '老旧小区加装电梯议事',
          forms: [],
          region: Object.fromEntries(Object.entries(region).filter(([, name]) => keep(name))),
        }),
      );
    const withHidden = computeSimilar(build(() => true), { limit: 10 });
    // The same cases with every hidden name left out: nothing may change, neither score nor reason.
    expect([...withHidden]).toEqual([...computeSimilar(build((name) => knownPlace(name) !== undefined), { limit: 10 })]);

    const between = (a: string, b: string) => withHidden.get(a)!.find((r) => r.id === b)!;
    // A hidden county in both, or in one beside a real one: the city is what they share.
    expect(between('hidden-county-a', 'hidden-county-b').shared.region).toBe('湖州市');
    expect(between('hidden-county-a', 'hidden-county-b').reason).toBe('内容相近 · 同在湖州市 · 同为社区一级');
    expect(between('hidden-county-a', 'real-county').shared.region).toBe('湖州市');
    expect(between('hidden-county-a', 'real-county').score).toBe(between('hidden-county-a', 'hidden-county-b').score);
    // Hidden at two levels: only the province is shared.
    expect(between('two-hidden-a', 'two-hidden-b').shared.region).toBe('浙江省');
    expect(between('two-hidden-a', 'hidden-county-a').shared.region).toBe('浙江省');
    for (const [id, list] of withHidden) {
      for (const result of list) {
        expect(result.shared.region === undefined || knownPlace(result.shared.region) !== undefined, `${id} → ${result.id}`).toBe(true);
        expect(result.reason).not.toMatch(/[xX]{2}|[×*＊某]/);
      }
    }
  });

  test('cases alike only in their text are “内容相近”', () => {
    const texts = [
      makeCase('a', { title: '老旧小区加装电梯议事', summary: '居民商量老旧小区加装电梯的费用分摊。', topics: ['facilities'], forms: ['council'], level: 'community' }),
      makeCase('b', { title: '老旧小区加装电梯听证', summary: '老旧小区加装电梯的费用分摊听证。', topics: ['public-order'], forms: ['hearing'], level: 'village', kind: 'practice' }),
      makeCase('c', { title: '农田水利建设', summary: '村里讨论农田灌溉水渠。', topics: ['agriculture'], forms: ['onsite'], level: 'township', kind: 'practice' }),
    ];
    const similar = computeSimilar(texts);
    expect(similar.get('a')!.map((r) => [r.id, r.reason])).toEqual([['b', '内容相近']]);
  });

  test('at most five, never the case itself, and every case of a busy topic gets five', () => {
    const busy = Array.from({ length: 12 }, (_, k) =>
      makeCase(`street-${String(k).padStart(2, '0')}`, { topics: ['traffic'], methods: ['six-step-procedure'], summary: '街道交通拥堵协商' }),
    );
    const similar = computeSimilar([...busy, ...corpus], { methodTitles });
    for (const [id, list] of similar) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((r) => r.id)).not.toContain(id);
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    }
    for (const street of busy) expect(similar.get(street.id)).toHaveLength(5);
    expect(computeSimilar(corpus, { limit: 2 }).get('parking')).toHaveLength(2);
  });

  test('most similar first, and the same scores both ways', () => {
    for (const [id, list] of results) {
      const scores = list.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const result of list) {
        const back = results.get(result.id)!.find((r) => r.id === id);
        if (back) expect(back.score).toBeCloseTo(result.score, 5);
      }
    }
  });

  test('the output does not depend on input order; ties go to the smaller id', () => {
    const shuffled = [...corpus].reverse();
    const again = computeSimilar(shuffled, { methodTitles, modelTitles });
    expect([...again.keys()]).toEqual([...results.keys()]);
    expect([...again]).toEqual([...results]);

    const twins = ['t-c', 't-a', 't-b', 't-d'].map((id) => makeCase(id, { title: '同一议题', topics: ['traffic'] }));
    expect(computeSimilar(twins).get('t-d')!.map((r) => r.id)).toEqual(['t-a', 't-b', 't-c']);
  });

  test('a duplicate id is refused', () => {
    expect(() => computeSimilar([makeCase('x', {}), makeCase('x', {})])).toThrow(/duplicate case id/);
  });

  test('short titles for reasons', () => {
    expect(shortTitle('协商“八步工作法”')).toBe('八步工作法');
    expect(shortTitle('浙江省政协“请你来协商”“6+X”模式')).toBe('“6+X”');
    expect(shortTitle('协商成果的跟踪转化与监督')).toBe('协商成果的跟踪转化与监督');
  });
});
