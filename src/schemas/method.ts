import { z } from 'astro/zod';
import { aliases, idRef, sourceList, summary, title } from './common.ts';

/** One step of a method, rendered at `#step-<n>`. */
export const stepSchema = z.strictObject({
  /** What the step is called. */
  title: z.string().trim().min(2).max(40),
  /** What the step involves. */
  summary: z.string().trim().min(2).max(400),
  /** Who does it, where the source says. */
  who: z.string().trim().min(1).max(200).optional(),
  /** What it produces, where the source says. */
  output: z.string().trim().min(1).max(200).optional(),
  /** Sources for this step in particular. Default: the method's. */
  sources: z.array(idRef).default([]),
});

/** A reusable procedure: `content/methods/<id>.mdx`, at `/methods/<id>/`. */
export const methodSchema = z.strictObject({
  title,
  summary,
  /** The case (a practice) the method comes from. */
  origin: idRef.optional(),
  /** The steps in order; at least two. */
  steps: z.array(stepSchema).min(2),
  /** Rules that govern the whole method, such as 不调研不协商. Default: none. */
  principles: z.array(z.string().trim().min(2).max(200)).default([]),
  sources: sourceList,
  aliases,
});

export type MethodInput = z.input<typeof methodSchema>;
export type MethodData = z.output<typeof methodSchema>;
