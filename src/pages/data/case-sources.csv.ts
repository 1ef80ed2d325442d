import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { caseSourcesCsv } from '../../site/data-package.ts';

/** `/data/case-sources.csv`: one row per source a case cites. */
export const GET: APIRoute = async () =>
  new Response(caseSourcesCsv(await getCollection('cases')), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
