import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARKER = 'yishi-schemas.sha256';

/** A digest of the collection schemas' source files (src/schemas/*.ts and content.config.ts). */
function schemaDigest(root: string): string {
  const hash = createHash('sha256');
  const dir = path.join(root, 'src/schemas');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(dir, f)), path.join(root, 'src/content.config.ts')];
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Astro keeps parsed content in a data store that it reuses while a content file is unchanged;
 * it notices a change of content.config.ts, not of the schema modules that file imports. A
 * schema change (a new field with a default) would then build from stale entries. This drops
 * the store in each cache folder whenever the schemas' sources differ from the last build's.
 */
export function dropStaleContentStore(root: string, cacheDirs: readonly string[]): void {
  const digest = schemaDigest(root);
  for (const dir of cacheDirs) {
    const marker = path.join(dir, MARKER);
    let previous = '';
    try {
      previous = readFileSync(marker, 'utf8');
    } catch {
      // No marker yet: a first build, or a cache from before this check.
    }
    if (previous === digest) continue;
    rmSync(path.join(dir, 'data-store.json'), { force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(marker, digest);
  }
}
