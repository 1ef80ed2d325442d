// `npm run build`: check content, build into a temporary folder, index it, then swap it into
// dist/. Any failure leaves the previous dist/ exactly as it was, and so does an interruption
// (Ctrl-C, SIGTERM; after SIGKILL the next build clears what was left). One build at a time
// writes an output folder: a second one waits for the first (scripts/lib/build/lock.ts).
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readSitePages, writeOfflineFiles } from './lib/build/offline.ts';
import { swapInto } from './lib/build/swap.ts';
import { checkLinkManifest, createLinkManifest, formatMissingLinks, MANIFEST_FILE, readLinkManifest, sortUrls, writeLinkManifest } from './lib/link-manifest.ts';
import { loadSiteConfig } from './lib/site-config.ts';
import { startTimings } from './lib/build/timings.ts';
import { missingSiteWarning, NEEDS_SITE } from './lib/site-warning.ts';
import { setProcessEnv, userEnv } from './lib/user-env.ts';
import { startAstroBuild, type AstroBuild } from './lib/build/astro-process.ts';
import { startCheckInChild, type CheckRun } from './lib/build/check-process.ts';
import { firstPage, startSearchIndex, type IndexRun } from './lib/build/index-process.ts';
import { acquireLock, type Lock } from './lib/build/lock.ts';
import { astroWorkFolder, clearAstroWorkFolders, clearLeftovers, lockFileOf, projectLockFile, workFolders } from './lib/build/leftovers.ts';
import { isInterrupted, never, onInterrupt, uninterrupted } from './lib/build/interrupt.ts';

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
const work = workFolders(outDir);
const tmpDir = work.site;
// Where Astro's process runs: the project root when the site is built inside the project, else a
// folder of its own in the project (see astroWorkFolder).
const insideProject = !path.relative(root, tmpDir).startsWith('..') && !path.isAbsolute(path.relative(root, tmpDir));
const astroCwd = insideProject ? root : astroWorkFolder(root);
const shownOut = path.relative(process.cwd(), outDir) || outDir;
setProcessEnv('ASTRO_TELEMETRY_DISABLED', '1');

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} 秒`;
const step = (text: string) => console.log(`▸ ${text}`);

// The user's overrides (README, “Environment variables”): read here once, handed on as options.
const env = userEnv();
// A broken handbook.config.ts stops here, before anything starts, with every problem listed.
let config: ReturnType<typeof loadSiteConfig>;
try {
  config = loadSiteConfig({ root, env });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// A content folder other than the project's gets its own cache, so builds never mix.
const ownCache = contentDir !== path.join(root, 'content') && !values.cache;
const cacheDir = ownCache ? work.cache : values.cache && path.resolve(values.cache);

// Interrupted (Ctrl-C, SIGTERM): stop the children, remove the working folders, dist/ untouched.
let astro: AstroBuild | undefined;
let check: CheckRun | undefined;
let index: IndexRun | undefined;
onInterrupt(
  async () => {
    for (const child of [astro, check, index]) child?.cancel();
    await Promise.all([astro?.done, check?.done, index?.done].map((p) => p?.catch(() => undefined)));
    for (const folder of [work.site, ...(ownCache ? [work.cache] : [])]) await rm(folder, { recursive: true, force: true, maxRetries: 5 });
  },
  () => `\n构建已中断：${shownOut} 保持原样。`,
);

// One build at a time per output folder, and per project: builds of one project share Astro's
// generated .astro/ folder (the list of content modules) and its cache. A second build waits here.
await mkdir(path.dirname(outDir), { recursive: true });
const locks: Lock[] = [];
process.on('exit', () => locks.forEach((lock) => lock.release()));
const waiting = (what: string) => (holder: { pid: number } | undefined) =>
  step(`另一个构建${holder ? `（进程 ${holder.pid}）` : ''}正在${what}，等它结束后再开始…`);
locks.push(await acquireLock(lockFileOf(outDir), waiting(`写入 ${shownOut}`)));
locks.push(await acquireLock(projectLockFile(root), waiting('使用本项目')));
// What an interrupted build left: its working folders, or dist/ mid-swap.
for (const note of await clearLeftovers(outDir)) step(note);
await clearAstroWorkFolders(root);
if (!insideProject) await mkdir(astroCwd, { recursive: true });
process.on('exit', () => {
  if (!insideProject) rmSync(astroCwd, { recursive: true, force: true });
});

const timings = values.timings ? await startTimings() : undefined;

let started = performance.now();
step('检查内容…');
// Astro starts building (into the temporary folder) while the content is checked in another
// process: on two cores the check costs no time. If the check finds problems, Astro is
// stopped, nothing it printed is shown, and nothing is written.
const removeOwnCache = async () => {
  if (ownCache) await rm(work.cache, { recursive: true, force: true });
};
const astroStarted = performance.now();
// In a child process: its memory is freed before Pagefind starts (scripts/lib/build/astro-process.ts).
// Started in a folder of this build's own, so that Astro's server bundle (.prerender/) is never
// in a .astro/ shared with other builds (see astroWorkFolder).
astro = startAstroBuild({ handbook: { root, contentDir, validated: true, env }, outDir: tmpDir, logLevel: 'warn', ...(cacheDir && { cacheDir }) }, { cwd: astroCwd });
const stop = async (message: string): Promise<never> => {
  if (isInterrupted()) return never();
  astro!.cancel();
  await astro!.done.catch(() => undefined);
  await Promise.all([rm(tmpDir, { recursive: true, force: true }), removeOwnCache()]);
  console.error(message);
  process.exit(1);
};
// In a child process too: checking a large handbook takes hundreds of megabytes, which this
// process would otherwise hold while Astro and Pagefind run.
check = startCheckInChild(contentDir, path.dirname(contentDir));
// Recorded in the lock: a next build stops them if this one is killed outright.
const recordChildren = (...pids: (number | undefined)[]) =>
  uninterrupted(() => Promise.all(locks.map((lock) => lock.setChildren(pids.filter((pid): pid is number => pid !== undefined)))));
await recordChildren(astro.pid, check.pid);
const checked = await check.done.catch((error: Error) => stop(`\n构建失败：${error.message}\n${shownOut} 保持原样。`));
const { fileCount, problemCount, report, published } = checked;
if (problemCount > 0) {
  await stop(`${report}\n\n构建已停止：没有写入任何文件，${shownOut} 保持原样。`);
}
step(`内容检查通过（${fileCount} 个文件，${seconds(started)}）`);
timings?.phase('check', started);
// The search index's process starts once Astro writes its first page (not while it bundles, when
// the build's memory is at its peak): it makes the pages' search copies as Astro writes them (on
// the core Astro's rendering leaves idle), and starts Pagefind once the site is complete.
const indexStarted = firstPage(tmpDir, astro.done).then(async () => {
  if (isInterrupted()) return;
  index = startSearchIndex(tmpDir);
  await recordChildren(astro.pid, index.pid);
});

try {
  step('生成页面…');
  astro.showOutput();
  try {
    await astro.done;
  } finally {
    await removeOwnCache();
  }
  // A feed and a sitemap of paths are invalid: without `site` they are not published (the warning says so).
  if (!config.site) await Promise.all(NEEDS_SITE.map((file) => rm(path.join(tmpDir, file), { force: true })));
  step(`页面生成完成（${seconds(astroStarted)}）`);
  timings?.phase('astro', astroStarted);

  started = performance.now();
  step('建立搜索索引…');
  await indexStarted;
  const indexing = index ?? (await never()); // unset: interrupted meanwhile
  indexing.index();
  // Meanwhile the pages are read and hashed for the offline copy: Pagefind leaves them as they are.
  const pages = readSitePages(tmpDir);
  const { pageCount } = await indexing.done;
  step(`搜索索引完成：${pageCount} 页（${seconds(started)}）`);
  timings?.phase('pagefind', started);

  // The build id in every page, the offline copy's list of files and the service worker.
  started = performance.now();
  const offline = await writeOfflineFiles(tmpDir, config.base, pages);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  step(`离线阅读：整本手册 ${offline.pages} 页，共 ${(offline.bytes / 1024 / 1024).toFixed(1)} MB；service worker ${kb(offline.swGzipBytes)}（gzip）`);
  timings?.phase('offline', started);

  // Published URLs never disappear silently (links.manifest.json); only the project's own
  // content has a manifest, fixture builds have none.
  const manifestFile = path.join(root, MANIFEST_FILE);
  const manifest = contentDir === path.join(root, 'content') ? await readLinkManifest(manifestFile) : undefined;
  if (manifest) {
    const missing = await checkLinkManifest(tmpDir, manifest, config.base, { withSite: Boolean(config.site) });
    if (missing.length > 0) throw new Error(formatMissingLinks(missing));
  }

  // Two renames; an interruption waits until both are done.
  await uninterrupted(() => swapInto(tmpDir, outDir));
  console.log(`✓ 网站已写入 ${shownOut}`);
  const warning = missingSiteWarning(config);
  if (warning) console.warn(warning);
  if (timings) console.log(await timings.report());

  if (manifest) {
    const built = await createLinkManifest(outDir, published);
    const added = built.urls.filter((url) => !manifest.urls.includes(url));
    if (added.length > 0) {
      await uninterrupted(() => writeLinkManifest(manifestFile, sortUrls([...manifest.urls, ...added])));
      console.log(`✓ ${MANIFEST_FILE} 记录了 ${added.length} 个新发布的网址（请随内容一起提交）`);
    }
  }
} catch (error) {
  if (isInterrupted()) await never();
  await indexStarted;
  index?.cancel();
  await index?.done.catch(() => undefined);
  await rm(tmpDir, { recursive: true, force: true });
  console.error(`\n构建失败：${(error as Error).message}`);
  console.error(`${shownOut} 保持原样。`);
  process.exit(1);
}
