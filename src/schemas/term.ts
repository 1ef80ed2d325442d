import { z } from 'astro/zod';
import { idRef, sourceList } from './common.ts';

/** A glossary entry: `content/terms/<id>.yaml`, shown at `/terms/#<id>`. */
export const termSchema = z.strictObject({
  /** The term as written in Chinese. */
  term: z.string().trim().min(1).max(30),
  /** Other names of the same thing; unique across the glossary. Default: none. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /**
   * Everyday wordings readers may search with (视频协商 for 远程协商): search finds the term's
   * entry and the pages using it by them, and says so. Unlike aliases, they are not names of
   * the term: glossary links ignore them. Default: none.
   */
  synonyms: z.array(z.string().trim().min(1).max(20)).default([]),
  /** What it means, in the handbook's own words. */
  definition: z.string().trim().min(4).max(600),
  /** Ids of the sources the definition rests on. */
  sources: sourceList,
  /** Ids of related terms. Default: none. */
  related: z.array(idRef).default([]),
});

export type TermInput = z.input<typeof termSchema>;
export type TermData = z.output<typeof termSchema>;
