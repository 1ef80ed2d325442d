import { site } from './site.ts';
import { withBase } from './paths.ts';

/**
 * A site path under the configured base (`/handbook/` when deployed under a sub-path).
 * @example href('/cases/sanitation-workers/') // '/handbook/cases/sanitation-workers/'
 */
export function href(path: string): string {
  return withBase(site.base, path);
}
