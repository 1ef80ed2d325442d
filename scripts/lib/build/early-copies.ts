// Search copies made while Astro is still writing the site. Astro renders on one thread and the
// machine's other core is mostly idle meanwhile; the search copies (search-copy.ts: reading each
// page and segmenting its text, about 1 ms a page) are made there, so that once Astro is done
// Pagefind can start at once. Pagefind itself starts only then: its memory never adds to Astro's.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { searchableFiles, searchCopies, type SearchCopy } from './search-copy.ts';

/** How often the site's folder is looked at for new pages. */
const INTERVAL_MS = 500;

/** A whole page ends so; one Astro is still writing may not. */
const COMPLETE = /<\/html>\s*$/;

interface Made {
  copies: SearchCopy[] | undefined;
  size: number;
  mtimeMs: number;
}

export interface EarlyCopies {
  /**
   * Stops looking and returns the copies of the pages that have not changed since they were
   * read (same size and modification time), by file relative to the site: the build's final
   * pass (forEachSearchCopy) makes the others.
   */
  finish(): Promise<Map<string, SearchCopy[] | undefined>>;
}

/**
 * Makes the search copy of each page that appears in `siteDir` (skipping the top-level folders
 * of `skip`), on this thread, until `finish()`. A page is taken only when it reads whole (it ends
 * with `</html>`, and as many bytes were read as its size said); any page written again after
 * it was read is made again at the end, so a copy is always of the page as Astro left it.
 */
export function makeEarlyCopies(siteDir: string, skip: ReadonlySet<string>): EarlyCopies {
  const made = new Map<string, Made>();
  let stopped = false;
  const readWhole = async (file: string): Promise<Made | undefined> => {
    const handle = await open(path.join(siteDir, file), 'r').catch(() => undefined);
    if (!handle) return undefined;
    try {
      const { size, mtimeMs } = await handle.stat();
      const bytes = await handle.readFile();
      if (bytes.length !== size) return undefined;
      const html = bytes.toString('utf8');
      return COMPLETE.test(html.slice(-64)) ? { copies: searchCopies(html), size, mtimeMs } : undefined;
    } finally {
      await handle.close();
    }
  };
  const watching = (async () => {
    while (!stopped) {
      const files = await searchableFiles(siteDir, skip).catch(() => [] as string[]);
      for (const file of files) {
        if (stopped) break;
        if (made.has(file)) continue;
        const page = await readWhole(file);
        if (page) made.set(file, page);
      }
      if (!stopped) await sleep(INTERVAL_MS);
    }
  })();
  return {
    async finish() {
      stopped = true;
      await watching;
      const current = new Map<string, SearchCopy[] | undefined>();
      await Promise.all(
        [...made].map(async ([file, page]) => {
          const now = await stat(path.join(siteDir, file)).catch(() => undefined);
          if (now && now.size === page.size && now.mtimeMs === page.mtimeMs) current.set(file, page.copies);
        }),
      );
      return current;
    },
  };
}
