import strings from './zh-CN.ts';

export type UiKey = keyof typeof strings;

/**
 * A UI string by key, with `{name}` placeholders filled in.
 * @example t('method.step', { n: 3 }) // '第 3 步'
 */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
