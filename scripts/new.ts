// `npm run new -- <case|method|model|guide|term|source> <id> [--title 标题]`: writes a new content
// file with comments saying what to fill in; what the author must write or choose is marked
// 【待填写】, and the file passes `npm run check` once every mark is replaced.
import path from 'node:path';
import { commandLine, fail } from './lib/cli.ts';
import { createEntry, KIND_LIST, kindOf } from './lib/new-entry.ts';
import { writeTemplate } from './lib/import/template.ts';
import { PLACEHOLDER } from './lib/check/placeholder.ts';
import { invocationDir } from './lib/user-env.ts';

const USAGE = `用法：npm run new -- <类型> <id> [--title 标题]
       npm run new -- ledger [文件名.xlsx]（写出导入用的空白台账，默认 cases-template.xlsx）
  类型：${KIND_LIST}
  id：文件名，只能用小写英文字母、数字和连字符（-），如 zhongshan-street-toilet
例如：npm run new -- case zhongshan-street-toilet --title 中山街公厕改造协商`;

const { values, positionals } = commandLine(
  {
    title: { type: 'string' },
    /** The content folder. Default: <project>/content. */
    content: { type: 'string' },
  },
  USAGE,
);
const [kindWord, id, ...extra] = positionals;
const root = path.resolve(import.meta.dirname, '..');
if (kindWord === 'ledger') await newLedger(id, extra);
if (!kindWord || !id) fail(`缺少${kindWord ? ' id' : '类型和 id'}。\n\n${USAGE}`);
if (extra.length > 0) fail(`多余的参数：${extra.join(' ')}。标题里有空格时请用引号括起来：--title "标题"\n\n${USAGE}`);
const kind = kindOf(kindWord);
if (!kind) fail(`不认识的类型“${kindWord}”。可用的类型：${KIND_LIST}\n\n${USAGE}`);

const contentDir = path.resolve(values.content ?? path.join(root, 'content'));
const result = await createEntry({ kind, id, title: values.title, contentDir });
if (!result.ok) fail(result.message);

const shown = path.relative(process.cwd(), result.file) || result.file;
console.log(`已新建 ${shown}。`);
console.log(
  `请打开它，按 # 开头的注释逐项填写（注释可以保留，也可以删去），然后运行 npm run check 检查。\n` +
    `文件中有 ${result.placeholders} 处以“${PLACEHOLDER}”标出的地方要换成真实内容：换完之前，npm run check 会逐条列出它们，网站也不会生成；` +
    `想先放着不发布，可以把文件名改为以 _ 开头（草稿）。`,
);

/** `npm run new -- ledger [file]`: the template ledger for `npm run import`, in the folder the command was typed in. */
async function newLedger(name: string | undefined, rest: string[]): Promise<never> {
  if (rest.length > 0) fail(`多余的参数：${rest.join(' ')}\n\n${USAGE}`);
  const file = path.resolve(invocationDir(), name ?? 'cases-template.xlsx');
  if (!/\.xlsx$/i.test(file)) fail(`台账模板是 Excel 工作簿，文件名应以 .xlsx 结尾（现在是 ${path.basename(file)}）`);
  const result = await writeTemplate({ file, root, contentDir: path.resolve(values.content ?? path.join(root, 'content')) });
  if (!result.ok) fail(result.message);
  console.log(`已写出台账模板 ${path.relative(process.cwd(), file) || file}：第一张工作表“案例”有全部列和一行示例（请删去示例再填写），“说明”列出每一列的含义和可填的值。`);
  console.log('填好后运行：npm run import -- 台账文件名.xlsx');
  process.exit(0);
}
