import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateContent, type ValidationResult } from '../../scripts/lib/check/index.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A fresh content folder in a temporary directory: the valid base content, with each overlay
 * folder (relative to tests/fixtures) copied over it. Returns the `content` folder's path.
 */
export async function contentWith(...overlays: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yishi-fixture-'));
  const content = path.join(dir, 'content');
  await cp(path.join(FIXTURES, 'base/content'), content, { recursive: true });
  for (const overlay of overlays) await cp(path.join(FIXTURES, overlay), content, { recursive: true });
  return content;
}

/** Validates the base content with a rule's `pass` or `fail` overlay. */
export async function checkRule(rule: string, variant: 'pass' | 'fail'): Promise<ValidationResult> {
  const content = await contentWith(`rules/${rule}/${variant}`);
  return validateContent(content, path.dirname(content));
}

/** Problems as `file:line field code` strings, easy to compare as a set. */
export function located(result: ValidationResult): string[] {
  return result.problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.code}`);
}
