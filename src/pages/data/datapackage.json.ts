import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { datapackageJson } from '../../site/data-package.ts';
import { buildInfo, site } from '../../site/site.ts';

/** `/data/datapackage.json`: a Frictionless Data Package descriptor of every file under /data/. */
export const GET: APIRoute = async () => {
  const [cases, methods, models, sources] = await Promise.all([getCollection('cases'), getCollection('methods'), getCollection('models'), getCollection('sources')]);
  const counts = { cases: cases.length, methods: methods.length, models: models.length, sources: sources.length };
  return new Response(datapackageJson(site, buildInfo, counts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
