// The service worker, written to <site>/sw.js by scripts/lib/build/offline.ts (types stripped,
// CONFIG prepended). It keeps the pages a reader opens, with their styles, scripts and search
// files, and the whole handbook when the reader asks (src/client/offline-save.ts), and serves
// them when the network is gone.
//
// One cache per build. A file goes into it only once it is known to belong to this build: a page
// by the build id in its head, a fingerprinted file (`_astro/`, Pagefind's chunks) by its name,
// any other file by its hash (CONFIG.verify). A new build is a new worker: it fills a new cache
// (copying what did not change, fetching what did) and drops the old one only once it is
// complete, so a reader never has two builds' pages or index mixed.

interface Config {
  build: string;
  base: string;
  /** Every cache of this handbook's builds starts with it. */
  prefix: string;
  /** The page meta holding the build id, and what the build id replaced in the files. */
  meta: string;
  placeholder: string;
  /** Paths under the base. */
  offlinePage: string;
  state: string;
  files: string;
  saveHeader: string;
  savedHeader: string;
  /** Paths (under the base) whose name changes with their content. */
  fingerprinted: string;
  /** Other files kept offline, with the first 16 hex digits of their SHA-256. */
  verify: Record<string, string>;
  /** What Pagefind loads before any query. */
  search: string[];
}
declare const CONFIG: Config;

// lib.webworker cannot be loaded beside lib.dom: the few service-worker types used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly location: URL;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
type Kind = 'page' | 'fingerprinted' | 'verified';
interface State {
  build: string;
  full: boolean;
  savedAt: string;
}

const scope = self as unknown as WorkerScope;
const PREFIX = CONFIG.prefix;
const CACHE = PREFIX + CONFIG.build;
const ROOT = new URL(CONFIG.base, scope.location.href).href;
const FINGERPRINTED = new RegExp(CONFIG.fingerprinted);
const MARKER = new RegExp(`(<meta name="${CONFIG.meta}" content=")([^"]*)(")`);
/** Styles, scripts and icons a page's HTML names. */
const REFERENCES = /\s(?:href|src)="([^"#?]+)"/g;
/** Modules a script imports by a literal path (not `${base}pagefind/…`). */
const IMPORTS = /(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`$]+\.js)["'`]/g;

/** What the network has belongs to another build: the site was rebuilt since this worker. */
class OtherBuild extends Error {}
/** The file is not on the site any more. */
class Gone extends Error {}

/** A URL's path under the base ('cases/x/'), without query or fragment; undefined outside. */
function pathOf(url: string): string | undefined {
  const { origin, pathname } = new URL(url);
  return origin === scope.location.origin && pathname.startsWith(CONFIG.base) ? pathname.slice(CONFIG.base.length) : undefined;
}

/** How a file is checked before it is kept; undefined: not kept. */
function kindOf(path: string): Kind | undefined {
  if (path === CONFIG.state) return undefined;
  if (Object.hasOwn(CONFIG.verify, path)) return 'verified';
  if (FINGERPRINTED.test(path)) return 'fingerprinted';
  if (path === '' || /(\/|\.html|(^|\/)[^./]+)$/.test(path)) return 'page';
  return undefined;
}

const keyOf = (path: string) => ROOT + path;
const open = () => caches.open(CACHE);
const now = () => new Date().toISOString();
const withBuild = (html: string, build: string) => html.replace(MARKER, (_, start: string, _old: string, end: string) => start + build + end);

async function hash(data: ArrayBuffer | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

/** A copy of a response with its body, marked with when it was saved. */
function stamped(body: BodyInit, from: Response, savedAt = now()): Response {
  const headers = new Headers(from.headers);
  headers.set(CONFIG.savedHeader, savedAt);
  return new Response(body, { status: from.status, statusText: from.statusText, headers });
}

/** Runs `task` on every item, a few at a time. */
async function each<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: 6 }, run));
}

/** The network's copy of a file, checked to belong to this build. */
async function fetchChecked(path: string, kind: Kind): Promise<Response> {
  const response = await fetch(keyOf(path), { cache: kind === 'fingerprinted' ? 'default' : 'no-cache' });
  if (response.status === 404 || response.status === 410) throw new Gone();
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  if (kind === 'fingerprinted') return response;
  if (kind === 'page') {
    const html = await response.text();
    if (MARKER.exec(html)?.[2] !== CONFIG.build) throw new OtherBuild();
    return stamped(html, response);
  }
  const bytes = await response.arrayBuffer();
  if ((await hash(bytes)) !== CONFIG.verify[path]) throw new OtherBuild();
  return stamped(bytes, response);
}

/** The files a page's HTML or a script names, as paths under the base. */
function references(text: string, pattern: RegExp, from: string): string[] {
  const paths = [...text.matchAll(pattern)].map((match) => pathOf(new URL(match[1]!, keyOf(from)).href));
  return paths.filter((path): path is string => path !== undefined);
}

/**
 * Keeps a page from the network, with the styles, scripts and icons it names and the modules
 * those scripts import: all that it needs offline, even when it was loaded before this worker ran.
 */
async function keepPage(path: string): Promise<void> {
  const cache = await open();
  const page = await fetchChecked(path, 'page');
  const queue = references(await page.clone().text(), REFERENCES, path);
  await cache.put(keyOf(path), page);
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    const kind = kindOf(file);
    if (!kind || kind === 'page' || (await cache.match(keyOf(file)))) continue;
    const response = await fetchChecked(file, kind).catch((error: unknown) => {
      if (error instanceof Gone) return undefined;
      throw error;
    });
    if (!response) continue;
    if (file.endsWith('.js')) for (const imported of references(await response.clone().text(), IMPORTS, file)) if (!queue.includes(imported)) queue.push(imported);
    await cache.put(keyOf(file), response);
  }
}

async function readState(cache: Cache): Promise<State | undefined> {
  const response = await cache.match(keyOf(CONFIG.state));
  return response ? ((await response.json()) as State) : undefined;
}

async function writeState(cache: Cache, state: State): Promise<void> {
  await cache.put(keyOf(CONFIG.state), new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }));
}

/** The previous build's copy of a file, when this build's is the same (its hash from this build's list). */
async function unchanged(old: Cache, path: string, expected: string): Promise<Response | undefined> {
  const copy = await old.match(keyOf(path));
  if (!copy || !expected) return copy;
  if (kindOf(path) === 'page') {
    const html = await copy.text();
    return (await hash(withBuild(html, CONFIG.placeholder))) === expected ? stamped(withBuild(html, CONFIG.build), copy) : undefined;
  }
  const bytes = await copy.arrayBuffer();
  return (await hash(bytes)) === expected ? stamped(bytes, copy) : undefined;
}

/**
 * Brings the previous build's copy over to this build: what is unchanged is copied, what changed
 * is fetched, what is gone is dropped. A whole-handbook copy is completed from this build's list
 * of files. Throws if the network is lost on the way: the install fails, the old worker and its
 * copy stay, and the next visit carries on where this one stopped.
 */
async function carryOver(old: Cache, cache: Cache): Promise<void> {
  const state = await readState(old);
  const done = new Set<string>();
  if (state?.full) {
    const response = await fetch(keyOf(CONFIG.files), { cache: 'no-cache' });
    const list = (await response.json()) as { build: string; files: [string, number, string][] };
    if (list.build !== CONFIG.build) throw new OtherBuild();
    await each(list.files, async ([path, , expected]) => {
      done.add(path);
      if (await cache.match(keyOf(path))) return;
      await cache.put(keyOf(path), (await unchanged(old, path, expected)) ?? (await fetchChecked(path, kindOf(path)!)));
    });
  }
  let searched = false;
  await each(await old.keys(), async (request) => {
    const path = pathOf(request.url);
    const kind = path === undefined ? undefined : kindOf(path);
    if (path === undefined || !kind || done.has(path) || (await cache.match(request))) return;
    searched ||= path.startsWith('pagefind/');
    try {
      if (kind !== 'fingerprinted') await cache.put(request, await fetchChecked(path, kind));
      // Same name, same bytes: kept if this build still has the file.
      else if ((await fetch(request.url, { method: 'HEAD' })).ok) await cache.put(request, (await old.match(request))!);
    } catch (error) {
      if (!(error instanceof Gone)) throw error;
    }
  });
  // Search offline needs Pagefind's own files of this build, whatever the reader searched.
  if (searched) {
    for (const path of CONFIG.search) if (!(await cache.match(keyOf(path)))) await cache.put(keyOf(path), await fetchChecked(path, kindOf(path)!));
  }
  if (state?.full) await writeState(cache, { build: CONFIG.build, full: true, savedAt: now() });
}

/** A kept page as served offline: its meta says so, and when it was saved ('' for the offline page). */
async function offlineCopy(response: Response, saved = response.headers.get(CONFIG.savedHeader) ?? ''): Promise<Response> {
  const html = (await response.text()).replace(MARKER, (tag) => `${tag} data-offline="${saved}"`);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** A page: from the network, kept if it is this build's; offline, the kept copy or the offline page. */
async function navigate(event: FetchEvent, path: string): Promise<Response> {
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(
        (async () => {
          const html = await copy.text();
          const build = MARKER.exec(html)?.[2];
          if (build === CONFIG.build) await (await open()).put(keyOf(path), stamped(html, copy));
          // The site was rebuilt: fetch the new worker, which replaces this copy.
          else if (build && build !== CONFIG.placeholder) await scope.registration.update();
        })().catch(() => undefined),
      );
    }
    return response;
  } catch (error) {
    const cache = await open();
    const kept = (await cache.match(keyOf(path))) ?? (path.endsWith('/') ? undefined : await cache.match(keyOf(`${path}/`)));
    if (kept) return offlineCopy(kept);
    const fallback = await cache.match(keyOf(CONFIG.offlinePage));
    if (!fallback) throw error;
    return offlineCopy(fallback, '');
  }
}

/**
 * Another file: fingerprinted ones from the cache first, others from the network first. What
 * comes from the network is kept before it is handed over, so that once a page has what it
 * asked for (a search its results), that is on this device too.
 */
async function file(event: FetchEvent, path: string, kind: Kind): Promise<Response> {
  const cache = await open();
  if (kind === 'fingerprinted') {
    const kept = await cache.match(keyOf(path));
    if (kept) return kept;
  }
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const kept = await cache.match(keyOf(path));
    if (kept) return kept;
    throw error;
  }
  if (!response.ok) return response;
  if (kind === 'fingerprinted') {
    await cache.put(keyOf(path), response.clone()).catch(() => undefined);
    return response;
  }
  const bytes = await response.arrayBuffer();
  if ((await hash(bytes)) === CONFIG.verify[path]) await cache.put(keyOf(path), stamped(bytes, response)).catch(() => undefined);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A page asks to keep a file (saving the whole handbook): 204 kept, 409 the site changed, 503 no network. */
async function save(path: string, kind: Kind): Promise<Response> {
  const answer = (status: number) => new Response(null, { status });
  try {
    const cache = await open();
    if (await cache.match(keyOf(path))) return answer(204);
    if (kind === 'page') await keepPage(path);
    else await cache.put(keyOf(path), await fetchChecked(path, kind));
    return answer(204);
  } catch (error) {
    return answer(error instanceof OtherBuild || error instanceof Gone ? 409 : 503);
  }
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await open();
      if (!(await cache.match(keyOf(CONFIG.offlinePage)))) await keepPage(CONFIG.offlinePage);
      const previous = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE).at(-1);
      if (previous) await carryOver(await caches.open(previous), cache);
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const path = request.method === 'GET' ? pathOf(request.url) : undefined;
  const kind = path === undefined ? undefined : kindOf(path);
  if (path === undefined || !kind) return;
  if (request.headers.has(CONFIG.saveHeader)) event.respondWith(save(path, kind));
  else if (kind === 'page') {
    if (request.mode === 'navigate') event.respondWith(navigate(event, path));
  } else event.respondWith(file(event, path, kind));
});

// The home page reports that every file of the handbook is kept.
scope.addEventListener('message', (event) => {
  const data = event.data as { type?: string; build?: string } | null;
  if (data?.type !== 'saved') return;
  event.waitUntil(
    (async () => {
      const ok = data.build === CONFIG.build;
      const state = { build: CONFIG.build, full: true, savedAt: now() };
      if (ok) await writeState(await open(), state);
      event.ports[0]?.postMessage({ ok, state });
    })(),
  );
});

export {};
