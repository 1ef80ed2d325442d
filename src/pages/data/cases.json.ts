import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { casesJson } from '../../site/open-data.ts';
import { site } from '../../site/site.ts';

/** `/data/cases.json`: every case with all its fields; taxonomy values as key and label. */
export const GET: APIRoute = async () =>
  new Response(casesJson(await getCollection('cases'), site), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
