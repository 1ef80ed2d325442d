/**
 * Partial dates as the handbook writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Parsing is strict: 2023-02-30 is an error, never 2 March.
 */
export type DateCheck = { ok: true; value: string } | { ok: false; message: string; code: DateProblem };

/** The content check's code for each way a date can be wrong (scripts/lib/check/codes.ts). */
export type DateProblem = 'date.format' | 'date.impossible' | 'date.future';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Today as `YYYY-MM-DD` in local time (the tests fix the clock with vitest's fake timers). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks that a partial date exists and does not lie after `now` (`YYYY-MM-DD`). */
export function checkPartialDate(input: string, now: string = today()): DateCheck {
  const match = PATTERN.exec(input.trim());
  if (!match) {
    return {
      ok: false,
      code: 'date.format',
      message: `日期“${input}”格式不对。请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2023、2023-05 或 2023-05-09`,
    };
  }
  const [, y, m, d] = match;
  const year = Number(y);
  if (m !== undefined) {
    const month = Number(m);
    if (month < 1 || month > 12) {
      return { ok: false, code: 'date.impossible', message: `日期“${input}”不存在：月份应在 01 到 12 之间` };
    }
    if (d !== undefined) {
      const day = Number(d);
      const last = daysInMonth(year, month);
      if (day < 1 || day > last) {
        return { ok: false, code: 'date.impossible', message: `日期“${input}”不存在：${year} 年 ${month} 月只有 ${last} 天` };
      }
    }
  }
  const value = match[0];
  // Compare at the precision given: 2026 is not in the future during 2026.
  if (value > now.slice(0, value.length)) {
    return { ok: false, code: 'date.future', message: `日期“${input}”晚于今天（${now}）。请填写已经发生的日期` };
  }
  return { ok: true, value };
}

/** The year of a partial date, or undefined for an unknown date. */
export function yearOf(date: string | null | undefined): string | undefined {
  return date ? date.slice(0, 4) : undefined;
}
