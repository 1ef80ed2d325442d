import { pinyin } from 'pinyin-pro';

/** A sort key that orders Chinese text by pinyin (then by the text itself). */
export function pinyinKey(text: string): string {
  return `${pinyin(text, { toneType: 'num', type: 'array', v: true }).join(' ')}\u0000${text}`;
}

/** Sorts items by the pinyin of a Chinese label. */
export function sortByPinyin<T>(items: readonly T[], label: (item: T) => string): T[] {
  const keyed = items.map((item) => [pinyinKey(label(item)), item] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, item]) => item);
}

/** The initial a glossary index files Chinese text under: its first syllable's first letter (A–Z), or `#`. */
export function pinyinInitial(text: string): string {
  const first = [...text.trim()][0] ?? '';
  const letter = pinyin(first, { pattern: 'first', toneType: 'none', type: 'array', v: true })[0]?.toUpperCase() ?? '';
  return /^[A-Z]$/.test(letter) ? letter : '#';
}

/** Items in pinyin order, grouped by initial (`pinyinInitial`), groups in alphabetical order, `#` last. */
export function groupByInitial<T>(items: readonly T[], label: (item: T) => string): { initial: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of sortByPinyin(items, label)) {
    const initial = pinyinInitial(label(item));
    groups.set(initial, [...(groups.get(initial) ?? []), item]);
  }
  return [...groups].map(([initial, grouped]) => ({ initial, items: grouped })).sort((a, b) =>
    a.initial === b.initial ? 0 : a.initial === '#' ? 1 : b.initial === '#' ? -1 : a.initial < b.initial ? -1 : 1);
}
