/**
 * `npm run edit`'s server: node:http on 127.0.0.1 only, answering only requests addressed to
 * itself and changing files only for its own page (security.ts), reading and writing only inside
 * the content folder. It runs no command: the check, the import and `npm run new`'s templates are
 * called as functions. Offline, no account.
 */
import { constants } from 'node:fs';
import { mkdtemp, open, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ID_PATTERN } from '../../../src/schemas/common.ts';
import { collectionDefs, type CollectionName } from '../../../src/schemas/index.ts';
import { anchorOf, PROBLEM_KINDS, PROBLEMS_DOC } from '../check/codes.ts';
import type { Problem } from '../check/problem.ts';
import { importLedger } from '../import/index.ts';
import { createEntry, KINDS, type Kind } from '../new-entry.ts';
import { proposeId } from '../pinyin-id.ts';
import { entryText, readEntryText, splitMdx, type EntryParts } from './entry-text.ts';
import { allForms, handbookModel, REFERENCE_FIELDS, type Form } from './form.ts';
import { previewBody } from './preview.ts';
import { checkHost, checkOrigin, PathRefused, resolveContentPath, WRITE_FLAGS, type ContentPath } from './security.ts';
import { Workspace } from './workspace.ts';

const HERE = import.meta.dirname;
const PROJECT = path.resolve(HERE, '../../..');
/** Largest request body: a ledger of 20 MB (the import's own limit), JSON far below. */
const MAX_BODY = 21 * 1024 * 1024;
const MAX_JSON = 2 * 1024 * 1024;

export interface EditorOptions {
  contentDir: string;
  /** The project root (problems name files relative to it). Default: the content folder's parent. */
  root?: string;
  /** Default: a free port. */
  port?: number;
}

export interface EditorServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** A problem with what the author needs beside it: the kind's title and fix, and where it is explained. */
export function explained(problem: Problem) {
  const kind = PROBLEM_KINDS[problem.code] as { title: string; fix: string } | undefined;
  return { ...problem, title: kind?.title ?? '', fix: kind?.fix ?? '', doc: `${PROBLEMS_DOC}#${anchorOf(problem.code)}` };
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(response: ServerResponse, status: number, body: string | Buffer, type: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) => send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `内容太大（上限 ${Math.round(limit / 1024 / 1024)} MB）`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, '请求应为 JSON');
  try {
    const value = JSON.parse((await readBody(request, MAX_JSON)).toString('utf8')) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, '请求不是有效的 JSON');
  }
}

/** The schema's key order of a collection, for new keys. */
function keyOrder(collection: CollectionName): string[] {
  const shape = (collectionDefs[collection].schema as unknown as { shape?: Record<string, unknown> }).shape;
  return Object.keys(shape ?? {});
}

function partsOf(body: Record<string, unknown>): EntryParts {
  const data = body.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, '缺少字段数据');
  return { data: data as Record<string, unknown>, body: typeof body.body === 'string' ? body.body : '' };
}

/** The editor's page: the form, the body and its preview, the lists. */
function page(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>议事手册 · 编辑器</title>
<link rel="stylesheet" href="/site.css">
<link rel="stylesheet" href="/editor.css">
<script type="module" src="/client/editor.ts"></script>
</head>
<body>
<a class="skip" href="#main">跳到编辑区</a>
<header class="bar">
  <h1 class="bar__title">议事手册 · 编辑器</h1>
  <p class="bar__note">只在本机运行，不联网，不需要账号。保存的文件写进 content/ 文件夹。</p>
  <div class="bar__actions">
    <button type="button" id="new-entry">新建</button>
    <label class="import" id="import-zone">导入台账（拖入 .xlsx / .csv，或点此选择）<input type="file" id="import-file" accept=".xlsx,.csv"></label>
  </div>
</header>
<div class="layout">
  <nav class="side" aria-label="全部条目">
    <h2 class="side__title">全部条目</h2>
    <label for="search" class="side__label">搜索标题或 id</label>
    <input id="search" type="search" autocomplete="off">
    <div id="collections" role="group" aria-label="按类别显示"></div>
    <p id="list-summary" class="side__summary" aria-live="polite"></p>
    <button type="button" id="reload" class="small">重新读取全部文件</button>
    <ul id="entry-list" class="entries"></ul>
  </nav>
  <main id="main" tabindex="-1">
    <div id="view"><section class="welcome"><h2>请从左侧选一个条目，或点“新建”。</h2></section></div>
  </main>
</div>
<dialog id="dialog" aria-labelledby="dialog-title"><form method="dialog" id="dialog-form"><h2 id="dialog-title"></h2><div id="dialog-body"></div><div class="dialog__buttons" id="dialog-buttons"></div></form></dialog>
</body>
</html>`;
}

/** The site's own styles (tokens, base, content), so the preview looks like the page. */
async function siteCss(): Promise<string> {
  const files = ['tokens.css', 'base.css', 'content.css'];
  const parts = await Promise.all(files.map((f) => readFile(path.join(PROJECT, 'src/styles', f), 'utf8')));
  // The accent the build sets from handbook.config.ts; the editor uses the default blue.
  return `:root { --yh-accent: #1a5fb4; --yh-accent-soft: #e8f0fb; }\n${parts.join('\n')}`;
}

const CLIENT_FILES = new Set(['editor.ts']);

export async function startEditor(options: EditorOptions): Promise<EditorServer> {
  const contentDir = path.resolve(options.contentDir);
  const root = path.resolve(options.root ?? path.dirname(contentDir));
  const workspace = new Workspace(contentDir, root);
  await workspace.load();
  const model = await handbookModel();
  const forms: Record<CollectionName, Form> = allForms(model);
  let port = 0;

  async function safe(input: unknown, mustExist = false): Promise<ContentPath> {
    try {
      return await resolveContentPath(contentDir, input, { mustExist });
    } catch (error) {
      if (error instanceof PathRefused) throw new HttpError(error.status, error.message);
      throw error;
    }
  }

  async function original(target: ContentPath): Promise<string | undefined> {
    return readFile(target.absolute, 'utf8').catch(() => undefined);
  }

  /** Writes a content file in place (never through a symbolic link), then checks it again. */
  async function write(target: ContentPath, text: string): Promise<void> {
    const handle = await open(target.absolute, WRITE_FLAGS, 0o644);
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    await workspace.reload(target.relative);
  }

  const sourceTitles = () => new Map(workspace.options('sources').map((s) => [s.id, s.title]));

  function problemsOf(relative: string): ReturnType<typeof explained>[] {
    const name = workspace.displayName(relative);
    return workspace.allProblems().filter((p) => p.file === name).map(explained);
  }

  const routes: Record<string, (request: IncomingMessage, url: URL, response: ServerResponse) => Promise<void>> = {
    'GET /api/state': async (_q, _u, response) => {
      const collections = Object.fromEntries(Object.entries(collectionDefs).map(([name, def]) => [name, { label: def.label, format: def.format }]));
      json(response, 200, {
        collections,
        forms,
        entries: workspace.list().map((e) => ({ ...e, problems: e.problems.map(explained) })),
        options: Object.fromEntries(Object.keys(collectionDefs).map((c) => [c, workspace.options(c as CollectionName)])),
        kinds: KINDS,
        contentProblems: workspace.contentProblems.map(explained),
      });
    },
    'GET /api/entry': async (_q, url, response) => {
      const target = await safe(url.searchParams.get('path'), true);
      const text = (await original(target))!;
      const parts = readEntryText(text, target.format);
      json(response, 200, { path: target.relative, collection: target.collection, format: target.format, text, parts: parts ?? null, problems: problemsOf(target.relative), bodyLine: bodyLineOf(text) });
    },
    'POST /api/check': async (request, _u, response) => {
      const body = await readJson(request);
      const target = await safe(body.path);
      const text = entryText(await original(target), target.format, partsOf(body), keyOrder(target.collection));
      const problems = (await workspace.checkDraft(target.relative, text)).map(explained);
      json(response, 200, { problems, text, bodyLine: bodyLineOf(text) });
    },
    'POST /api/preview': async (request, _u, response) => {
      const body = await readJson(request);
      json(response, 200, previewBody(typeof body.body === 'string' ? body.body : '', { sources: sourceTitles() }));
    },
    'POST /api/save': async (request, _u, response) => {
      const body = await readJson(request);
      const target = await safe(body.path);
      const before = await original(target);
      if (before === undefined && body.create !== true) throw new HttpError(409, `文件 ${target.relative} 不存在（可能已被改名或删除）。请从列表重新打开`);
      if (before !== undefined && typeof body.base === 'string' && body.base !== before) {
        throw new HttpError(409, `文件 ${target.relative} 在打开之后被别的程序改过。为免覆盖，请复制你的修改，重新打开后再保存`);
      }
      const text = entryText(before, target.format, partsOf(body), keyOrder(target.collection));
      if (text !== before) await write(target, text);
      const problems = problemsOf(target.relative);
      json(response, 200, { saved: text !== before, text, problems, path: target.relative });
    },
    'POST /api/new': async (request, _u, response) => {
      const body = await readJson(request);
      const kind = String(body.kind ?? '') as Kind;
      if (!Object.hasOwn(KINDS, kind)) throw new HttpError(400, '不认识的类型');
      const id = String(body.id ?? '').trim();
      const title = typeof body.title === 'string' ? body.title : undefined;
      const result = await createEntry({ kind, id, title, contentDir });
      if (!result.ok) return json(response, 400, { error: result.message });
      const relative = path.relative(contentDir, result.file).split(path.sep).join('/');
      await workspace.reload(relative);
      json(response, 200, { path: relative, placeholders: result.placeholders });
    },
    'GET /api/links': async (_q, url, response) => {
      const target = await safe(url.searchParams.get('path'), true);
      const id = target.name.replace(/^_/, '');
      json(response, 200, { links: workspace.linksTo(target.collection, id) });
    },
    'POST /api/delete': async (request, _u, response) => {
      const body = await readJson(request);
      const target = await safe(body.path, true);
      const id = target.name.replace(/^_/, '');
      const links = workspace.linksTo(target.collection, id);
      if (links.length > 0 && body.confirm !== true) return json(response, 409, { links, error: '还有条目链接到它' });
      await unlink(target.absolute);
      await workspace.reload(target.relative);
      json(response, 200, { deleted: target.relative, links });
    },
    'POST /api/rename': async (request, _u, response) => {
      const body = await readJson(request);
      const target = await safe(body.path, true);
      // Sources and glossary terms are anchors of one page (/sources/#id, /terms/#id) with no redirect: their ids stay.
      if (!RENAMEABLE.has(target.collection)) {
        throw new HttpError(400, `${collectionDefs[target.collection].label}的 id 是网页上的锚点（/${target.collection}/#id），没有旧地址跳转，改名会让已发出的链接失效。请保留原来的 id`);
      }
      const newId = String(body.id ?? '').trim();
      if (!ID_PATTERN.test(newId)) throw new HttpError(400, `“${newId}”不能用作 id：只能用小写英文字母、数字和连字符（-）`);
      const draft = target.name.startsWith('_');
      const oldId = draft ? target.name.slice(1) : target.name;
      if (newId === oldId) throw new HttpError(400, '新 id 与原来的相同');
      const ext = path.extname(target.relative);
      const destination = await safe(`${path.posix.dirname(target.relative)}/${draft ? '_' : ''}${newId}${ext}`);
      if (await original(destination) !== undefined) throw new HttpError(409, `${destination.relative} 已经存在，请换一个 id`);
      if (workspace.options(target.collection).some((e) => e.id === newId)) throw new HttpError(409, `id“${newId}”已被占用，请换一个`);
      const text = (await original(target))!;
      const parts = readEntryText(text, target.format);
      let written = text;
      // The old address keeps working: the old id goes into `aliases` (a redirect page).
      if (parts && !draft) {
        const aliases = Array.isArray(parts.data.aliases) ? [...(parts.data.aliases as unknown[])] : [];
        if (!aliases.includes(oldId)) aliases.push(oldId);
        written = entryText(text, target.format, { data: { ...parts.data, aliases }, body: parts.body }, keyOrder(target.collection));
      }
      const links = workspace.linksTo(target.collection, oldId);
      const handle = await open(destination.absolute, WRITE_FLAGS | constants.O_EXCL, 0o644);
      try {
        await handle.writeFile(written, 'utf8');
      } finally {
        await handle.close();
      }
      await unlink(target.absolute);
      await workspace.reload(target.relative);
      await workspace.reload(destination.relative);
      // The entries that named the old id name the new one (only those values change in their files).
      const updated: string[] = [];
      for (const file of new Set(links.map((l) => l.path))) {
        const other = await safe(file, true);
        const before = (await original(other))!;
        const otherParts = readEntryText(before, other.format);
        if (!otherParts) continue;
        const data = renamedReferences(otherParts.data, target.collection, oldId, newId) as Record<string, unknown>;
        const after = entryText(before, other.format, { data, body: otherParts.body }, keyOrder(other.collection));
        if (after !== before) {
          await write(other, after);
          updated.push(other.relative);
        }
      }
      json(response, 200, { path: destination.relative, alias: draft ? null : oldId, updated, links: workspace.linksTo(target.collection, oldId) });
    },
    'POST /api/import': async (request, url, response) => {
      const name = url.searchParams.get('name') ?? 'ledger';
      const ext = path.extname(name).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.csv') throw new HttpError(400, '只能导入 .xlsx 或 .csv 文件');
      const bytes = await readBody(request, MAX_BODY);
      const folder = await mkdtemp(path.join(tmpdir(), 'yishi-editor-import-'));
      try {
        const file = path.join(folder, `ledger${ext}`);
        await writeFile(file, bytes);
        const result = await importLedger({ file, contentDir, root, displayName: path.basename(name), update: url.searchParams.get('update') === '1' });
        if (result.ok) {
          await workspace.load();
          return json(response, 200, { ok: true, written: result.written.map((w) => ({ ...w, path: path.relative(contentDir, path.join(root, w.file)).split(path.sep).join('/') })) });
        }
        json(response, 200, { ok: false, problems: result.problems, rows: result.rows });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    'GET /api/propose-id': async (_q, url, response) => {
      const title = (url.searchParams.get('title') ?? '').slice(0, 60);
      json(response, 200, { id: title ? proposeId(title) : '' });
    },
    'POST /api/reload': async (_q, _u, response) => {
      await workspace.load();
      json(response, 200, { ok: true });
    },
  };

  const server: Server = createServer(async (request, response) => {
    try {
      const hostRefusal = checkHost(request.headers.host, port);
      if (hostRefusal) return send(response, hostRefusal.status, hostRefusal.message, 'text/plain; charset=utf-8');
      const method = request.method ?? 'GET';
      const originRefusal = checkOrigin(method, request.headers.origin, request.headers['sec-fetch-site'] as string | undefined, port);
      if (originRefusal) return send(response, originRefusal.status, originRefusal.message, 'text/plain; charset=utf-8');
      const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
      const route = routes[`${method} ${url.pathname}`];
      if (route) return await route(request, url, response);
      if (method !== 'GET') return send(response, 405, '不支持的请求', 'text/plain; charset=utf-8');
      if (url.pathname === '/' || url.pathname === '/index.html') return send(response, 200, page(), 'text/html; charset=utf-8');
      if (url.pathname === '/favicon.ico') return send(response, 204, '', 'image/x-icon');
      if (url.pathname === '/site.css') return send(response, 200, await siteCss(), 'text/css; charset=utf-8');
      if (url.pathname === '/editor.css') return send(response, 200, await readFile(path.join(HERE, 'client/editor.css')), 'text/css; charset=utf-8');
      const client = /^\/client\/([a-z-]+\.ts)$/.exec(url.pathname)?.[1];
      if (client && CLIENT_FILES.has(client)) {
        const source = await readFile(path.join(HERE, 'client', client), 'utf8');
        return send(response, 200, stripTypeScriptTypes(source), 'text/javascript; charset=utf-8');
      }
      send(response, 404, '找不到', 'text/plain; charset=utf-8');
    } catch (error) {
      if (error instanceof HttpError) return json(response, error.status, { error: error.message });
      console.error(error);
      json(response, 500, { error: `编辑器内部出错：${(error as Error).message}` });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workspace.close();
    },
  };
}

/** Collections whose entries have a page of their own and redirects from old ids (`aliases`). */
const RENAMEABLE: ReadonlySet<CollectionName> = new Set(['cases', 'methods', 'models', 'guides']);

/** Data with every reference to `oldId` of `collection` (REFERENCE_FIELDS) naming `newId`. */
function renamedReferences(value: unknown, collection: CollectionName, oldId: string, newId: string, key?: string): unknown {
  const refers = key !== undefined && REFERENCE_FIELDS[key] === collection;
  if (Array.isArray(value)) return value.map((item) => renamedReferences(item, collection, oldId, newId, key));
  if (value && typeof value === 'object') {
    if (refers && (value as { id?: unknown }).id === oldId) return { ...(value as object), id: newId };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamedReferences(v, collection, oldId, newId, k)]));
  }
  return refers && value === oldId ? newId : value;
}

/** The line of the file where the body starts (1-based), for placing body problems. */
function bodyLineOf(text: string): number | null {
  const split = splitMdx(text);
  if (!split) return null;
  return (split.open + split.frontmatter + split.close).split('\n').length;
}
