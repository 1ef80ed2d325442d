import { caseField } from '../schemas/fields.ts';
import type { CaseEntry, SiteInfo } from './open-data.ts';
import { entryPath, publicUrl } from './paths.ts';

/**
 * `/rss.xml` and `/sitemap.xml`, as pure functions. Both need absolute URLs (RSS 2.0 and the
 * sitemap protocol allow nothing else), so the build writes them only when `site` is set in
 * handbook.config.ts (scripts/build.ts leaves them out otherwise, and its warning says so).
 */

/** The feed's path; a page links to it only when it is written (`site` set). */
export const FEED_PATH = '/rss.xml';

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A partial date as RFC 822 (RSS's date format): `2023-05` → `Mon, 01 May 2023 12:00:00 GMT`.
 * A year or month stands for its first day. RSS has no date without a time, and a reader shows the
 * time in its own zone, so the day is written at noon UTC: from UTC−12 to UTC+11 (China: 20:00)
 * every reader's calendar shows the same day, where midnight China time showed a 2020 case as
 * 31 December 2019 in Europe and the Americas.
 */
export function rfc822(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAYS[weekday]}, ${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year} 12:00:00 GMT`;
}

/** Newest first; undated last; then by id, so the order never drifts. */
export function byDateNewestFirst<T extends CaseEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    const da = a.data.date ?? '';
    const db = b.data.date ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** `/rss.xml`: RSS 2.0 of the cases, newest first, undated last. */
export function casesRss(entries: readonly CaseEntry[], site: SiteInfo): string {
  const absolute = site.site !== undefined;
  const items = byDateNewestFirst(entries).map((entry) => {
    const { id, data } = entry;
    const url = publicUrl(site, entryPath('cases', id));
    // The registry's Chinese labels: 不详 where the source does not say, never the key `unknown`.
    const categories = [...new Set(['forms', 'topics'].flatMap((name) => caseField(name).values(entry).map((v) => v.label)))];
    return [
      '    <item>',
      `      <title>${escapeXml(data.title)}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="${absolute}">${escapeXml(url)}</guid>`,
      `      <description>${escapeXml(data.summary)}</description>`,
      ...(data.date ? [`      <pubDate>${rfc822(data.date)}</pubDate>`] : []),
      ...categories.map((c) => `      <category>${escapeXml(c)}</category>`),
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(`${site.title} · 案例`)}</title>`,
    `    <link>${escapeXml(publicUrl(site, '/cases/'))}</link>`,
    `    <description>${escapeXml(site.description)}</description>`,
    '    <language>zh-CN</language>',
    ...(absolute ? [`    <atom:link href="${escapeXml(publicUrl(site, '/rss.xml'))}" rel="self" type="application/rss+xml" />`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** `/sitemap.xml`: every page, once, sorted. */
export function sitemapXml(paths: readonly string[], site: Pick<SiteInfo, 'site' | 'base'>): string {
  const unique = [...new Set(paths)].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...unique.map((p) => `  <url><loc>${escapeXml(publicUrl(site, p))}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** Routes that are not pages of their own: alias redirects, error pages, the offline page. */
export const NOT_IN_SITEMAP = ['[section]/[alias]', '404', '500', 'offline'];

/** `./cases/[id].astro` → `cases/[id]`. */
function routeOf(file: string): string {
  return file.replace(/^\.?\/+/, '').replace(/\.(astro|md|mdx|html)$/, '');
}

/** Whether a page file's pages belong in the sitemap. */
export function inSitemap(file: string): boolean {
  const route = routeOf(file);
  return !NOT_IN_SITEMAP.includes(route) && !route.split('/').some((s) => s.startsWith('_'));
}

/**
 * The site path of a page file under `src/pages/` for one set of params:
 * `cases/[id].astro` + `{ id: 'x' }` → `/cases/x/`; `index.astro` → `/`; `terms.astro` → `/terms/`.
 * Undefined for files that are not pages in the sitemap (see `NOT_IN_SITEMAP`).
 */
export function pagePath(file: string, params: Record<string, string | number | undefined> = {}): string | undefined {
  if (!inSitemap(file)) return undefined;
  const route = routeOf(file);
  const segments = route.split('/').filter((s) => s !== 'index');
  const filled = segments
    .map((segment) =>
      segment.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) => {
        const value = params[name];
        if (value === undefined) {
          if (rest) return '';
          throw new Error(`sitemap: ${file} has no value for [${name}]`);
        }
        return String(value);
      }),
    )
    .filter((s) => s !== '');
  return filled.length ? `/${filled.join('/')}/` : '/';
}
