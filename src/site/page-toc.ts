/** An entry of a page's own table of contents (本页目录). */
export interface TocItem {
  id: string;
  label: string;
}

/** About three phone screens of Chinese text: longer pages get a table of contents. */
export const TOC_MIN_CHARS = 1200;

/** The visible characters of MDX or HTML source: tags, components and whitespace left out. */
export function textLength(...parts: (string | undefined)[]): number {
  return parts.reduce((sum, part) => sum + (part ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, '').length, 0);
}

/**
 * The table of contents of a page: its sections, when the page is long enough to need one
 * (at least `minChars` characters of text) and has at least three sections; none otherwise.
 */
export function pageToc(items: readonly (TocItem | undefined | false)[], chars: number, minChars = TOC_MIN_CHARS): TocItem[] {
  const present = items.filter((item): item is TocItem => Boolean(item));
  return chars >= minChars && present.length >= 3 ? present : [];
}
