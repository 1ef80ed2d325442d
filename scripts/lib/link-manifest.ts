import { existsSync } from 'node:fs';
import { NEEDS_SITE } from './site-warning.ts';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { anchorsOf, fileOfUrl, refreshTarget, siteFiles, stripBase, urlOfFile } from './html-scan.ts';

/**
 * Stable links. `links.manifest.json` (committed at the project root) lists every URL the
 * handbook has published: each page (alias redirect pages included), each method step
 * (`/methods/<id>/#step-3`), each glossary and bibliography entry (`/terms/#<id>`,
 * `/sources/#<id>`) and the open-data files. Paths are written without the base, so the
 * manifest holds wherever the site is deployed. A build checks that none has disappeared:
 * a moved page keeps its URL through `aliases`, and a retired one is taken out on purpose
 * (`npm run links:update -- --remove <url>`).
 */

export interface LinkManifest {
  /** What the file is, for whoever opens it. */
  description: string;
  /** Every published URL, sorted. */
  urls: string[];
}

export const MANIFEST_FILE = 'links.manifest.json';

const DESCRIPTION =
  '本手册发布过的全部网址（页面、方法步骤 #step-N、术语和资料来源的锚点、开放数据文件），不含 base 路径。' +
  '构建时会检查这些网址是否仍然可用：页面改了 id 时请在 aliases 中写上旧 id；确实要删除时运行 npm run links:update -- --remove <网址>。' +
  '每次构建后运行 npm run links:update 把新网址记进来。';

/** Files other than pages that outside tools link to. */
const PUBLISHED_FILES = /^(data\/[^/]+|schemas\/[^/]+|rss\.xml|sitemap\.xml)$/;

/** Pages that are not addresses of their own (offline/: what the service worker shows for a page not saved). */
const NOT_PAGES = new Set(['404.html', '500.html', 'offline/index.html']);
/**
 * The print edition's volumes of cases (/print/cases/<year>/): handouts made only while a
 * handbook has many cases (src/site/print.ts), not addresses to keep.
 */
const PRINT_VOLUMES = /^print\/cases\//;

/** Where entries of the shared pages live, and which of their ids are entries (not headings or chrome). */
export interface EntryIds {
  terms: readonly string[];
  sources: readonly string[];
}

/**
 * The manifest of a built site: every page and published data file, every `#step-N` on a
 * method page, and the anchor of every term and source (ids from the content, found on
 * `/terms/` and `/sources/`).
 */
export async function createLinkManifest(siteDir: string, entries: EntryIds): Promise<LinkManifest> {
  const urls: string[] = [];
  for (const file of await siteFiles(siteDir)) {
    if (file.endsWith('.html')) {
      if (NOT_PAGES.has(file) || PRINT_VOLUMES.test(file) || file.startsWith('_astro/') || file.startsWith('pagefind/')) continue;
      const url = urlOfFile(file);
      urls.push(url);
      const html = await readFile(path.join(siteDir, file), 'utf8');
      if (refreshTarget(html) !== undefined) continue;
      const anchors = anchorsOf(html);
      if (/^\/methods\/[^/]+\/$/.test(url)) {
        for (const anchor of anchors) if (/^step-\d+$/.test(anchor)) urls.push(`${url}#${anchor}`);
      } else if (url === '/terms/' || url === '/sources/') {
        for (const id of url === '/terms/' ? entries.terms : entries.sources) if (anchors.has(id)) urls.push(`${url}#${id}`);
      }
    } else if (PUBLISHED_FILES.test(file)) {
      urls.push(`/${file}`);
    }
  }
  return { description: DESCRIPTION, urls: sortUrls(urls) };
}

/** Sorted, each once; `#step-10` after `#step-9`. */
export function sortUrls(urls: Iterable<string>): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...new Set(urls)].sort((a, b) => collator.compare(a, b));
}

/**
 * The manifest's URLs that a built site no longer serves: a page file that is gone (a page
 * whose id moved into another page's `aliases` is still there, as a redirect page), a redirect
 * that leads nowhere or to a section the page it leads to does not have, or an anchor (`#step-3`, `#<term id>`) missing from the page, or from
 * the page a redirect leads to. `base` is the path the site was built under.
 */
export async function checkLinkManifest(siteDir: string, manifest: Pick<LinkManifest, 'urls'>, base = '/', options: { withSite?: boolean } = {}): Promise<string[]> {
  // The feed and the sitemap exist only in a build with `site` (site-warning.ts): not missing without it.
  const conditional = options.withSite === false ? new Set(NEEDS_SITE.map((file) => `/${file}`)) : new Set<string>();
  const cache = new Map<string, string | undefined>();
  const read = async (file: string) => {
    if (!cache.has(file)) cache.set(file, existsSync(path.join(siteDir, file)) ? await readFile(path.join(siteDir, file), 'utf8') : undefined);
    return cache.get(file);
  };

  /**
   * The file a URL finally serves, following redirect pages; undefined when there is none.
   * `fragment`: the section the last redirect names (an alias of a page folded into a section,
   * `/cases/old/` → `/cases/practice/#section`), which the page served must have.
   */
  const resolve = async (pathname: string): Promise<{ file: string; html: string | undefined; fragment: string | undefined } | undefined> => {
    let current = pathname;
    let fragment: string | undefined;
    for (let hops = 0; hops < 5; hops++) {
      const file = fileOfUrl(current);
      if (file === undefined) return undefined;
      const text = await read(file);
      if (text === undefined) return undefined;
      if (!file.endsWith('.html')) return { file, html: undefined, fragment };
      const target = refreshTarget(text);
      if (target === undefined) return { file, html: text, fragment };
      const url = new URL(target, `http://site${base.replace(/\/?$/, '/')}${file}`);
      if (url.hash) fragment = decodeURIComponent(url.hash.slice(1));
      const next = stripBase(url.pathname, base);
      if (next === undefined) return undefined;
      current = next;
    }
    return undefined;
  };

  const missing: string[] = [];
  for (const url of manifest.urls) {
    if (conditional.has(url)) continue;
    const hash = url.indexOf('#');
    const pathname = hash === -1 ? url : url.slice(0, hash);
    const fragment = hash === -1 ? '' : decodeURIComponent(url.slice(hash + 1));
    const served = await resolve(pathname);
    // A redirect to a section goes to that section, whatever fragment the old URL had.
    const wanted = served?.fragment ?? fragment;
    if (!served) missing.push(url);
    else if (wanted && !(served.html !== undefined && anchorsOf(served.html).has(wanted))) missing.push(url);
  }
  return missing;
}

/** What a build prints when URLs disappeared: each URL, then what to do, in Chinese. */
export function formatMissingLinks(missing: readonly string[]): string {
  const pages = missing.filter((u) => !u.includes('#'));
  const anchors = missing.filter((u) => u.includes('#'));
  const lines = [`有 ${missing.length} 个已经发布的网址在这次构建中消失了（记录在 ${MANIFEST_FILE} 中）：`];
  for (const url of pages) lines.push(`  ${url}`);
  for (const url of anchors) lines.push(`  ${url}${/#step-\d+$/.test(url) ? '（方法的步骤）' : '（页面中的条目）'}`);
  lines.push('');
  if (pages.length) lines.push('页面改了 id（文件改了名）时，请在新文件的 aliases 中写上旧 id，旧网址会自动跳转。');
  if (anchors.length) lines.push('方法的步骤、术语或资料来源被删去时，引用它们的外部链接会失效。');
  lines.push(`确实要删除这些网址时，运行 npm run links:update -- --remove ${missing.slice(0, 2).join(' ')}${missing.length > 2 ? ' …' : ''}，再重新构建。`);
  return lines.join('\n');
}

export async function readLinkManifest(file: string): Promise<LinkManifest | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const data = JSON.parse(text) as Partial<LinkManifest>;
  if (!Array.isArray(data.urls) || !data.urls.every((u) => typeof u === 'string' && u.startsWith('/'))) {
    throw new Error(`${path.basename(file)} 的格式不对：应有 "urls": ["/…", …]。可以删去这个文件，构建后运行 npm run links:update 重新生成`);
  }
  return { description: data.description ?? DESCRIPTION, urls: data.urls };
}

export async function writeLinkManifest(file: string, urls: Iterable<string>): Promise<void> {
  const manifest: LinkManifest = { description: DESCRIPTION, urls: sortUrls(urls) };
  // Whole or not at all: a build interrupted here leaves the previous manifest.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, file);
}

/** The manifest without `removed` URLs, and without the anchors of a removed page. */
export function removeUrls(urls: readonly string[], removed: readonly string[]): { kept: string[]; unknown: string[] } {
  const normal = removed.map((u) => (u.startsWith('/') ? u : `/${u}`));
  const unknown = normal.filter((r) => !urls.some((u) => u === r || u.startsWith(`${r}#`)));
  const kept = urls.filter((u) => !normal.some((r) => u === r || (!r.includes('#') && u.startsWith(`${r}#`))));
  return { kept, unknown };
}
