// Other volumes of the handbook whose search indexes the search page merges with its own
// (Pagefind's mergeIndex): a handbook too large for one build is built as volumes (by year or
// province), each a site with its own Pagefind index, and one search page finds pages of all.
// See docs/scale.md.

/**
 * The volumes' base URLs from `YISHI_SEARCH_VOLUMES` (scripts/lib/user-env.ts; comma-separated, each a path such as
 * `/2024/` on the same host or a full URL), each ending in `/`. Their `pagefind/` folders must
 * be reachable from the search page (same host, or CORS allowed).
 */
export function searchVolumes(value: string | undefined): string[] {
  const volumes = (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const volume of volumes) {
    if (!/^(\/|https?:\/\/)/.test(volume)) {
      throw new Error(`环境变量 YISHI_SEARCH_VOLUMES 中的“${volume}”不是网址或以 / 开头的路径。请写成 /2024/ 或 https://example.org/2024/ 这样的形式，多个之间用英文逗号分开。`);
    }
  }
  return volumes.map((v) => (v.endsWith('/') ? v : `${v}/`));
}
