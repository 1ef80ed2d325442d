// The content check for content/thesaurus.yaml: encoding, YAML, schema and the rules across
// its entries, each problem with its line. A handbook without the file is fine.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { THESAURUS_FILE, thesaurusIssues, thesaurusSchema } from '../../../src/schemas/thesaurus.ts';
import { parseYaml } from './frontmatter.ts';
import { issuesToProblems } from './issues.ts';
import type { Problem } from './problem.ts';
import { decodeFile } from './read.ts';

/** Problems of `<contentDir>/thesaurus.yaml`; none when it is absent. */
export async function checkThesaurus(contentDir: string, projectRoot: string): Promise<Problem[]> {
  const absolute = path.join(contentDir, THESAURUS_FILE);
  const file = path.relative(projectRoot, absolute).split(path.sep).join('/');
  const info = await lstat(absolute).catch(() => undefined);
  if (!info) return [];
  if (!info.isFile()) return [{ file, line: 0, field: '-', message: '检索词表应是一个普通的 .yaml 文件。请删去这个文件夹或链接，把词表写在 content/thesaurus.yaml 里' }];
  const decoded = await decodeFile(absolute);
  if (!decoded.ok) return [{ file, line: Math.max(1, decoded.line), field: '-', message: decoded.message }];
  const parsed = parseYaml(decoded.text, file, 0);
  if (parsed.problems.length > 0) return parsed.problems;
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, line: 1, field: '-', message: '检索词表应写成“字段: 值”的形式：synonyms（同义词）、phrases（整体搜索的短语）、topics（领域用词）' }];
  }
  const result = thesaurusSchema.safeParse(data, { reportInput: true });
  if (!result.success) return issuesToProblems(result.error.issues, thesaurusSchema, file, parsed.lineOf);
  return thesaurusIssues(result.data).map((issue) => ({
    file,
    line: parsed.lineOf(issue.path),
    field: issue.path.join('.'),
    message: issue.message,
  }));
}
