import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findCopies, indexSources } from '../scripts/lib/check/copy.ts';
import { readSourceTexts } from '../scripts/lib/check/source-texts.ts';
const dir = '/tmp/check-bench/c10k/content';
const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(mdx|yaml)$/.test(f));
const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
let chars = 0; for (const t of texts) chars += t.length;
const c0 = process.cpuUsage();
const index = indexSources(await readSourceTexts(path.join(dir, 'sources/texts'), '/tmp'));
const c1 = process.cpuUsage(c0);
let runs = 0;
for (let rep = 0; rep < 2; rep++) {
  const c2 = process.cpuUsage();
  for (const t of texts) runs += findCopies(t, index).length;
  const c3 = process.cpuUsage(c2);
  console.log('files', files.length, 'chars', chars, 'index ms', (c1.user + c1.system) / 1000, 'scan cpu ms', (c3.user + c3.system) / 1000, 'runs', runs);
}
