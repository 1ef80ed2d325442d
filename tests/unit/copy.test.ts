// The copying rule (scripts/lib/check/copy.ts), a rule of `npm run check`: content is written in
// the handbook's own words, compared with the source texts the handbook keeps beside its content.
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { blankYamlComments, copyProblems, COPY_RUN, findCopies, indexSources } from '../../scripts/lib/check/copy.ts';
import { sourceTextsFolder } from '../../scripts/lib/check/source-texts.ts';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';

const TEXTS = path.join(PROJECT_ROOT, 'content/sources/texts');

async function sourceTexts(): Promise<{ name: string; text: string }[]> {
  const files = (await readdir(TEXTS)).filter((f) => f.endsWith('.txt')).sort();
  expect(files).toHaveLength(4);
  return Promise.all(files.map(async (f) => ({ name: f, text: await readFile(path.join(TEXTS, f), 'utf8') })));
}

/** The shared texts of a text's runs, as compared (Han characters and digits only). */
const shared = (text: string, index: ReturnType<typeof indexSources>) =>
  findCopies(text, index).map((run) => text.slice(run.start, run.end).replace(/[^\p{Script=Han}0-9]/gu, ''));

describe('the copying rule', () => {
  test('finds a copied run through Traditional characters, spacing and punctuation, but not inside quotes', async () => {
    const index = indexSources(await sourceTexts());
    // A sentence of source 003, re-spaced and re-punctuated.
    const copied = '社区党委副书记 担任协商议事会主席并主持协商议事会议，通过民主推荐、党委确认等程序';
    expect(findCopies(copied, index)).toEqual([{ start: 0, end: copied.length, length: 38, source: '003_85f34d5aacb359fc.txt' }]);
    // Source 000 is in Traditional characters; the same words in Simplified still match.
    const fromTraditional = '开展小微协商，是推进政协协商与基层协商融合互促的有力抓手；开展小微协商，是发挥政协制度优势';
    expect(findCopies(fromTraditional, index).map((r) => r.source)).toEqual(['000_7941afaec90fd888.txt']);
    // And the other way round: Traditional characters in content are folded too.
    expect(findCopies('開展小微協商，是推進政協協商與基層協商融合互促的有力抓手；開展小微協商，是發揮政協制度優勢', index)).toHaveLength(1);
    expect(findCopies(`讲话原话是“${copied}”。`, index)).toEqual([]);
    expect(findCopies(`书名是《${copied}》。`, index)).toEqual([]);
    expect(findCopies('社区党委副书记主持议事会，成员经民主推荐产生。', index)).toEqual([]);
  });

  test('a run does not continue across a quoted word, and shorter runs are not copies', async () => {
    const index = indexSources(await sourceTexts());
    const sentence = '社区党委副书记担任协商议事会主席并主持协商议事会议通过民主推荐党委确认等程序';
    // Quoting a word in the middle leaves two runs of fewer than 25 characters on either side.
    const cut = `${sentence.slice(0, 20)}“${sentence.slice(20, 22)}”${sentence.slice(22, 40)}`;
    expect(findCopies(cut, index)).toEqual([]);
    expect(findCopies(sentence.slice(0, COPY_RUN - 1), index)).toEqual([]);
    expect(shared(sentence.slice(0, COPY_RUN), index)).toEqual([sentence.slice(0, COPY_RUN)]);
  });

  test('the bundled handbook compares its content with its own source texts and the fingerprints of the reports it cites, and copies none', async () => {
    expect(sourceTextsFolder(PROJECT_ROOT)).toBe(TEXTS);
    const result = await validateContent(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
    const files = await readdir(TEXTS);
    // The four seed texts, and a fingerprint of every other report.
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(4);
    expect(result.sourceTextCount).toBe(files.filter((f) => /\.(txt|fp)$/.test(f)).length);
    expect(result.sourceTextCount).toBeGreaterThan(4);
    expect(result.problems).toEqual([]);
  });

  test('npm run check reports a copied sentence with file, line, field and the shared text', async () => {
    const content = await contentWith();
    // The fixture's source texts, where the project's config looks for them (from the fixture's root).
    const texts = path.join(content, 'sources/texts');
    const { cp } = await import('node:fs/promises');
    await cp(TEXTS, texts, { recursive: true });
    const copiedSummary = '通过民主推荐、党委确认等程序，社区党委副书记担任协商议事会主席并主持协商议事会议。';
    await writeFile(
      path.join(content, 'terms/copied.yaml'),
      `term: 抄录\ndefinition: >-\n  测试用的释义。\n  ${copiedSummary}\nsources: [demo-source]\n`,
    );
    const result = await validateContent(content, path.dirname(content));
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.code}`)).toEqual(['content/terms/copied.yaml:4 definition copy.run']);
    expect(result.problems[0]!.message).toContain('content/sources/texts/003_85f34d5aacb359fc.txt');
    expect(result.problems[0]!.message).toContain('社区党委副书记担任协商议事会主席并主持协商议事会议');
  });
});

describe('comments are not content', () => {
  test('YAML comments are left out of the comparison, in a YAML file and in frontmatter, but not in a body or a quoted value', async () => {
    const index = indexSources(await sourceTexts());
    const copied = '社区党委副书记担任协商议事会主席并主持协商议事会议，通过民主推荐、党委确认等程序';
    const yaml = `# ${copied}\nterm: 抄录  # ${copied}\ndefinition: "a # ${copied}"\n`;
    // Only the quoted value is compared: one run, on line 3.
    expect(copyProblems(yaml, 'content/terms/x.yaml', undefined, index).map((p) => p.line)).toEqual([3]);
    const mdx = `---\n# ${copied}\ntitle: demo\nsummary: |\n  # ${copied}\n---\n# ${copied}\n`;
    // The block scalar's line (5) and the body's heading (7) are content; the comment (2) is not.
    expect(copyProblems(mdx, 'content/cases/x.mdx', 7, index).map((p) => p.line)).toEqual([5, 7]);
    expect(blankYamlComments('a: 1 # note\n# whole\nb: "#x"', Infinity)).toBe('a: 1       \n       \nb: "#x"');
  });
});

describe('fingerprints instead of texts (npm run fingerprint)', () => {
  const runFingerprint = (content: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(PROJECT_ROOT, 'scripts/fingerprint.ts'), ...args, '--content', content], { encoding: 'utf8', cwd: path.dirname(content) }, (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });

  test('a copied sentence is reported against a source’s fingerprint exactly as against its text, and the text cannot be read from the fingerprint', async () => {
    const content = await contentWith();
    const texts = path.join(content, 'sources/texts');
    const { cp, mkdir } = await import('node:fs/promises');
    await mkdir(texts, { recursive: true });
    const copiedSummary = '通过民主推荐、党委确认等程序，社区党委副书记担任协商议事会主席并主持协商议事会议。';
    await writeFile(path.join(content, 'terms/copied.yaml'), `term: 抄录\ndefinition: >-\n  测试用的释义。\n  ${copiedSummary}\nsources: [demo-source]\n`);
    // Against the full text…
    await cp(path.join(TEXTS, '003_85f34d5aacb359fc.txt'), path.join(texts, '003.txt'));
    const withText = await validateContent(content, path.dirname(content));
    // …and against its fingerprint, the text kept outside the project.
    const report = path.join(path.dirname(content), 'report.txt');
    await cp(path.join(texts, '003.txt'), report);
    await rm(path.join(texts, '003.txt'));
    const made = await runFingerprint(content, report, '--source', 'demo-source');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('content/sources/texts/demo-source.fp');
    const withPrint = await validateContent(content, path.dirname(content));
    const strip = (problems: typeof withText.problems) => problems.map((p) => ({ ...p, message: p.message.replace(/content\/sources\/texts\/\S+/, 'SOURCE') }));
    expect(withPrint.problems.map((p) => p.code)).toEqual(['copy.run']);
    expect(strip(withPrint.problems)).toEqual(strip(withText.problems));
    expect(withPrint.problems[0]!.message).toContain('content/sources/texts/demo-source.fp');
    // The source entry names its fingerprint; the fingerprint holds no character of the text.
    expect(await readFile(path.join(content, 'sources/demo-source.yaml'), 'utf8')).toMatch(/^file: demo-source\.fp$/m);
    const fp = await readFile(path.join(texts, 'demo-source.fp'), 'utf8');
    expect(fp).not.toMatch(/\p{Script=Han}/u);
    // A sentence in the handbook's own words is not reported.
    await writeFile(path.join(content, 'terms/copied.yaml'), 'term: 抄录\ndefinition: 社区党委副书记主持议事会，成员经民主推荐产生。\nsources: [demo-source]\n');
    expect((await validateContent(content, path.dirname(content))).problems).toEqual([]);
  });

  test('a damaged fingerprint is a problem of its own, and a missing source is refused by the command', async () => {
    const content = await contentWith();
    const texts = path.join(content, 'sources/texts');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(texts, { recursive: true });
    await writeFile(path.join(texts, 'broken.fp'), 'yishi-fingerprint 1\nsource: x\nwindow: 25\ncharacters: 30\nwindows: 6\n\nAAAA\n');
    const result = await validateContent(content, path.dirname(content));
    expect(result.problems.map((p) => `${p.file} ${p.code}`)).toEqual(['content/sources/texts/broken.fp copy.fingerprint']);
    const report = path.join(path.dirname(content), 'r.txt');
    await writeFile(report, '社区党委副书记担任协商议事会主席并主持协商议事会议通过民主推荐党委确认等程序');
    const refused = await runFingerprint(content, report, '--source', 'no-such-source');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('没有资料“no-such-source”');
  });
});

describe('the bundled sources', () => {
  test('every report read online names the date read and the fingerprint or text the copying rule checks against', async () => {
    const { parse } = await import('yaml');
    const dir = path.join(PROJECT_ROOT, 'content/sources');
    const yamls = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
    const reports = [];
    for (const file of yamls) {
      const data = parse(await readFile(path.join(dir, file), 'utf8')) as { accessed?: unknown; url?: unknown; file?: string };
      if (data.accessed === undefined) continue;
      reports.push(file);
      expect(data.url, file).toBeTruthy();
      expect(data.file, file).toBeTruthy();
      expect((await readdir(TEXTS)).includes(data.file!), `${file}: ${data.file}`).toBe(true);
    }
    expect(reports.length).toBeGreaterThan(80);
  });
});
