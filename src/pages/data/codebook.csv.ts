import type { APIRoute } from 'astro';
import { codebookCsv } from '../../site/data-package.ts';

/** `/data/codebook.csv`: what every column of the case ledger means and which values it takes. */
export const GET: APIRoute = () => new Response(codebookCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
