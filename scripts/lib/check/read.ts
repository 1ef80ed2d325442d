import { readdir, readFile, readlink, lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { collectionDefs, collectionNames, type CollectionName } from '../../../src/schemas/index.ts';
import { problemAt, type Problem } from './problem.ts';
import { messageOf, type ProblemCode, type ProblemParams } from './codes.ts';
import { THESAURUS_FILE } from '../../../src/schemas/thesaurus.ts';

/** Larger files are refused: no handbook page needs a megabyte, and hostile ones do. */
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 8;

export interface ContentFile {
  collection: CollectionName;
  /** Project-relative path with forward slashes, as reported. */
  file: string;
  absolute: string;
  /** The file name without its extension. */
  name: string;
  /** Names starting with `_` are drafts: checked, not published. */
  draft: boolean;
}

const EXTENSIONS: Record<'mdx' | 'yaml', string[]> = { mdx: ['.mdx'], yaml: ['.yaml', '.yml'] };

function relative(projectRoot: string, absolute: string): string {
  return path.relative(projectRoot, absolute).split(path.sep).join('/');
}

/** What a symbolic link points at: a folder, a file, itself, or nothing. */
async function symlinkTarget(absolute: string): Promise<ProblemParams<'file.symlink'>[0]> {
  const target = await readlink(absolute).catch(() => '?');
  try {
    const info = await stat(absolute);
    return { target, points: info.isDirectory() ? 'folder' : 'file' };
  } catch (error) {
    return { target, points: (error as { code?: string }).code === 'ELOOP' ? 'itself' : 'nothing' };
  }
}

/**
 * Lists every content file, reporting what does not belong: unknown folders, files of the
 * wrong type, symbolic links (never followed, so a link loop cannot hang the check).
 */
export async function discover(contentDir: string, projectRoot: string, options: { skip?: string | undefined } = {}) {
  /** A folder that is not content (the source texts may be kept under content/sources/). */
  const skip = options.skip && path.resolve(options.skip);
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  const report = <C extends ProblemCode>(absolute: string, code: C, ...params: ProblemParams<C>) =>
    problems.push(problemAt({ file: relative(projectRoot, absolute), line: 0, field: '-' }, code, ...params));

  let top;
  try {
    top = await readdir(contentDir, { withFileTypes: true });
  } catch {
    report(contentDir, 'content.missing');
    return { files, problems };
  }

  async function walk(dir: string, collection: CollectionName, depth: number) {
    const { format } = collectionDefs[collection];
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as { code?: string }).code;
      report(dir, 'folder.unreadable', { denied: code === 'EACCES' || code === 'EPERM', detail: code ?? (error as Error).message });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      if (absolute === skip) continue;
      if (entry.isSymbolicLink()) {
        report(absolute, 'file.symlink', await symlinkTarget(absolute));
      } else if (entry.isDirectory()) {
        if (depth >= MAX_DEPTH) report(absolute, 'folder.too-deep', { max: MAX_DEPTH });
        else await walk(absolute, collection, depth + 1);
      } else if (entry.isFile()) {
        const ext = path.extname(entry.name).toLowerCase();
        if (!EXTENSIONS[format].includes(ext)) {
          report(absolute, 'file.extension', { collection, extensions: EXTENSIONS[format].join(' 或 ') });
          continue;
        }
        const name = entry.name.slice(0, -ext.length);
        files.push({ collection, file: relative(projectRoot, absolute), absolute, name, draft: name.startsWith('_') });
      } else {
        report(absolute, 'file.not-regular');
      }
    }
  }

  for (const entry of top) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(contentDir, entry.name);
    if (entry.isFile() && entry.name === THESAURUS_FILE) continue; // checked by thesaurus.ts
    if (absolute === skip) continue;
    if (entry.isDirectory() && (collectionNames as string[]).includes(entry.name)) {
      await walk(absolute, entry.name as CollectionName, 1);
    } else if (entry.isSymbolicLink()) {
      report(absolute, 'file.symlink', await symlinkTarget(absolute));
    } else {
      report(absolute, 'folder.unknown', { names: collectionNames.join('、') });
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, problems };
}

export type Decoded = { ok: true; text: string } | { ok: false; line: number; code: ProblemCode; message: string };

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first byte offset at which UTF-8 decoding fails. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search on the shortest failing prefix, allowing an incomplete final sequence.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

/**
 * Reads a file as UTF-8 text: strips a BOM, turns CRLF into LF (line numbers are unchanged),
 * and refuses binary, oversized and non-UTF-8 files with the line where trouble starts.
 */
export async function decodeFile(absolute: string): Promise<Decoded> {
  const stat = await lstat(absolute);
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, line: 1, code: 'file.too-large', message: messageOf('file.too-large', { megabytes: (stat.size / 1024 / 1024).toFixed(1) }) };
  }
  const bytes = new Uint8Array(await readFile(absolute));
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, line: lineAt(bytes, nul), code: 'file.binary', message: messageOf('file.binary') };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let gbk = false;
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      /* not GBK either */
    }
    return { ok: false, line: lineAt(bytes, at), code: 'file.encoding', message: messageOf('file.encoding', { gbk }) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}
