import type { APIRoute } from 'astro';
import { inSitemap, pagePath, sitemapXml } from '../site/feeds.ts';
import { site } from '../site/site.ts';

type Page = { getStaticPaths?: () => Promise<{ params: Record<string, string | number | undefined> }[]> | { params: Record<string, string | number | undefined> }[] };

// Every page file, so a page added later is listed without touching this file.
const pages = import.meta.glob<Page>('./**/*.{astro,md,mdx}');

/** `/sitemap.xml`: every published page (not alias redirects). Absolute only when `site` is configured. */
export const GET: APIRoute = async () => {
  const paths: string[] = [];
  for (const [file, load] of Object.entries(pages)) {
    if (!inSitemap(file)) continue;
    if (!file.includes('[')) {
      paths.push(pagePath(file)!);
      continue;
    }
    const page = await load();
    for (const { params } of (await page.getStaticPaths?.()) ?? []) {
      const path = pagePath(file, params);
      if (path) paths.push(path);
    }
  }
  return new Response(sitemapXml(paths, site), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
