import { messageOf, PROBLEMS_DOC, type ProblemCode, type ProblemParams } from './codes.ts';

export type { ProblemCode } from './codes.ts';

/** One broken rule, located in a file: what `npm run check` prints, one per line. */
export interface Problem {
  /** Path relative to the project, with forward slashes: `content/cases/x.mdx`. */
  file: string;
  /** 1-based line in the file itself (the opening `---` is line 1); 0 when the file as a whole. */
  line: number;
  /** The field's dotted path (`region.province`, `steps.2.title`), or `-` for the file. */
  field: string;
  /** The kind of problem (codes.ts), explained in docs/problems.md. */
  code: ProblemCode;
  /** What is wrong and how to fix it, in Chinese. */
  message: string;
}

/** Where a problem is: file, line and field. */
export type Place = Pick<Problem, 'file' | 'line' | 'field'>;

/** A problem of a kind from the registry (codes.ts), its message made from `params`. */
export function problemAt<C extends ProblemCode>(place: Place, code: C, ...params: ProblemParams<C>): Problem {
  return { file: place.file, line: place.line, field: place.field, code, message: messageOf(code, ...params) };
}

/** Sorts by file, then line, so the report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.field < b.field ? -1 : a.field > b.field ? 1 : a.code < b.code ? -1 : 1)),
  );
}

/** `content/methods/x.mdx:4  steps  标题写明 6 步，但 steps 列了 3 步。…［steps.count］` */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field}  ${problem.message}［${problem.code}］`;
}

/** The whole report: one line per problem, then a count by file and where the codes are explained. */
export function formatReport(problems: Problem[]): string {
  if (problems.length === 0) return '';
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((p) => p.file)).size;
  return [
    ...sorted.map(formatProblem),
    '',
    `共发现 ${sorted.length} 个问题，涉及 ${files} 个文件。请逐条修改后重新运行；方括号中是问题代码，每种问题的说明和改法见 ${PROBLEMS_DOC}。`,
  ].join('\n');
}
