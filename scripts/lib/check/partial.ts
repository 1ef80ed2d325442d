import type { z } from 'astro/zod';
import type { CollectionName, EntryData } from '../../../src/schemas/index.ts';

/**
 * The fields of an entry that passed their own schema, normalised as in the valid entry; a list
 * that failed as a whole keeps its valid items in place and `undefined` for the others. The
 * rules that need only some fields (steps against the title, formula against parts, references,
 * partOf, aliases) run on these, so a file with a schema problem still gets every other problem
 * reported in the same run.
 */
export type PartialEntry<C extends CollectionName = CollectionName> = {
  [K in keyof EntryData<C>]?: EntryData<C>[K] extends readonly (infer E)[] | undefined ? (E | undefined)[] : EntryData<C>[K];
};

type Def = { type: string; [key: string]: any };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The object shape of a collection's schema (a strict object, perhaps wrapped). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let def = defOf(schema);
  while (def.type === 'pipe' || def.type === 'readonly') def = defOf(def.type === 'pipe' ? def.in : def.innerType);
  return def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : undefined;
}

/** The element schema of a list field (through optional and default), if it is one. */
function elementOf(schema: z.ZodType): z.ZodType | undefined {
  let def = defOf(schema);
  while (['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type)) def = defOf(def.innerType);
  return def.type === 'array' ? (def.element as z.ZodType) : undefined;
}

/** `input`'s fields that pass their own schema (see PartialEntry). */
export function partialData<C extends CollectionName>(schema: z.ZodType, input: Record<string, unknown>): PartialEntry<C> {
  const shape = shapeOf(schema);
  const fields: Record<string, unknown> = {};
  if (!shape) return fields as PartialEntry<C>;
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const value = Object.hasOwn(input, key) ? input[key] : undefined;
    const whole = fieldSchema.safeParse(value);
    if (whole.success) {
      if (whole.data !== undefined) fields[key] = whole.data;
      continue;
    }
    const element = elementOf(fieldSchema);
    if (element && Array.isArray(value)) {
      fields[key] = value.map((item) => {
        const parsed = element.safeParse(item);
        return parsed.success ? parsed.data : undefined;
      });
    }
  }
  return fields as PartialEntry<C>;
}
