import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { caseMethodsCsv } from '../../site/data-package.ts';

/** `/data/case-methods.csv`: one row per method a case used. */
export const GET: APIRoute = async () =>
  new Response(caseMethodsCsv(await getCollection('cases')), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
