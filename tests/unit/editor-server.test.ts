// `npm run edit`'s server: safe by construction (loopback only, its own Host, its own Origin for
// writes, nothing outside the content folder) and saving that keeps every byte it does not change.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEditor, type EditorServer } from '../../scripts/lib/editor/server.ts';
import { entryText, readEntryText } from '../../scripts/lib/editor/entry-text.ts';
import { collectionDefs, type CollectionName } from '../../src/schemas/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

let dir: string;
let content: string;
let editor: EditorServer;
let origin: string;

/** A request with whatever headers a test needs (fetch will not send a foreign Host). */
function raw(method: string, url: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  raw('POST', `${editor.url}api/${route}`, { 'content-type': 'application/json', origin, ...headers }, JSON.stringify(body));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'yishi-editor-test-'));
  content = path.join(dir, 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
  await writeFile(path.join(dir, 'outside.mdx'), 'outside\n');
  editor = await startEditor({ contentDir: content });
  origin = editor.url.slice(0, -1);
}, 60_000);

afterAll(async () => {
  await editor?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('safe by construction', () => {
  test('listens on the loopback interface only', () => {
    expect(editor.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('a request with a foreign Host (DNS rebinding) is refused with 421, reads included', async () => {
    for (const host of [`evil.example:${editor.port}`, 'evil.example', `127.0.0.1:${editor.port + 1}`]) {
      const res = await raw('GET', `${editor.url}api/state`, { host });
      expect(res.status, host).toBe(421);
      expect(res.text).not.toContain('cases/');
    }
    expect((await raw('GET', `${editor.url}api/state`, { host: `localhost:${editor.port}` })).status).toBe(200);
  });

  test('a writing request from another Origin, or with none, is refused with 403 and writes nothing', async () => {
    const file = path.join(content, 'cases/anji-consultation-standard.mdx');
    const before = await readFile(file, 'utf8');
    const entry = JSON.parse((await raw('GET', `${editor.url}api/entry?path=cases/anji-consultation-standard.mdx`, {})).text);
    const changed = { path: entry.path, data: { ...entry.parts.data, title: '被别的网站改掉的标题' }, body: entry.parts.body };
    for (const headers of [{ origin: 'http://evil.example' }, { origin: `http://127.0.0.1:${editor.port + 1}` }, { origin: 'null' }]) {
      expect((await post('save', changed, headers)).status, JSON.stringify(headers)).toBe(403);
    }
    const noOrigin = await raw('POST', `${editor.url}api/save`, { 'content-type': 'application/json' }, JSON.stringify(changed));
    expect(noOrigin.status).toBe(403);
    // A cross-site fetch that names our origin is still cross-site to the browser.
    expect((await post('save', changed, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    for (const route of ['delete', 'rename', 'new', 'import?name=a.csv']) {
      expect((await raw('POST', `${editor.url}api/${route}`, { 'content-type': 'application/json', origin: 'http://evil.example' }, '{}')).status, route).toBe(403);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('paths outside the content folder are refused: .., absolute paths, other folders (400), symbolic links (403)', async () => {
    const data = { title: '越界写入的测试' };
    for (const target of ['../outside.mdx', 'cases/../../outside.mdx', '/etc/passwd', path.join(dir, 'outside.mdx'), 'cases\\..\\..\\outside.mdx', 'elsewhere/x.mdx', 'cases/x.txt', '..', 'cases/./x.mdx', '']) {
      const res = await post('save', { path: target, data, body: '', create: true });
      expect(res.status, target).toBe(400);
    }
    for (const target of ['../outside.mdx', '/etc/passwd', 'cases/%2e%2e/%2e%2e/outside.mdx']) {
      expect((await raw('GET', `${editor.url}api/entry?path=${encodeURIComponent(target)}`, {})).status, target).toBe(400);
    }
    await symlink(path.join(dir, 'outside.mdx'), path.join(content, 'cases/link.mdx'));
    await mkdir(path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), path.join(content, 'cases/folder'));
    try {
      expect((await post('save', { path: 'cases/link.mdx', data, body: '', create: true })).status).toBe(403);
      expect((await post('save', { path: 'cases/folder/x.mdx', data, body: '', create: true })).status).toBe(403);
      expect((await raw('GET', `${editor.url}api/entry?path=cases/link.mdx`, {})).status).toBe(403);
      expect((await post('delete', { path: 'cases/link.mdx', confirm: true })).status).toBe(403);
      expect(await readFile(path.join(dir, 'outside.mdx'), 'utf8')).toBe('outside\n');
      expect(await readdir(path.join(dir, 'elsewhere'))).toEqual([]);
    } finally {
      await rm(path.join(content, 'cases/link.mdx'));
      await rm(path.join(content, 'cases/folder'));
    }
  });

  test('the server runs no shell command and starts no process', async () => {
    const sources = await Promise.all(['server.ts', 'workspace.ts', 'security.ts', 'entry-text.ts', 'form.ts', 'preview.ts'].map((f) => readFile(path.join(PROJECT_ROOT, 'scripts/lib/editor', f), 'utf8')));
    for (const text of sources) expect(text).not.toMatch(/child_process|worker_threads|\bspawn\(|execFile|execSync/);
  });
});

describe('saving', () => {
  const order = (collection: CollectionName) => Object.keys((collectionDefs[collection].schema as unknown as { shape: object }).shape);

  test('every bundled entry, opened and saved unchanged, keeps every byte', async () => {
    const state = JSON.parse((await raw('GET', `${editor.url}api/state`, {})).text) as { entries: { path: string }[] };
    expect(state.entries.length).toBeGreaterThan(200);
    for (const { path: entryPath } of state.entries) {
      const file = path.join(content, entryPath);
      const before = await readFile(file);
      const entry = JSON.parse((await raw('GET', `${editor.url}api/entry?path=${encodeURIComponent(entryPath)}`, {})).text);
      expect(entry.parts, entryPath).not.toBeNull();
      const res = await post('save', { path: entryPath, data: entry.parts.data, body: entry.parts.body, base: entry.text });
      expect(res.status, entryPath).toBe(200);
      expect(JSON.parse(res.text).saved, entryPath).toBe(false);
      expect((await readFile(file)).equals(before), entryPath).toBe(true);
      // And the writer itself, given the data back through JSON, writes the same text.
      const parts = readEntryText(before.toString('utf8'), entry.format)!;
      expect(entryText(before.toString('utf8'), entry.format, JSON.parse(JSON.stringify(parts)), order(entry.collection)), entryPath).toBe(before.toString('utf8'));
    }
  }, 120_000);

  test('changing one field rewrites that field only: comments, key order and the body stay', () => {
    const original = `---\n# 标题的注释\ntitle: 中山街公厕改造协商\nkind: consultation # 行尾注释\nsummary: 一句话。\ndate: 2023\nregion:\n  province: 浙江省 # 省\n  place: xx社区\nlevel: 社区\nforms: [议事会协商]\ntopics: [facilities]\nsources: [community-extension-speech]\n---\n\n正文第一段。\n`;
    const parts = readEntryText(original, 'mdx')!;
    const next = { ...parts.data, date: '2023-05', forms: ['议事会协商', 'onsite'], region: { province: '浙江省', city: '湖州市', place: 'xx社区' }, methods: ['six-step-procedure'] };
    const text = entryText(original, 'mdx', { data: next, body: parts.body }, order('cases'));
    expect(text).toBe(`---\n# 标题的注释\ntitle: 中山街公厕改造协商\nkind: consultation # 行尾注释\nsummary: 一句话。\ndate: 2023-05\nregion:\n  province: 浙江省 # 省\n  place: xx社区\n  city: 湖州市\nlevel: 社区\nforms: [议事会协商, onsite]\ntopics: [facilities]\nmethods: [six-step-procedure]\nsources: [community-extension-speech]\n---\n\n正文第一段。\n`);
  });
});

describe('new, rename, delete and the ledger import', () => {
  test('new uses npm run new’s template; rename keeps the old id as an alias; delete first shows what links to the entry', async () => {
    const created = await post('new', { kind: 'method', id: 'three-step-visit', title: '入户走访三步法' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.text).path).toBe('methods/three-step-visit.mdx');
    const template = await readFile(path.join(content, 'methods/three-step-visit.mdx'), 'utf8');
    expect(template).toContain('【待填写】');
    expect(template.match(/- title: /g)).toHaveLength(3);
    expect((await post('new', { kind: 'method', id: 'three-step-visit' })).status).toBe(400);

    // six-step-procedure is used by cases: rename it, the old id becomes an alias, the users are listed.
    const users = JSON.parse((await raw('GET', `${editor.url}api/links?path=methods/six-step-procedure.mdx`, {})).text).links as { path: string }[];
    expect(users.length).toBeGreaterThan(0);
    const user = path.join(content, users[0]!.path);
    const userBefore = await readFile(user, 'utf8');
    const renamed = JSON.parse((await post('rename', { path: 'methods/six-step-procedure.mdx', id: 'six-step-council' })).text);
    expect(renamed).toMatchObject({ path: 'methods/six-step-council.mdx', alias: 'six-step-procedure', links: [] });
    // The entries that named it now name the new id, and nothing else in them changed.
    expect(renamed.updated.sort()).toEqual([...new Set(users.map((u) => u.path))].sort());
    expect(await readFile(user, 'utf8')).toBe(userBefore.replace(/\bsix-step-procedure\b/, 'six-step-council'));
    expect((await post('rename', { path: 'sources/community-extension-speech.yaml', id: 'speech' })).status).toBe(400);
    const moved = await readFile(path.join(content, 'methods/six-step-council.mdx'), 'utf8');
    expect(moved).toMatch(/^aliases: \[.*six-step-procedure\]$/m);
    await expect(readFile(path.join(content, 'methods/six-step-procedure.mdx'))).rejects.toThrow();

    const links = JSON.parse((await raw('GET', `${editor.url}api/links?path=sources/community-extension-speech.yaml`, {})).text).links as { path: string; field: string }[];
    expect(links.length).toBeGreaterThan(1);
    expect(links.some((l) => l.field === '正文 <Cite>')).toBe(true);
    const refused = await post('delete', { path: 'sources/community-extension-speech.yaml' });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text).links).toEqual(links);
    expect((await post('delete', { path: 'methods/three-step-visit.mdx' })).status).toBe(200);
    await expect(readFile(path.join(content, 'methods/three-step-visit.mdx'))).rejects.toThrow();
    // After the rename, the content passes the check as a whole (no reference left to the old id).
    const state = JSON.parse((await raw('GET', `${editor.url}api/state`, {})).text) as { entries: { problems: { file: string; code: string }[] }[] };
    expect(state.entries.flatMap((e) => e.problems.map((p) => `${p.file} ${p.code}`))).toEqual([]);
    const { validateContent } = await import('../../scripts/lib/check/index.ts');
    expect((await validateContent(content, dir)).problems).toEqual([]);
  }, 60_000);

  test('a ledger dropped on the editor: all or nothing, with the row and column report', async () => {
    const header = '标题,类型,摘要,省级行政区,层级,形式,领域,时间,资料来源\r\n';
    const bad = `${header}南门社区停车协商,协商事例,居民就小区停车位分配协商。,浙江省,小区,议事会协商,道路交通管理,2023-02-30,community-extension-speech\r\n`;
    const before = (await readdir(path.join(content, 'cases'))).length;
    const refused = JSON.parse((await raw('POST', `${editor.url}api/import?name=${encodeURIComponent('台账.csv')}`, { 'content-type': 'application/octet-stream', origin }, bad)).text);
    expect(refused.ok).toBe(false);
    expect(refused.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^台账\.csv {2}行 2 {2}列「层级」 {2}“小区”不是可用的值/),
      expect.stringMatching(/^台账\.csv {2}行 2 {2}列「时间」 {2}日期“2023-02-30”不存在/),
    ]));
    expect((await readdir(path.join(content, 'cases'))).length).toBe(before);
    const good = bad.replace(',小区,', ',社区,').replace('2023-02-30', '2023-02-28');
    const imported = JSON.parse((await raw('POST', `${editor.url}api/import?name=l.csv`, { 'content-type': 'application/octet-stream', origin }, good)).text);
    expect(imported).toMatchObject({ ok: true, written: [{ action: 'created', path: 'cases/nan-men-she-qu-ting-che-xie-shang.mdx' }] });
    expect((await raw('POST', `${editor.url}api/import?name=l.txt`, { 'content-type': 'application/octet-stream', origin }, good)).status).toBe(400);
  }, 60_000);
});

describe('the check as you type', () => {
  test('a draft gets every problem npm run check would report for the same file, in well under a second', async () => {
    const sourceText = await readFile(path.join(content, 'sources/texts/002_cd5543e5e5c5425d.txt'), 'utf8');
    const copied = sourceText.replace(/\s+/g, '').slice(400, 470);
    const drafts: { path: string; change: (data: Record<string, unknown>) => Record<string, unknown>; body?: (body: string) => string; codes: string[] }[] = [
      {
        path: 'cases/anji-consultation-standard.mdx',
        change: (d) => ({ ...d, date: '2023-02-30', methods: ['no-such-method'], level: '小区', summary: undefined }),
        body: (b) => `${b}\n${copied}\n\n<Cite source="no-such-source" />\n`,
        codes: ['date.impossible', 'ref.unknown', 'value.unknown', 'schema.missing', 'copy.run'],
      },
      { path: 'methods/eight-step-method.mdx', change: (d) => ({ ...d, steps: (d.steps as unknown[]).slice(0, 4) }), codes: ['steps.count'] },
      { path: 'models/council-1-7-x.mdx', change: (d) => ({ ...d, formula: '1+7+X+N' }), codes: ['formula.parts'] },
      { path: 'terms/jiebie-huodongshi.yaml', change: (d) => ({ ...d, definition: '【待填写】' }), codes: ['draft.placeholder'] },
    ];
    const scratch = await mkdtemp(path.join(tmpdir(), 'yishi-editor-compare-'));
    try {
      await cp(content, path.join(scratch, 'content'), { recursive: true });
      for (const draft of drafts) {
        const entry = JSON.parse((await raw('GET', `${editor.url}api/entry?path=${draft.path}`, {})).text);
        expect(entry.parts, draft.path).toBeTruthy();
        const data = JSON.parse(JSON.stringify(draft.change(entry.parts.data)));
        const body = draft.body ? draft.body(entry.parts.body) : entry.parts.body;
        const started = performance.now();
        const res = await post('check', { path: draft.path, data, body });
        const elapsed = performance.now() - started;
        expect(res.status).toBe(200);
        const checked = JSON.parse(res.text) as { problems: { file: string; line: number; field: string; code: string; fix: string }[]; text: string };
        expect(elapsed, draft.path).toBeLessThan(1000);
        for (const code of draft.codes) expect(checked.problems.map((p) => p.code), draft.path).toContain(code);
        expect(checked.problems.every((p) => p.fix.length > 0)).toBe(true);
        // The same text, checked by the content check itself as npm run check runs it.
        await writeFile(path.join(scratch, 'content', draft.path), checked.text);
        const full = await (await import('../../scripts/lib/check/index.ts')).validateContent(path.join(scratch, 'content'), scratch);
        const located = (p: { file: string; line: number; field: string; code: string }) => `${p.file}:${p.line} ${p.field} ${p.code}`;
        expect(checked.problems.map(located).sort(), draft.path).toEqual(full.problems.filter((p) => p.file === `content/${draft.path}`).map(located).sort());
        // The draft never reached the content folder.
        expect(await readFile(path.join(content, draft.path), 'utf8')).toBe(entry.text);
        await writeFile(path.join(scratch, 'content', draft.path), entry.text);
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
