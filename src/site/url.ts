/**
 * A site path under the configured base (`/handbook/` when deployed under a sub-path).
 * @example href('/cases/sanitation-workers/') // '/handbook/cases/sanitation-workers/'
 */
export function href(path: string): string {
  const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The permanent path of an entry's page, or of its place on a shared page. */
export function entryPath(collection: string, id: string): string {
  if (collection === 'terms' || collection === 'sources') return `/${collection}/#${id}`;
  return `/${collection}/${id}/`;
}
