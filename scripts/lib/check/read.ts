import { readdir, readFile, readlink, lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { collectionDefs, collectionNames, type CollectionName } from '../../../src/schemas/index.ts';
import type { Problem } from './problem.ts';
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

/** What to say about a symbolic link: where it points, and whether that exists. */
async function symlinkMessage(absolute: string): Promise<string> {
  const target = await readlink(absolute).catch(() => '?');
  const refused = '内容文件夹中不支持符号链接';
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) return `这是指向文件夹“${target}”的符号链接。${refused}（它可能指回上层，造成无限循环）：请删除这个链接，把文件夹本身放在这里`;
    return `这是指向“${target}”的符号链接。${refused}：请删除这个链接，把文件本身放在这里`;
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOOP') return `这个符号链接指向自身，形成循环。${refused}：请删除它`;
    return `这个符号链接指向的“${target}”不存在。${refused}：请删除它，把文件本身放在这里`;
  }
}

/**
 * Lists every content file, reporting what does not belong: unknown folders, files of the
 * wrong type, symbolic links (never followed, so a link loop cannot hang the check).
 */
export async function discover(contentDir: string, projectRoot: string) {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  const report = (absolute: string, message: string) =>
    problems.push({ file: relative(projectRoot, absolute), line: 0, field: '-', message });

  let top;
  try {
    top = await readdir(contentDir, { withFileTypes: true });
  } catch {
    report(contentDir, '找不到内容文件夹。请在项目根目录下建立 content/ 文件夹');
    return { files, problems };
  }

  async function walk(dir: string, collection: CollectionName, depth: number) {
    const { format } = collectionDefs[collection];
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as { code?: string }).code;
      report(dir, code === 'EACCES' || code === 'EPERM' ? '没有读取这个文件夹的权限。请修改权限（如 chmod a+rx），再重新检查' : `无法读取这个文件夹（${code ?? (error as Error).message}）。请确认它存在并可以打开`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        report(absolute, await symlinkMessage(absolute));
      } else if (entry.isDirectory()) {
        if (depth >= MAX_DEPTH) report(absolute, `文件夹层级过深（超过 ${MAX_DEPTH} 层）。请减少嵌套`);
        else await walk(absolute, collection, depth + 1);
      } else if (entry.isFile()) {
        const ext = path.extname(entry.name).toLowerCase();
        if (!EXTENSIONS[format].includes(ext)) {
          report(absolute, `${collection}/ 中只能放 ${EXTENSIONS[format].join(' 或 ')} 文件。请改扩展名，或把这个文件移出 content/`);
          continue;
        }
        const name = entry.name.slice(0, -ext.length);
        files.push({ collection, file: relative(projectRoot, absolute), absolute, name, draft: name.startsWith('_') });
      } else {
        report(absolute, '这不是普通文件。请删除它');
      }
    }
  }

  for (const entry of top) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(contentDir, entry.name);
    if (entry.isFile() && entry.name === THESAURUS_FILE) continue; // checked by thesaurus.ts
    if (entry.isDirectory() && (collectionNames as string[]).includes(entry.name)) {
      await walk(absolute, entry.name as CollectionName, 1);
    } else if (entry.isSymbolicLink()) {
      report(absolute, await symlinkMessage(absolute));
    } else {
      report(absolute, `content/ 下只能有这些文件夹：${collectionNames.join('、')}。请把它移到其中之一，或移出 content/`);
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, problems };
}

export type Decoded = { ok: true; text: string } | { ok: false; line: number; message: string };

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
    return {
      ok: false,
      line: 1,
      message: `文件太大（${(stat.size / 1024 / 1024).toFixed(1)} MB，上限 1 MB）。请拆分内容，或删去粘贴进来的多余材料`,
    };
  }
  const bytes = new Uint8Array(await readFile(absolute));
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, line: lineAt(bytes, nul), message: '文件含有 NUL 字节，像是二进制文件而不是文本。请确认放入的是 .mdx 或 .yaml 文本文件' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let guess = '';
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      guess = '看起来是 GBK/GB18030 编码。';
    } catch {
      /* not GBK either */
    }
    return {
      ok: false,
      line: lineAt(bytes, at),
      message: `文件不是 UTF-8 编码。${guess}请用编辑器（如记事本“另存为”）选择 UTF-8 编码重新保存`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}
