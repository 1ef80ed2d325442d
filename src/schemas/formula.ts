/** One term of a model's formula: a number or an open letter. */
export type FormulaTerm = number | string;

/**
 * Splits a formula into its terms: on "+", and a multi-digit number digit by digit, as the
 * sources write yearly schedules (`1246+X` → 1, 2, 4, 6, X; `1+7+X` → 1, 7, X).
 * Returns undefined when the formula has anything else in it.
 */
export function parseFormula(formula: string): FormulaTerm[] | undefined {
  const chunks = formula.replace(/\s+/g, '').replace(/＋/g, '+').split('+');
  const terms: FormulaTerm[] = [];
  for (const chunk of chunks) {
    if (/^\d+$/.test(chunk)) terms.push(...[...chunk].map(Number));
    else if (/^[A-Za-z]$/.test(chunk)) terms.push(chunk.toUpperCase());
    else return undefined;
  }
  return terms;
}

/** Whether a part's count matches a formula term (letters compare case-insensitively). */
export function countMatches(count: number | string, term: FormulaTerm): boolean {
  return typeof term === 'number' ? count === term : typeof count === 'string' && count.toUpperCase() === term;
}
