/**
 * The body's live preview: the MDX is parsed by the site's own Markdown processor (satteri, with
 * the site's GFM and footnote settings, scripts/lib/astro/config.ts) into HTML's tree, which is
 * written out here. The handbook's three components are drawn as their Astro components draw them
 * (src/components/content/); plain HTML in a body is kept when it is an ordinary element, and
 * nothing that runs code is ever written (the check refuses it anyway). Not done here, as on the
 * site: glossary links on a term's first mention, and `base` in links.
 */
import { mdxToHast } from 'satteri';
import { t } from '../../../src/i18n/index.ts';

interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
}

const FEATURES = { gfm: { footnotes: { label: '注释', backLabel: '返回正文（第 {reference} 处）', backContent: '↩' } } };

const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr', 'col']);
/** Elements a body may write as HTML and the preview shows as such; others show only their text. */
const ALLOWED = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strong',
  'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'wbr',
]);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** `className` → `class`, `ariaLabel` → `aria-label`, `dataFootnoteRef` → `data-footnote-ref`. */
function attributeName(name: string): string {
  if (name === 'className') return 'class';
  if (name === 'htmlFor') return 'for';
  if (/^(aria|data)[A-Z]/.test(name)) return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return name.toLowerCase();
}

function safeAttribute(name: string, value: unknown): string {
  if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') return '';
  if (value === false || value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  if ((name === 'href' || name === 'src') && /^\s*(javascript|data|vbscript):/i.test(text)) return '';
  return value === true ? ` ${name}` : ` ${name}="${escapeAttr(text)}"`;
}

export interface PreviewContext {
  /** Source titles by id, for the citation's title; a source not listed is shown as unknown. */
  sources: ReadonlyMap<string, string>;
}

function jsxAttribute(node: HastNode, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

function render(node: HastNode, context: PreviewContext): string {
  const children = () => (node.children ?? []).map((child) => render(child, context)).join('');
  switch (node.type) {
    case 'root':
      return children();
    case 'text':
      return escapeText(String(node.value ?? ''));
    case 'element': {
      const tag = node.tagName ?? 'span';
      if (!ALLOWED.has(tag)) return children();
      const attributes = Object.entries(node.properties ?? {}).map(([k, v]) => safeAttribute(attributeName(k), v)).join('');
      return VOID.has(tag) ? `<${tag}${attributes}>` : `<${tag}${attributes}>${children()}</${tag}>`;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (name === 'Cite') {
        const source = jsxAttribute(node, 'source') ?? '';
        const title = context.sources.get(source);
        const label = title ? t('sources.cite', { title }) : `未知的资料来源“${source}”`;
        return `<sup class="cite${title ? '' : ' cite--unknown'}" data-source="${escapeAttr(source)}"><a href="#source-${escapeAttr(source)}" aria-label="${escapeAttr(label)}" title="${escapeAttr(title ?? label)}">〔出处〕</a></sup>`;
      }
      if (name === 'Unstated' || name === 'Interpretation') {
        const kind = name === 'Unstated' ? 'unstated' : 'interpretation';
        return `<aside class="note note--${kind}" role="note"><span class="note__label">${escapeText(t(name === 'Unstated' ? 'note.unstated' : 'note.interpretation'))}</span>${children()}</aside>`;
      }
      if (/^[a-z][a-z0-9]*$/.test(name) && ALLOWED.has(name)) {
        const attributes = (node.attributes ?? []).map((a) => (a.type === 'mdxJsxAttribute' && a.name ? safeAttribute(a.name.toLowerCase(), a.value ?? true) : '')).join('');
        return VOID.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${children()}</${name}>`;
      }
      return children();
    }
    default:
      // Expressions, ESM, comments, raw HTML: never written (the check refuses code in content).
      return children();
  }
}

export type Preview = { ok: true; html: string } | { ok: false; message: string };

/** The body as the page shows it (within the `.prose` container). */
export function previewBody(body: string, context: PreviewContext): Preview {
  try {
    const tree = mdxToHast(body, { features: FEATURES } as Parameters<typeof mdxToHast>[1]) as unknown as HastNode;
    return { ok: true, html: render(tree, context) };
  } catch (error) {
    return { ok: false, message: `正文无法解析，预览暂停：${String((error as Error).message ?? error).split('\n')[0]}` };
  }
}
