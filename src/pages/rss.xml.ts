import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesRss } from '../site/feeds.ts';
import { site } from '../site/site.ts';

/** `/rss.xml`: the cases, newest first. Links are absolute only when `site` is configured. */
export const GET: APIRoute = async () =>
  new Response(casesRss(await getCollection('cases'), site), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
