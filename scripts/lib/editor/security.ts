/**
 * What keeps the editor safe although it writes files: it answers only requests addressed to
 * itself (the Host header: a page on another site cannot reach it through a DNS name rebound to
 * 127.0.0.1), it changes nothing for a page of another origin (the Origin header), and it reads
 * and writes only files inside the content folder, never through a symbolic link.
 */
import { constants } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { collectionDefs, type CollectionName } from '../../../src/schemas/index.ts';

/** The Host values the editor answers to, for its port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The origins whose pages may change files: the editor's own. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export type Refusal = { status: number; message: string };

/** A request not addressed to the editor itself (a rebound DNS name, another host): 421. */
export function checkHost(host: string | undefined, port: number): Refusal | undefined {
  if (host && allowedHosts(port).has(host.toLowerCase())) return undefined;
  return { status: 421, message: `这个编辑器只接受发给 http://127.0.0.1:${port}/ 的请求。请在本机的浏览器中打开这个地址` };
}

/** A request that changes files must come from the editor's own page (Origin), never from another site: 403. */
export function checkOrigin(method: string, origin: string | undefined, fetchSite: string | undefined, port: number): Refusal | undefined {
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (origin && allowedOrigins(port).has(origin) && (fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none')) return undefined;
  return { status: 403, message: '拒绝：修改文件的请求只能来自编辑器自己的页面' };
}

/** A content file as the editor names it: `cases/x.mdx`, relative to the content folder. */
export interface ContentPath {
  collection: CollectionName;
  /** Relative to the content folder, with forward slashes. */
  relative: string;
  /** The absolute path, inside the real content folder. */
  absolute: string;
  /** The file name without its extension (with a draft's `_`). */
  name: string;
  format: 'mdx' | 'yaml';
}

const SEGMENT = /^[^/\\\0]+$/;

export class PathRefused extends Error {
  readonly status: 400 | 403;
  constructor(status: 400 | 403, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Resolves a path the browser sent to a content file, refusing (400) anything that is not plainly
 * `<collection>/<name>.<ext>`: absolute paths, `..`, backslashes, other folders, other extensions;
 * and (403) anything that, resolved on disk, leads out of the content folder or through a
 * symbolic link. `mustExist`: the file must already be there.
 */
export async function resolveContentPath(contentDir: string, input: unknown, options: { mustExist?: boolean } = {}): Promise<ContentPath> {
  if (typeof input !== 'string' || input.length === 0 || input.length > 300) throw new PathRefused(400, '文件路径缺失或太长');
  if (path.isAbsolute(input) || input.startsWith('/') || /^[a-zA-Z]:/.test(input)) throw new PathRefused(400, `不能使用绝对路径：${input}`);
  const segments = input.split('/');
  if (segments.some((s) => s === '..' || s === '.' || !SEGMENT.test(s))) throw new PathRefused(400, `文件路径不能包含“..”、“.”、反斜杠或空的部分：${input}`);
  const [collection, ...rest] = segments;
  if (!collection || !Object.hasOwn(collectionDefs, collection) || rest.length === 0) {
    throw new PathRefused(400, `文件必须在 ${Object.keys(collectionDefs).join('、')} 之一的文件夹中：${input}`);
  }
  const format = collectionDefs[collection as CollectionName].format;
  const fileName = rest[rest.length - 1]!;
  const ext = path.extname(fileName).toLowerCase();
  const allowed = format === 'mdx' ? ['.mdx'] : ['.yaml', '.yml'];
  if (!allowed.includes(ext)) throw new PathRefused(400, `${collection}/ 中只能是 ${allowed.join(' 或 ')} 文件：${input}`);

  const root = await realpath(contentDir);
  const absolute = path.resolve(root, ...segments);
  if (!absolute.startsWith(root + path.sep)) throw new PathRefused(403, `拒绝：${input} 不在内容文件夹中`);
  // Every folder on the way must be the folder itself, not a link to somewhere else.
  const parent = path.dirname(absolute);
  const realParent = await realpath(parent).catch(() => undefined);
  if (realParent === undefined) throw new PathRefused(400, `文件夹不存在：${path.relative(root, parent)}`);
  if (realParent !== parent || !(realParent + path.sep).startsWith(root + path.sep)) throw new PathRefused(403, `拒绝：${input} 经过符号链接，指向内容文件夹以外`);
  const info = await lstat(absolute).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new PathRefused(403, `拒绝：${input} 是符号链接`);
  if (info && !info.isFile()) throw new PathRefused(400, `${input} 不是普通文件`);
  if (!info && options.mustExist) throw new PathRefused(400, `文件不存在：${input}`);
  return { collection: collection as CollectionName, relative: segments.join('/'), absolute, name: fileName.slice(0, -ext.length), format };
}

/** Flags for writing a content file: never through a symbolic link that appeared meanwhile. */
export const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
