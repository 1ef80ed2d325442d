import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesXlsx, XLSX_TYPE } from '../../site/data-package.ts';
import { buildInfo, site } from '../../site/site.ts';

/** `/data/cases.xlsx`: the case ledger with the template's columns, the codebook, and what the data set is. */
export const GET: APIRoute = async () =>
  new Response(await casesXlsx(await getCollection('cases'), site, buildInfo), { headers: { 'Content-Type': XLSX_TYPE } });
