// `npm run bench`: builds synthetic handbooks of 1,000, 5,000 and 10,000 cases and measures the
// content check, the build (with its phases and peak memory), the output, a first search in
// Chromium, a case page's weight, a second build after one file changed, and a minimal Astro
// build of the same cases for comparison. See BENCHMARKS.md.
//
//   npm run bench -- [--sizes 1000,5000,10000] [--out results.json] [--skip-baseline]
//                    [--skip-search] [--skip-rebuild] [--keep] [--profile] [--repeat N]
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { TIMINGS_PREFIX, type BuildTimings } from './lib/build/timings.ts';
import { BARE_CACHE, pagefindCommand, writeBaseline } from './bench/baseline.ts';
import { clearForColdBuild, linkNodeModules } from './bench/cold.ts';
import { writeCorpus } from './bench/corpus.ts';
import { run, type Measured } from './bench/proc.ts';
import { clock, formatRatios, formatTables, kb, mb, median, seconds, type BenchResults, type BuildRun, type SizeResult } from './bench/report.ts';
import { FIRST_SEARCH_QUERIES, measureFirstSearch, measurePlainPagefind, measureTopicPrecision, pageWeight, TOPIC_WORDS } from './bench/search.ts';
import { inheritedEnv } from './lib/user-env.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    out: { type: 'string' },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    'skip-rebuild': { type: 'boolean', default: false },
    /** Keep the work folder (corpora, sites) instead of deleting it. */
    keep: { type: 'boolean', default: false },
    /** CPU profiles of each build (node --cpu-prof) into the work folder; implies --keep. */
    profile: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20250601' },
    /**
     * Pairs of builds (ours, cold, then the baseline) per size for the ratio: the median is
     * reported. On a shared machine one pair can be 20 % off either way. Each pair also times
     * the baseline cold (`npm run build` with no output and no Astro cache left): the cold ratio.
     */
    repeat: { type: 'string', default: '1' },
  },
});

const project = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const sizes = values.sizes!.split(',').map((s) => Number(s.trim().replace(/_/g, ''))).filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) throw new Error('--sizes: give case counts such as 1000,5000,10000');
const outFile = path.resolve(values.out ?? path.join(os.tmpdir(), `yishi-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
const keep = values.keep || values.profile;
const work = await mkdtemp(path.join(os.tmpdir(), 'yishi-bench-'));
const benchStarted = performance.now();

const log = (text: string) => console.log(text);
const elapsed = () => clock(performance.now() - benchStarted);
let current = '';

/** Runs a step with a heading, a heartbeat every 30 s, and its duration at the end. */
async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log(`  ▶ ${label}…  [总用时 ${elapsed()}]`);
  const beat = setInterval(() => log(`    … ${label}：已进行 ${clock(performance.now() - started)}${current ? `（${current}）` : ''}`), 30_000);
  try {
    const result = await fn();
    log(`  ✓ ${label}（${seconds(performance.now() - started)}）`);
    return result;
  } finally {
    clearInterval(beat);
    current = '';
  }
}

/** The build's own ▸ lines, shown indented as sub-steps. */
const forward = (line: string) => {
  if (line.startsWith('▸')) {
    current = line.slice(2);
    log(`      ${line}`);
  }
};

// A snapshot of the project: a long run measures one version of the code, however the working
// tree changes meanwhile, and its builds never touch the project's .astro/ or caches (its
// node_modules/ links to the project's packages, not to the folder: see linkNodeModules).
async function snapshot(): Promise<string> {
  const root = path.join(work, 'root');
  await mkdir(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'handbook.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'public', 'scripts', 'content']) {
    await cp(path.join(project, entry), path.join(root, entry), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await linkNodeModules(path.join(project, 'node_modules'), root);
  return root;
}

async function dirSize(dir: string): Promise<{ bytes: number; files: number; html: number }> {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
    if (entry.name.endsWith('.html')) html++;
  }
  return { bytes, files, html };
}

function parseTimings(output: string): BuildTimings {
  const line = output.split('\n').reverse().find((l) => l.startsWith(TIMINGS_PREFIX));
  return line ? (JSON.parse(line.slice(TIMINGS_PREFIX.length)) as BuildTimings) : {};
}

function failed(what: string, result: Measured): never {
  console.error(result.stdout.slice(-4000));
  console.error(result.stderr.slice(-4000));
  throw new Error(`${what} failed (exit ${result.code})`);
}

/**
 * Our build, as `npm run build` in the snapshot: cold (no output, no Astro cache: .astro/,
 * node_modules/.astro and `cache` removed first) unless `warm` keeps `cache` and .astro/.
 */
async function build(root: string, contentDir: string, dist: string, cache: string, options: { warm?: boolean; profileDir?: string } = {}): Promise<BuildRun> {
  if (options.warm) await rm(dist, { recursive: true, force: true });
  else await clearForColdBuild(root, dist, cache);
  const before = os.loadavg()[0]!;
  const args = ['run', '--silent', 'build', '--', '--out', dist, '--content', contentDir, '--cache', cache, '--timings'];
  // Every Node process of the build profiled: npm, the build script, Astro's, the check's and the index's.
  const env = options.profileDir ? inheritedEnv({ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.profileDir}` }) : undefined;
  const result = await run('npm', args, { cwd: root, onLine: forward, ...(env && { env }) });
  if (result.code !== 0) failed('build', result);
  return { ms: result.ms, timings: parseTimings(result.stdout), peakTreeRss: result.peakTreeRss, maxRss: result.maxRss, peakByProcess: result.peakByProcess, load: { before, after: os.loadavg()[0]! } };
}

const machine = {
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryBytes: os.totalmem(),
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  date: new Date().toISOString(),
  loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
const results: BenchResults = { command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), machine, sizes: [] };

log(`议事手册 benchmark: ${sizes.map((s) => s.toLocaleString('en')).join(', ')} cases`);
log(`machine: ${machine.nproc} CPUs (${machine.cpu}), ${mb(machine.memoryBytes)}, Node ${machine.node}, load ${machine.loadAtStart.join(' ')}`);
log(`work folder: ${work}`);

try {
  const root = await step('snapshot of the project', snapshot);
  for (const [index, size] of sizes.entries()) {
    log(`\n[${index + 1}/${sizes.length}] ${size.toLocaleString('en')} cases`);
    const dir = path.join(work, String(size));
    const generateStarted = performance.now();
    const corpus = await step('generate corpus', () => writeCorpus(dir, size, path.join(root, 'content'), Number(values.seed)));
    const generateMs = performance.now() - generateStarted;
    const corpusSize = await dirSize(corpus.contentDir);

    const check = await step('npm run check', () => run(node, [path.join(root, 'scripts/check.ts'), corpus.contentDir], { cwd: root }));
    if (check.code !== 0) failed(`content check of the generated ${size}-case corpus`, check);
    const reported = /用时 ([\d.]+) 秒/.exec(check.stdout)?.[1];
    log(`    ${check.stdout.trim()}`);

    const dist = path.join(dir, 'dist');
    const cache = path.join(dir, 'cache');
    const profileDir = values.profile ? path.join(dir, 'profile') : undefined;
    const cold = await step('build (cold)', () => build(root, corpus.contentDir, dist, cache, profileDir ? { profileDir } : {}));
    log(`    build ${seconds(cold.ms)} · content sync ${seconds(cold.timings.sync)} · bundle ${seconds(cold.timings.bundle)} · render ${seconds(cold.timings.render)} (similar ${seconds(cold.timings.similar)}) · Pagefind ${seconds(cold.timings.pagefind)} · peak ${mb(cold.peakTreeRss)} (${Object.entries(cold.peakByProcess ?? {}).map(([k, v]) => `${k} ${mb(v)}`).join(', ')})`);

    const site = await dirSize(dist);
    const pagefind = await dirSize(path.join(dist, 'pagefind'));
    let pagefindIndexBytes = 0;
    for (const sub of ['fragment', 'index', 'filter']) pagefindIndexBytes += (await dirSize(path.join(dist, 'pagefind', sub))).bytes;
    for (const f of await readdir(path.join(dist, 'pagefind'))) if (f.endsWith('.pf_meta')) pagefindIndexBytes += (await stat(path.join(dist, 'pagefind', f))).size;

    const result: SizeResult = {
      size,
      cases: corpus.caseCount,
      files: corpusSize.files,
      sources: corpus.sourceCount,
      corpusBytes: corpusSize.bytes,
      generateMs,
      check: { ms: check.ms, reportedSeconds: reported ? Number(reported) : undefined, ok: true },
      build: cold,
      output: { bytes: site.bytes, files: site.files, htmlPages: site.html, pagefindBytes: pagefind.bytes, pagefindIndexBytes, pagefindFiles: pagefind.files },
    };

    if (!values['skip-search']) {
      for (const screen of ['phone', 'desktop'] as const) {
        const search = await step(`first search in Chromium (${screen})`, () => measureFirstSearch(dist, '停车', screen));
        const { files, ...rest } = search;
        result[screen === 'phone' ? 'search' : 'searchDesktop'] = { ...rest, largest: files.slice(0, 12) };
        log(`    “停车” (${screen}): ${search.status} · ${search.requests} requests · Pagefind + scripts ${kb(search.searchBytes)} (gzip ${kb(search.searchBytesGzip)})`);
      }
      const none = await step(`first search in Chromium (phone, “${FIRST_SEARCH_QUERIES.none}”, no case matches)`, () => measureFirstSearch(dist, FIRST_SEARCH_QUERIES.none, 'phone'));
      {
        const { files, ...rest } = none;
        result.searchNone = { ...rest, largest: files.slice(0, 12) };
      }
      log(`    “${none.query}” (phone): ${none.status} · ${none.requests} requests · Pagefind + scripts ${kb(none.searchBytes)} (gzip ${kb(none.searchBytesGzip)})`);
      for (const [which, query] of Object.entries(FIRST_SEARCH_QUERIES) as [keyof typeof FIRST_SEARCH_QUERIES, string][]) {
        const plain = await step(`plain Pagefind's default API on our site (phone, “${query}”)`, () => measurePlainPagefind(dist, query, 'phone'));
        (result.plainOnOurs ??= {})[which] = { ...plain, files: plain.files.slice(0, 12) };
        log(`    plain Pagefind on our index, “${query}”: ${plain.results} results · ${plain.requests} requests · gzip ${kb(plain.pagefindBytesGzip)}`);
      }
      const precision = await step('topic words in Chromium (first ten results)', () => measureTopicPrecision(dist, TOPIC_WORDS));
      result.topicPrecision = precision;
      const mean = precision.reduce((sum, p) => sum + p.precision, 0) / precision.length;
      log(`    topic words: ${precision.map((p) => `${p.word} ${p.ofTopic}/${p.results}`).join(' · ')} → mean precision ${(mean * 100).toFixed(0)} %`);
    }
    // A typical case page: the generated consultation with the median body length.
    const consultations = corpus.generated.filter((c) => c.kind === 'consultation').sort((a, b) => a.body.length - b.body.length);
    const typical = consultations[Math.floor(consultations.length / 2)];
    if (typical) {
      result.casePage = await pageWeight(dist, `/cases/${typical.id}/`);
      log(`    case page ${result.casePage.page}: HTML ${kb(result.casePage.htmlBytes)} + CSS ${kb(result.casePage.cssBytes)} → gzip ${kb(result.casePage.totalGzip)}`);
    }

    if (!values['skip-rebuild'] && typical) {
      // One case edited (a sentence added): Astro's content cache should spare the others.
      const file = path.join(corpus.contentDir, 'cases', `${typical.id}.mdx`);
      await appendFile(file, '\n补充说明：本页于基准测试中修改了一处文字。\n');
      const again = await step('build again after editing one case', () => build(root, corpus.contentDir, path.join(dir, 'dist2'), cache, { warm: true }));
      result.rebuild = { ...again, changed: path.relative(dir, file) };
      log(`    rebuild ${seconds(again.ms)} (cold ${seconds(cold.ms)}) · content sync ${seconds(again.timings.sync)} (cold ${seconds(cold.timings.sync)})`);
      await rm(path.join(dir, 'dist2'), { recursive: true, force: true });
    }

    if (!values['skip-baseline']) {
      const baselineDir = path.join(dir, 'baseline');
      const { cli, args } = await writeBaseline(baselineDir, path.join(corpus.contentDir, 'cases'), path.join(project, 'node_modules'));
      const pf = pagefindCommand(baselineDir, path.join(project, 'node_modules'));
      /** The bare reference's build: Astro, then `pagefind --site dist`; time is the sum, memory the larger peak. */
      const bare = async (label: string) => {
        const astro = await step(label, () => run(node, [cli, ...args], { cwd: baselineDir, env: inheritedEnv({ ASTRO_TELEMETRY_DISABLED: '1' }) }));
        if (astro.code !== 0) failed('baseline build', astro);
        const index = await step(`${label}: pagefind --site dist`, () => run(node, [pf.cli, ...pf.args], { cwd: baselineDir }));
        if (index.code !== 0) failed('pagefind on the baseline', index);
        return { ms: astro.ms + index.ms, astroMs: astro.ms, pagefindMs: index.ms, peakTreeRss: Math.max(astro.peakTreeRss, index.peakTreeRss), maxRss: Math.max(astro.maxRss ?? 0, index.maxRss ?? 0) || undefined, peakAstro: astro.peakTreeRss, peakPagefind: index.peakTreeRss };
      };
      const before = os.loadavg()[0]!;
      const base = await bare('bare reference build (Astro + Pagefind)');
      const pages = (await dirSize(path.join(baselineDir, 'dist'))).html;
      result.baseline = { ...base, pages, load: { before, after: os.loadavg()[0]! } };
      log(`    bare reference: Astro ${seconds(base.astroMs)} + Pagefind ${seconds(base.pagefindMs)} = ${seconds(base.ms)} · peak ${mb(base.peakTreeRss)} (Astro ${mb(base.peakAstro)}, Pagefind ${mb(base.peakPagefind)})`);
      if (!values['skip-search']) {
        for (const [which, query] of Object.entries(FIRST_SEARCH_QUERIES) as [keyof typeof FIRST_SEARCH_QUERIES, string][]) {
          const plain = await step(`bare reference: first search with Pagefind's default API (phone, “${query}”)`, () => measurePlainPagefind(path.join(baselineDir, 'dist'), query, 'phone'));
          (result.bareSearch ??= {})[which] = { ...plain, files: plain.files.slice(0, 12) };
          log(`    bare reference, “${query}”: ${plain.results} results · ${plain.requests} requests · gzip ${kb(plain.pagefindBytesGzip)}`);
        }
      }
      /**
       * The bare reference cold, as the budget is measured: `npm run build` (Astro, then Pagefind)
       * with no output and no Astro cache left. The builds above keep its .cache/ and .astro/
       * from the second pair on.
       */
      const bareCold = async (label: string) => {
        await clearForColdBuild(baselineDir, path.join(baselineDir, 'dist'), path.join(baselineDir, BARE_CACHE));
        const measured = await step(label, () => run('npm', ['run', '--silent', 'build'], { cwd: baselineDir, env: inheritedEnv({ ASTRO_TELEMETRY_DISABLED: '1' }) }));
        if (measured.code !== 0) failed('cold baseline build', measured);
        return measured.ms;
      };
      const pairs = [{ ours: cold.ms, astro: cold.timings.astro ?? cold.ms, base: base.ms, baseAstro: base.astroMs, baseCold: await bareCold('bare reference build, cold (npm run build)') }];
      const repeat = Math.max(1, Number(values.repeat) || 1);
      for (let i = 2; i <= repeat; i++) {
        // Again, alternating: our build cold, then the baseline as before and cold.
        const again = await step(`build again for the ratio (${i}/${repeat})`, () => build(root, corpus.contentDir, path.join(dir, 'dist-ratio'), path.join(dir, `cache-ratio-${i}`)));
        await rm(path.join(dir, 'dist-ratio'), { recursive: true, force: true });
        await rm(path.join(baselineDir, 'dist'), { recursive: true, force: true });
        const baseAgain = await bare(`bare reference build (${i}/${repeat})`);
        const baseCold = await bareCold(`bare reference build, cold (${i}/${repeat})`);
        pairs.push({ ours: again.ms, astro: again.timings.astro ?? again.ms, base: baseAgain.ms, baseAstro: baseAgain.astroMs, baseCold });
        log(`    pair ${i}: ours ${seconds(again.ms)} · baseline ${seconds(baseAgain.ms)} = ${(again.ms / baseAgain.ms).toFixed(2)}× · baseline cold ${seconds(baseCold)} = ${(again.ms / baseCold).toFixed(2)}×`);
      }
      result.ratios = pairs.map((p) => p.ours / p.base);
      result.ratio = median(result.ratios);
      result.astroRatio = median(pairs.map((p) => p.astro / p.baseAstro));
      result.coldPairs = pairs.map((p) => ({ ours: p.ours, bare: p.baseCold }));
      result.coldRatios = pairs.map((p) => p.ours / p.baseCold);
      result.coldRatio = median(result.coldRatios);
      log(`    bare reference ${seconds(base.ms)} for ${pages} pages · ours ${seconds(cold.ms)} = ${result.ratio.toFixed(2)}× (Astro part ÷ bare Astro part ${result.astroRatio.toFixed(2)}×)${pairs.length > 1 ? `, median of ${pairs.length} pairs: ${result.ratios.map((r) => r.toFixed(2)).join(', ')}` : ''}`);
      log(`    cold (npm run build, no output and no Astro cache before each): ${result.coldRatio.toFixed(2)}×${pairs.length > 1 ? `, median of ${pairs.length} pairs: ${result.coldRatios.map((r) => r.toFixed(2)).join(', ')}` : ''} (${pairs.map((p) => `${seconds(p.ours)} / ${seconds(p.baseCold)}`).join(', ')})`);
      if (!keep) await rm(baselineDir, { recursive: true, force: true });
    }

    results.sizes.push(result);
    await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
  results.finishedAt = new Date().toISOString();
  await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`\n${formatRatios(results)}\n\n${formatTables(results)}\n`);
  log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} · total ${elapsed()}`);
  log(`results: ${outFile}`);
  if (keep) log(`work folder kept: ${work}`);
} finally {
  if (!keep) await rm(work, { recursive: true, force: true });
}
