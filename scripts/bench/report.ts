// Formatting of benchmark results: sizes, durations and the tables `npm run bench` prints.
import type { SearchDownload, PageWeight, PlainDownload, TopicPrecision } from './search.ts';
import type { BuildTimings } from '../lib/build/timings.ts';

export interface BuildRun {
  ms: number;
  timings: BuildTimings;
  /** Peak resident memory of the build's process tree (sampled), bytes. */
  peakTreeRss: number;
  /** Largest single process's maxRSS (GNU time), bytes. */
  maxRss: number | undefined;
  /** Peak resident memory (sampled) of each kind of process: build, check, astro, pagefind. */
  peakByProcess?: Record<string, number>;
  load: { before: number; after: number };
}

export interface SizeResult {
  size: number;
  cases: number;
  files: number;
  sources: number;
  corpusBytes: number;
  generateMs: number;
  check: { ms: number; reportedSeconds: number | undefined; ok: boolean };
  build: BuildRun;
  output: { bytes: number; files: number; htmlPages: number; pagefindBytes: number; pagefindIndexBytes: number; pagefindFiles: number };
  /** A first search on a phone: the filters folded, as on most readers' screens. */
  search?: Omit<SearchDownload, 'files'> & { largest: SearchDownload['files'] };
  /** A first search on a phone for a query that matches no case. */
  searchNone?: Omit<SearchDownload, 'files'> & { largest: SearchDownload['files'] };
  /** Plain Pagefind's default API on our own built site (phone), per query. */
  plainOnOurs?: Partial<Record<'match' | 'none', PlainDownload>>;
  /** Plain Pagefind's default API on the bare reference (phone), per query: what our first search is compared with. */
  bareSearch?: Partial<Record<'match' | 'none', PlainDownload>>;
  /** The same on a desktop, where the filters and their counts show beside the results. */
  searchDesktop?: Omit<SearchDownload, 'files'> & { largest: SearchDownload['files'] };
  /** Each topic's word searched: how many of the first ten results are cases of that topic. */
  topicPrecision?: TopicPrecision[];
  casePage?: PageWeight;
  rebuild?: BuildRun & { changed: string };
  /** The bare reference (one Astro page per case, then `pagefind --site dist`): ms is Astro + Pagefind. */
  baseline?: { ms: number; astroMs?: number; pagefindMs?: number; peakTreeRss: number; maxRss: number | undefined; peakAstro?: number; peakPagefind?: number; pages: number; load: { before: number; after: number } };
  /** Our full build ÷ the bare reference's (the median when --repeat gave several pairs). */
  ratio?: number;
  /** Each pair's ratio, with --repeat. */
  ratios?: number[];
  /** Each pair's cold builds (ms): ours and the bare reference's `npm run build`, with no output and no Astro cache before each. */
  coldPairs?: { ours: number; bare: number }[];
  /** Each pair's cold ratio, and their median: the build budget (BENCHMARKS.md). */
  coldRatios?: number[];
  coldRatio?: number;
  /** Only Astro's part of our build (no check, no Pagefind) ÷ the bare reference's Astro part. */
  astroRatio?: number;
}

export interface BenchResults {
  command: string;
  machine: { nproc: number; cpu: string; memoryBytes: number; node: string; platform: string; date: string; loadAtStart: number[] };
  finishedAt?: string;
  sizes: SizeResult[];
}

export const seconds = (ms: number | undefined) => (ms === undefined ? '—' : ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);
export const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : bytes >= 1e9 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(0)} MB`);
export const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
export const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const times = (ratio: number | undefined) => (ratio === undefined || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`);

/** The leading table: each of our figures as a ratio to the bare reference's (Astro pages + `pagefind --site dist`). */
export function formatRatios(results: BenchResults): string {
  return table(
    ['cases', 'build ÷ bare (pairs)', 'ours / bare', 'cold ÷ bare (pairs)', 'ours / bare (cold, medians)', 'peak memory ÷ bare', 'ours / bare', 'first search “match” ÷ bare (phone, gzip)', 'ours / bare', 'first search “none” ÷ bare', 'ours / bare', 'load'],
    results.sizes.map((r) => {
      const peak = Math.max(r.build.peakTreeRss, r.build.maxRss ?? 0);
      const basePeak = r.baseline ? Math.max(r.baseline.peakTreeRss, r.baseline.maxRss ?? 0) : undefined;
      const match = r.bareSearch?.match?.pagefindBytesGzip;
      const none = r.bareSearch?.none?.pagefindBytesGzip;
      return [
        r.cases.toLocaleString('en'),
        r.ratio ? `${times(r.ratio)}${r.ratios && r.ratios.length > 1 ? ` (${r.ratios.map((x) => x.toFixed(2)).join(', ')})` : ''}` : '—',
        r.baseline ? `${seconds(r.build.ms)} / ${seconds(r.baseline.ms)}` : '—',
        r.coldRatio ? `${times(r.coldRatio)}${r.coldRatios && r.coldRatios.length > 1 ? ` (${r.coldRatios.map((x) => x.toFixed(2)).join(', ')})` : ''}` : '—',
        r.coldPairs ? `${seconds(median(r.coldPairs.map((p) => p.ours)))} / ${seconds(median(r.coldPairs.map((p) => p.bare)))}` : '—',
        basePeak ? times(peak / basePeak) : '—',
        basePeak ? `${mb(peak)} / ${mb(basePeak)}` : '—',
        r.search && match ? times(r.search.searchBytesGzip / match) : '—',
        r.search && match ? `${kb(r.search.searchBytesGzip)} / ${kb(match)}` : '—',
        r.searchNone && none ? times(r.searchNone.searchBytesGzip / none) : '—',
        r.searchNone && none ? `${kb(r.searchNone.searchBytesGzip)} / ${kb(none)}` : '—',
        `${r.build.load.before.toFixed(1)}→${r.build.load.after.toFixed(1)}${r.baseline ? `, bare ${r.baseline.load.before.toFixed(1)}→${r.baseline.load.after.toFixed(1)}` : ''}`,
      ];
    }),
  );
}

/** The two tables of the report, as Markdown. */
export function formatTables(results: BenchResults): string {
  const build = table(
    ['cases', 'check', 'build', 'content sync', 'bundle', 'render', 'similar', 'Pagefind', 'peak RSS: tree (Astro, Pagefind)', 'rebuild (1 file)', 'baseline', 'ratio (Astro part)', 'load'],
    results.sizes.map((r) => [
      r.cases.toLocaleString('en'),
      seconds(r.check.ms),
      seconds(r.build.ms),
      seconds(r.build.timings.sync),
      seconds(r.build.timings.bundle),
      seconds(r.build.timings.render),
      seconds(r.build.timings.similar),
      seconds(r.build.timings.pagefind),
      `${mb(Math.max(r.build.peakTreeRss, r.build.maxRss ?? 0))} (${mb(r.build.peakByProcess?.astro)}, ${mb(r.build.peakByProcess?.pagefind)})`,
      r.rebuild ? seconds(r.rebuild.ms) : '—',
      r.baseline ? seconds(r.baseline.ms) : '—',
      r.ratio ? `${r.ratio.toFixed(2)}× (${r.astroRatio?.toFixed(2)}×)` : '—',
      `${r.build.load.before.toFixed(1)}→${r.build.load.after.toFixed(1)}`,
    ]),
  );
  const output = table(
    ['cases', 'output', 'HTML pages', 'Pagefind (index)', 'first search: phone', 'phone (gzip)', 'desktop, with filter counts (gzip)', 'requests (phone)', 'case page HTML+CSS (gzip)'],
    results.sizes.map((r) => [
      r.cases.toLocaleString('en'),
      mb(r.output.bytes),
      r.output.htmlPages.toLocaleString('en'),
      `${mb(r.output.pagefindBytes)} (${mb(r.output.pagefindIndexBytes)})`,
      r.search ? kb(r.search.searchBytes) : '—',
      r.search ? kb(r.search.searchBytesGzip) : '—',
      r.searchDesktop ? kb(r.searchDesktop.searchBytesGzip) : '—',
      r.search ? String(r.search.requests) : '—',
      r.casePage ? kb(r.casePage.totalGzip) : '—',
    ]),
  );
  const withPrecision = results.sizes.filter((r) => r.topicPrecision?.length);
  const words = withPrecision[0]?.topicPrecision ?? [];
  const precision = withPrecision.length
    ? `\n\n${table(
        ['cases', ...words.map((p) => `${p.word} (${p.topic})`), 'mean'],
        withPrecision.map((r) => [
          r.cases.toLocaleString('en'),
          ...r.topicPrecision!.map((p) => `${p.ofTopic}/${p.results}`),
          `${((100 * r.topicPrecision!.reduce((sum, p) => sum + p.precision, 0)) / r.topicPrecision!.length).toFixed(0)} %`,
        ]),
      )}`
    : '';
  return `${build}\n\n${output}${precision}`;
}
