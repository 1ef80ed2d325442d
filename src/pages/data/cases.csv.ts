import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesCsv } from '../../site/open-data.ts';
import { site } from '../../site/site.ts';

/** `/data/cases.csv`: one row per case, UTF-8 with a BOM so spreadsheet programs read the Chinese. */
export const GET: APIRoute = async () =>
  new Response(casesCsv(await getCollection('cases'), site), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
