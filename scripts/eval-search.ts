// `npm run eval:search -- <set.json> [more sets…] [--site dist] [--build] [--json out.json] [--verbose]`:
// runs question sets through the search page's engine over a built site and reports, per set,
// hits in the top five, false “nothing” and honest “nothing” (scripts/lib/search-eval.ts).
// Without --site it uses dist/, building it first when it is missing or when --build is given.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { evaluate, formatReport, readQuestionSet, type EvalReport } from './lib/search-eval.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string' },
    build: { type: 'boolean', default: false },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const project = path.resolve(import.meta.dirname, '..');
if (positionals.length === 0) {
  console.error('用法：npm run eval:search -- <问题集.json> [更多问题集…] [--site 已构建的网站目录] [--build] [--json 结果.json] [--verbose]');
  process.exit(2);
}
const site = path.resolve(values.site ?? path.join(project, 'dist'));
if (!values.site && (values.build || !existsSync(path.join(site, 'pagefind', 'pagefind-entry.json')))) {
  console.log('构建网站（npm run build）…');
  const built = spawnSync(process.execPath, [path.join(project, 'scripts/build.ts')], { cwd: project, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
if (!existsSync(path.join(site, 'pagefind', 'pagefind-entry.json'))) {
  console.error(`${site} 里没有搜索索引（pagefind/）：先运行 npm run build，或用 --site 指向已构建的网站。`);
  process.exit(1);
}
const reports: Record<string, EvalReport> = {};
for (const file of positionals) {
  const report = await evaluate(site, await readQuestionSet(file), project);
  reports[file] = report;
  console.log(formatReport(report, path.relative(process.cwd(), file), values.verbose));
}
if (values.json) await writeFile(values.json, `${JSON.stringify(reports, null, 2)}\n`);
