import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import runtime from 'virtual:yishi/config';
import { collectionDefs, type CollectionName } from './schemas/index.ts';

/** The content folder, from the build's settings (the tests build fixture folders). */
const contentDir = runtime.contentDir;

/** Files under `content/<name>/`; names starting with `_` are drafts and stay out. */
function files(name: CollectionName) {
  const pattern = collectionDefs[name].format === 'mdx' ? '**/[^_]*.mdx' : '**/[^_]*.{yaml,yml}';
  return glob({
    base: `${contentDir}/${name}`,
    pattern,
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.(mdx|ya?ml)$/, ''),
  });
}

export const collections = {
  cases: defineCollection({ loader: files('cases'), schema: collectionDefs.cases.schema }),
  methods: defineCollection({ loader: files('methods'), schema: collectionDefs.methods.schema }),
  models: defineCollection({ loader: files('models'), schema: collectionDefs.models.schema }),
  guides: defineCollection({ loader: files('guides'), schema: collectionDefs.guides.schema }),
  terms: defineCollection({ loader: files('terms'), schema: collectionDefs.terms.schema }),
  sources: defineCollection({ loader: files('sources'), schema: collectionDefs.sources.schema }),
};
