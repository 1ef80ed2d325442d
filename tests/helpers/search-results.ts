// The search page's result list, as a reader pages through it with 显示更多.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Clicks 显示更多 until every result the status counts is on the page; returns how many. */
export async function showAllResults(page: Page): Promise<number> {
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const total = Number(/找到 (\d+) 条结果/.exec(status)?.[1] ?? 0);
  const items = page.locator('#search-results > li');
  for (let shown = await items.count(); shown < total; shown = await items.count()) {
    await page.locator('#search-more').click();
    // The button is hidden or shown again in the same step that appends the batch.
    await expect.poll(() => items.count()).toBeGreaterThan(shown);
  }
  return total;
}
