// The search evaluation (`npm run eval:search`): a set of questions, each with the pages that
// answer it or `none`, run through the search page's own engine in Chromium over a built site's
// Pagefind index, and counted: hits in the top five, false “nothing”, honest “nothing”.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './serve.ts';

/** One question of a set: the pages that answer it (paths or page ids), or none. */
export interface EvalQuestion {
  question: string;
  /** Empty: the handbook has no page on it, and the search should say so. */
  expected: string[];
}

/**
 * Reads a question set. Accepted forms: a list of `{ question | query, expected | expect }`
 * where the expectation is a page path (`/cases/x/`), a page id (`x`), a list of them, or
 * `"none"` / `null` / `[]`; or an object holding such a list as `questions` or `queries`,
 * optionally with `nothingRelevant` (questions without a page), as in
 * tests/fixtures/search-queries.json.
 */
export function parseQuestionSet(json: unknown): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  const entries = Array.isArray(json) ? json : ((json as Record<string, unknown>)?.questions ?? (json as Record<string, unknown>)?.queries);
  if (!Array.isArray(entries)) throw new Error('问题集应是一个列表，或含 questions / queries 列表的对象');
  for (const raw of entries as Record<string, unknown>[]) {
    const question = String(raw.question ?? raw.query ?? raw.q ?? '').trim();
    if (!question) throw new Error(`问题集中有一项没有 question：${JSON.stringify(raw)}`);
    const value = raw.expected ?? raw.expect ?? null;
    const list = value === null || value === 'none' ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
    out.push({ question, expected: list.filter((v) => v !== 'none').map(pageKeyToPath) });
  }
  const nothing = Array.isArray(json) ? [] : (json as Record<string, unknown>).nothingRelevant;
  if (Array.isArray(nothing)) for (const q of nothing) out.push({ question: String(q), expected: [] });
  return out;
}

/** A page key as the held-out set writes it (`cases/x`, `terms#x`) as a site path (`/cases/x/`, `/terms/#x`); anything else as it is. */
export function pageKeyToPath(key: string): string {
  const entry = /^(cases|methods|models|guides)\/([a-z0-9-]+)$/.exec(key);
  if (entry) return `/${entry[1]}/${entry[2]}/`;
  const term = /^terms#([a-z0-9-]+)$/.exec(key);
  return term ? `/terms/#${term[1]}` : key;
}

/** Whether a result URL is one of the expected pages (a path, or an id: the URL's last segment or its #fragment). */
export function isExpected(url: string, expected: readonly string[]): boolean {
  const clean = url.replace(/index\.html$/, '');
  const [pathname = '', fragment = ''] = clean.split('#');
  const segments = pathname.split('/').filter(Boolean);
  // A path with a #fragment (a glossary entry) is found only at that fragment.
  return expected.some((e) => (e.startsWith('/') ? (e.includes('#') ? clean === e : pathname === e) : segments.at(-1) === e || fragment === e));
}

/** What the engine answered for one question. */
export interface EvalAnswer {
  question: string;
  expected: string[];
  /** confident: results; partial: closest pages, said to match only in part; nothing: “no case on it yet”. */
  grade: 'confident' | 'partial' | 'nothing';
  /** The first five pages shown (confident ones, then the partial ones), as URLs. */
  top: string[];
  /** Words the search suggested for words the index lacks. */
  near: string[];
  /** The words searched, with how many pages held each and their weight (for reading a miss). */
  units: string[];
  /** Each shown page's coverage of the question (* when a word is in its title or summary) and its rank score. */
  coverage: string[];
  /** Every string searched, with how many pages it found. */
  tried: string[];
}

export interface EvalReport {
  answers: EvalAnswer[];
  answerable: number;
  hits: number;
  falseNothing: number;
  unanswerable: number;
  honestNothing: number;
  /** Unanswerable questions shown closest pages under “match only in part”. */
  partialOnUnanswerable: number;
  /** Unanswerable questions answered with results as if the handbook covered them. */
  confidentOnUnanswerable: number;
}

export function summarize(answers: EvalAnswer[]): EvalReport {
  const answerable = answers.filter((a) => a.expected.length > 0);
  const unanswerable = answers.filter((a) => a.expected.length === 0);
  return {
    answers,
    answerable: answerable.length,
    hits: answerable.filter((a) => a.top.some((url) => isExpected(url, a.expected))).length,
    falseNothing: answerable.filter((a) => a.grade === 'nothing').length,
    unanswerable: unanswerable.length,
    honestNothing: unanswerable.filter((a) => a.grade === 'nothing').length,
    partialOnUnanswerable: unanswerable.filter((a) => a.grade === 'partial').length,
    confidentOnUnanswerable: unanswerable.filter((a) => a.grade === 'confident').length,
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '–');

/** The report as text: the figures, then each miss. */
export function formatReport(report: EvalReport, name = '', verbose = false): string {
  const lines = [
    `${name ? `${name}: ` : ''}${report.answers.length} questions (${report.answerable} answerable, ${report.unanswerable} without a page)`,
    `  hits in the top five:   ${report.hits}/${report.answerable} (${pct(report.hits, report.answerable)})`,
    `  false “nothing”:        ${report.falseNothing}/${report.answerable}`,
    `  honest “nothing”:       ${report.honestNothing}/${report.unanswerable}` +
      ` (closest pages “in part”: ${report.partialOnUnanswerable}; results claimed: ${report.confidentOnUnanswerable})`,
  ];
  for (const a of report.answers) {
    const hit = a.expected.length ? a.top.some((url) => isExpected(url, a.expected)) : a.grade === 'nothing';
    if (hit) continue;
    lines.push(`  miss: “${a.question}” → ${a.expected.join(' ') || 'none'}; got ${a.grade}: ${a.top.join('  ') || '—'}${a.near.length ? `; near: ${a.near.join(' ')}` : ''}`);
    if (verbose) lines.push(`        words ${a.units.join('  ')}; coverage ${a.coverage.join(' ')}; tried ${a.tried.join('  ')}`);
  }
  return lines.join('\n');
}

/** Where the evaluation page and the bundled engine are served, beside the built site. */
const EVAL_PATH = '/__search-eval__/';

/** The search page's engine, bundled for the browser as it ships. */
async function engineBundle(project: string): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: "export { searchHandbook } from './src/search/engine.ts'; export { Thesaurus } from './src/search/thesaurus.ts';",
      resolveDir: project,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]!.text;
}

/**
 * Runs every question in a page in Chinese (as the search page is), with the engine and the
 * thesaurus the built search page carries, against the built index. A string, so the test
 * runner does not rewrite its dynamic imports.
 */
const RUN = `async (questions) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ noWorker: true });
  await pagefind.init();
  const { searchHandbook, Thesaurus } = await import('${EVAL_PATH}engine.js');
  const html = await (await fetch('/search/')).text();
  const engine = JSON.parse(new DOMParser().parseFromString(html, 'text/html').querySelector('#search-engine').textContent);
  const thesaurus = new Thesaurus(engine.thesaurus);
  const answers = [];
  for (const q of questions) {
    const found = await searchHandbook(q.question, async (words) => (await pagefind.search(words)).results, { thesaurus, pageCount: engine.pageCount, metaFields: true });
    const grade = found.grade ?? (found.relevant ? 'confident' : 'nothing');
    const shown = [...found.pages, ...(found.partial ?? [])].slice(0, 5);
    const top = await Promise.all(shown.map(async (p) => (await p.hit.data()).url));
    const units = found.units.map((u) => u.text + ':' + u.found + (u.weight === undefined ? '' : ':' + u.weight.toFixed(2)));
    const coverage = shown.map((p) => (p.coverage ?? 0).toFixed(2) + (p.about ? '*' : '') + (p.score === undefined ? '' : '/' + p.score.toFixed(2)));
    answers.push({ ...q, grade, top, near: (found.near ?? []).map((n) => n.word + '→' + n.suggestion), units, coverage, tried: found.tried.map((t) => t.text + ':' + t.found) });
  }
  return answers;
}`;

/** Runs a question set against a built site (`siteDir` holds index.html, search/ and pagefind/). */
export async function evaluate(siteDir: string, questions: readonly EvalQuestion[], project = path.resolve(import.meta.dirname, '../..')): Promise<EvalReport> {
  const engine = await engineBundle(project);
  const server = await serveStatic(siteDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route(`${server.url}${EVAL_PATH}**`, (route) =>
      route.fulfill(
        new URL(route.request().url()).pathname.endsWith('/engine.js')
          ? { contentType: 'text/javascript; charset=utf-8', body: engine }
          : { contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>eval</title></head><body></body></html>' },
      ),
    );
    await page.goto(`${server.url}${EVAL_PATH}`);
    const answers = (await page.evaluate(`(${RUN})(${JSON.stringify(questions)})`)) as EvalAnswer[];
    return summarize(answers);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Reads a question set file. */
export async function readQuestionSet(file: string): Promise<EvalQuestion[]> {
  return parseQuestionSet(JSON.parse(await readFile(file, 'utf8')));
}
