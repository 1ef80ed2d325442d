import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesCsv } from '../../site/open-data.ts';
import { site } from '../../site/site.ts';

/** `/data/cases.csv`: one row per case, UTF-8 without a BOM (the Excel copy is cases-excel.csv). */
export const GET: APIRoute = async () =>
  new Response(casesCsv(await getCollection('cases'), site), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
