import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { caseModelsCsv } from '../../site/data-package.ts';

/** `/data/case-models.csv`: one row per model a case follows. */
export const GET: APIRoute = async () =>
  new Response(caseModelsCsv(await getCollection('cases')), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
