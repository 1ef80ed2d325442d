import { z } from 'astro/zod';
import { httpUrl, partialDate } from './common.ts';

/** A bibliography entry: `content/sources/<id>.yaml`, shown at `/sources/#<id>`. */
export const sourceSchema = z.strictObject({
  /** The document's title. */
  title: z.string().trim().min(2).max(120),
  /** Who published it (and who it was reprinted from). */
  publisher: z.string().trim().min(2).max(120),
  /** Whether the text the handbook holds is the whole document. */
  complete: z.boolean(),
  /** Publication date, where known. */
  date: partialDate.optional(),
  /** Where it was published, where known: the original's address, even when a reprint was read. */
  url: httpUrl().optional(),
  /** The address the handbook's authors actually read, when it is not `url` (a reprint). */
  readUrl: httpUrl().optional(),
  /** The day the text was read (YYYY-MM-DD), for a report read online. */
  accessed: partialDate.optional(),
  /** The file in the source-texts folder (`sourceTexts`, content/sources/texts/) it was read from. */
  file: z.string().trim().optional(),
  /** What is missing, redacted or otherwise worth knowing. */
  note: z.string().trim().optional(),
});

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceData = z.output<typeof sourceSchema>;
