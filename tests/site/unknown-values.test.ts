// Unknown is a value, not a guess: the bundled handbook's cases say 不详 where the sources do,
// mark the handbook's inferences, and never give either as a reason two cases are alike.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultSite } from '../helpers/build.ts';
import { parseCsv } from '../helpers/csv.ts';

interface Value {
  key: string;
  label: string;
}
interface Record {
  id: string;
  title: string;
  forms: Value[];
  topics: Value[];
  level: Value;
  status: Value;
  date: string;
  inferred: string[];
}

let site: string;
let records: Record[];

beforeAll(async () => {
  site = await defaultSite();
  records = (JSON.parse(await readFile(path.join(site, 'data/cases.json'), 'utf8')) as { cases: Record[] }).cases;
});

const page = (id: string) => readFile(path.join(site, 'cases', id, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

/** The labels of a case's values of a field, as the reasons would name them. */
function labels(record: Record, field: string): string[] {
  const value = (record as unknown as { [k: string]: Value | Value[] | string })[field];
  if (field === 'date') return [String(record.date).slice(0, 4)];
  // An inferred region covers every name of the place, from the province down.
  if (field === 'region') return ['province', 'city', 'county', 'place'].flatMap((name) => labels(record, name));
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : v?.label ?? '')).filter((label) => label !== '' && label !== '不详');
}

describe('unknown and inferred values', () => {
  test('the Anji standard carries no guessed form: 不详 on its page and in the data', async () => {
    const anji = records.find((r) => r.id === 'anji-consultation-standard')!;
    expect(anji.forms).toEqual([{ key: 'unknown', label: '不详' }]);
    expect(anji.status.key).toBe('unknown');
    const facts = text((await page('anji-consultation-standard')).match(/<dl[\s\S]*?<\/dl>/)![0]);
    expect(facts).toMatch(/形式\s*不详/);
    const csv = parseCsv(await readFile(path.join(site, 'data/cases.csv'), 'utf8'));
    const row = csv.find((r) => r[0] === 'anji-consultation-standard')!;
    expect(row[csv[0]!.indexOf('形式代码')]).toBe('unknown');
    expect(row[csv[0]!.indexOf('形式')]).toBe('不详');
  });

  test('a value the handbook inferred is marked on the page and listed in the data', async () => {
    const epidemic = records.find((r) => r.id === 'epidemic-online-consultations')!;
    expect(epidemic.inferred).toContain('date');
    expect(text(await page('epidemic-online-consultations'))).toContain('本手册推断');
  });

  test('no similar-case reason names 不详 or a value either case only has by inference', async () => {
    const byTitle = new Map(records.map((r) => [r.title, r]));
    let reasons = 0;
    for (const record of records) {
      const html = await page(record.id);
      const section = html.match(/<section class="similar[\s\S]*?<\/section>/)?.[0] ?? '';
      for (const [, title, reason] of section.matchAll(/<a [^>]*>([^<]+)<\/a><span class="reason"[^>]*>([^<]+)<\/span>/g)) {
        reasons++;
        expect(reason, `${record.id}: ${reason}`).not.toContain('不详');
        const other = byTitle.get(title!)!;
        for (const c of [record, other]) {
          for (const field of c.inferred) {
            for (const label of labels(c, field === 'status' ? 'status' : field)) {
              // Shared topics and forms are named after 同为 / 同采用.
              expect(reason, `${record.id} → ${other.id}: “${reason}” names ${c.id}'s inferred ${field}`).not.toContain(label);
            }
          }
        }
      }
    }
    expect(reasons).toBeGreaterThan(10);
  });
});
