import path from 'node:path';
import { ID_PATTERN } from '../../../src/schemas/common.ts';
import { collectionDefs } from '../../../src/schemas/index.ts';
import { proposeId } from '../pinyin-id.ts';
import { scanBodyLimited, type Citation } from './body.ts';
import { isStackOverflow, parseYaml, splitMdx } from './frontmatter.ts';
import { issuesToProblems } from './issues.ts';
import { decodeFile, discover, type ContentFile } from './read.ts';
import { crossFileProblems, type CheckedEntry } from './rules.ts';
import { sortProblems, type Problem } from './problem.ts';
import { checkAll, type FileResult } from './parallel.ts';
import { checkThesaurus } from './thesaurus.ts';

export { formatProblem, formatReport, type Problem } from './problem.ts';

export type ValidEntry = CheckedEntry & { data: NonNullable<CheckedEntry['data']> };

export interface ValidationResult {
  problems: Problem[];
  /** The entries whose frontmatter is valid, normalised (keys for labels, defaults filled). */
  entries: ValidEntry[];
  /** How many files were read. */
  fileCount: number;
}

/** Checks one file on its own: encoding, id, YAML, schema and body. */
async function checkFile(file: ContentFile): Promise<{ entry?: CheckedEntry; problems: Problem[] }> {
  const problems: Problem[] = [];
  const { format, schema } = collectionDefs[file.collection];
  const id = file.draft ? file.name.slice(1) : file.name;
  if (!ID_PATTERN.test(id)) {
    const proposal = proposeId(id);
    const ext = path.extname(file.file);
    problems.push({
      file: file.file,
      line: 1,
      field: 'id',
      message: `文件名“${file.name}${ext}”不能用作 id：只能用小写英文字母、数字和连字符（-）。建议改名为 ${file.draft ? '_' : ''}${proposal}${ext}`,
    });
  }

  const decoded = await decodeFile(file.absolute);
  if (!decoded.ok) return { problems: [...problems, { file: file.file, line: Math.max(1, decoded.line), field: '-', message: decoded.message }] };

  let yamlText = decoded.text;
  let lineOffset = 0;
  let citations: Citation[] = [];
  if (format === 'mdx') {
    const split = splitMdx(decoded.text);
    if (!split) {
      problems.push({ file: file.file, line: 1, field: '-', message: '文件开头缺少 frontmatter：第一行应为 ---，字段写完后再用一行 --- 结束' });
      return { entry: { collection: file.collection, id, file: file.file, draft: file.draft, data: undefined, citations: [], lineOf: () => 1 }, problems };
    }
    yamlText = split.frontmatter;
    lineOffset = 1;
    const body = await scanBodyLimited(split.body, split.bodyLine, file.file);
    citations = body.citations;
    problems.push(...body.problems);
  }

  const parsed = parseYaml(yamlText, file.file, lineOffset);
  problems.push(...parsed.problems);
  // A file whose YAML cannot be read still exists: keep it as a reference target.
  const stub = { collection: file.collection, id, file: file.file, draft: file.draft, data: undefined, citations, lineOf: parsed.lineOf };
  if (parsed.problems.length > 0) return { entry: stub, problems };
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file: file.file, line: lineOffset + 1, field: '-', message: '内容应为“字段: 值”的形式，一行一个字段' });
    return { entry: stub, problems };
  }
  // reportInput: messages quote what the author wrote, and tell a missing field from a wrong one.
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) problems.push(...issuesToProblems(result.error.issues, schema, file.file, parsed.lineOf));
  const entry: CheckedEntry = {
    collection: file.collection,
    id,
    file: file.file,
    draft: file.draft,
    data: result.success ? (result.data as CheckedEntry['data']) : undefined,
    citations,
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
  return [...first, { file, line: sorted[MAX_PROBLEMS_PER_FILE]!.line, field: '-', message: `这个文件还有 ${rest} 个问题没有列出。请先改正上面这些，再重新检查` }];
}

/** A file the check could not finish, explained without a stack trace. */
function unreadableFile(file: string, error: unknown): Problem {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = String(message ?? error);
  let explained = `检查这个文件时出错（${text.split('\n')[0]}）。请确认它是完整的 .mdx 或 .yaml 文本文件`;
  if (isStackOverflow(text)) explained = '文件的结构嵌套太深，无法检查。请减少一层套一层的列表、引用或标签';
  else if (code === 'ENOENT') explained = '文件在检查时不见了。请确认它没有被移动或删除，再重新检查';
  else if (code === 'EACCES' || code === 'EPERM') explained = '没有读取这个文件的权限。请修改文件权限（如 chmod a+r），再重新检查';
  else if (code === 'EISDIR') explained = '这里应是文件，却是文件夹。请删除或改名';
  else if (code === 'ELOOP') explained = '这是一个指向自身的符号链接。请删除它，把文件本身放在这里';
  return { file, line: 1, field: '-', message: explained };
}

/** `checkFile`, with a file that cannot be checked at all reported as a problem. */
export function checkOneFile(file: ContentFile): Promise<FileResult> {
  return checkFile(file).catch((error: unknown) => ({ entry: undefined, problems: [unreadableFile(file.file, error)] }));
}

/**
 * Validates everything under `contentDir`: each file on its own, then the rules across files.
 * Never throws for bad content: every problem comes back in `problems`, sorted by file and line.
 * `options.workers`: threads besides this one (default: by the number of files and CPUs).
 */
export async function validateContent(contentDir: string, projectRoot = path.dirname(contentDir), options: { workers?: number } = {}): Promise<ValidationResult> {
  const { files, problems } = await discover(path.resolve(contentDir), path.resolve(projectRoot));
  const checked: CheckedEntry[] = [];
  // Thousands of files are checked on several threads (parallel.ts); the results are the same.
  const results = await checkAll(files, checkOneFile, options.workers);
  for (const [i, result] of results.entries()) {
    problems.push(...capped(files[i]!.file, result.problems));
    if (result.entry) checked.push(result.entry);
  }
  problems.push(...crossFileProblems(checked), ...(await checkThesaurus(path.resolve(contentDir), path.resolve(projectRoot))));
  const entries = checked.filter((entry): entry is ValidEntry => entry.data !== undefined);
  return { problems: sortProblems(problems), entries, fileCount: files.length };
}
