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
