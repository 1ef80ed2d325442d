import type { Problem } from './problem.ts';

/** Components a content body may use without importing them. */
export const CONTENT_COMPONENTS = ['Cite', 'Unstated', 'Interpretation'] as const;

export interface Citation {
  source: string;
  line: number;
}

/**
 * Blanks out fenced code blocks and inline code, keeping line breaks, so examples shown in
 * code (as the authoring guide does) are neither checked nor counted as citations.
 */
export function stripCode(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/`[^`\n]+`/g, blank);
}

function lineAt(text: string, index: number, firstLine: number): number {
  let line = firstLine;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Reads an MDX body: its citations, and problems with the components it uses. */
export function scanBody(body: string, bodyLine: number, file: string) {
  const text = stripCode(body);
  const citations: Citation[] = [];
  const problems: Problem[] = [];
  for (const match of text.matchAll(/<([A-Z][A-Za-z0-9]*)\b([^>]*)>/g)) {
    const [, name, attributes] = match;
    const line = lineAt(text, match.index, bodyLine);
    if (!(CONTENT_COMPONENTS as readonly string[]).includes(name!)) {
      problems.push({
        file,
        line,
        field: `<${name}>`,
        message: `正文中没有“${name}”这个组件。可用的组件：${CONTENT_COMPONENTS.map((c) => `<${c}>`).join('、')}`,
      });
      continue;
    }
    if (name === 'Cite') {
      const source = /\bsource\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes!);
      const id = source?.[1] ?? source?.[2];
      if (!id) {
        problems.push({ file, line, field: '<Cite>', message: '<Cite> 缺少 source。请写成 <Cite source="资料来源 id" />' });
      } else citations.push({ source: id, line });
    }
  }
  return { citations, problems };
}
