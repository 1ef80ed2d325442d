import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesCsv, excelCsv } from '../../site/open-data.ts';
import { site } from '../../site/site.ts';

/** `/data/cases-excel.csv`: cases.csv with a UTF-8 byte-order mark, so Excel reads the Chinese. */
export const GET: APIRoute = async () =>
  new Response(excelCsv(casesCsv(await getCollection('cases'), site)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
