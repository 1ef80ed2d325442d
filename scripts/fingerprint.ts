// `npm run fingerprint -- <report.txt> --source <id>`: keeps a fingerprint of a source's text, not the
// text, for the copying rule: `<id>.fp` in the source-texts folder (content/sources/texts/), and
// `file: <id>.fp` in content/sources/<id>.yaml. `npm run check` then reports a copied run of 25
// characters exactly as against the full text. The text itself is not kept.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commandLine, fail } from './lib/cli.ts';
import { parseDocument } from 'yaml';
import { decodeFile } from './lib/check/read.ts';
import { fingerprintFile } from './lib/check/fingerprint.ts';
import { sourceTextsFolder } from './lib/check/source-texts.ts';
import { ID_PATTERN } from '../src/schemas/common.ts';
import { invocationDir } from './lib/user-env.ts';

const USAGE = `用法：npm run fingerprint -- <原文.txt> --source <资料id>
  把一份资料原文的“指纹”（每连续 25 个字的哈希值，不能还原成原文）写进资料原文文件夹，
  npm run check 就能像比对原文一样检查照抄，而原文本身不必保存在项目里。
  资料id：content/sources/ 中这份资料的文件名（不带 .yaml），如 huzhou-practice-2020`;

const { values, positionals } = commandLine({ source: { type: 'string' }, content: { type: 'string' } }, USAGE);
if (positionals.length !== 1) fail(`${positionals.length === 0 ? '缺少原文文件。' : `多余的参数：${positionals.slice(1).join(' ')}。`}\n\n${USAGE}`);
const id = values.source;
if (!id) fail(`缺少 --source：这份原文是哪一份资料的？\n\n${USAGE}`);
if (!ID_PATTERN.test(id)) fail(`“${id}”不是资料 id：只能用小写英文字母、数字和连字符（-）`);

const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(values.content ?? path.join(root, 'content'));
const entry = path.join(contentDir, 'sources', `${id}.yaml`);
if (!existsSync(entry)) fail(`没有资料“${id}”：找不到 ${path.relative(invocationDir(), entry)}。请先建立资料条目：npm run new -- source ${id} --title 资料标题`);

const file = path.resolve(invocationDir(), positionals[0]!);
if (!existsSync(file)) fail(`找不到原文文件 ${positionals[0]}`);
const decoded = await decodeFile(file);
if (!decoded.ok) fail(`${positionals[0]}：${decoded.message}`);
const made = fingerprintFile(decoded.text, id);
if (made.windows === 0) fail(`${positionals[0]} 里没有连续 25 个以上的汉字或数字，没有可比对的内容`);

// The folder the check reads, from the project the content belongs to.
const folder = sourceTextsFolder(path.dirname(contentDir));
await mkdir(folder, { recursive: true });
const out = path.join(folder, `${id}.fp`);
const existed = existsSync(out);
await writeFile(out, made.text);

// The source entry names its fingerprint (`file:`), keeping its comments and key order.
const yamlText = await readFile(entry, 'utf8');
const doc = parseDocument(yamlText);
if (doc.get('file') !== `${id}.fp`) {
  doc.set('file', `${id}.fp`);
  await writeFile(entry, doc.toString({ lineWidth: 0 }));
}
const shown = (p: string) => path.relative(invocationDir(), p) || p;
console.log(`${existed ? '已更新' : '已写出'} ${shown(out)}：${made.characters} 个字，${made.windows} 个指纹。原文没有被保存，可以不把它放进项目。`);
console.log(`npm run check 会把内容与它比对，就像比对原文一样。`);
