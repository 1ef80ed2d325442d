/**
 * The “编辑本页” link of `npm run dev`: each content page points at its file in `npm run edit`
 * (scripts/lib/editor/), on the editor's default address. Development only: Base.astro draws it
 * only when `isDev` (site.ts: Astro's dev command), so no built page carries it (tests/site/editor-link.test.ts).
 */

/** The port `npm run edit` listens on unless told otherwise. */
export const EDITOR_PORT = 4322;

/** The editor's address. */
export const EDITOR_URL = `http://127.0.0.1:${EDITOR_PORT}/`;

/** Collections with a page per entry, and their files' extension. */
const PAGED = { cases: 'mdx', methods: 'mdx', models: 'mdx', guides: 'mdx' } as const;

/** The content file of a page (`/cases/x/` → `cases/x.mdx`), under `base`; undefined for a page that is not one entry's. */
export function editableFile(pathname: string, base = '/'): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const match = /^([a-z]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(pathname.slice(prefix.length));
  if (!match || !Object.hasOwn(PAGED, match[1]!)) return undefined;
  return `${match[1]}/${match[2]}.${PAGED[match[1] as keyof typeof PAGED]}`;
}

/** Where “编辑本页” leads for a content file. */
export function editorLink(file: string): string {
  return `${EDITOR_URL}#/edit/${file}`;
}
