import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { templateXlsx, XLSX_TYPE } from '../../site/data-package.ts';
import { buildInfo, site } from '../../site/site.ts';

/** `/data/cases-template.xlsx`: an empty ledger to fill in for `npm run import`, with one example row. */
export const GET: APIRoute = async () => {
  const first = async (name: 'sources' | 'methods') => (await getCollection(name)).map((e) => e.id).sort()[0];
  const refs = { source: await first('sources'), method: await first('methods') };
  return new Response(await templateXlsx(site, buildInfo, refs), { headers: { 'Content-Type': XLSX_TYPE } });
};
