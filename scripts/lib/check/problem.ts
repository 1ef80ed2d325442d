/** One broken rule, located in a file: what `npm run check` prints, one per line. */
export interface Problem {
  /** Path relative to the project, with forward slashes: `content/cases/x.mdx`. */
  file: string;
  /** 1-based line in the file itself (the opening `---` is line 1); 0 when the file as a whole. */
  line: number;
  /** The field's dotted path (`region.province`, `steps.2.title`), or `-` for the file. */
  field: string;
  /** What is wrong and how to fix it, in Chinese. */
  message: string;
}

/** Sorts by file, then line, so the report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.field < b.field ? -1 : 1)),
  );
}

/** `content/cases/x.mdx:9  level  message` */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field}  ${problem.message}`;
}

/** The whole report: one line per problem, then a count by file. */
export function formatReport(problems: Problem[]): string {
  if (problems.length === 0) return '';
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((p) => p.file)).size;
  return [...sorted.map(formatProblem), '', `共发现 ${sorted.length} 个问题，涉及 ${files} 个文件。请逐条修改后重新运行。`].join('\n');
}
