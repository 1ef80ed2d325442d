import { z } from 'astro/zod';
import { aliases, idRef, summary, title } from './common.ts';

/** A handbook chapter: `content/guides/<id>.mdx`, at `/guides/<id>/`, ordered by `order`. */
export const guideSchema = z.strictObject({
  title,
  summary,
  /** Position among the chapters, from 1. */
  order: z.number().int().min(0).max(999),
  /** Sources the chapter rests on. Default: none (a chapter that states no fact from a source). */
  sources: z.array(idRef).default([]),
  /**
   * Who the chapter is for: `readers` (the handbook's readers; default) or `authors` (those who
   * write the handbook's files: YAML, npm commands, field names). Authors' chapters are listed
   * apart, as 给作者, and are left out of the readers' guide list, the home page and /print/.
   */
  audience: z.enum(['readers', 'authors']).default('readers'),
  aliases,
});

export type GuideInput = z.input<typeof guideSchema>;
export type GuideData = z.output<typeof guideSchema>;
