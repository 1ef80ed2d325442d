import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Just enough HTML reading for checking a built site's links: start tags with their attributes
 * (comments, scripts and styles skipped), element ids, and the target of a redirect page.
 */

export interface Tag {
  name: string;
  attributes: Map<string, string>;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const SKIPPED = /<!--[\s\S]*?-->|<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag, in order, with attribute names lower-cased and values decoded. */
export function scanTags(html: string): Tag[] {
  // Keep the opening tag of a skipped script (its src is a link) but drop what it contains.
  const visible = html.replace(SKIPPED, (whole, element: string | undefined) => (element ? (/^<[^>]*>/.exec(whole)?.[0] ?? '') : ''));
  const tags: Tag[] = [];
  for (const match of visible.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      if (!attributes.has(name)) attributes.set(name, decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** The fragment targets of a page: every `id`, and `name` on `<a>`. */
export function anchorsOf(html: string): Set<string> {
  const anchors = new Set<string>();
  for (const tag of scanTags(html)) {
    const id = tag.attributes.get('id');
    if (id) anchors.add(id);
    const name = tag.name === 'a' ? tag.attributes.get('name') : undefined;
    if (name) anchors.add(name);
  }
  return anchors;
}

/** A redirect page (an alias of a moved page) carries `<meta http-equiv="refresh" content="0; url=…">`. */
export function refreshTarget(html: string): string | undefined {
  for (const tag of scanTags(html)) {
    if (tag.name !== 'meta' || tag.attributes.get('http-equiv')?.toLowerCase() !== 'refresh') continue;
    const match = /url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(tag.attributes.get('content') ?? '');
    return match ? match[1]!.trim() : '';
  }
  return undefined;
}

/** Every file of a built site, as `/`-separated paths relative to it, sorted. */
export async function siteFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** `cases/x/index.html` → `/cases/x/`; `index.html` → `/`; `rss.xml` → `/rss.xml`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * The file a site path names, relative to the site folder: `/cases/x/` → `cases/x/index.html`.
 * A path without an extension is read as a folder. Undefined for paths that leave the site.
 */
export function fileOfUrl(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return undefined;
  const last = segments.at(-1);
  if (decoded.endsWith('/') || last === undefined || !last.includes('.')) segments.push('index.html');
  return segments.join('/');
}

/** A site path with the base taken off, or undefined when it is not under the base. */
export function stripBase(pathname: string, base: string): string | undefined {
  const prefix = base.replace(/\/+$/, '');
  if (prefix === '') return pathname;
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}
