import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import { readEntries } from './check/entries.ts';
import path from 'node:path';
import { stringify } from 'yaml';
import { ID_PATTERN, splitAlias } from '../../src/schemas/common.ts';
import { collectionDefs, type CollectionName } from '../../src/schemas/index.ts';
import { caseField, caseFields, frontmatterPath, type CaseField } from '../../src/schemas/fields.ts';
import { allowedValues, type TaxonomyName } from '../../src/schemas/taxonomies.ts';
import { parseFormula } from '../../src/schemas/formula.ts';
import { proposeId } from './pinyin-id.ts';
import { statedStepCount } from '../../src/schemas/step-count.ts';
import { formatProblem, validateContent } from './check/index.ts';
import { PLACEHOLDER } from './check/placeholder.ts';

/** A placeholder: what the author must replace (the check lists every one left, placeholder.ts). */
const todo = (hint = '') => `${PLACEHOLDER}${hint}`;

/** What `npm run new -- <kind> <id>` accepts, and the collection each writes into. */
export const KINDS = {
  case: 'cases',
  method: 'methods',
  model: 'models',
  guide: 'guides',
  term: 'terms',
  source: 'sources',
} as const satisfies Record<string, CollectionName>;

export type Kind = keyof typeof KINDS;

/** `case（案例）、method（方法）…`, for messages. */
export const KIND_LIST = Object.entries(KINDS).map(([kind, collection]) => `${kind}（${collectionDefs[collection].label}）`).join('、');

/** The kind a word names: `case`, or its plural `cases`. */
export function kindOf(word: string): Kind | undefined {
  const lower = word.trim().toLowerCase();
  if (Object.hasOwn(KINDS, lower)) return lower as Kind;
  return (Object.keys(KINDS) as Kind[]).find((kind) => KINDS[kind] === lower);
}

export type NewEntryResult =
  | { ok: true; file: string; collection: CollectionName; placeholders: number }
  | { ok: false; message: string };

interface Existing {
  /** Ids of files in the collection (drafts without their `_`), with the file. */
  ids: Map<string, string>;
  /** Old ids listed in `aliases`, with the file that lists them. */
  aliases: Map<string, string>;
}

const EXTENSIONS = { mdx: /\.mdx$/i, yaml: /\.ya?ml$/i };

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(absolute)));
    else if (entry.isFile()) files.push(absolute);
  }
  return files.sort();
}

/** Ids and aliases already taken in a collection: ids from the file names, aliases as the check reads them. */
async function existing(contentDir: string, collection: CollectionName): Promise<Existing> {
  const pattern = EXTENSIONS[collectionDefs[collection].format];
  const ids = new Map<string, string>();
  for (const file of await walk(path.join(contentDir, collection))) {
    const name = path.basename(file);
    if (pattern.test(name)) ids.set(name.replace(pattern, '').replace(/^_/, ''), file);
  }
  const aliases = new Map<string, string>();
  for (const entry of await readEntries(contentDir, [collection], { drafts: true })) {
    const listed = (entry.data as { aliases?: readonly string[] }).aliases ?? [];
    // An alias may name a section (old-id#anchor): the old id is taken either way.
    for (const alias of listed) aliases.set(splitAlias(alias).id, path.join(contentDir, entry.file));
  }
  return { ids, aliases };
}

/** Published source ids, sorted: the first one goes into the example citation. */
async function sourceIds(contentDir: string): Promise<string[]> {
  const { ids } = await existing(contentDir, 'sources');
  return [...ids.entries()].filter(([, file]) => !path.basename(file).startsWith('_')).map(([id]) => id).sort();
}

/** Ids of published cases of kind practice: what `partOf` and `origin` point at. */
async function practiceIds(contentDir: string): Promise<string[]> {
  const cases = await readEntries(contentDir, ['cases']);
  return cases.filter((c) => c.data.kind === 'practice').map((c) => c.id).sort();
}

/** The largest `order` among the guides, so a new chapter goes last. */
async function lastGuideOrder(contentDir: string): Promise<number> {
  const guides = await readEntries(contentDir, ['guides'], { drafts: true });
  return Math.max(0, ...guides.map((g) => g.data.order));
}

/** A YAML scalar, quoted only when it has to be. */
function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** `[a, b]`, each item quoted only when it has to be. */
function list(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

function choices(name: TaxonomyName): string {
  return allowedValues(name);
}

function listOfIds(ids: readonly string[], label: string): string {
  if (ids.length === 0) return `目前还没有任何${label}`;
  return `现有的${label}：${ids.slice(0, 12).join('、')}${ids.length > 12 ? ' 等' : ''}`;
}

interface TemplateInput {
  id: string;
  title: string | undefined;
  /** The first source, cited in the example body. */
  source: string | undefined;
  /** Every published source, listed in the comment on `sources`. */
  sources: string[];
  contentDir: string;
}

/** An example paragraph of the body, a placeholder, citing a source when there is one. */
function citeLine(source: string | undefined, text: string): string {
  return source ? `${todo(text)}<Cite source="${source}" />` : todo(text);
}

/** The sources field: the author chooses (the ids are listed in the comment above it). */
const sourcesLine = () => `sources: [${todo()}]`;

/** What the author writes for a field of fixed values the registry lists without a snippet of its own. */
function taxonomyLines(field: CaseField): string {
  const unknown = field.unknown ? '；资料未载明时写“不详”' : '';
  const value = field.many ? `[${todo()}]` : todo();
  return `# ${field.label}${field.many ? '，至少一项' : ''}：${allowedValues(field.taxonomy!)}${unknown}\n${field.name}: ${value}`;
}

/**
 * A new case's frontmatter, a top-level key at a time in the registry's order (fields.ts): the
 * fields with a snippet below are written by it, and any other field of fixed values (a taxonomy)
 * gets a comment listing its values and a placeholder, so a field added to the registry is in the
 * template without a change here.
 */
function caseFrontmatter({ title, source, sources }: TemplateInput, practices: string[], methods: string[], models: string[]): string {
  const snippets: Record<string, () => string> = {
    title: () => `# 案例标题：4 到 60 个字\ntitle: ${scalar(title ?? todo('案例标题'))}`,
    kind: () => `# ${caseField('kind').label}：practice（实践：一个单位长期的协商做法）或 consultation（协商事例：一次具体的协商）\nkind: ${todo()}`,
    summary: () => `# 摘要：一两句话，最多 160 个字，显示在列表和搜索结果中\nsummary: ${todo('用一两句话概括：谁、就什么议题、用什么方式协商、结果如何。')}`,
    date: () => `# 时间：写成 YYYY、YYYY-MM 或 YYYY-MM-DD（如 2023-05）；资料没有给出时写“不详”\ndate: ${todo()}`,
    region: () =>
      `# 地区：province 写省级行政区全称（如 浙江省），资料未载明时写“不详”；city、county、place 可选\nregion:\n  province: ${todo()}\n  # city: 湖州市\n  # county: 德清县\n  # place: xx社区`,
    methods: () => `# 用到的方法（content/methods 中的 id），可不填。${listOfIds(methods, '方法')}\nmethods: []`,
    models: () => `# 采用的模式（content/models 中的 id），可不填。${listOfIds(models, '模式')}\nmodels: []`,
    partOf: () =>
      `# 所属实践：这次协商属于哪个实践案例（kind: practice）时，去掉下一行的 # 并填写它的 id。${listOfIds(practices, '实践案例')}\n# partOf: ${practices[0] ?? 'practice-id'}`,
    participants: () => `# 参与者，可不填：\n# participants: [政协委员, 居民代表]`,
    outcome: () => `# 成果，可不填。status 可用的值：${allowedValues('status')}\n# outcome:\n#   status: unknown\n#   summary: 协商结果和落实情况`,
    sources: () =>
      `# 资料来源：content/sources 中的 id，至少一项，如 [${source}]；要说明某份资料支持哪些内容时写成 [{ id: 资料id, supports: 一句话说明 }]。${listOfIds(sources, '资料来源')}\n${sourcesLine()}`,
  };
  // Written by hand only when needed: old ids, and the handbook's inferences.
  const optional = new Set(['aliases', 'inferred']);
  const written = new Set<string>();
  const parts = [`# 以“${PLACEHOLDER}”开头的地方都要换成真实内容（npm run check 会逐条列出还没填写的地方）。`];
  for (const field of caseFields) {
    const top = frontmatterPath(field)?.[0];
    if (top === undefined || written.has(top) || optional.has(top)) continue;
    written.add(top);
    const snippet = snippets[top];
    if (snippet) parts.push(snippet());
    else if (field.taxonomy) parts.push(taxonomyLines(field));
    else parts.push(`# ${field.label}，可不填：\n# ${top}: `);
  }
  return parts.join('\n');
}

function caseTemplate(input: TemplateInput, practices: string[], methods: string[], models: string[]): string {
  const { source } = input;
  return `---
${caseFrontmatter(input, practices, methods, models)}
---
## 背景

${citeLine(source, '在这里写案例的背景。每一处事实后面用 Cite 标注出处，如本句末尾。')}

## 经过

${citeLine(source, '在这里写协商的经过：议题怎么来的，谁参加，按什么程序进行。')}

<Unstated>${todo('资料没有说明的地方，写在这样的“资料未载明”标记里。')}</Unstated>

## 成果

<Interpretation>${todo('本手册自己的理解或推断，写在这样的“本手册理解”标记里。')}</Interpretation>
`;
}

function methodTemplate({ title, source, sources }: TemplateInput, practices: string[]): string {
  const stated = title ? statedStepCount(title) : undefined;
  const count = stated !== undefined && stated >= 2 && stated <= 20 ? stated : 3;
  const steps = Array.from({ length: count }, (_, i) => {
    const first = i === 0;
    return `  - title: ${todo(`第 ${i + 1} 步的名称`)}
    summary: ${todo('这一步做什么。')}${first ? `
    # who: 由谁做（可选）
    # output: 产出什么（可选）
    # sources: [${source}]   # 这一步单独的出处（可选）` : ''}`;
  }).join('\n');
  return `---
# 以“${PLACEHOLDER}”开头的地方都要换成真实内容（npm run check 会逐条列出还没填写的地方）。
# 方法名称：4 到 60 个字。标题写明“N 步”时（如 六步议事程序），steps 必须正好列 N 步
title: ${scalar(title ?? todo('方法名称'))}
# 摘要：一两句话，最多 160 个字
summary: ${todo('用一两句话说明这个方法做什么、适用于什么场合。')}
# 来源案例：方法出自哪个实践案例时，去掉下一行的 # 并填写它的 id。${listOfIds(practices, '实践案例')}
# origin: ${practices[0] ?? 'case-id'}
# 步骤：至少两步，按顺序排列；页面上依次为 #step-1、#step-2……
# 每步的 title 2 到 40 个字，summary 写这一步做什么
steps:
${steps}
# 贯穿整个方法的原则，可选，如 [不调研不协商]
principles: []
# 资料来源：content/sources 中的 id，至少一项，如 [${source}]。${listOfIds(sources, '资料来源')}
${sourcesLine()}
---
${citeLine(source, '在这里写这个方法的来历和使用时要注意的地方。')}
`;
}

function modelTemplate({ title, source, sources }: TemplateInput, practices: string[]): string {
  const written = title ? /[0-9A-Za-z]+(?:\s*[+＋]\s*[0-9A-Za-z]+)+/.exec(title)?.[0] : undefined;
  const terms = (written && parseFormula(written)) || [1, 'X'];
  const fromTitle = Boolean(written && parseFormula(written));
  const formula = fromTitle ? written!.replace(/\s+/g, '').replace(/＋/g, '+') : '1+X';
  const parts = terms.map((term, i) => `  - count: ${scalar(term)}
    label: ${todo(`第 ${i + 1} 项代表什么`)}${i === 0 ? `
    # detail: 说明（可选）
    # members: [社区党委副书记]   # 可选；count 是数字时，正好列出这么多个
    # from: [政协委员, 群众代表]   # 可选；资料只列出人员来自哪几类、没说每类几席时，列出这几类
    # interpretation: true         # 这一项的含义是本手册的理解时写 true
    # unstated: true               # 资料没有说明这一项代表什么时写 true` : ''}`).join('\n');
  return `---
# 以“${PLACEHOLDER}”开头的地方都要换成真实内容（npm run check 会逐条列出还没填写的地方）。
# 模式名称：4 到 60 个字
title: ${scalar(title ?? todo('模式名称'))}
# 公式：由数字、单个字母（X、N）和 + 组成，如 1+7+X；多位数按位读（1246+X 读作 1、2、4、6、X）
formula: ${fromTitle ? scalar(formula) : todo(formula)}
# 类型。可用的值：${choices('modelKind')}
kind: ${todo()}
# 摘要：一两句话，最多 160 个字
summary: ${todo('用一两句话说明这个模式是什么、用在哪里。')}
# 来源案例：模式出自哪个实践案例时，去掉下一行的 # 并填写它的 id。${listOfIds(practices, '实践案例')}
# origin: ${practices[0] ?? 'case-id'}
# 各项：按公式的顺序，每一项一条；count 与公式的项一致（数字，或字母 X、N）
parts:
${parts}
# 资料来源：content/sources 中的 id，至少一项，如 [${source}]。${listOfIds(sources, '资料来源')}
${sourcesLine()}
---
${citeLine(source, '在这里说明这个模式的来历和各项的含义。')}
`;
}

function guideTemplate({ title, source }: TemplateInput, order: number): string {
  return `---
# 以“${PLACEHOLDER}”开头的地方都要换成真实内容（npm run check 会逐条列出还没填写的地方）。
# 章节标题：4 到 60 个字
title: ${scalar(title ?? todo('章节标题'))}
# 摘要：一两句话，最多 160 个字
summary: ${todo('用一两句话说明这一章讲什么。')}
# 章节顺序：整数，越小越靠前（现有章节最大是 ${order - 1}）
order: ${order}
# 资料来源：content/sources 中的 id，可不填（本手册自己的建议不需要出处）；如 [${source ?? 'source-id'}]
sources: []
---
## 第一节

${source
    ? citeLine(source, '在这里写正文。引用资料时，在句末用 Cite 标注出处，如本句末尾。')
    : todo('在这里写正文。要引用资料时，先运行 npm run new -- source 资料id 建立资料来源，再在句末用 Cite 组件标注出处。')}
`;
}

function termTemplate({ id, title, source, sources }: TemplateInput, terms: string[]): string {
  const term = title ?? todo(`术语（${id}）`).slice(0, 30);
  return `# 以“${PLACEHOLDER}”开头的地方都要换成真实内容（npm run check 会逐条列出还没填写的地方）。
# 术语本身，最多 30 个字；不能与其他词条的术语或别称重复
term: ${scalar(term)}
# 别称，可选：同一事物的其他叫法
# aliases: [别称一, 别称二]
# 释义：用本手册自己的话写，4 到 600 个字，不要照抄资料
definition: ${todo('用自己的话写出这个术语的含义。')}
# 资料来源：content/sources 中的 id，至少一项，如 [${source}]。${listOfIds(sources, '资料来源')}
${sourcesLine()}
# 相关术语：content/terms 中的 id，可选。${listOfIds(terms, '术语')}
# related: [${terms[0] ?? 'term-id'}]
`;
}

function sourceTemplate({ title }: TemplateInput): string {
  return `# 以“${PLACEHOLDER}”开头的地方都要换成真实内容（npm run check 会逐条列出还没填写的地方）。
# 资料标题，2 到 120 个字
title: ${scalar(title ?? todo('资料标题'))}
# 发布者（转载的写明转载自哪里），2 到 120 个字
publisher: ${todo('发布者')}
# 本手册所据的文本是否完整：完整写 true，有删节、截断或隐去内容写 false
complete: ${todo()}
# 发布日期，可选：YYYY、YYYY-MM 或 YYYY-MM-DD
# date: 2020-05-09
# 原始网址，可选
# url: https://example.gov.cn/article.html
# 资料原文在 content/sources/texts/ 中的文件名，可选（放在那里的原文，npm run check 会用来检查有没有照抄）
# file: 000_example.txt
# 说明，可选：缺了什么、哪里被隐去等
# note: 讲话稿第四部分缺失。
`;
}

/** The id a name would have, for a message that proposes one. */
function proposal(kind: Kind, name: string, title: string | undefined): string {
  const id = proposeId(name);
  const hasHan = /\p{Script=Han}/u.test(name);
  const quote = (text: string) => (/[\s"'$`\\]/.test(text) ? `"${text.replace(/(["\\$`])/g, '\\$1')}"` : text);
  const titleArg = title ? ` --title ${quote(title)}` : hasHan ? ` --title ${quote(name)}` : '';
  return `npm run new -- ${kind} ${id}${titleArg}`;
}

/**
 * Writes a new entry: frontmatter with Chinese comments saying what to fill in, each value to
 * write or choose marked 【待填写】 (placeholder.ts), and an example body citing an existing
 * source. Apart from its placeholders it passes `npm run check`. Refuses a taken or invalid id,
 * and removes what it wrote if the check finds anything else wrong with it.
 */
export async function createEntry(options: { kind: Kind; id: string; title?: string | undefined; contentDir: string }): Promise<NewEntryResult> {
  const { kind, id, contentDir } = options;
  const title = options.title?.trim() || undefined;
  const collection = KINDS[kind];
  const { format, label } = collectionDefs[collection];

  if (!ID_PATTERN.test(id)) {
    return {
      ok: false,
      message: `“${id}”不能用作 id：id 只能用小写英文字母、数字和连字符（-），如 zhongshan-street-toilet。建议改用 ${proposeId(id)}：\n  ${proposal(kind, id, title)}`,
    };
  }
  const taken = await existing(contentDir, collection);
  const project = path.dirname(path.resolve(contentDir));
  const shown = (file: string) => path.relative(project, file).split(path.sep).join('/');
  const owner = taken.ids.get(id);
  if (owner) {
    return { ok: false, message: `id“${id}”已被占用：${shown(owner)} 已经存在。请换一个 id，或直接打开这个文件修改` };
  }
  const aliasOwner = taken.aliases.get(id);
  if (aliasOwner) {
    return { ok: false, message: `id“${id}”是 ${shown(aliasOwner)} 的旧 id（写在它的 aliases 中），旧网址会跳转到那里，不能再用。请换一个 id` };
  }

  const sources = await sourceIds(contentDir);
  const source = sources[0];
  if (!source && kind !== 'source' && kind !== 'guide') {
    return {
      ok: false,
      message: `还没有任何资料来源：每个${label}都要注明出处（sources 至少一项）。请先建立资料来源，再新建${label}：\n  npm run new -- source <资料 id> --title 资料标题`,
    };
  }

  const ids = async (name: CollectionName) => [...(await existing(contentDir, name)).ids.keys()].sort();
  const input: TemplateInput = { id, title, source, sources, contentDir };
  let text: string;
  switch (kind) {
    case 'case':
      text = caseTemplate(input, await practiceIds(contentDir), await ids('methods'), await ids('models'));
      break;
    case 'method':
      text = methodTemplate(input, await practiceIds(contentDir));
      break;
    case 'model':
      text = modelTemplate(input, await practiceIds(contentDir));
      break;
    case 'guide':
      text = guideTemplate(input, (await lastGuideOrder(contentDir)) + 1);
      break;
    case 'term':
      text = termTemplate(input, await ids('terms'));
      break;
    case 'source':
      text = sourceTemplate(input);
      break;
  }

  const file = path.join(contentDir, collection, `${id}.${format === 'mdx' ? 'mdx' : 'yaml'}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });

  // The promise is a file that passes the check once its placeholders are filled in; a title
  // that breaks a rule must not stay behind.
  const { problems } = await validateContent(contentDir, project);
  const own = problems.filter((p) => p.file === shown(file) && p.code !== 'draft.placeholder');
  if (own.length > 0) {
    await unlink(file);
    return { ok: false, message: `没有新建 ${shown(file)}：按所给的内容写出的文件通不过检查。\n${own.map(formatProblem).join('\n')}\n请修改 --title 后重试` };
  }
  return { ok: true, file, collection, placeholders: problems.filter((p) => p.file === shown(file) && p.code === 'draft.placeholder').length };
}
