import { mdxToMdast } from 'satteri';
import type { Problem } from './problem.ts';

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

  const visit = (node: Node) => {
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
    node.children?.forEach(visit);
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

  visit(tree);
  return { citations, problems };
}

/** `javascript:` and its obfuscations (`JaVa\tScript:`, entity-free forms browsers accept). */
function isScriptUrl(url: string): boolean {
  return /^(javascript|vbscript|data):/i.test(url.replace(/[\s\u0000-\u001f]/g, ''));
}
