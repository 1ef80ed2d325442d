// Similar cases at scale: 10,000 synthetic cases, each gets similar cases (tests/unit/similar.test.ts
// has the rules on a small handbook).
import { describe, expect, test } from 'vitest';
import { computeSimilar, type SimilarInput } from '../../src/site/similar.ts';
import { taxonomies } from '../../src/schemas/taxonomies.ts';

/** A seeded pseudo-random generator (mulberry32), so the synthetic corpus is the same every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic cases: random facets, and texts that mix general words with words of their topics. */
function syntheticCases(count: number): SimilarInput[] {
  const next = random(20240501);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], min: number, max: number) => {
    const wanted = Math.min(items.length, min + Math.floor(next() * (max - min + 1)));
    const chosen = new Set<T>();
    while (chosen.size < wanted) chosen.add(pick(items));
    return [...chosen];
  };
  const word = () => String.fromCharCode(0x4e00 + Math.floor(next() * 3000), 0x4e00 + Math.floor(next() * 3000));
  const general = Array.from({ length: 3000 }, word);
  const topics = Object.keys(taxonomies.topics.values);
  const topicWords = new Map(topics.map((t) => [t, Array.from({ length: 60 }, word)]));
  const methods = Array.from({ length: 40 }, (_, k) => `method-${k}`);
  const models = Array.from({ length: 20 }, (_, k) => `model-${k}`);
  return Array.from({ length: count }, (_, i) => {
    const own = some(topics, 1, 3);
    const text = (words: number) =>
      Array.from({ length: words }, () => (next() < 0.35 ? pick(topicWords.get(pick(own))!) : pick(general))).join('');
    return {
      id: `case-${String(i).padStart(5, '0')}`,
      title: text(6),
      summary: text(30),
      body: text(250),
      kind: pick(['practice', 'consultation']),
      level: pick(Object.keys(taxonomies.level.values)),
      topics: own,
      forms: some(Object.keys(taxonomies.forms.values), 1, 2),
      methods: some(methods, 0, 2),
      models: some(models, 0, 1),
      region: { province: `省${Math.floor(next() * 34)}`, city: `市${Math.floor(next() * 5)}`, county: `县${Math.floor(next() * 6)}` },
      date: `${2015 + Math.floor(next() * 10)}`,
    };
  });
}

describe('similar cases at scale', () => {
  test('10,000 cases: every case gets similar cases', { timeout: 600_000 }, () => {
    const cases = syntheticCases(10_000);
    const started = performance.now();
    const similar = computeSimilar(cases);
    const seconds = (performance.now() - started) / 1000;
    console.log(`computeSimilar: ${cases.length} cases in ${seconds.toFixed(2)} s`);
    expect(similar.size).toBe(cases.length);
    for (const [id, list] of similar) {
      expect(list.length, id).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.some((r) => r.id === id)).toBe(false);
    }
  });
});
