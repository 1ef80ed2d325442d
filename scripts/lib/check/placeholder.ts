// Placeholders: what `npm run new` writes where an author has to write or choose something
// (scripts/lib/new-entry.ts). A file is a draft until they are replaced: each one left is a
// problem (`draft.placeholder`), so the build cannot publish them. In drafts (`_` files, never
// published) they are not reported. A value holding a placeholder raises no other problem
// (a schema or reference problem about `【待填写】` would only repeat this one).
import { problemAt, type Problem } from './problem.ts';

/** The mark of a placeholder: in a value, `level: 【待填写】`; in a body, at the start of a line. */
export const PLACEHOLDER = '【待填写】';

/** Whether a value (as read from the file) is or holds a placeholder. */
export function holdsPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.includes(PLACEHOLDER);
}

/** The placeholder as quoted in a report: the mark and what follows, on one line, not too long. */
function excerpt(text: string): string {
  const line = text.slice(text.indexOf(PLACEHOLDER)).replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 36)}……` : line;
}

/** Every string of the data holding a placeholder, with its path. */
function* placeholdersIn(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (holdsPlaceholder(value)) yield [path, value as string];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* placeholdersIn(item, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* placeholdersIn(item, [...path, key]);
}

export interface PlaceholderInput {
  text: string;
  file: string;
  /** Names starting with `_`: placeholders are allowed there. */
  draft: boolean;
  /** The frontmatter as read (the whole file of a YAML entry), when it could be read. */
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number;
  /** The file line where an MDX body starts; undefined for a YAML entry. */
  bodyLine: number | undefined;
}

/**
 * Every placeholder left in a file: in a field, at the field's line and path (from the data
 * read, or, when the frontmatter could not be read, the lines that hold the mark); in a body,
 * each line that holds it. None in a draft.
 */
export function placeholderProblems({ text, file, draft, data, lineOf, bodyLine }: PlaceholderInput): Problem[] {
  if (draft || !text.includes(PLACEHOLDER)) return [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const fieldsEnd = bodyLine === undefined ? lines.length : bodyLine - 1;
  if (data !== undefined && data !== null && typeof data === 'object') {
    for (const [path, value] of placeholdersIn(data)) {
      problems.push(problemAt({ file, line: lineOf(path), field: path.join('.') || '-' }, 'draft.placeholder', { text: excerpt(value), inBody: false }));
    }
  } else {
    for (let i = 0; i < fieldsEnd; i++) {
      const line = lines[i]!;
      // A YAML comment may name the mark (the scaffold's own comments do); only values count.
      if (/^\s*#/.test(line) || !line.includes(PLACEHOLDER)) continue;
      problems.push(problemAt({ file, line: i + 1, field: '-' }, 'draft.placeholder', { text: excerpt(line), inBody: false }));
    }
  }
  for (let i = fieldsEnd; i < lines.length; i++) {
    if (!lines[i]!.includes(PLACEHOLDER)) continue;
    problems.push(problemAt({ file, line: i + 1, field: '正文' }, 'draft.placeholder', { text: excerpt(lines[i]!), inBody: true }));
  }
  return problems;
}
