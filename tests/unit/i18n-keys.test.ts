// Every UI string in src/i18n/zh-CN.ts is read somewhere, and every key the code reads is there.
//
// The code of src/ and scripts/ (.ts, and each .astro file's frontmatter, scripts and template) is
// parsed with TypeScript, and every call of `t` (imported from src/i18n/index.ts, or the search
// page's own `t` from src/client/search-strings.ts) is read. Its first argument must be one of:
//   - a string: t('case.level');
//   - a choice of strings: t(volumes ? 'print.leadVolumes' : 'print.lead');
//   - a key built from a prefix: t(`outcome.${stage}`), for a prefix listed in BUILT below with
//     the values its variable can take;
//   - a variable listed in THROUGH below with the list its keys come from: Header's t(key) over
//     its `nav`, the search page's t(key) over SEARCH_UI_KEYS.
// Anything else fails the test as a read it cannot follow, so a new way of passing keys is added
// here rather than silently counted as “nothing reads this key”.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import strings from '../../src/i18n/zh-CN.ts';
import { completenessKeys } from '../../src/schemas/completeness.ts';
import { outcomeStages } from '../../src/site/outcome.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { codeFilesUnder } from '../helpers/imports.ts';

const DICTIONARY = 'src/i18n/zh-CN.ts';
/** The modules whose `t` takes a key of the dictionary. */
const T_MODULES = ['src/i18n/index.ts', 'src/client/search-strings.ts'];

/** Keys built as `${prefix}${value}`: the prefix, and every value the variable can take (its type's values). */
const BUILT: Readonly<Record<string, { where: string; values: readonly string[] }>> = {
  'outcome.': { where: 'src/components/OutcomeTimeline.astro: t(`outcome.${stage}`), stage of outcomeStages', values: outcomeStages },
  'completeness.': { where: 'src/schemas/completeness.ts: t(`completeness.${key}`), key: CompletenessKey', values: completenessKeys },
};

/** Keys passed through a variable: `file|variable` → the declaration (file, name) whose literals are the keys. */
const THROUGH: Readonly<Record<string, { file: string; declaration: string }>> = {
  'src/components/Header.astro|key': { file: 'src/components/Header.astro', declaration: 'nav' },
  'src/pages/search.astro|key': { file: 'src/client/search-strings.ts', declaration: 'SEARCH_UI_KEYS' },
  'src/pages/pack.astro|key': { file: 'src/pages/pack.astro', declaration: 'keys' },
};

const KEY_SHAPE = /^[a-zA-Z]+(\.[\w-]+)+$/;
const dictionary = new Set(Object.keys(strings));

interface Piece {
  file: string;
  part: string;
  source: ts.SourceFile;
  /** Lines of the file before the piece's first line. */
  lineOffset: number;
}

const lineCount = (text: string) => text.split('\n').length - 1;
/** Text taken out of an .astro template, its lines kept so that line numbers stay the file's. */
const blank = (text: string) => text.replace(/[^\n]/g, '');

/** A file as TypeScript sources: a .ts file whole; an .astro file's frontmatter, each <script>, and its template as TSX. */
function piecesOf(file: string): Piece[] {
  const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const parse = (part: string, code: string, kind: ts.ScriptKind, lineOffset = 0): Piece => ({
    file, part, lineOffset, source: ts.createSourceFile(`${file}#${part}`, code, ts.ScriptTarget.Latest, true, kind),
  });
  if (!file.endsWith('.astro')) return [parse('module', text, ts.ScriptKind.TS)];
  const pieces: Piece[] = [];
  let template = text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) {
    pieces.push(parse('frontmatter', frontmatter[1]!, ts.ScriptKind.TS, 1));
    template = blank(frontmatter[0]) + text.slice(frontmatter[0].length);
  }
  let scripts = 0;
  template = template
    .replace(/(<script\b[^>]*?(\/?)>)(?:([\s\S]*?)<\/script>)?/g, (whole, open: string, selfClosing: string, body: string | undefined, at: number) => {
      if (selfClosing) return whole;
      pieces.push(parse(`script ${++scripts}`, body ?? '', ts.ScriptKind.TS, lineCount(template.slice(0, at + open.length))));
      return blank(whole);
    })
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/<!doctype[^>]*>/i, '');
  pieces.push(parse('template', `<>${template}</>`, ts.ScriptKind.TSX));
  return pieces;
}

const walk = (node: ts.Node, visit: (node: ts.Node) => void): void => {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
};

const resolveFrom = (file: string, specifier: string) =>
  path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, path.dirname(file), specifier)).split(path.sep).join('/');

/** The local names `t` is imported as from a module of T_MODULES (usually just `t`). */
function tNames(pieces: Piece[]): Set<string> {
  const names = new Set<string>();
  for (const { file, source } of pieces) {
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!T_MODULES.includes(resolveFrom(file, statement.moduleSpecifier.text))) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 't' && !element.isTypeOnly) names.add(element.name.text);
    }
  }
  return names;
}

/** The string literals of a declaration's initializer that have a key's shape. */
function literalsOf(file: string, name: string): string[] {
  const keys: string[] = [];
  let found = false;
  for (const { source } of piecesOf(file)) {
    walk(source, (node) => {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.name.text !== name || !node.initializer) return;
      found = true;
      walk(node.initializer, (inner) => {
        if ((ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) && KEY_SHAPE.test(inner.text)) keys.push(inner.text);
      });
    });
  }
  if (!found) throw new Error(`${file}: no declaration of ${name} (THROUGH in this test names it)`);
  return keys;
}

interface Reads {
  /** key → where it is read (file:line). */
  keys: Map<string, string[]>;
  /** Reads the test cannot follow, as `file:line  code`. */
  unfollowed: string[];
  /** Parse problems of any piece: the reading would be unreliable. */
  unparsed: string[];
  /** Files that import the dictionary itself, bypassing t(). */
  direct: string[];
  calls: number;
  /** The entries of BUILT and THROUGH some call goes through. */
  used: Set<string>;
}

function readsOf(files: readonly string[]): Reads {
  const reads: Reads = { keys: new Map(), unfollowed: [], unparsed: [], direct: [], calls: 0, used: new Set() };
  const add = (key: string, where: string): void => {
    reads.keys.set(key, [...(reads.keys.get(key) ?? []), where]);
  };
  for (const file of files) {
    if (file === DICTIONARY) continue;
    const pieces = piecesOf(file);
    for (const { part, source } of pieces) {
      const diagnostics = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
      if (diagnostics.length) reads.unparsed.push(`${file} (${part}): ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, ' ')}`);
      for (const statement of source.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && resolveFrom(file, statement.moduleSpecifier.text) === DICTIONARY && file !== 'src/i18n/index.ts') {
          reads.direct.push(file);
        }
      }
    }
    const names = tNames(pieces);
    if (names.size === 0) continue;
    for (const { source, lineOffset } of pieces) {
      const where = (node: ts.Node) => `${file}:${lineOffset + source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const follow = (argument: ts.Expression, call: ts.CallExpression): void => {
        if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return add(argument.text, where(call));
        if (ts.isParenthesizedExpression(argument)) return follow(argument.expression, call);
        if (ts.isConditionalExpression(argument)) {
          follow(argument.whenTrue, call);
          return follow(argument.whenFalse, call);
        }
        if (ts.isTemplateExpression(argument) && argument.templateSpans.length === 1 && argument.templateSpans[0]!.literal.text === '') {
          const built = BUILT[argument.head.text];
          if (built) {
            reads.used.add(argument.head.text);
            for (const value of built.values) add(`${argument.head.text}${value}`, where(call));
            return;
          }
        }
        if (ts.isIdentifier(argument)) {
          const through = THROUGH[`${file}|${argument.text}`];
          if (through) {
            reads.used.add(`${file}|${argument.text}`);
            for (const key of literalsOf(through.file, through.declaration)) add(key, where(call));
            return;
          }
        }
        reads.unfollowed.push(`${where(call)}  ${call.getText(source)}`);
      };
      walk(source, (node) => {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || !names.has(node.expression.text)) return;
        reads.calls++;
        const [argument] = node.arguments;
        if (argument) follow(argument, node);
        else reads.unfollowed.push(`${where(node)}  ${node.getText(source)}`);
      });
    }
  }
  return reads;
}

describe('the UI strings (src/i18n/zh-CN.ts)', () => {
  const files = codeFilesUnder(PROJECT_ROOT, ['src', 'scripts']).filter((file) => /\.(ts|astro)$/.test(file));
  const reads = readsOf(files);

  test('the walk parses every file of src/ and scripts/ and follows every t() call', () => {
    expect(files.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(20);
    expect(files.some((f) => f.startsWith('scripts/'))).toBe(true);
    expect(reads.unparsed).toEqual([]);
    // No module reads the dictionary but through t().
    expect(reads.direct).toEqual([]);
    // Every call's key is a string, a choice of strings, a listed prefix or a listed variable.
    expect(reads.unfollowed).toEqual([]);
    expect(reads.calls).toBeGreaterThan(200);
    // Every prefix and variable listed above is still how some call passes its key (no stale entry
    // keeps keys alive), and the lists they stand for are found.
    expect([...Object.keys(BUILT), ...Object.keys(THROUGH)].filter((entry) => !reads.used.has(entry))).toEqual([]);
    for (const { file, declaration } of Object.values(THROUGH)) expect(literalsOf(file, declaration).length, declaration).toBeGreaterThan(3);
  });

  test('every key the code reads is in the dictionary', () => {
    const missing = [...reads.keys].filter(([key]) => !dictionary.has(key)).map(([key, where]) => `${key}  (${where.join(', ')})`);
    expect(missing).toEqual([]);
  });

  test('every key in the dictionary is read somewhere', () => {
    const unread = [...dictionary].filter((key) => !reads.keys.has(key));
    expect(unread, `keys of ${DICTIONARY} that nothing reads: remove them, or read them`).toEqual([]);
  });
});
