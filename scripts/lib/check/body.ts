import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mdxToMdast } from 'satteri';
import { problemAt, type Problem } from './problem.ts';
import type { ProblemCode, ProblemParams } from './codes.ts';

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
  let advice: ProblemParams<'body.syntax'>[0]['advice'] = 'other';
  if (/brace|expression/i.test(detail)) advice = 'brace';
  else if (/closing tag/i.test(detail)) advice = 'closing';
  else if (/before name|character/i.test(detail)) advice = 'lessThan';
  return problemAt({ file, line, field: '正文' }, 'body.syntax', { advice, detail });
}

/**
 * Reads an MDX body as a tree: its citations, and problems with what it uses. Content may use
 * Markdown, plain HTML and the handbook's components; nothing that runs code.
 */
export function scanBody(body: string, bodyLine: number, file: string) {
  const citations: Citation[] = [];
  const problems: Problem[] = [];
  /** The text of each Markdown heading, in order (their anchors: `headingAnchors`). */
  const headings: string[] = [];
  let tree: Node;
  try {
    tree = mdxToMdast(body) as Node;
  } catch (error) {
    problems.push(syntaxProblem(error as Error, bodyLine, file));
    // Unread, so unknown: no rule about headings runs on this body.
    return { citations, problems, headings: undefined };
  }
  const report = <C extends ProblemCode>(node: Node, field: string, code: C, ...params: ProblemParams<C>) =>
    problems.push(problemAt({ file, line: bodyLine + (node.position?.start.line ?? 1) - 1, field }, code, ...params));

  let tooDeep = false;
  const visit = (node: Node, depth: number) => {
    if (depth > MAX_BODY_NESTING && !tooDeep) {
      tooDeep = true;
      report(node, '正文', 'body.too-deep', { max: MAX_BODY_NESTING });
    }
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'import/export', 'body.import');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, '{…}', 'body.expression');
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url && isScriptUrl(node.url)) report(node, 'javascript:', 'body.script-link', { attribute: undefined });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        element(node);
        break;
      case 'heading':
        headings.push(textOf(node));
        break;
    }
  };

  const element = (node: Node) => {
    const name = node.name ?? '';
    const tag = `<${name}>`;
    if (/^[A-Z]/.test(name) && !(CONTENT_COMPONENTS as readonly string[]).includes(name)) {
      report(node, tag, 'body.unknown-component', { name, components: CONTENT_COMPONENTS.map((c) => `<${c}>`).join('、') });
    }
    if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
      report(node, tag, 'body.forbidden-tag', { tag });
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        report(node, tag, 'body.attribute-expression', { attribute: undefined });
        continue;
      }
      const attrName = attribute.name ?? '';
      if (/^on/i.test(attrName)) {
        report(node, `${tag} ${attrName}`, 'body.event-handler', { attribute: attrName });
      } else if (typeof attribute.value === 'object' && attribute.value !== null) {
        report(node, `${tag} ${attrName}`, 'body.attribute-expression', { attribute: attrName });
      } else if (typeof attribute.value === 'string' && isScriptUrl(attribute.value)) {
        report(node, `${tag} ${attrName}`, 'body.script-link', { attribute: attrName });
      }
    }
    if (name === 'Cite') {
      const source = node.attributes?.find((a) => a.name === 'source')?.value;
      if (typeof source === 'string' && source) citations.push({ source, line: bodyLine + (node.position?.start.line ?? 1) - 1 });
      else report(node, '<Cite>', 'cite.no-source');
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
  return { citations, problems, headings };
}

/** The visible text of a node, as a heading's anchor is made from it. */
function textOf(node: Node): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

const CHILD = fileURLToPath(new URL('./body-child.ts', import.meta.url));

/**
 * `scanBody`, with a time limit for long bodies: those are read in a child process (see
 * IN_PROCESS_BODY_CHARS), so a body the parser would take minutes over ends in a problem.
 */
export async function scanBodyLimited(body: string, bodyLine: number, file: string): Promise<ReturnType<typeof scanBody>> {
  if (body.length <= IN_PROCESS_BODY_CHARS) return scanBody(body, bodyLine, file);
  const failed = <C extends ProblemCode>(code: C, ...params: ProblemParams<C>) => ({ citations: [], headings: undefined, problems: [problemAt({ file, line: bodyLine, field: '正文' }, code, ...params)] });
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CHILD, String(bodyLine), file],
      { timeout: BODY_TIME_LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && (error.killed || error.signal)) {
          resolve(failed('body.too-complex', { seconds: BODY_TIME_LIMIT_MS / 1000 }));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as ReturnType<typeof scanBody>);
        } catch {
          const detail = (stderr.split('\n').find((line) => /error/i.test(line)) ?? stderr.split('\n')[0] ?? '').trim();
          resolve(failed('body.crashed', { detail }));
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
