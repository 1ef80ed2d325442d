/**
 * The content as the editor sees it: every entry with its problems, and the check of a draft as
 * the author types. The check is the content check's own (scripts/lib/check): each file's checks
 * (`checkOneFile`: encoding, id, YAML, schema, body, placeholders, copying) and the rules across
 * files (`crossFileProblems`: references, unique ids and aliases, step counts, formulas, partOf).
 * Every file is checked once when the editor starts; a draft is written to a temporary file
 * outside the content folder and checked there, with the other files' results reused, so a
 * keystroke costs one file's check instead of the whole content's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectionDefs, type CollectionName } from '../../../src/schemas/index.ts';
import { checkOneFile } from '../check/index.ts';
import { indexSources } from '../check/copy.ts';
import type { CheckContext } from '../check/parallel.ts';
import { sortProblems, type Problem } from '../check/problem.ts';
import { discover, type ContentFile } from '../check/read.ts';
import { crossFileProblems, type CheckedEntry } from '../check/rules.ts';
import { readFingerprints, readSourceTexts, sourceTextsFolder } from '../check/source-texts.ts';
import { checkThesaurus } from '../check/thesaurus.ts';
import { REFERENCE_FIELDS } from './form.ts';

export interface ListedEntry {
  /** Relative to the content folder: `cases/x.mdx`. */
  path: string;
  collection: CollectionName;
  id: string;
  title: string;
  draft: boolean;
  problems: Problem[];
}

interface FileState {
  file: ContentFile;
  entry?: CheckedEntry | undefined;
  problems: Problem[];
}

export interface Link {
  path: string;
  title: string;
  field: string;
}

export class Workspace {
  readonly contentDir: string;
  readonly root: string;
  private files = new Map<string, FileState>();
  private context: CheckContext = { sources: indexSources([]) };
  private otherProblems: Problem[] = [];
  private scratch: string | undefined;

  constructor(contentDir: string, root = path.dirname(contentDir)) {
    this.contentDir = path.resolve(contentDir);
    this.root = path.resolve(root);
  }

  /** The project-relative name the check gives a content-relative path. */
  displayName(relative: string): string {
    return path.relative(this.root, path.join(this.contentDir, relative)).split(path.sep).join('/');
  }

  private contentRelative(file: ContentFile): string {
    return path.relative(this.contentDir, file.absolute).split(path.sep).join('/');
  }

  /** Reads and checks everything (at start, and after a change the editor did not make itself). */
  async load(): Promise<void> {
    const textsFolder = sourceTextsFolder(this.root);
    const texts = await readSourceTexts(textsFolder, this.root);
    const { fingerprints } = await readFingerprints(textsFolder, this.root);
    this.context = { sources: indexSources(texts, fingerprints) };
    const { files, problems } = await discover(this.contentDir, this.root, { skip: textsFolder });
    const states = await Promise.all(files.map(async (file) => ({ file, ...(await checkOneFile(file, this.context)) })));
    this.files = new Map(states.map((state) => [this.contentRelative(state.file), state]));
    this.otherProblems = [...problems, ...(await checkThesaurus(this.contentDir, this.root))];
  }

  /** Checks one file again after the editor wrote, renamed or deleted it. */
  async reload(relative: string): Promise<void> {
    const state = this.files.get(relative);
    const file = state?.file ?? this.contentFile(relative, path.join(this.contentDir, relative));
    const { lstat } = await import('node:fs/promises');
    if (!(await lstat(file.absolute).catch(() => undefined))) {
      this.files.delete(relative);
      return;
    }
    this.files.set(relative, { file, ...(await checkOneFile(file, this.context)) });
  }

  private contentFile(relative: string, absolute: string): ContentFile {
    const [collection] = relative.split('/') as [CollectionName];
    const base = path.basename(relative);
    const name = base.slice(0, -path.extname(base).length);
    return { collection, file: this.displayName(relative), absolute, name, draft: name.startsWith('_') };
  }

  private entries(replace?: { relative: string; entry: CheckedEntry | undefined }): CheckedEntry[] {
    const list: CheckedEntry[] = [];
    for (const [relative, state] of this.files) {
      if (replace && relative === replace.relative) continue;
      if (state.entry) list.push(state.entry);
    }
    if (replace?.entry) list.push(replace.entry);
    return list;
  }

  /** Every problem of the content, as `npm run check` reports them. */
  allProblems(): Problem[] {
    const own = [...this.files.values()].flatMap((s) => s.problems);
    return sortProblems([...this.otherProblems, ...own, ...crossFileProblems(this.entries())]);
  }

  /** Every entry, by collection and path, with its problems. */
  list(): ListedEntry[] {
    const byFile = new Map<string, Problem[]>();
    for (const problem of this.allProblems()) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    return [...this.files.entries()]
      .map(([relative, state]) => {
        const fields = (state.entry?.fields ?? {}) as { title?: unknown; term?: unknown };
        const title = String(fields.title ?? fields.term ?? state.file.name);
        return { path: relative, collection: state.file.collection, id: state.entry?.id ?? state.file.name, title, draft: state.file.draft, problems: byFile.get(state.file.file) ?? [] };
      })
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Problems of the files outside any entry (folders, the thesaurus). */
  get contentProblems(): Problem[] {
    return this.otherProblems;
  }

  /** Ids and titles of a collection's entries (the pickers), with the kind of each case. */
  options(collection: CollectionName): { id: string; title: string; kind?: string; draft: boolean }[] {
    return this.list()
      .filter((e) => e.collection === collection)
      .map((e) => {
        const kind = (this.files.get(e.path)?.entry?.fields as { kind?: string } | undefined)?.kind;
        return { id: e.id, title: e.title, draft: e.draft, ...(kind && { kind }) };
      });
  }

  /**
   * The check of a draft of `relative` (an existing file or a new one): every problem the check
   * would report for it, its own and those across files. The draft is written to a temporary
   * folder, never into the content folder.
   */
  async checkDraft(relative: string, text: string): Promise<Problem[]> {
    this.scratch ??= await mkdtemp(path.join(tmpdir(), 'yishi-editor-'));
    const temporary = path.join(this.scratch, `${process.pid}-${Math.random().toString(36).slice(2)}${path.extname(relative)}`);
    await writeFile(temporary, text, { flag: 'wx' });
    try {
      const file = this.contentFile(relative, temporary);
      const result = await checkOneFile(file, this.context);
      const cross = crossFileProblems(this.entries({ relative, entry: result.entry })).filter((p) => p.file === file.file);
      return sortProblems([...result.problems, ...cross]);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** What refers to an entry: references in other entries' fields, and `<Cite>` for a source. */
  linksTo(collection: CollectionName, id: string): Link[] {
    const links: Link[] = [];
    for (const [relative, state] of this.files) {
      const entry = state.entry;
      if (!entry) continue;
      const title = String((entry.fields as { title?: unknown; term?: unknown }).title ?? (entry.fields as { term?: unknown }).term ?? entry.id);
      const found = new Set<string>();
      const walk = (value: unknown, where: string[]) => {
        if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...where, String(i)]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(k, v, [...where, k]);
      };
      const visit = (key: string, value: unknown, where: string[]) => {
        if (REFERENCE_FIELDS[key] === collection) {
          const ids = (Array.isArray(value) ? value : [value]).map((v) => (v && typeof v === 'object' ? (v as { id?: unknown }).id : v));
          if (ids.includes(id)) found.add(where.join('.'));
        }
        walk(value, where);
      };
      walk(entry.fields, []);
      if (collection === 'sources' && entry.citations.some((c) => c.source === id)) found.add('正文 <Cite>');
      if (relative.startsWith(`${collection}/`) && entry.id === id) continue;
      for (const field of found) links.push({ path: relative, title, field });
    }
    return links;
  }

  /** The format and the schema's key order of a collection. */
  static formatOf(collection: CollectionName): 'mdx' | 'yaml' {
    return collectionDefs[collection].format;
  }

  async close(): Promise<void> {
    if (this.scratch) await rm(this.scratch, { recursive: true, force: true });
  }
}
