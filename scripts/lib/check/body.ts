import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mdxToMdast } from 'satteri';
import type { Problem } from './problem.ts';

/**
 * Bodies up to this many characters are parsed in the checking process. The MDX parser takes
 * time that grows with the square of the length on some hostile input (thousands of unclosed
 * `{` or `<div>`, deeply nested quotes): longer bodies are parsed in a child process that is
 * stopped after BODY_TIME_LIMIT_MS. The handbook's longest body is about 6,000 characters.
 */
export const IN_PROCESS_BODY_CHARS = 20_000;
export const BODY_TIME_LIMIT_MS = 8_000;

/** Quotes, lists and tags nested deeper than this are refused (real pages need a handful). */
export const MAX_BODY_NESTING = 64;

/** Components a content body may use without importing them. */
export const CONTENT_COMPONENTS = ['Cite', 'Unstated', 'Interpretation'] as const;

/** HTML elements that would run or embed code; content is data, never code. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'form', 'style', 'link', 'meta']);

export interface Citation {
  source: string;
  line: number;
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** Explains satteri's MDX syntax errors ("3:5: Unexpected …") in Chinese, at the file's line. */
function syntaxProblem(error: Error, bodyLine: number, file: string): Problem {
  const match = /^(\d+):(\d+): (.*)$/s.exec(error.message);
  const line = match ? bodyLine + Number(match[1]) - 1 : bodyLine;
  const detail = (match?.[3] ?? error.message).split('\n')[0]!;
  let advice = '正文的写法有误，MDX 无法解析。请检查这一行的尖括号“<”和花括号“{”';
  if (/brace|expression/i.test(detail)) advice = '正文中的花括号“{”会被当作代码。如果只是要写花括号，请改用全角“｛｝”';
  else if (/closing tag/i.test(detail)) advice = '标签没有闭合。组件要么写成 <Unstated>……</Unstated>，要么写成 <Cite source="…" />';
  else if (/before name|character/i.test(detail)) advice = '正文中的“<”会被当作标签的开头。表示“小于”时请改用全角“＜”或文字';
  return { file, line, field: '正文', message: `${advice}（${detail}）` };
}

/**
 * Reads an MDX body as a tree: its citations, and problems with what it uses. Content may use
 * Markdown, plain HTML and the handbook's components; nothing that runs code.
 */
export function scanBody(body: string, bodyLine: number, file: string) {
  const citations: Citation[] = [];
  const problems: Problem[] = [];
  let tree: Node;
  try {
    tree = mdxToMdast(body) as Node;
  } catch (error) {
    problems.push(syntaxProblem(error as Error, bodyLine, file));
    return { citations, problems };
  }
  const report = (node: Node, field: string, message: string) =>
    problems.push({ file, line: bodyLine + (node.position?.start.line ?? 1) - 1, field, message });

  let tooDeep = false;
  const visit = (node: Node, depth: number) => {
    if (depth > MAX_BODY_NESTING && !tooDeep) {
      tooDeep = true;
      report(node, '正文', `正文嵌套层级太深：引用（>）、列表或标签一层套一层，超过了 ${MAX_BODY_NESTING} 层。请减少嵌套，或检查是否多写了“>”“*”“<”`);
    }
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'import/export', '内容文件不能写 import 或 export。组件 <Cite>、<Unstated>、<Interpretation> 无需导入，可直接使用；请删去这一行');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, '{…}', '正文中的花括号“{…}”会被当作代码执行，内容文件里不允许。如果只是要写花括号，请改用全角“｛｝”');
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url && isScriptUrl(node.url)) report(node, 'javascript:', '链接不能以 javascript: 开头。请改为普通网址或站内路径');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        element(node);
        break;
    }
  };

  const element = (node: Node) => {
    const name = node.name ?? '';
    const tag = `<${name}>`;
    if (/^[A-Z]/.test(name) && !(CONTENT_COMPONENTS as readonly string[]).includes(name)) {
      report(node, tag, `正文中没有“${name}”这个组件。可用的组件：${CONTENT_COMPONENTS.map((c) => `<${c}>`).join('、')}`);
    }
    if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
      report(node, tag, `内容文件不能使用 ${tag} 标签：它会在读者的浏览器里运行或嵌入外部内容。请删去`);
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        report(node, tag, '标签属性中不能写 {…} 表达式。请直接写出属性值，如 source="huzhou-practice-2020"');
        continue;
      }
      const attrName = attribute.name ?? '';
      if (/^on/i.test(attrName)) {
        report(node, `${tag} ${attrName}`, `内容文件不能使用事件属性 ${attrName}=（它会运行脚本）。请删去`);
      } else if (typeof attribute.value === 'object' && attribute.value !== null) {
        report(node, `${tag} ${attrName}`, `属性 ${attrName} 的值不能是 {…} 表达式。请直接写出值，如 ${attrName}="…"`);
      } else if (typeof attribute.value === 'string' && isScriptUrl(attribute.value)) {
        report(node, `${tag} ${attrName}`, `属性 ${attrName} 不能以 javascript: 开头。请改为普通网址或站内路径`);
      }
    }
    if (name === 'Cite') {
      const source = node.attributes?.find((a) => a.name === 'source')?.value;
      if (typeof source === 'string' && source) citations.push({ source, line: bodyLine + (node.position?.start.line ?? 1) - 1 });
      else report(node, '<Cite>', '<Cite> 缺少 source。请写成 <Cite source="资料来源 id" />');
    }
  };

  // Depth first and in document order, without recursion: a deep tree cannot overflow the stack.
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    visit(node, depth);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return { citations, problems };
}

const CHILD = fileURLToPath(new URL('./body-child.ts', import.meta.url));

/**
 * `scanBody`, with a time limit for long bodies: those are read in a child process (see
 * IN_PROCESS_BODY_CHARS), so a body the parser would take minutes over ends in a problem.
 */
export async function scanBodyLimited(body: string, bodyLine: number, file: string): Promise<ReturnType<typeof scanBody>> {
  if (body.length <= IN_PROCESS_BODY_CHARS) return scanBody(body, bodyLine, file);
  const failed = (message: string) => ({ citations: [], problems: [{ file, line: bodyLine, field: '正文', message }] });
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CHILD, String(bodyLine), file],
      { timeout: BODY_TIME_LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && (error.killed || error.signal)) {
          resolve(failed(
            `正文结构过于复杂，${BODY_TIME_LIMIT_MS / 1000} 秒内没能读完。常见原因：大量没有闭合的“{”“<”，` +
              '或一层套一层的引用（>）和列表。请检查正文，或把它拆成几个文件',
          ));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as ReturnType<typeof scanBody>);
        } catch {
          const detail = (stderr.split('\n').find((line) => /error/i.test(line)) ?? stderr.split('\n')[0] ?? '').trim();
          resolve(failed(`正文无法检查：检查程序意外退出${detail ? `（${detail}）` : ''}。请检查正文是否完整，或把它拆成几个文件`));
        }
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(body);
  });
}

/** `javascript:` and its obfuscations (`JaVa\tScript:`, entity-free forms browsers accept). */
function isScriptUrl(url: string): boolean {
  return /^(javascript|vbscript|data):/i.test(url.replace(/[\s\u0000-\u001f]/g, ''));
}
