// `npm run import -- <台账.xlsx|台账.csv> [--update] [--dry-run]`: turns a consultation ledger
// into case files, all or nothing (scripts/lib/import/).
import path from 'node:path';
import { commandLine, fail } from './lib/cli.ts';
import { importLedger } from './lib/import/index.ts';
import { invocationDir } from './lib/user-env.ts';

const USAGE = `用法：npm run import -- <台账文件> [--update] [--dry-run]
  台账文件：.xlsx，或 .csv（UTF-8 或 GBK 编码）；列名见 /data/cases-template.xlsx（npm run new -- ledger 写出一份）
  --update：台账中已有的案例（id 相同）用台账的内容更新；不加时，遇到已有的案例就停下，什么也不写
  --dry-run：只检查，不写任何文件
例如：npm run import -- 2024年协商台账.xlsx`;

const { values, positionals } = commandLine(
  {
    update: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    /** The content folder. Default: <project>/content. */
    content: { type: 'string' },
  },
  USAGE,
);
if (positionals.length === 0) fail(`缺少台账文件。\n\n${USAGE}`);
if (positionals.length > 1) fail(`一次只能导入一个台账文件，这里给了 ${positionals.length} 个：${positionals.join(' ')}。文件名里有空格时请用引号括起来\n\n${USAGE}`);

const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(values.content ?? path.join(root, 'content'));
// npm runs scripts from the project folder; INIT_CWD is where the user typed the command.
const cwd = invocationDir();
const file = path.resolve(cwd, positionals[0]!);
const started = performance.now();
const result = await importLedger({ file, contentDir, root, update: values.update ?? false, dryRun: values['dry-run'] ?? false, displayName: path.relative(cwd, file) || file });

if (!result.ok) {
  for (const line of result.problems) console.error(line);
  if (!result.refused) {
    console.error(`\n共发现 ${result.problems.length} 个问题${result.rows > 0 ? `，涉及 ${result.rows} 行` : ''}。没有写入任何文件。请逐条修改台账后重新导入。`);
  } else {
    console.error('没有写入任何文件。');
  }
  process.exit(1);
}

const shown = (file: string) => file;
const count = { created: 0, updated: 0, unchanged: 0 };
const dry = values['dry-run'] ?? false;
for (const entry of result.written) {
  count[entry.action]++;
  if (entry.action === 'unchanged') continue;
  const verb = entry.action === 'created' ? (dry ? '将新建' : '已新建') : dry ? '将更新' : '已更新';
  console.log(`${verb} ${shown(entry.file)}（台账第 ${entry.line} 行）`);
}
const from = result.sheet ? `工作表“${result.sheet}”` : result.encoding ? `${result.encoding} 编码` : '';
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${dry ? '检查通过，没有写入文件' : '导入完成'}${from ? `（${from}）` : ''}：${result.written.length} 行，新建 ${count.created} 个、更新 ${count.updated} 个、未改变 ${count.unchanged} 个案例（用时 ${seconds} 秒）。` +
    (dry ? '' : '每个文件都已通过内容检查；运行 npm run build 生成网站。'),
);
