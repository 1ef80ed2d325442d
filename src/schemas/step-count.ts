const DIGITS: Record<string, number> = {
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return DIGITS[text];
  // 十二 = 12, 二十 = 20, 二十三 = 23
  const match = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!match) return undefined;
  return (match[1] ? DIGITS[match[1]]! : 1) * 10 + (match[2] ? DIGITS[match[2]]! : 0);
}

/**
 * The number of steps a method's title states, if any: 八步工作法 → 8, 六步议事程序 → 6,
 * "4-step" → 4. Undefined when the title states none.
 */
export function statedStepCount(title: string): number | undefined {
  const zh = /([0-9]+|[一二两三四五六七八九十]+)\s*步/.exec(title);
  if (zh) return chineseNumber(zh[1]!);
  const en = /(\d+)[-\s]?steps?\b/i.exec(title);
  return en ? Number(en[1]) : undefined;
}
