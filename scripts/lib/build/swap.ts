import { rename, rm, stat } from 'node:fs/promises';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * Replaces `target` with `fresh` in two renames, so readers of `target` see either the whole
 * old site or the whole new one, and a failure before this point leaves `target` untouched.
 */
export async function swapInto(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(fresh, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    throw error;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}
