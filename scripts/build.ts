// `npm run build`: check content, build into a temporary folder, index it, then swap it into
// dist/. Any failure leaves the previous dist/ exactly as it was.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { writeSearchIndex } from './lib/build/pagefind.ts';
import { writeOfflineFiles } from './lib/build/offline.ts';
import { swapInto } from './lib/build/swap.ts';
import { checkLinkManifest, createLinkManifest, formatMissingLinks, MANIFEST_FILE, readLinkManifest, sortUrls, writeLinkManifest } from './lib/link-manifest.ts';
import { loadSiteConfig } from './lib/site-config.ts';
import { startTimings } from './lib/build/timings.ts';
import { startAstroBuild } from './lib/build/astro-process.ts';
import { checkInChild } from './lib/build/check-process.ts';
import { missingSiteWarning } from './lib/site-warning.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: path.resolve(import.meta.dirname, '..') },
    /** Where the site goes. Default: <root>/dist. */
    out: { type: 'string' },
    /** The content folder. Default: <root>/content. */
    content: { type: 'string' },
    /**
     * Astro's cache folder, kept after the build so the next build of the same content reuses
     * its content cache. Default: the project's own for <root>/content, else a temporary one.
     */
    cache: { type: 'string' },
    /** Prints how long each phase took (npm run bench reads the last line). */
    timings: { type: 'boolean', default: false },
  },
});
const root = path.resolve(values.root!);
const outDir = values.out ? path.resolve(values.out) : path.join(root, 'dist');
const contentDir = values.content ? path.resolve(values.content) : path.join(root, 'content');
const tmpDir = path.join(path.dirname(outDir), `.build-tmp-${process.pid}`);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} 秒`;
const step = (text: string) => console.log(`▸ ${text}`);

const timings = values.timings ? await startTimings() : undefined;
// The user's overrides (README, “Environment variables”): read here once, handed on as options.
const env = process.env;
// A broken handbook.config.ts stops here, before anything starts, with every problem listed.
let config: ReturnType<typeof loadSiteConfig>;
try {
  config = loadSiteConfig({ root, env });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let started = performance.now();
step('检查内容…');
// Astro starts building (into the temporary folder) while the content is checked in another
// process: on two cores the check costs no time. If the check finds problems, Astro is
// stopped, nothing it printed is shown, and nothing is written.
// A content folder other than the project's gets its own cache, so builds never mix.
const ownCache = contentDir !== path.join(root, 'content') && !values.cache;
const cacheDir = ownCache ? await mkdtemp(path.join(tmpdir(), 'yishi-cache-')) : values.cache && path.resolve(values.cache);
const removeOwnCache = async () => {
  if (ownCache && cacheDir) await rm(cacheDir, { recursive: true, force: true });
};
const astroStarted = performance.now();
// In a child process: its memory is freed before Pagefind starts (scripts/lib/build/astro-process.ts).
const astro = startAstroBuild({ handbook: { root, contentDir, validated: true, env }, outDir: tmpDir, logLevel: 'warn', ...(cacheDir && { cacheDir }) });
astro.done.catch(() => undefined); // awaited below, once the check has passed
const stop = async (message: string): Promise<never> => {
  astro.cancel();
  await astro.done.catch(() => undefined);
  await Promise.all([rm(tmpDir, { recursive: true, force: true }), removeOwnCache()]);
  console.error(message);
  process.exit(1);
};
// In a child process too: checking a large handbook takes hundreds of megabytes, which this
// process would otherwise hold while Astro and Pagefind run.
const checked = await checkInChild(contentDir, path.dirname(contentDir)).catch((error: Error) =>
  stop(`\n构建失败：${error.message}\n${path.relative(process.cwd(), outDir) || outDir} 保持原样。`),
);
const { fileCount, problemCount, report, published } = checked;
if (problemCount > 0) {
  await stop(`${report}\n\n构建已停止：没有写入任何文件，${path.relative(process.cwd(), outDir) || outDir} 保持原样。`);
}
step(`内容检查通过（${fileCount} 个文件，${seconds(started)}）`);
timings?.phase('check', started);

try {
  step('生成页面…');
  astro.showOutput();
  try {
    await astro.done;
  } finally {
    await removeOwnCache();
  }
  step(`页面生成完成（${seconds(astroStarted)}）`);
  timings?.phase('astro', astroStarted);

  started = performance.now();
  step('建立搜索索引…');
  const { pageCount } = await writeSearchIndex(tmpDir);
  step(`搜索索引完成：${pageCount} 页（${seconds(started)}）`);
  timings?.phase('pagefind', started);

  // The build id in every page, the offline copy's list of files and the service worker.
  started = performance.now();
  const offline = await writeOfflineFiles(tmpDir, base);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  step(`离线阅读：整本手册 ${offline.pages} 页，共 ${(offline.bytes / 1024 / 1024).toFixed(1)} MB；service worker ${kb(offline.swGzipBytes)}（gzip）`);
  timings?.phase('offline', started);

  // Published URLs never disappear silently (links.manifest.json); only the project's own
  // content has a manifest, fixture builds have none.
  const manifestFile = path.join(root, MANIFEST_FILE);
  const manifest = contentDir === path.join(root, 'content') ? await readLinkManifest(manifestFile) : undefined;
  if (manifest) {
    const missing = await checkLinkManifest(tmpDir, manifest, config.base);
    if (missing.length > 0) throw new Error(formatMissingLinks(missing));
  }

  await swapInto(tmpDir, outDir);
  console.log(`✓ 网站已写入 ${path.relative(process.cwd(), outDir) || outDir}`);
  const warning = missingSiteWarning(config);
  if (warning) console.warn(warning);
  if (timings) console.log(await timings.report());

  if (manifest) {
    const built = await createLinkManifest(outDir, published);
    const added = built.urls.filter((url) => !manifest.urls.includes(url));
    if (added.length > 0) {
      await writeLinkManifest(manifestFile, sortUrls([...manifest.urls, ...added]));
      console.log(`✓ ${MANIFEST_FILE} 记录了 ${added.length} 个新发布的网址（请随内容一起提交）`);
    }
  }
} catch (error) {
  await rm(tmpDir, { recursive: true, force: true });
  console.error(`\n构建失败：${(error as Error).message}`);
  console.error(`${path.relative(process.cwd(), outDir) || outDir} 保持原样。`);
  process.exit(1);
}
