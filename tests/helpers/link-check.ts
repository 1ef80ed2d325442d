import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { anchorsOf, fileOfUrl, scanTags, siteFiles, stripBase, urlOfFile } from '../../scripts/lib/html-scan.ts';

export interface BrokenLink {
  /** The page the link is on, as a site path without the base (`/cases/x/`). */
  page: string;
  /** The link as written in the page. */
  link: string;
  problem: string;
}

/** Attributes that point at another file or place, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** `link rel` values whose href is not fetched as a page of this site. */
const NOT_FETCHED = new Set(['preconnect', 'dns-prefetch']);

function urlsOf(tag: ReturnType<typeof scanTags>[number]): string[] {
  const urls: string[] = [];
  for (const name of URL_ATTRIBUTES[tag.name] ?? []) {
    const value = tag.attributes.get(name);
    if (value === undefined) continue;
    if (name === 'srcset') urls.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean));
    else urls.push(value.trim());
  }
  if (tag.name === 'link' && (tag.attributes.get('rel') ?? '').split(/\s+/).some((r) => NOT_FETCHED.has(r))) return [];
  if (tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'refresh') {
    const match = /url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(tag.attributes.get('content') ?? '');
    if (match) urls.push(match[1]!.trim());
  }
  return urls;
}

/**
 * Every broken internal link of a built site: each HTML file is read, each `href`/`src`
 * (and redirect target) that stays on the site is resolved under `base`, and reported when
 * it leaves the base, names no file, or names an `#anchor` the target page lacks.
 * Links to other hosts (`https:`, `mailto:`, `//host`) are not followed.
 */
export async function checkLinks(siteDir: string, base = '/'): Promise<BrokenLink[]> {
  const prefix = base.replace(/\/?$/, '/');
  const files = await siteFiles(siteDir);
  const present = new Set(files);
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = async (file: string) => {
    if (!anchors.has(file)) anchors.set(file, anchorsOf(await readFile(path.join(siteDir, file), 'utf8')));
    return anchors.get(file)!;
  };

  const broken: BrokenLink[] = [];
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const page = urlOfFile(file);
    const here = new URL(`http://site${prefix}${page.slice(1)}`);
    const html = await readFile(path.join(siteDir, file), 'utf8');
    for (const tag of scanTags(html)) {
      for (const link of urlsOf(tag)) {
        const report = (problem: string) => broken.push({ page, link, problem });
        if (link === '' || link === '#' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
        const url = new URL(link, here);
        const pathname = stripBase(url.pathname, base);
        if (pathname === undefined) {
          report(`outside the base ${base}`);
          continue;
        }
        const target = fileOfUrl(pathname);
        if (target === undefined || !present.has(target)) {
          report(`no file ${target ?? pathname}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (!fragment || fragment === 'top' || fragment.startsWith(':~:') || !target.endsWith('.html')) continue;
        if (!(await anchorsIn(target)).has(fragment)) report(`no #${fragment} in ${target}`);
      }
    }
  }
  return broken;
}
