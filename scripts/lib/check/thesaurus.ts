// The content check for content/thesaurus.yaml: encoding, YAML, schema and the rules across
// its entries, each problem with its line. A handbook without the file is fine.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { THESAURUS_FILE, thesaurusIssues, thesaurusSchema } from '../../../src/schemas/thesaurus.ts';
import { parseYaml } from './frontmatter.ts';
import { issuesToProblems } from './issues.ts';
import { problemAt, type Problem } from './problem.ts';
import { decodeFile } from './read.ts';

/** Problems of `<contentDir>/thesaurus.yaml`; none when it is absent. */
export async function checkThesaurus(contentDir: string, projectRoot: string): Promise<Problem[]> {
  const absolute = path.join(contentDir, THESAURUS_FILE);
  const file = path.relative(projectRoot, absolute).split(path.sep).join('/');
  const info = await lstat(absolute).catch(() => undefined);
  if (!info) return [];
  if (!info.isFile()) return [problemAt({ file, line: 0, field: '-' }, 'thesaurus.not-file')];
  const decoded = await decodeFile(absolute);
  if (!decoded.ok) return [{ file, line: Math.max(1, decoded.line), field: '-', code: decoded.code, message: decoded.message }];
  const parsed = parseYaml(decoded.text, file, 0);
  if (parsed.problems.length > 0) return parsed.problems;
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [problemAt({ file, line: 1, field: '-' }, 'thesaurus.not-fields')];
  }
  const result = thesaurusSchema.safeParse(data, { reportInput: true });
  if (!result.success) return issuesToProblems(result.error.issues, thesaurusSchema, file, parsed.lineOf);
  return thesaurusIssues(result.data).map((issue) =>
    problemAt({ file, line: parsed.lineOf(issue.path), field: issue.path.join('.') }, 'thesaurus.rule', { text: issue.message }));
}
