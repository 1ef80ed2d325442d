import type { z } from 'astro/zod';
import { caseSchema } from './case.ts';
import { guideSchema } from './guide.ts';
import { methodSchema } from './method.ts';
import { modelSchema } from './model.ts';
import { sourceSchema } from './source.ts';
import { termSchema } from './term.ts';

/** Every collection: its folder under `content/`, file format, schema and Chinese name. */
export const collectionDefs = {
  cases: { format: 'mdx', schema: caseSchema, label: '案例' },
  methods: { format: 'mdx', schema: methodSchema, label: '方法' },
  models: { format: 'mdx', schema: modelSchema, label: '模式' },
  guides: { format: 'mdx', schema: guideSchema, label: '指南' },
  terms: { format: 'yaml', schema: termSchema, label: '术语' },
  sources: { format: 'yaml', schema: sourceSchema, label: '资料来源' },
} as const satisfies Record<string, { format: 'mdx' | 'yaml'; schema: z.ZodType; label: string }>;

export type CollectionName = keyof typeof collectionDefs;
export const collectionNames = Object.keys(collectionDefs) as CollectionName[];
export type EntryData<C extends CollectionName> = z.output<(typeof collectionDefs)[C]['schema']>;
