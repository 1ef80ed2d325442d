/**
 * Every kind of problem the content check (and the handbook's config) reports, in one place:
 * a stable code (`steps.count`), a short Chinese title, the general fix, and the template of the
 * message printed for it. Each code has a section in docs/problems.md at the anchor `anchorOf`
 * (tests/unit/codes.test.ts keeps the two in step). Codes never change meaning once published:
 * editors' notes, CI logs and tests refer to them. Add a code rather than reuse one.
 */

interface Kind<P> {
  /** What kind of problem this is, in a few Chinese words (the heading in docs/problems.md). */
  title: string;
  /** What to do about it in general (the message says it for the case at hand). */
  fix: string;
  /** The message printed for one problem of this kind. */
  message: (params: P) => string;
}

const kind = <P = void>(k: Kind<P>) => k;

/** A message written elsewhere (the schemas, the YAML reader) and passed through as it is. */
type Text = { text: string };

const SYMLINK_REFUSED = '内容文件夹中不支持符号链接';
const BODY_SYNTAX_ADVICE = {
  brace: '正文中的花括号“{”会被当作代码。如果只是要写花括号，请改用全角“｛｝”',
  closing: '标签没有闭合。组件要么写成 <Unstated>……</Unstated>，要么写成 <Cite source="…" />',
  lessThan: '正文中的“<”会被当作标签的开头。表示“小于”时请改用全角“＜”或文字',
  other: '正文的写法有误，MDX 无法解析。请检查这一行的尖括号“<”和花括号“{”',
} as const;

export const PROBLEM_KINDS = {
  // ---- Files and folders ----------------------------------------------------------------
  'content.missing': kind({
    title: '找不到内容文件夹',
    fix: '在项目根目录下建立 content/ 文件夹，或在命令中写对内容文件夹的路径。',
    message: () => '找不到内容文件夹。请在项目根目录下建立 content/ 文件夹',
  }),
  'folder.unknown': kind<{ names: string }>({
    title: 'content/ 下有不认识的文件或文件夹',
    fix: '把它移到 cases、methods、models、guides、terms、sources 之一，或移出 content/。',
    message: ({ names }) => `content/ 下只能有这些文件夹：${names}。请把它移到其中之一，或移出 content/`,
  }),
  'folder.unreadable': kind<{ denied: boolean; detail: string }>({
    title: '文件夹无法读取',
    fix: '修改文件夹权限（如 chmod a+rx），确认它存在并可以打开。',
    message: ({ denied, detail }) =>
      denied ? '没有读取这个文件夹的权限。请修改权限（如 chmod a+rx），再重新检查' : `无法读取这个文件夹（${detail}）。请确认它存在并可以打开`,
  }),
  'folder.too-deep': kind<{ max: number }>({
    title: '文件夹层级过深',
    fix: '减少文件夹的嵌套。',
    message: ({ max }) => `文件夹层级过深（超过 ${max} 层）。请减少嵌套`,
  }),
  'file.symlink': kind<{ target: string; points: 'folder' | 'file' | 'itself' | 'nothing' }>({
    title: '符号链接',
    fix: '删除这个链接，把文件或文件夹本身放在这里。',
    message: ({ target, points }) => {
      switch (points) {
        case 'folder': return `这是指向文件夹“${target}”的符号链接。${SYMLINK_REFUSED}（它可能指回上层，造成无限循环）：请删除这个链接，把文件夹本身放在这里`;
        case 'file': return `这是指向“${target}”的符号链接。${SYMLINK_REFUSED}：请删除这个链接，把文件本身放在这里`;
        case 'itself': return `这个符号链接指向自身，形成循环。${SYMLINK_REFUSED}：请删除它`;
        case 'nothing': return `这个符号链接指向的“${target}”不存在。${SYMLINK_REFUSED}：请删除它，把文件本身放在这里`;
      }
    },
  }),
  'file.extension': kind<{ collection: string; extensions: string }>({
    title: '文件类型不对',
    fix: '案例、方法、模式、指南用 .mdx 文件，术语和资料来源用 .yaml 文件；改扩展名，或把文件移出 content/。',
    message: ({ collection, extensions }) => `${collection}/ 中只能放 ${extensions} 文件。请改扩展名，或把这个文件移出 content/`,
  }),
  'file.not-regular': kind({
    title: '不是普通文件',
    fix: '删除它。',
    message: () => '这不是普通文件。请删除它',
  }),
  'file.too-large': kind<{ megabytes: string }>({
    title: '文件太大',
    fix: '拆分内容，或删去粘贴进来的多余材料（上限 1 MB）。',
    message: ({ megabytes }) => `文件太大（${megabytes} MB，上限 1 MB）。请拆分内容，或删去粘贴进来的多余材料`,
  }),
  'file.binary': kind({
    title: '二进制文件',
    fix: '确认放入的是 .mdx 或 .yaml 文本文件。',
    message: () => '文件含有 NUL 字节，像是二进制文件而不是文本。请确认放入的是 .mdx 或 .yaml 文本文件',
  }),
  'file.encoding': kind<{ gbk: boolean }>({
    title: '文件不是 UTF-8 编码',
    fix: '用编辑器以 UTF-8 编码重新保存（如记事本“另存为”时选择 UTF-8）。',
    message: ({ gbk }) => `文件不是 UTF-8 编码。${gbk ? '看起来是 GBK/GB18030 编码。' : ''}请用编辑器（如记事本“另存为”）选择 UTF-8 编码重新保存`,
  }),
  'file.unreadable': kind<{ reason: 'nesting' | 'gone' | 'denied' | 'folder' | 'loop' | 'other'; detail: string }>({
    title: '文件无法检查',
    fix: '确认文件完整、可以读取，是 .mdx 或 .yaml 文本文件。',
    message: ({ reason, detail }) => {
      switch (reason) {
        case 'nesting': return '文件的结构嵌套太深，无法检查。请减少一层套一层的列表、引用或标签';
        case 'gone': return '文件在检查时不见了。请确认它没有被移动或删除，再重新检查';
        case 'denied': return '没有读取这个文件的权限。请修改文件权限（如 chmod a+r），再重新检查';
        case 'folder': return '这里应是文件，却是文件夹。请删除或改名';
        case 'loop': return '这是一个指向自身的符号链接。请删除它，把文件本身放在这里';
        case 'other': return `检查这个文件时出错（${detail}）。请确认它是完整的 .mdx 或 .yaml 文本文件`;
      }
    },
  }),
  'file.more-problems': kind<{ rest: number }>({
    title: '问题太多，没有全部列出',
    fix: '先改正已列出的问题，再重新检查。',
    message: ({ rest }) => `这个文件还有 ${rest} 个问题没有列出。请先改正上面这些，再重新检查`,
  }),
  'id.file-name': kind<{ name: string; proposal: string }>({
    title: '文件名不能用作 id',
    fix: '文件名只用小写英文字母、数字和连字符（-），如 zhongshan-street-toilet.mdx；可按提示改成拼音。',
    message: ({ name, proposal }) => `文件名“${name}”不能用作 id：只能用小写英文字母、数字和连字符（-）。建议改名为 ${proposal}`,
  }),

  // ---- Frontmatter and YAML -------------------------------------------------------------
  'frontmatter.missing': kind({
    title: '缺少 frontmatter',
    fix: '文件第一行写 ---，下面逐行写字段，再用一行 --- 结束，之后才是正文。',
    message: () => '文件开头缺少 frontmatter：第一行应为 ---，字段写完后再用一行 --- 结束',
  }),
  'frontmatter.not-fields': kind({
    title: '内容不是“字段: 值”的形式',
    fix: '一行写一个字段，写成“字段名: 值”。',
    message: () => '内容应为“字段: 值”的形式，一行一个字段',
  }),
  'yaml.syntax': kind<{ explained: string; detail: string }>({
    title: 'YAML 语法错误',
    fix: '按提示检查这一行的冒号、引号、括号和缩进（缩进用空格，不用 Tab）。',
    message: ({ explained, detail }) => `YAML 语法错误：${explained}（${detail}）`,
  }),
  'yaml.unreadable': kind<{ detail: string }>({
    title: 'YAML 无法解析',
    fix: '检查冒号、引号和缩进。',
    message: ({ detail }) => `YAML 无法解析。请检查冒号、引号和缩进（${detail}）`,
  }),
  'yaml.more-errors': kind<{ rest: number }>({
    title: 'YAML 语法错误太多，没有全部列出',
    fix: '先改正上面几处，再重新检查；后面的错误多半是它们引起的。',
    message: ({ rest }) => `从这里起还有 ${rest} 处 YAML 语法错误没有列出，它们多半是上面的错误引起的。请先改正上面几处，再重新检查`,
  }),
  'yaml.too-long': kind<{ length: number; max: number; mdx: boolean }>({
    title: '字段部分太长',
    fix: '删去多余的内容；长篇文字写在正文里（第二个 --- 之后）。',
    message: ({ length, max, mdx }) =>
      `字段部分太长（${length} 个字符，上限 ${max}）：一个条目用不了这么多字段和文字。请删去多余的内容${mdx ? '，长篇文字请写在正文里（第二个 --- 之后）' : ''}`,
  }),
  'yaml.too-deep': kind<{ max: number }>({
    title: 'YAML 嵌套太深',
    fix: '检查是否多写了“[”“{”，或缩进越来越深；手册的字段最多只嵌套三四层。',
    message: ({ max }) =>
      `YAML 嵌套层级太深：列表（[ ] 或 -）和子字段一层套一层，超过了 ${max} 层。` +
      '手册的字段最多只嵌套三四层：请检查是否多写了“[”“{”，或缩进越来越深',
  }),
  'yaml.complex-key': kind({
    title: '字段名不是文字',
    fix: '改成“字段名: 值”的形式（多半是行首多了“?”或括号）。',
    message: () => '字段名只能是文字，这里却是一个列表或一组字段（多半是行首多了“?”或括号）。请改成“字段名: 值”的形式',
  }),
  'yaml.aliases': kind<{ max: number }>({
    title: 'YAML 别名太多',
    fix: '删去锚点（&）和别名（*），把内容直接写出来。',
    message: ({ max }) => `YAML 中的别名（*）展开后太多（上限 ${max} 次），像是“别名炸弹”。请删去锚点（&）和别名（*），把内容直接写出来`,
  }),

  // ---- Fields (the schema of each collection) -------------------------------------------
  'schema.missing': kind<{ hint: string | undefined }>({
    title: '缺少必填字段',
    fix: '补上这个字段；每个字段的写法见 docs/frontmatter.md。',
    message: ({ hint }) => `缺少必填字段。${hint ? `请填写：${hint}` : '请补上这个字段'}`,
  }),
  'schema.empty': kind<{ hint: string | undefined }>({
    title: '字段是空的',
    fix: '在冒号后填写内容，或删去这一行。',
    message: ({ hint }) => `这个字段是空的。${hint ? `请填写：${hint}` : '请填写内容或删去这一行'}`,
  }),
  'schema.unknown-field': kind<{ key: string; guess: string | undefined; allowed: string }>({
    title: '未知字段',
    fix: '改正字段名的拼写（提示中列出了可用的字段），或删去这一行。',
    message: ({ key, guess, allowed }) =>
      key.trim()
        ? `未知字段“${key}”。${guess ? `是不是“${guess}”？` : ''}可用的字段：${allowed}`
        : `字段名是空的。请在冒号前写上字段名（可用的字段：${allowed}），或删去这一行`,
  }),
  'schema.type': kind<{ expected: string; actual: string } | Text>({
    title: '值的类型不对',
    fix: '按提示改成应有的类型：文字、数字、true/false 或列表 [a, b]。',
    message: (p) => ('text' in p ? p.text : `应为：${p.expected}；实际是${p.actual}`),
  }),
  'schema.too-short': kind<{ min: number }>({
    title: '文字太短或为空',
    fix: '补足文字。',
    message: ({ min }) => (min <= 1 ? '不能为空' : `太短：至少要 ${min} 个字`),
  }),
  'schema.too-long': kind<{ max: number; length: number | undefined }>({
    title: '文字太长',
    fix: '精简到上限以内。',
    message: ({ max, length }) => `太长：最多 ${max} 个字${length ? `（现在 ${length} 个）` : ''}。请精简`,
  }),
  'schema.too-few': kind<{ min: number }>({
    title: '列表项太少',
    fix: '补足列表项。',
    message: ({ min }) => `至少要有 ${min} 项`,
  }),
  'schema.too-many': kind<{ max: number }>({
    title: '列表项太多',
    fix: '删减列表项。',
    message: ({ max }) => `最多 ${max} 项`,
  }),
  'schema.range': kind<{ bound: 'min' | 'max'; value: number }>({
    title: '数字超出范围',
    fix: '改成范围以内的数字。',
    message: ({ bound, value }) => (bound === 'min' ? `不能小于 ${value}` : `不能大于 ${value}`),
  }),
  'schema.format': kind<Text>({
    title: '格式不对',
    fix: '按提示的格式改写（如 id 只用小写英文字母、数字和连字符，网址以 https:// 开头）。',
    message: ({ text }) => text,
  }),
  'schema.value': kind<{ values: string; actual: string }>({
    title: '不是可选的值',
    fix: '改成提示中列出的值之一。',
    message: ({ values, actual }) => `应为 ${values} 之一，实际是${actual}`,
  }),
  'schema.invalid': kind<Text>({
    title: '值不符合要求',
    fix: '对照 docs/frontmatter.md 中这个字段的写法修改。',
    message: ({ text }) => text,
  }),
  'value.unknown': kind<Text>({
    title: '不认识的分类值',
    fix: '改成提示中列出的值之一：英文键或中文名称都可以，如 community 或 社区。',
    message: ({ text }) => text,
  }),
  'region.province': kind<Text>({
    title: '省份名称不对',
    fix: '写省级行政区的全称（如 浙江省、广西壮族自治区）；资料未载明时写“不详”。',
    message: ({ text }) => text,
  }),
  'date.format': kind<Text>({
    title: '日期格式不对',
    fix: '写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2023、2023-05 或 2023-05-09；资料没有给出日期时写“不详”。',
    message: ({ text }) => text,
  }),
  'date.impossible': kind<Text>({
    title: '日期不存在',
    fix: '改正月份或日子（如 2 月没有 30 日）。',
    message: ({ text }) => text,
  }),
  'date.future': kind<Text>({
    title: '日期晚于今天',
    fix: '填写已经发生的日期。',
    message: ({ text }) => text,
  }),

  // ---- Bodies -----------------------------------------------------------------------------
  'body.syntax': kind<{ advice: keyof typeof BODY_SYNTAX_ADVICE; detail: string }>({
    title: '正文无法解析',
    fix: '检查这一行的“<”和“{”：要写小于号或花括号时改用全角“＜”“｛｝”；组件要闭合。',
    message: ({ advice, detail }) => `${BODY_SYNTAX_ADVICE[advice]}（${detail}）`,
  }),
  'body.too-deep': kind<{ max: number }>({
    title: '正文嵌套太深',
    fix: '减少引用（>）、列表和标签的嵌套，检查是否多写了“>”“*”“<”。',
    message: ({ max }) => `正文嵌套层级太深：引用（>）、列表或标签一层套一层，超过了 ${max} 层。请减少嵌套，或检查是否多写了“>”“*”“<”`,
  }),
  'body.too-complex': kind<{ seconds: number }>({
    title: '正文过于复杂',
    fix: '检查是否有大量没有闭合的“{”“<”或层层嵌套的引用和列表，或把正文拆成几个文件。',
    message: ({ seconds }) =>
      `正文结构过于复杂，${seconds} 秒内没能读完。常见原因：大量没有闭合的“{”“<”，` +
      '或一层套一层的引用（>）和列表。请检查正文，或把它拆成几个文件',
  }),
  'body.crashed': kind<{ detail: string }>({
    title: '正文无法检查',
    fix: '检查正文是否完整，或把它拆成几个文件。',
    message: ({ detail }) => `正文无法检查：检查程序意外退出${detail ? `（${detail}）` : ''}。请检查正文是否完整，或把它拆成几个文件`,
  }),
  'body.import': kind({
    title: '正文中有 import 或 export',
    fix: '删去这一行：<Cite>、<Unstated>、<Interpretation> 无需导入。',
    message: () => '内容文件不能写 import 或 export。组件 <Cite>、<Unstated>、<Interpretation> 无需导入，可直接使用；请删去这一行',
  }),
  'body.expression': kind({
    title: '正文中有花括号表达式',
    fix: '要写花括号时改用全角“｛｝”。',
    message: () => '正文中的花括号“{…}”会被当作代码执行，内容文件里不允许。如果只是要写花括号，请改用全角“｛｝”',
  }),
  'body.attribute-expression': kind<{ attribute: string | undefined }>({
    title: '标签属性中有表达式',
    fix: '直接写出属性值，如 source="huzhou-practice-2020"。',
    message: ({ attribute }) =>
      attribute === undefined
        ? '标签属性中不能写 {…} 表达式。请直接写出属性值，如 source="huzhou-practice-2020"'
        : `属性 ${attribute} 的值不能是 {…} 表达式。请直接写出值，如 ${attribute}="…"`,
  }),
  'body.script-link': kind<{ attribute: string | undefined }>({
    title: 'javascript: 链接',
    fix: '改为普通网址或站内路径。',
    message: ({ attribute }) =>
      attribute === undefined ? '链接不能以 javascript: 开头。请改为普通网址或站内路径' : `属性 ${attribute} 不能以 javascript: 开头。请改为普通网址或站内路径`,
  }),
  'body.event-handler': kind<{ attribute: string }>({
    title: '事件属性',
    fix: '删去 on…= 属性。',
    message: ({ attribute }) => `内容文件不能使用事件属性 ${attribute}=（它会运行脚本）。请删去`,
  }),
  'body.forbidden-tag': kind<{ tag: string }>({
    title: '不允许的标签',
    fix: '删去这个标签：<script>、<iframe>、<object> 等会运行或嵌入外部内容。',
    message: ({ tag }) => `内容文件不能使用 ${tag} 标签：它会在读者的浏览器里运行或嵌入外部内容。请删去`,
  }),
  'body.unknown-component': kind<{ name: string; components: string }>({
    title: '没有这个组件',
    fix: '只用 <Cite>、<Unstated>、<Interpretation>，注意大小写。',
    message: ({ name, components }) => `正文中没有“${name}”这个组件。可用的组件：${components}`,
  }),
  'cite.no-source': kind({
    title: '<Cite> 缺少 source',
    fix: '写成 <Cite source="资料来源 id" />。',
    message: () => '<Cite> 缺少 source。请写成 <Cite source="资料来源 id" />',
  }),

  'copy.run': kind<{ source: string; length: number; shared: string }>({
    title: '照抄了资料原文',
    fix: '用自己的话改写；确要引用原话时，放进引号“”里，并用 <Cite> 注明出处。',
    message: ({ source, length, shared }) =>
      `这段文字与资料原文 ${source} 有连续 ${length} 个字相同：“${shared}”。请用自己的话改写；确要引用原话时，放进引号“”里并注明出处`,
  }),

  'copy.fingerprint': kind<{ text: string }>({
    title: '指纹文件无法读取',
    fix: '用 npm run fingerprint -- 原文.txt --source 资料id 重新生成这个文件；不再需要时删去它。',
    message: ({ text }) => text,
  }),

  'draft.placeholder': kind<{ text: string; inBody: boolean }>({
    title: '还有没填写的地方',
    fix: '把“【待填写】”和它后面的提示换成真实内容（写法见上方的注释）；还没写完时，可以先把文件名改为以 _ 开头的草稿。',
    message: ({ text, inBody }) =>
      `这里还是 npm run new 写下的占位内容：“${text}”。${inBody ? '请改写成正文，或删去这一行' : '请按上方注释填写，并删去“【待填写】”'}` +
      '；没写完时，可先把文件名改为以 _ 开头（草稿：检查，但不发布）',
  }),

  // ---- Across files -----------------------------------------------------------------------
  'ref.unknown': kind<{ id: string; label: string; file: string; guess: string | undefined; existing: string }>({
    title: '引用了不存在的 id',
    fix: '改正 id 的拼写（提示中列出了现有的 id），或先建立被引用的文件。',
    message: ({ id, label, file, guess, existing }) => `找不到 id 为“${id}”的${label}（${file}）。${guess ? `是不是“${guess}”？` : ''}${existing}`,
  }),
  'ref.old-id': kind<{ id: string; label: string; current: string }>({
    title: '引用了旧 id',
    fix: '改为页面现在的 id。',
    message: ({ id, label, current }) => `“${id}”是${label}“${current}”的旧 id。请改为“${current}”`,
  }),
  'id.duplicate': kind<{ id: string; other: string }>({
    title: 'id 重复',
    fix: '同一类内容的 id（文件名）必须唯一：给其中一个文件改名。',
    message: ({ id, other }) => `id“${id}”与 ${other} 重复。同一类内容的 id 必须唯一，请给其中一个改名`,
  }),
  'alias.own-id': kind<{ alias: string }>({
    title: '别名就是本文件的 id',
    fix: '删去这个别名。',
    message: ({ alias }) => `别名“${alias}”就是本文件的 id。请删去`,
  }),
  'alias.taken': kind<{ alias: string; other: string }>({
    title: '别名已被占用',
    fix: '删去这个别名，或给占用它的文件改名。',
    message: ({ alias, other }) => `别名“${alias}”已是 ${other} 的 id。请删去这个别名，或给那个文件改名`,
  }),
  'alias.no-section': kind<{ alias: string; anchor: string; guess: string | undefined; headings: string }>({
    title: '别名指向的一节不存在',
    fix: '把 # 后面改成本页正文中一个标题（## 或 ###）的锚点：标题的文字去掉标点、空格换成连字符；或改回那个标题原来的写法。',
    message: ({ alias, anchor, guess, headings }) =>
      `别名“${alias}”要跳转到本页的“#${anchor}”，但本页正文没有这样的标题。${guess ? `是不是“${guess}”？` : ''}${headings}`,
  }),
  'term.duplicate': kind<{ name: string; other: string }>({
    title: '术语重复',
    fix: '同一个词只能属于一个词条：删去重复的术语或别称。',
    message: ({ name, other }) => `术语“${name}”已在 ${other} 中出现。同一个词只能属于一个词条`,
  }),
  'partof.self': kind({
    title: 'partOf 指向自己',
    fix: '填写这次协商所属的实践案例的 id。',
    message: () => 'partOf 不能指向案例自己。请填写它所属的实践案例的 id',
  }),
  'partof.not-practice': kind<{ id: string }>({
    title: 'partOf 指向的不是实践',
    fix: 'partOf 填写一个实践案例（kind: practice）的 id。',
    message: ({ id }) => `partOf 应指向一个实践（kind: practice），而“${id}”是协商事例（consultation）。请改为它所属的实践`,
  }),
  'steps.count': kind<{ stated: number; listed: number }>({
    title: '步骤数与标题不符',
    fix: '补齐或删减 steps 中的步骤，或修改标题中的步数。',
    message: ({ stated, listed }) => `标题写明 ${stated} 步，但 steps 列了 ${listed} 步。请补齐或删减步骤，或修改标题`,
  }),
  'formula.unreadable': kind<{ formula: string }>({
    title: '公式无法解读',
    fix: '公式只能由数字、单个字母（X、N）和 + 组成，如 1+7+X。',
    message: ({ formula }) => `公式“${formula}”无法解读。只能由数字、单个字母（X、N）和 + 组成，如 1+7+X 或 1246+X`,
  }),
  'formula.parts': kind<{ formula: string; terms: string; termCount: number; partCount: number }>({
    title: '公式的项数与 parts 不符',
    fix: '按公式逐项列出 parts，一项一条。',
    message: ({ formula, terms, termCount, partCount }) => `公式“${formula}”有 ${termCount} 项（${terms}），但 parts 列了 ${partCount} 项。请按公式逐项列出`,
  }),
  'formula.count': kind<{ formula: string; position: number; term: string; count: string }>({
    title: '公式的项与 count 不符',
    fix: '让 parts 中每一项的 count 与公式中对应的项一致。',
    message: ({ formula, position, term, count }) => `公式“${formula}”的第 ${position} 项是 ${term}，这里写的是 ${count}。请让两者一致`,
  }),
  'formula.members': kind<{ count: number; listed: number }>({
    title: 'members 的人数与 count 不符',
    fix: '列满 count 个成员，或删去 members 并在 detail 中说明。',
    message: ({ count, listed }) => `count 是 ${count}，但 members 列了 ${listed} 个。请列满 ${count} 个，或删去 members 并在 detail 中说明`,
  }),

  // ---- The search thesaurus (content/thesaurus.yaml) -------------------------------------
  'thesaurus.not-file': kind({
    title: '检索词表不是普通文件',
    fix: '删去这个文件夹或链接，把词表写在 content/thesaurus.yaml 里。',
    message: () => '检索词表应是一个普通的 .yaml 文件。请删去这个文件夹或链接，把词表写在 content/thesaurus.yaml 里',
  }),
  'thesaurus.not-fields': kind({
    title: '检索词表不是“字段: 值”的形式',
    fix: '按 synonyms、phrases、topics 三个字段写词表。',
    message: () => '检索词表应写成“字段: 值”的形式：synonyms（同义词）、phrases（整体搜索的短语）、topics（领域用词）',
  }),
  'thesaurus.rule': kind<Text>({
    title: '检索词表的词条互相矛盾',
    fix: '按提示改正或删去这一条。',
    message: ({ text }) => text,
  }),

  // ---- The handbook's config (handbook.config.ts) ---------------------------------------
  'config.invalid': kind<Text>({
    title: '手册设置有误',
    fix: '按提示修改 handbook.config.ts 中的这一项；每一项的写法见文件中的注释。',
    message: ({ text }) => text,
  }),
  'config.env': kind<{ name: string; text: string }>({
    title: '环境变量的值有误',
    fix: '改正或删去这个环境变量。',
    message: ({ name, text }) => `环境变量 ${name}：${text}`,
  }),
  'config.source-texts': kind<{ folder: string }>({
    title: '找不到资料原文文件夹',
    fix: '把资料原文（.txt 文件）放进 sourceTexts 所写的文件夹，或改正这个路径；不比对时删去这一行。',
    message: ({ folder }) => `找不到资料原文文件夹 ${folder}。请把资料原文（.txt 文件）放进这个文件夹，或改正 sourceTexts；不比对时删去这一行`,
  }),
  'config.logo': kind<{ logo: string }>({
    title: '找不到标志图片',
    fix: '把图片放进 public/ 文件夹，或改正 logo 中的文件名；不用标志时删去这一行。',
    message: ({ logo }) => `找不到标志图片 public${logo}。请把图片放进 public/ 文件夹，或改正文件名；不用标志时删去这一行`,
  }),
} as const;

export type ProblemCode = keyof typeof PROBLEM_KINDS;
export type ProblemParams<C extends ProblemCode> = Parameters<(typeof PROBLEM_KINDS)[C]['message']>;

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEM_KINDS, code);
}

/** The message of a problem of this kind. */
export function messageOf<C extends ProblemCode>(code: C, ...params: ProblemParams<C>): string {
  return (PROBLEM_KINDS[code].message as (p?: unknown) => string)(params[0]);
}

/** The anchor of a code's section in docs/problems.md: `steps.count` → `steps-count`. */
export function anchorOf(code: ProblemCode): string {
  return code.replaceAll('.', '-');
}

/** Where a code is explained. */
export const PROBLEMS_DOC = 'docs/problems.md';
