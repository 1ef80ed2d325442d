import type { CollectionName, EntryData } from '../../../src/schemas/index.ts';
import { checkOneFile } from './index.ts';
import { mapLimited, type CheckContext } from './parallel.ts';
import { indexSources } from './copy.ts';
import { discover } from './read.ts';

/** A published entry whose own checks passed, as the check reads it. */
export interface ReadEntry<C extends CollectionName> {
  id: string;
  /** Relative to the content folder (`cases/x.mdx`). */
  file: string;
  data: EntryData<C>;
}

/**
 * The published entries of some collections, read by the check's own reader (the same YAML
 * parsing, schema and normalisation): anything that needs content outside Astro's loader
 * (glossary linking, scaffolding) reads it here instead of parsing files again its own way.
 * Files with problems are left out; the check reports them. Drafts (`_` files) only when asked.
 */
export async function readEntries<C extends CollectionName>(contentDir: string, collections: readonly C[], options: { drafts?: boolean } = {}): Promise<ReadEntry<C>[]> {
  const { files } = await discover(contentDir, contentDir);
  const wanted = files.filter((f) => (collections as readonly string[]).includes(f.collection) && (options.drafts || !f.draft));
  // No source texts: reading entries is not checking them for copying.
  const context: CheckContext = { sources: indexSources([]) };
  const results = await mapLimited(wanted, (file) => checkOneFile(file, context));
  return results.flatMap(({ entry }) =>
    entry?.data ? [{ id: entry.id, file: entry.file, data: entry.data as EntryData<C> }] : []);
}
