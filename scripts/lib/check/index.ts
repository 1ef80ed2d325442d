import path from 'node:path';
import { headingAnchors, ID_PATTERN } from '../../../src/schemas/common.ts';
import { collectionDefs } from '../../../src/schemas/index.ts';
import { proposeId } from '../pinyin-id.ts';
import { scanBodyLimited, type Citation } from './body.ts';
import { isStackOverflow, parseYaml, splitMdx } from './frontmatter.ts';
import { issuesToProblems } from './issues.ts';
import { decodeFile, discover, type ContentFile } from './read.ts';
import { crossFileProblems, type CheckedEntry } from './rules.ts';
import { partialData } from './partial.ts';
import { placeholderProblems } from './placeholder.ts';
import { problemAt, sortProblems, type Problem } from './problem.ts';
import type { ProblemParams } from './codes.ts';
import { checkAll, type CheckContext, type FileResult } from './parallel.ts';
import { copyProblems, indexSources } from './copy.ts';
import { readFingerprints, readSourceTexts, sourceTextsFolder } from './source-texts.ts';
import { checkThesaurus } from './thesaurus.ts';

export { formatProblem, formatReport, type Problem, type ProblemCode } from './problem.ts';

export type ValidEntry = CheckedEntry & { data: NonNullable<CheckedEntry['data']> };

export interface ValidationResult {
  problems: Problem[];
  /** The entries whose frontmatter is valid, normalised (keys for labels, defaults filled). */
  entries: ValidEntry[];
  /** How many files were read. */
  fileCount: number;
  /** How many source texts the content was compared with (the copying rule). */
  sourceTextCount: number;
}

/** Checks one file on its own: encoding, id, YAML, schema and body. */
async function checkFile(file: ContentFile, context: CheckContext): Promise<{ entry?: CheckedEntry; problems: Problem[] }> {
  const problems: Problem[] = [];
  const { format, schema } = collectionDefs[file.collection];
  const id = file.draft ? file.name.slice(1) : file.name;
  if (!ID_PATTERN.test(id)) {
    const proposal = proposeId(id);
    const ext = path.extname(file.file);
    problems.push(problemAt({ file: file.file, line: 1, field: 'id' }, 'id.file-name', { name: `${file.name}${ext}`, proposal: `${file.draft ? '_' : ''}${proposal}${ext}` }));
  }

  const decoded = await decodeFile(file.absolute);
  if (!decoded.ok) return { problems: [...problems, { file: file.file, line: Math.max(1, decoded.line), field: '-', code: decoded.code, message: decoded.message }] };

  let yamlText = decoded.text;
  let lineOffset = 0;
  let citations: Citation[] = [];
  let anchors: string[] | undefined;
  let bodyLine: number | undefined;
  if (format === 'mdx') {
    const split = splitMdx(decoded.text);
    problems.push(...copyProblems(decoded.text, file.file, split?.bodyLine ?? 1, context.sources));
    if (!split) {
      problems.push(...placeholderProblems({ text: decoded.text, file: file.file, draft: file.draft, data: undefined, lineOf: () => 1, bodyLine: 1 }));
      problems.push(problemAt({ file: file.file, line: 1, field: '-' }, 'frontmatter.missing'));
      return { entry: { collection: file.collection, id, file: file.file, draft: file.draft, data: undefined, fields: {}, citations: [], lineOf: () => 1 }, problems };
    }
    yamlText = split.frontmatter;
    lineOffset = 1;
    bodyLine = split.bodyLine;
    const body = await scanBodyLimited(split.body, split.bodyLine, file.file);
    citations = body.citations;
    anchors = body.headings && headingAnchors(body.headings);
    problems.push(...body.problems);
  } else {
    // A source's title is the document's own title, quoted as a bibliography quotes it.
    problems.push(...copyProblems(decoded.text, file.file, undefined, context.sources).filter((p) => !(file.collection === 'sources' && p.field === 'title')));
  }

  const parsed = parseYaml(yamlText, file.file, lineOffset);
  problems.push(...parsed.problems);
  problems.push(...placeholderProblems({ text: decoded.text, file: file.file, draft: file.draft, data: parsed.problems.length ? undefined : parsed.data, lineOf: parsed.lineOf, bodyLine }));
  // A file whose YAML cannot be read still exists: keep it as a reference target.
  const stub: CheckedEntry = { collection: file.collection, id, file: file.file, draft: file.draft, data: undefined, fields: {}, citations, anchors, lineOf: parsed.lineOf };
  if (parsed.problems.length > 0) return { entry: stub, problems };
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(problemAt({ file: file.file, line: lineOffset + 1, field: '-' }, 'frontmatter.not-fields'));
    return { entry: stub, problems };
  }
  // reportInput: messages quote what the author wrote, and tell a missing field from a wrong one.
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) problems.push(...issuesToProblems(result.error.issues, schema, file.file, parsed.lineOf));
  const valid = result.success ? (result.data as CheckedEntry['data']) : undefined;
  const entry: CheckedEntry = {
    collection: file.collection,
    id,
    file: file.file,
    draft: file.draft,
    data: valid,
    // The rules across fields and files run on whatever passed, so every problem shows at once.
    fields: valid ?? partialData(schema, data as Record<string, unknown>),
    citations,
    anchors,
    lineOf: parsed.lineOf,
  };
  return { entry, problems };
}

/** Problems listed per file; a hostile file can otherwise fill the report with thousands. */
const MAX_PROBLEMS_PER_FILE = 50;

function capped(file: string, problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const sorted = sortProblems(problems);
  const first = sorted.slice(0, MAX_PROBLEMS_PER_FILE);
  const rest = sorted.length - first.length;
  return [...first, problemAt({ file, line: sorted[MAX_PROBLEMS_PER_FILE]!.line, field: '-' }, 'file.more-problems', { rest })];
}

/** A file the check could not finish, explained without a stack trace. */
function unreadableFile(file: string, error: unknown): Problem {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = String(message ?? error);
  let reason: ProblemParams<'file.unreadable'>[0]['reason'] = 'other';
  if (isStackOverflow(text)) reason = 'nesting';
  else if (code === 'ENOENT') reason = 'gone';
  else if (code === 'EACCES' || code === 'EPERM') reason = 'denied';
  else if (code === 'EISDIR') reason = 'folder';
  else if (code === 'ELOOP') reason = 'loop';
  return problemAt({ file, line: 1, field: '-' }, 'file.unreadable', { reason, detail: text.split('\n')[0]! });
}

/** `checkFile`, with a file that cannot be checked at all reported as a problem. */
export function checkOneFile(file: ContentFile, context: CheckContext): Promise<FileResult> {
  return checkFile(file, context).catch((error: unknown) => ({ entry: undefined, problems: [unreadableFile(file.file, error)] }));
}

/**
 * Validates everything under `contentDir`: each file on its own, then the rules across files.
 * Never throws for bad content: every problem comes back in `problems`, sorted by file and line.
 * `options.workers`: threads besides this one (default: by the number of files and CPUs).
 */
export async function validateContent(
  contentDir: string,
  projectRoot = path.dirname(contentDir),
  options: { workers?: number; sourceTexts?: string | null } = {},
): Promise<ValidationResult> {
  const root = path.resolve(projectRoot);
  // The source texts: as configured in handbook.config.ts (read from `projectRoot`), unless given; null for none.
  const textsFolder = options.sourceTexts === undefined ? sourceTextsFolder(root) : options.sourceTexts && path.resolve(options.sourceTexts);
  const { files, problems } = await discover(path.resolve(contentDir), root, { skip: textsFolder ?? undefined });
  const texts = textsFolder ? await readSourceTexts(textsFolder, root) : [];
  const { fingerprints, errors } = textsFolder ? await readFingerprints(textsFolder, root) : { fingerprints: [], errors: [] };
  for (const error of errors) problems.push(problemAt({ file: error.file, line: 1, field: '-' }, 'copy.fingerprint', { text: error.message }));
  const context: CheckContext = { sources: indexSources(texts, fingerprints) };
  const checked: CheckedEntry[] = [];
  // Thousands of files are checked on several threads (parallel.ts); the results are the same.
  const results = await checkAll(files, checkOneFile, context, options.workers);
  for (const [i, result] of results.entries()) {
    problems.push(...capped(files[i]!.file, result.problems));
    if (result.entry) checked.push(result.entry);
  }
  problems.push(...crossFileProblems(checked), ...(await checkThesaurus(path.resolve(contentDir), path.resolve(projectRoot))));
  const entries = checked.filter((entry): entry is ValidEntry => entry.data !== undefined);
  return { problems: sortProblems(problems), entries, fileCount: files.length, sourceTextCount: texts.length + fingerprints.length };
}
