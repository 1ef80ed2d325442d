import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { modelsCsv } from '../../site/data-package.ts';
import { site } from '../../site/site.ts';

/** `/data/models.csv`: one row per model. */
export const GET: APIRoute = async () =>
  new Response(modelsCsv(await getCollection('models'), site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
