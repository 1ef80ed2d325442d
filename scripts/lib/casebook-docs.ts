// docs/casebook.md: what the bundled casebook holds — cases by province, topic, level, form and year,
// what came of them, and sources by publisher — generated from content/ by `npm run docs`.
import { labelOf } from '../../src/schemas/taxonomies.ts';
import { UNKNOWN, UNKNOWN_KEY } from '../../src/schemas/unknown.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { SourceData } from '../../src/schemas/source.ts';
import type { ValidEntry } from './check/index.ts';

const count = <T>(items: readonly T[]) => {
  const map = new Map<T, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), 'zh-CN'));
};
/** A taxonomy value as `key 标签`, 不详 for unknown. */
const shown = (taxonomy: 'topics' | 'level' | 'forms' | 'status', key: string) => (key === UNKNOWN_KEY ? UNKNOWN : `${key} ${labelOf(taxonomy, key)}`);
const table = (head: string, rows: [string, number][]) => [`| ${head} | cases |`, '|---|---|', ...rows.map(([k, n]) => `| ${k} | ${n} |`)].join('\n');

/** The casebook's tables, as Markdown. */
export function casebookDoc(entries: readonly ValidEntry[]): string {
  const cases = entries.filter((e) => e.collection === 'cases' && !e.draft).map((e) => e.data as CaseData);
  const consultations = cases.filter((c) => c.kind === 'consultation');
  const sources = entries.filter((e) => e.collection === 'sources').map((e) => ({ id: e.id, data: e.data as SourceData }));
  const cited = new Set(cases.flatMap((c) => c.sources.map((s) => s.id)));
  const followUp = cases.filter((c) => c.outcome && ['instructed', 'in-progress', 'implemented', 'reviewed'].includes(c.outcome.status));
  const publisher = (p: string) => p.replace(/[（(].*$/, '').trim();
  return [
    '# The casebook',
    '',
    'Generated from `content/` by `npm run docs`; a unit test fails when it is out of date.',
    '',
    `${cases.length} published cases (${consultations.length} consultations, ${cases.length - consultations.length} practices) from ${cited.size} sources; ` +
      `${new Set(cases.map((c) => c.region.province)).size} provinces (不详 counted as one); ${followUp.length} cases whose report says what happened afterwards ` +
      `(status 已批示, 办理中, 已落实 or 已回头看); ${cases.filter((c) => c.date).length} dated, ${cases.filter((c) => c.inferred.includes('date')).length} of them by the handbook's reading of the publication date.`,
    '',
    '## By province',
    '',
    table('province', count(cases.map((c) => c.region.province))),
    '',
    '## By topic (a case may have several)',
    '',
    table('topic', count(cases.flatMap((c) => c.topics.map((t) => shown('topics', t))))),
    '',
    '## By level',
    '',
    table('level', count(cases.map((c) => shown('level', c.level)))),
    '',
    '## By form (a case may have several)',
    '',
    table('form', count(cases.flatMap((c) => c.forms.map((f) => shown('forms', f))))),
    '',
    '## By year',
    '',
    table('year', count(cases.map((c) => c.date?.slice(0, 4) ?? '不详')).sort((a, b) => b[0].localeCompare(a[0]))),
    '',
    '## By outcome',
    '',
    table('status', count(cases.map((c) => shown('status', c.outcome?.status ?? UNKNOWN_KEY)))),
    '',
    '## Sources by publisher',
    '',
    [`| publisher | sources |`, '|---|---|', ...count(sources.map((s) => publisher(s.data.publisher))).map(([k, n]) => `| ${k} | ${n} |`)].join('\n'),
    '',
  ].join('\n');
}
