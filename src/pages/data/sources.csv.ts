import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sourcesCsv } from '../../site/data-package.ts';
import { site } from '../../site/site.ts';

/** `/data/sources.csv`: the bibliography. */
export const GET: APIRoute = async () =>
  new Response(sourcesCsv(await getCollection('sources'), site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
