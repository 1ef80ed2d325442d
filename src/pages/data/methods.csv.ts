import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { methodsCsv } from '../../site/data-package.ts';
import { site } from '../../site/site.ts';

/** `/data/methods.csv`: one row per method. */
export const GET: APIRoute = async () =>
  new Response(methodsCsv(await getCollection('methods'), site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
