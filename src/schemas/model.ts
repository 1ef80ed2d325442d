import { z } from 'astro/zod';
import { aliases, idRef, sourceList, summary, taxonomy, title } from './common.ts';

/** One term of a model's formula: a count (or the letter X/N) and what it stands for. */
export const partSchema = z.strictObject({
  /** A whole number, or the formula's letter for an open number (X, N). */
  count: z.union([z.number().int().min(0), z.string().trim().regex(/^[A-Za-z]$/)], {
    error: 'count 应为整数（如 7），或公式中的字母（如 X、N）',
  }),
  /** What the term stands for. */
  label: z.string().trim().min(1).max(60),
  /** More on it. */
  detail: z.string().trim().min(1).max(400).optional(),
  /** Who fills the places; with a numeric count, exactly that many. */
  members: z.array(z.string().trim().min(1)).optional(),
  /** The kinds of people the places are filled from, where the source names the kinds but not how many places each has. */
  from: z.array(z.string().trim().min(1)).min(1).optional(),
  /** The meaning of this term is the handbook's reading, not the source's words. Default: false. */
  interpretation: z.boolean().default(false),
  /** The source does not say what this term stands for. Default: false. */
  unstated: z.boolean().default(false),
});

/** A numbered pattern: `content/models/<id>.mdx`, at `/models/<id>/`. */
export const modelSchema = z.strictObject({
  title,
  /** The pattern as written, such as 1+7+X or 1246+X. */
  formula: z.string().trim().min(1).max(30),
  /** composition（人员构成）, schedule（年度安排） or training（培训体系）. */
  kind: taxonomy('modelKind'),
  summary,
  /** The case (a practice) the model comes from. */
  origin: idRef.optional(),
  /** One entry per term of the formula, in order. */
  parts: z.array(partSchema).min(1),
  sources: sourceList,
  aliases,
});

export type ModelInput = z.input<typeof modelSchema>;
export type ModelData = z.output<typeof modelSchema>;
