import type { MdastPluginDefinition } from 'satteri';

/**
 * A site path as written in content (`/cases/x/`) under the configured base (`/handbook/cases/x/`).
 * Leaves alone what is not a root-relative path (`https:`, `mailto:`, `#step-1`, `//host`, `x/`)
 * and paths already under the base.
 */
export function prefixBase(url: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  if (prefix === '' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}#`) || url.startsWith(`${prefix}?`)) return url;
  return `${prefix}${url}`;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

const URL_ATTRIBUTES = new Set(['href', 'src']);

/**
 * An mdast plugin that puts content links under the base: authors write site paths from the
 * root (`[六步议事程序](/methods/six-step-procedure/)`), and a handbook served under
 * `/handbook/` needs `/handbook/methods/six-step-procedure/`. Covers Markdown links, images,
 * link definitions, and `href`/`src` of plain HTML written in a body. With base `/` it is left out.
 */
export function baseLinks(base: string): MdastPluginDefinition | null {
  if (base.replace(/\/+$/, '') === '') return null;
  const fix = (url: string) => prefixBase(url, base);
  const jsx = (node: { attributes: JsxAttribute[] }, ctx: { setProperty(node: never, key: 'attributes', value: JsxAttribute[]): void }) => {
    let changed = false;
    const attributes = node.attributes.map((attribute) => {
      if (attribute.type !== 'mdxJsxAttribute' || !URL_ATTRIBUTES.has(attribute.name ?? '') || typeof attribute.value !== 'string') return attribute;
      const value = fix(attribute.value);
      if (value === attribute.value) return attribute;
      changed = true;
      return { ...attribute, value };
    });
    if (changed) ctx.setProperty(node as never, 'attributes', attributes);
  };
  return {
    name: 'yishi-base-links',
    link(node, ctx) {
      const url = fix(node.url);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
    image(node, ctx) {
      const url = fix(node.url);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
    definition(node, ctx) {
      const url = fix(node.url);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
    mdxJsxFlowElement(node, ctx) {
      jsx(node as unknown as { attributes: JsxAttribute[] }, ctx as never);
    },
    mdxJsxTextElement(node, ctx) {
      jsx(node as unknown as { attributes: JsxAttribute[] }, ctx as never);
    },
  };
}
