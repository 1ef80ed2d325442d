import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';

/** A glossary entry as the linker needs it: its id and every name it goes by. */
export interface TermName {
  id: string;
  names: string[];
}

/** The names of glossary entries (`term` and `aliases`), for `termLinks`. */
export function termNames(terms: readonly { id: string; data: { term: string; aliases?: readonly string[] } }[]): TermName[] {
  return terms.map(({ id, data }) => ({ id, names: [data.term, ...(data.aliases ?? [])] }));
}

/** Node types whose text must not become a link: links themselves, headings, code. */
const SKIP_INSIDE = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition']);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An mdast plugin that links the first mention of each glossary term in a page's body to
 * `/terms/#<id>`, at build time. Headings, existing links and code are left alone; longer
 * names win over shorter ones they contain (界别活动室 before 界别).
 */
export function termLinks(terms: readonly TermName[], base = '/'): (ctx: PluginFactoryContext) => MdastPluginDefinition | null {
  const byName = new Map<string, string>();
  for (const term of terms) for (const name of term.names) if (name.length >= 2) byName.set(name, term.id);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (names.length === 0) return () => null;
  const pattern = new RegExp(names.map(escape).join('|'), 'g');
  const prefix = `${base.replace(/\/?$/, '/')}terms/#`;

  return () => {
    // A fresh set per document: each page links each term once.
    const linked = new Set<string>();
    return {
      name: 'yishi-term-links',
      text(node, ctx) {
        for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent as never)) {
          if (SKIP_INSIDE.has(parent.type)) return;
          if (parent.type === 'root') break;
        }
        const value = node.value;
        const parts: Record<string, unknown>[] = [];
        let last = 0;
        for (const match of value.matchAll(pattern)) {
          const id = byName.get(match[0])!;
          if (linked.has(id)) continue;
          linked.add(id);
          if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
          parts.push({
            type: 'link',
            url: `${prefix}${id}`,
            title: null,
            data: { hProperties: { className: ['term-link'] } },
            children: [{ type: 'text', value: match[0] }],
          });
          last = match.index + match[0].length;
        }
        if (parts.length === 0) return;
        if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
        ctx.replaceNode(node, parts as never);
      },
    };
  };
}
