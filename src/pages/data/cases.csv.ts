import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesCsv } from '../../site/open-data.ts';
import { loadSiteConfig } from '../../../scripts/lib/site-config.ts';

/** `/data/cases.csv`: one row per case, UTF-8 with a BOM so spreadsheet programs read the Chinese. */
export const GET: APIRoute = async () =>
  new Response(casesCsv(await getCollection('cases'), loadSiteConfig()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
