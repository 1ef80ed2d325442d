import type { APIRoute, GetStaticPaths } from 'astro';
import { collectionNames, type CollectionName } from '../../schemas/index.ts';
import { collectionJsonSchemaText } from '../../site/open-data.ts';
import { site } from '../../site/site.ts';

/** `/schemas/<collection>.schema.json`: the JSON Schema of what authors write, for editors and tools. */
export const getStaticPaths = (() => collectionNames.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(collectionJsonSchemaText(params.collection as CollectionName, site), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
