// The editor's page script: lists, forms drawn from the server's form descriptions (form.ts),
// the body with its toolbar and preview, the check as you type, saving, new, rename, delete and
// the ledger import. Served with its types stripped (node:module's stripTypeScriptTypes): plain
// DOM, no framework. Every request that changes something is a same-origin fetch (the server
// refuses others).
import type { Control, Form, Option } from '../form.ts';

type Json = Record<string, unknown>;
type Data = Record<string, unknown>;

interface ShownProblem {
  file: string;
  line: number;
  field: string;
  code: string;
  message: string;
  title: string;
  fix: string;
  doc: string;
}

interface Entry {
  path: string;
  collection: string;
  id: string;
  title: string;
  draft: boolean;
  problems: ShownProblem[];
}

interface PickOption {
  id: string;
  title: string;
  kind?: string;
  draft: boolean;
}

interface State {
  collections: Record<string, { label: string; format: 'mdx' | 'yaml' }>;
  forms: Record<string, Form>;
  entries: Entry[];
  options: Record<string, PickOption[]>;
  kinds: Record<string, string>;
}

interface Current {
  path: string;
  collection: string;
  format: 'mdx' | 'yaml';
  base: string;
  data: Data;
  body: string;
  problems: ShownProblem[];
  bodyLine: number | null;
  dirty: boolean;
}

const UNKNOWN = '不详';
const UNKNOWN_KEY = 'unknown';

let state: State;
let current: Current | undefined;
let filter = { collection: 'cases', text: '' };
let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

// ---- Small helpers ------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for') node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

async function api<T = Json>(method: 'GET' | 'POST', url: string, body?: unknown, raw?: Blob): Promise<{ status: number; value: T }> {
  const init: RequestInit = { method, headers: {} };
  if (raw) {
    init.body = raw;
    (init.headers as Record<string, string>)['content-type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = { error: text };
  }
  return { status: response.status, value: value as T };
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function getAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key as string] : undefined;
  return value;
}

/** Sets a value at a path; `undefined` removes the key, and an object left empty goes with it. */
function setAt(data: Data, path: readonly (string | number)[], value: unknown): void {
  const parents: Record<string, unknown>[] = [];
  let node: Record<string, unknown> = data;
  for (const key of path.slice(0, -1)) {
    parents.push(node);
    let next = node[key as string];
    if (next === null || typeof next !== 'object') {
      if (value === undefined) return;
      next = typeof path[parents.length] === 'number' ? [] : {};
      node[key as string] = next;
    }
    node = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last as string];
  else node[last as string] = value;
  // A map emptied by the form (region with nothing in it) is removed, not written as `region: {}`.
  for (let i = parents.length - 1; i >= 0; i--) {
    const child = parents[i]![path[i] as string];
    if (child && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length === 0) delete parents[i]![path[i] as string];
    else break;
  }
}

// ---- Lists ----------------------------------------------------------------------------------

async function loadState(): Promise<void> {
  state = (await api<State>('GET', '/api/state')).value;
  renderCollections();
  renderList();
}

function renderCollections(): void {
  const box = $('collections');
  box.replaceChildren(
    ...Object.entries(state.collections).map(([name, { label }]) => {
      const entries = state.entries.filter((e) => e.collection === name);
      const broken = entries.filter((e) => e.problems.length > 0).length;
      const button = el('button', { type: 'button', className: 'tab', 'aria-pressed': String(filter.collection === name) }, `${label} ${entries.length}`, broken ? el('span', { className: 'badge badge--bad' }, `${broken} 有问题`) : null);
      button.addEventListener('click', () => {
        filter.collection = name;
        renderCollections();
        renderList();
      });
      return button;
    }),
  );
}

function renderList(): void {
  const text = filter.text.trim().toLowerCase();
  const shown = state.entries.filter((e) => e.collection === filter.collection && (!text || e.title.toLowerCase().includes(text) || e.id.includes(text)));
  $('list-summary').textContent = `${state.collections[filter.collection]?.label ?? ''}：显示 ${shown.length} 条`;
  $('entry-list').replaceChildren(
    ...shown.map((entry) => {
      const count = entry.problems.length;
      const link = el('a', { href: `#/edit/${entry.path}`, className: 'entry', 'aria-current': current?.path === entry.path ? 'page' : undefined },
        el('span', { className: 'entry__title' }, entry.title),
        el('span', { className: 'entry__meta' }, entry.id, entry.draft ? el('span', { className: 'badge' }, '草稿') : null,
          count ? el('span', { className: 'badge badge--bad' }, `${count} 个问题`) : el('span', { className: 'badge badge--ok' }, '无问题')),
      );
      const item = el('li', {}, link);
      if (count) {
        const list = el('ul', { className: 'entry__problems' }, ...entry.problems.slice(0, 3).map((p) => el('li', {}, `第 ${p.line} 行 ${p.field}：${p.title}［${p.code}］`)));
        item.append(list);
      }
      return item;
    }),
  );
}

// ---- The form -----------------------------------------------------------------------------------

/** Draws one control; `path` is its place in the data (items' controls carry their index). */
function renderControl(control: Control, path: (string | number)[]): HTMLElement {
  const data = current!.data;
  const id = nextId('f');
  const wrapper = el('div', { className: `field field--${control.kind}`, 'data-path': path.join('.') });
  const labelText = `${control.label}${control.required ? '' : '（可不填）'}`;
  const changed = () => touched();
  const problemsSlot = el('div', { className: 'field__problems', 'aria-live': 'polite' });
  // The mark sits beside the field's label (placed by CSS), never inside it: the control's name stays the field's.
  const inferred = null;

  switch (control.kind) {
    case 'text': {
      const value = getAt(data, path);
      const input = control.multiline ? el('textarea', { id, rows: 3 }) : el('input', { id, type: 'text' });
      input.value = value === undefined || value === null ? '' : String(value);
      const counter = control.max ? el('span', { className: 'field__count' }) : null;
      const count = () => counter && (counter.textContent = `${[...input.value].length} / ${control.max} 字`);
      count();
      input.addEventListener('input', () => {
        setAt(data, path, input.value === '' ? undefined : input.value);
        count();
        changed();
      });
      wrapper.append(el('label', { for: id, className: 'field__label' }, labelText, inferred), input, ...(counter ? [counter] : []), problemsSlot);
      break;
    }
    case 'number':
    case 'count': {
      const value = getAt(data, path);
      const input = el('input', { id, type: 'text', inputMode: control.kind === 'number' ? 'numeric' : 'text', className: 'short' });
      input.value = value === undefined || value === null ? '' : String(value);
      input.addEventListener('input', () => {
        const text = input.value.trim();
        setAt(data, path, text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : text);
        changed();
      });
      wrapper.append(el('label', { for: id, className: 'field__label' }, labelText), input, problemsSlot);
      break;
    }
    case 'boolean': {
      const input = el('input', { id, type: 'checkbox', checked: getAt(data, path) === true });
      input.addEventListener('change', () => {
        setAt(data, path, input.checked ? true : control.required ? false : undefined);
        changed();
      });
      wrapper.append(el('div', { className: 'check' }, input, el('label', { for: id }, control.label)), problemsSlot);
      break;
    }
    case 'choice':
      wrapper.append(control.many ? choiceMany(control, path, id, labelText, inferred) : choiceOne(control, path, id, labelText, inferred), problemsSlot);
      break;
    case 'reference':
      wrapper.append(control.many ? referenceMany(control, path, labelText) : referenceOne(control, path, id, labelText), problemsSlot);
      break;
    case 'date':
      wrapper.append(dateControl(control, path, labelText, inferred), problemsSlot);
      break;
    case 'texts':
      wrapper.append(textsControl(path, labelText), problemsSlot);
      break;
    case 'items':
      wrapper.append(itemsControl(control, path, labelText), problemsSlot);
      break;
  }
  if (control.inferable) {
    wrapper.classList.add('field--inferable');
    problemsSlot.before(inferredMark(control.inferable, control.label));
  }
  return wrapper;
}

/** The “本手册推断” mark beside a field: whether its value is the handbook's inference (`inferred`). */
function inferredMark(flag: string, label: string): HTMLElement {
  const id = nextId('inf');
  const list = () => (Array.isArray(current!.data.inferred) ? (current!.data.inferred as unknown[]) : []);
  const input = el('input', { id, type: 'checkbox', checked: list().includes(flag) });
  input.addEventListener('change', () => {
    const next = list().filter((x) => x !== flag);
    if (input.checked) next.push(flag);
    setAt(current!.data, ['inferred'], next.length ? next : undefined);
    touched();
  });
  const span = el('span', { className: 'inferred' }, input, el('label', { for: id, title: '这个值不是资料写明的，而是本手册推断的（请在正文中说明怎么推断的）' }, '本手册推断', el('span', { className: 'visually-hidden' }, `（${label}）`)));
  // A click on the mark must not move focus to the field's own input.
  span.addEventListener('click', (event) => event.stopPropagation());
  return span;
}

/** Which option a written value is: its key, its Chinese label, or 不详. */
function optionOf(options: Option[], raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  const found = options.find((o) => o.value === text || o.label === text);
  if (found) return found.value;
  if (text === UNKNOWN || text === UNKNOWN_KEY) return options.find((o) => o.value === UNKNOWN_KEY || o.value === UNKNOWN)?.value;
  return undefined;
}

/** What to write for a chosen option: its key, and 不详 as 不详. */
const written = (value: string) => (value === UNKNOWN_KEY ? UNKNOWN : value);

function choiceOne(control: Extract<Control, { kind: 'choice' }>, path: (string | number)[], id: string, labelText: string, inferred: HTMLElement | null): HTMLElement {
  const raw = getAt(current!.data, path);
  const selected = optionOf(control.options, raw);
  const select = el('select', { id });
  select.append(el('option', { value: '' }, control.required ? '（请选择）' : '（不填）'));
  for (const option of control.options) select.append(el('option', { value: option.value, selected: option.value === selected }, option.label));
  if (raw !== undefined && raw !== null && selected === undefined) select.append(el('option', { value: '__raw', selected: true }, `当前写的是“${String(raw)}”，请改选`));
  select.addEventListener('change', () => {
    if (select.value === '__raw') return;
    setAt(current!.data, path, select.value === '' ? undefined : written(select.value));
    touched();
  });
  return el('div', {}, el('label', { for: id, className: 'field__label' }, labelText, inferred), select);
}

function choiceMany(control: Extract<Control, { kind: 'choice' }>, path: (string | number)[], _id: string, labelText: string, inferred: HTMLElement | null): HTMLElement {
  const fieldset = el('fieldset', { className: 'choices' }, el('legend', { className: 'field__label' }, `${labelText}${control.required ? '（至少选一项）' : ''}`, inferred));
  const raws = () => (Array.isArray(getAt(current!.data, path)) ? (getAt(current!.data, path) as unknown[]) : []);
  const unrecognised = raws().filter((r) => optionOf(control.options, r) === undefined);
  const boxes: [string, HTMLInputElement][] = [];
  const update = () => {
    const before = raws();
    const chosen = new Set(boxes.filter(([, box]) => box.checked).map(([value]) => value));
    // Values already written keep their spelling (a label stays a label); new ones are added by key.
    const kept = before.filter((r) => {
      const v = optionOf(control.options, r);
      return v === undefined ? chosen.has(`__raw:${String(r)}`) : chosen.has(v);
    });
    const have = new Set(kept.map((r) => optionOf(control.options, r)));
    const added = control.options.filter((o) => chosen.has(o.value) && !have.has(o.value)).map((o) => written(o.value));
    const next = [...kept, ...added];
    setAt(current!.data, path, next.length === 0 && getAt(current!.data, path) === undefined ? undefined : next);
    touched();
  };
  const grid = el('div', { className: 'choices__grid' });
  const add = (value: string, label: string, checked: boolean) => {
    const boxId = nextId('c');
    const box = el('input', { id: boxId, type: 'checkbox', checked });
    box.addEventListener('change', update);
    boxes.push([value, box]);
    grid.append(el('span', { className: 'check' }, box, el('label', { for: boxId }, label)));
  };
  const current_ = new Set(raws().map((r) => optionOf(control.options, r)));
  for (const option of control.options) add(option.value, option.label, current_.has(option.value));
  for (const raw of unrecognised) add(`__raw:${String(raw)}`, `“${String(raw)}”（不是可用的值，请取消并改选）`, true);
  fieldset.append(grid);
  return fieldset;
}

function pickLabel(option: PickOption): string {
  return `${option.title}（${option.id}）${option.draft ? '［草稿］' : ''}`;
}

function pickerOptions(collection: string, select: HTMLSelectElement, selected: string | undefined, exclude: Set<string> = new Set()): void {
  const options = (state.options[collection] ?? []).filter((o) => !exclude.has(o.id) && !(collection === current!.collection && o.id === currentId()));
  const kinds = collection === 'cases' ? [['practice', '实践'], ['consultation', '协商事例']] : [];
  if (kinds.length) {
    for (const [kind, label] of kinds) {
      const group = el('optgroup', { label: label! });
      for (const o of options.filter((x) => x.kind === kind)) group.append(el('option', { value: o.id, selected: o.id === selected }, pickLabel(o)));
      select.append(group);
    }
  } else for (const o of options) select.append(el('option', { value: o.id, selected: o.id === selected }, pickLabel(o)));
}

function currentId(): string {
  return current!.path.split('/').pop()!.replace(/\.[a-z]+$/, '').replace(/^_/, '');
}

function referenceOne(control: Extract<Control, { kind: 'reference' }>, path: (string | number)[], id: string, labelText: string): HTMLElement {
  const raw = getAt(current!.data, path);
  const select = el('select', { id });
  select.append(el('option', { value: '' }, '（不填）'));
  pickerOptions(control.collection, select, typeof raw === 'string' ? raw : undefined);
  if (typeof raw === 'string' && !select.querySelector(`option[value="${CSS.escape(raw)}"]`)) select.append(el('option', { value: raw, selected: true }, `“${raw}”（找不到这个条目）`));
  select.addEventListener('change', () => {
    setAt(current!.data, path, select.value || undefined);
    touched();
  });
  return el('div', {}, el('label', { for: id, className: 'field__label' }, labelText, el('span', { className: 'field__hint' }, `从${state.collections[control.collection]?.label ?? ''}中选`)), select);
}

/** Several references, in order: each with up, down and remove; a picker to add one. */
function referenceMany(control: Extract<Control, { kind: 'reference' }>, path: (string | number)[], labelText: string): HTMLElement {
  const fieldset = el('fieldset', { className: 'refs' }, el('legend', { className: 'field__label' }, `${labelText}${control.required ? '（至少一项）' : ''}`));
  const list = el('ol', { className: 'refs__list' });
  const items = () => (Array.isArray(getAt(current!.data, path)) ? (getAt(current!.data, path) as unknown[]) : []);
  const idOf = (item: unknown) => (item && typeof item === 'object' ? String((item as { id?: unknown }).id ?? '') : String(item));
  const titles = new Map((state.options[control.collection] ?? []).map((o) => [o.id, o.title]));
  const write = (next: unknown[]) => {
    setAt(current!.data, path, next.length === 0 && !control.required && getAt(current!.data, path) === undefined ? undefined : next);
    touched();
    draw();
  };
  const addId = nextId('add');
  const add = el('select', { id: addId });
  const draw = () => {
    list.replaceChildren(
      ...items().map((item, i, all) => {
        const refId = idOf(item);
        const title = titles.get(refId);
        const li = el('li', { className: 'refs__item' }, el('span', { className: title ? '' : 'bad' }, title ? `${title}（${refId}）` : `“${refId}”（找不到这个条目）`));
        const button = (text: string, label: string, action: () => void, disabled = false) => {
          const b = el('button', { type: 'button', className: 'small', 'aria-label': `${label}：${title ?? refId}`, disabled }, text);
          b.addEventListener('click', action);
          return b;
        };
        li.append(
          button('↑', '上移', () => write(all.map((x, j) => (j === i - 1 ? all[i] : j === i ? all[i - 1] : x))), i === 0),
          button('↓', '下移', () => write(all.map((x, j) => (j === i + 1 ? all[i] : j === i ? all[i + 1] : x))), i === all.length - 1),
          button('移除', '移除', () => write(all.filter((_, j) => j !== i))),
        );
        if (control.supports) {
          const supportsId = nextId('sup');
          const input = el('input', { id: supportsId, type: 'text', value: item && typeof item === 'object' ? String((item as { supports?: unknown }).supports ?? '') : '' });
          input.addEventListener('change', () => {
            const text = input.value.trim();
            const next = [...items()];
            next[i] = text ? { id: refId, supports: text } : refId;
            write(next);
          });
          li.append(el('div', { className: 'refs__supports' }, el('label', { for: supportsId }, '它支持哪些内容（可不填）'), input));
        }
        return li;
      }),
    );
    add.replaceChildren(el('option', { value: '' }, '（选一项添加）'));
    pickerOptions(control.collection, add, undefined, new Set(items().map(idOf)));
  };
  add.addEventListener('change', () => {
    if (!add.value) return;
    write([...items(), add.value]);
  });
  draw();
  fieldset.append(list, el('label', { for: addId, className: 'refs__add' }, `添加${state.collections[control.collection]?.label ?? ''}：`), add);
  return fieldset;
}

/** A date in the handbook's three precisions (年, 年月, 年月日), or 不详. */
function dateControl(control: Extract<Control, { kind: 'date' }>, path: (string | number)[], labelText: string, inferred: HTMLElement | null): HTMLElement {
  const raw = getAt(current!.data, path);
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  let precision = text === '' ? 'none' : text === UNKNOWN || text === UNKNOWN_KEY ? 'unknown' : match ? (match[3] ? 'day' : match[2] ? 'month' : 'year') : 'other';
  const fieldset = el('fieldset', { className: 'date' }, el('legend', { className: 'field__label' }, labelText, inferred));
  const ids = { p: nextId('dp'), y: nextId('dy'), m: nextId('dm'), d: nextId('dd'), o: nextId('do') };
  const select = el('select', { id: ids.p });
  const choices: [string, string][] = [['year', '只知道年份'], ['month', '知道年和月'], ['day', '知道年月日']];
  if (control.unknown) choices.push(['unknown', '资料未载明（不详）']);
  if (!control.required || precision === 'none') choices.unshift(['none', control.required ? '（请选择）' : '（不填）']);
  if (precision === 'other') choices.push(['other', '其他写法（请改正）']);
  for (const [value, label] of choices) select.append(el('option', { value, selected: value === precision }, label));
  const year = el('input', { id: ids.y, type: 'text', inputMode: 'numeric', className: 'short', value: match?.[1] ?? '', placeholder: '2023' });
  const month = el('input', { id: ids.m, type: 'text', inputMode: 'numeric', className: 'tiny', value: match?.[2] ?? '', placeholder: '5' });
  const day = el('input', { id: ids.d, type: 'text', inputMode: 'numeric', className: 'tiny', value: match?.[3] ?? '', placeholder: '9' });
  const other = el('input', { id: ids.o, type: 'text', value: precision === 'other' ? text : '' });
  const parts = el('div', { className: 'date__parts' },
    el('span', { className: 'date__year' }, year, el('label', { for: ids.y }, '年')),
    el('span', { className: 'date__month' }, month, el('label', { for: ids.m }, '月')),
    el('span', { className: 'date__day' }, day, el('label', { for: ids.d }, '日')),
    el('span', { className: 'date__other' }, el('label', { for: ids.o }, '写的是'), other));
  const pad = (v: string) => v.trim().padStart(2, '0');
  const show = () => {
    parts.dataset.precision = precision;
  };
  const write = () => {
    let value: unknown;
    if (precision === 'none') value = undefined;
    else if (precision === 'unknown') value = UNKNOWN;
    else if (precision === 'other') value = other.value.trim() || undefined;
    else {
      const y = year.value.trim();
      if (precision === 'year') value = /^\d+$/.test(y) ? Number(y) : y || undefined;
      else if (precision === 'month') value = `${y}-${pad(month.value)}`;
      else value = `${y}-${pad(month.value)}-${pad(day.value)}`;
    }
    setAt(current!.data, path, value);
    touched();
  };
  select.addEventListener('change', () => {
    precision = select.value;
    show();
    write();
  });
  for (const input of [year, month, day, other]) input.addEventListener('input', write);
  show();
  fieldset.append(el('div', { className: 'date__row' }, el('label', { for: ids.p, className: 'visually-hidden' }, `${control.label}的精确程度`), select, parts));
  return fieldset;
}

/** Several free texts in order (participants, principles, aliases). */
function textsControl(path: (string | number)[], labelText: string): HTMLElement {
  const fieldset = el('fieldset', { className: 'texts' }, el('legend', { className: 'field__label' }, labelText));
  const list = el('ol', { className: 'texts__list' });
  const items = () => (Array.isArray(getAt(current!.data, path)) ? (getAt(current!.data, path) as unknown[]) : []);
  const draw = () => {
    list.replaceChildren(
      ...items().map((item, i) => {
        const id = nextId('t');
        const input = el('input', { id, type: 'text', value: String(item ?? '') });
        input.addEventListener('input', () => {
          const next = [...items()];
          next[i] = input.value;
          setAt(current!.data, path, next);
          touched();
        });
        const remove = el('button', { type: 'button', className: 'small', 'aria-label': `删除第 ${i + 1} 项` }, '删除');
        remove.addEventListener('click', () => {
          const next = items().filter((_, j) => j !== i);
          setAt(current!.data, path, next.length ? next : undefined);
          touched();
          draw();
        });
        return el('li', {}, el('label', { for: id, className: 'visually-hidden' }, `第 ${i + 1} 项`), input, remove);
      }),
    );
  };
  const add = el('button', { type: 'button', className: 'small' }, '添加一项');
  add.addEventListener('click', () => {
    setAt(current!.data, path, [...items(), '']);
    draw();
    (list.lastElementChild?.querySelector('input') as HTMLInputElement | null)?.focus();
  });
  draw();
  fieldset.append(list, add);
  return fieldset;
}

/** An ordered list of items, each a small form: a method's steps, a model's parts. */
function itemsControl(control: Extract<Control, { kind: 'items' }>, path: (string | number)[], labelText: string): HTMLElement {
  const noun = path[path.length - 1] === 'steps' ? '步' : '项';
  const fieldset = el('fieldset', { className: 'items' }, el('legend', { className: 'field__label' }, labelText));
  const list = el('ol', { className: 'items__list' });
  const items = () => (Array.isArray(getAt(current!.data, path)) ? (getAt(current!.data, path) as unknown[]) : []);
  const write = (next: unknown[]) => {
    setAt(current!.data, path, next);
    touched();
    draw();
  };
  const draw = () => {
    list.replaceChildren(
      ...items().map((_, i, all) => {
        const li = el('li', { className: 'items__item' });
        const head = el('div', { className: 'items__head' }, el('h3', {}, `第 ${i + 1} ${noun}`));
        const button = (text: string, label: string, action: () => void, disabled = false) => {
          const b = el('button', { type: 'button', className: 'small', 'aria-label': `${label}：第 ${i + 1} ${noun}`, disabled }, text);
          b.addEventListener('click', action);
          head.append(b);
        };
        button('↑ 上移', '上移', () => write(all.map((x, j) => (j === i - 1 ? all[i] : j === i ? all[i - 1] : x))), i === 0);
        button('↓ 下移', '下移', () => write(all.map((x, j) => (j === i + 1 ? all[i] : j === i ? all[i + 1] : x))), i === all.length - 1);
        button('删除', '删除', () => write(all.filter((__, j) => j !== i)));
        li.append(head, ...control.item.map((sub) => renderControl(sub, [...path, i, ...sub.path])));
        return li;
      }),
    );
  };
  const add = el('button', { type: 'button', className: 'small' }, `添加一${noun}`);
  add.addEventListener('click', () => write([...items(), {}]));
  draw();
  fieldset.append(list, add);
  return fieldset;
}

// ---- The body -----------------------------------------------------------------------------------

function bodyEditor(): HTMLElement {
  const textarea = el('textarea', { id: 'body', rows: 18, spellcheck: false, className: 'body__text' });
  textarea.value = current!.body;
  textarea.addEventListener('input', () => {
    current!.body = textarea.value;
    touched();
    schedulePreview();
  });
  const insert = (before: string, after = '', placeholder = '') => {
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    const chosen = value.slice(start, end) || placeholder;
    textarea.setRangeText(`${before}${chosen}${after}`, start, end, 'end');
    textarea.focus();
    textarea.dispatchEvent(new Event('input'));
  };
  const atLineStart = (prefix: string) => {
    const { selectionStart: start, value } = textarea;
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    textarea.setRangeText(prefix, lineStart, lineStart, 'end');
    textarea.focus();
    textarea.dispatchEvent(new Event('input'));
  };
  const tool = (text: string, label: string, action: () => void) => {
    const b = el('button', { type: 'button', className: 'tool', title: label }, text);
    b.addEventListener('click', action);
    return b;
  };
  const toolbar = el('div', { className: 'toolbar', role: 'toolbar', 'aria-label': '正文格式', 'aria-controls': 'body' },
    tool('二级标题', '插入二级标题（## ）', () => atLineStart('\n## ')),
    tool('三级标题', '插入三级标题（### ）', () => atLineStart('\n### ')),
    tool('• 列表', '插入列表项（- ）', () => atLineStart('- ')),
    tool('1. 编号', '插入编号列表项（1. ）', () => atLineStart('1. ')),
    tool('表格', '插入表格', () => insert('\n\n| 项目 | 内容 |\n|---|---|\n| ', ' |  |\n\n', '……')),
    tool('〔出处〕', '在光标处标注出处（选择资料来源）', () => void citeDialog(insert)),
    tool('资料未载明', '把选中的文字标为“资料未载明”', () => insert('<Unstated>', '</Unstated>', '资料没有说明的地方')),
    tool('本手册理解', '把选中的文字标为“本手册理解”', () => insert('<Interpretation>', '</Interpretation>', '本手册的理解')),
  );
  return el('section', { className: 'body', 'aria-labelledby': 'body-title' },
    el('h3', { id: 'body-title' }, '正文'),
    el('p', { className: 'field__hint' }, '用 Markdown 书写。每一处事实后面用〔出处〕标注资料来源；资料没说的写进“资料未载明”，本手册自己的理解写进“本手册理解”。'),
    toolbar,
    el('label', { for: 'body', className: 'visually-hidden' }, '正文（Markdown）'),
    textarea,
    el('div', { id: 'body-problems', className: 'field__problems', 'aria-live': 'polite' }),
  );
}

async function citeDialog(insert: (before: string, after?: string, placeholder?: string) => void): Promise<void> {
  const select = el('select', { id: 'cite-source' });
  for (const o of state.options.sources ?? []) select.append(el('option', { value: o.id }, pickLabel(o)));
  const choice = await showDialog('标注出处', [el('label', { for: 'cite-source' }, '这句话依据哪份资料？'), select], [['cancel', '取消'], ['ok', '插入']]);
  if (choice === 'ok' && select.value) insert(`<Cite source="${select.value}" />`);
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void preview(), 200);
}

async function preview(): Promise<void> {
  const target = document.getElementById('preview');
  if (!target || !current) return;
  const { value } = await api<{ ok: boolean; html?: string; message?: string }>('POST', '/api/preview', { body: current.body });
  if (value.ok) {
    target.innerHTML = value.html ?? '';
    document.getElementById('preview-note')!.textContent = '';
  } else document.getElementById('preview-note')!.textContent = value.message ?? '';
}

// ---- The check as you type -------------------------------------------------------------------

let checkTimer: ReturnType<typeof setTimeout> | undefined;
let checkSeq = 0;

function touched(): void {
  if (!current) return;
  current.dirty = true;
  setStatus('有未保存的修改，正在检查…', 'busy');
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void check(), 300);
}

async function check(): Promise<void> {
  if (!current) return;
  const seq = ++checkSeq;
  const path = current.path;
  const { status, value } = await api<{ problems: ShownProblem[]; text: string; bodyLine: number | null; error?: string }>('POST', '/api/check', { path, data: current.data, body: current.body });
  if (seq !== checkSeq || !current || current.path !== path) return;
  if (status !== 200) return setStatus(value.error ?? '检查失败', 'bad');
  current.problems = value.problems;
  current.bodyLine = value.bodyLine;
  showProblems();
  const source = document.getElementById('file-text');
  if (source) source.textContent = value.text;
  const n = value.problems.length;
  setStatus(`${current.dirty ? '有未保存的修改。' : ''}${n ? `检查发现 ${n} 个问题，见各项旁边的说明。` : '检查通过，没有发现问题。'}`, n ? 'bad' : 'ok');
}

function setStatus(text: string, kind: 'ok' | 'bad' | 'busy' | 'info'): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = text;
  status.dataset.kind = kind;
}

function problemNode(problem: ShownProblem, withPlace: boolean): HTMLElement {
  const where = withPlace ? el('span', { className: 'problem__where' }, problem.field === '-' ? `第 ${problem.line} 行` : `第 ${problem.line} 行 · ${fieldLabel(problem.field)}`) : null;
  return el('div', { className: 'problem', role: 'note' },
    where,
    el('p', { className: 'problem__message' }, problem.message, ' ', el('code', {}, `［${problem.code}］`)),
    problem.fix ? el('p', { className: 'problem__fix' }, `怎么改：${problem.fix}`) : null,
  );
}

/** The Chinese name of a problem's field (`region.province` → 省级行政区). */
function fieldLabel(field: string): string {
  const form = state.forms[current!.collection];
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const path = parts.slice(0, n).filter((p) => !/^\d+$/.test(p)).join('.');
    const control = form?.controls.find((c) => c.path.join('.') === path);
    if (control) return `${control.label}${parts.length > n || parts.some((p) => /^\d+$/.test(p)) ? `（${field}）` : ''}`;
  }
  return field;
}

/** Each problem beside its field or body line; the others (the file, unknown fields) at the top. */
function showProblems(): void {
  if (!current) return;
  for (const slot of document.querySelectorAll('.field__problems')) slot.replaceChildren();
  for (const field of document.querySelectorAll('.field--has-problem')) field.classList.remove('field--has-problem');
  const general: ShownProblem[] = [];
  const body: ShownProblem[] = [];
  const fields = [...document.querySelectorAll<HTMLElement>('.field[data-path]')];
  for (const problem of current.problems) {
    if (current.bodyLine !== null && (problem.line >= current.bodyLine || problem.field === '正文' || problem.field === '<Cite source>')) {
      body.push(problem);
      continue;
    }
    const match = fieldFor(fields, problem.field);
    if (!match) {
      general.push(problem);
      continue;
    }
    match.classList.add('field--has-problem');
    match.querySelector(':scope > .field__problems')!.append(problemNode(problem, false));
  }
  const bodyBox = document.getElementById('body-problems');
  bodyBox?.replaceChildren(...body.map((p) => {
    const node = problemNode(p, false);
    const line = p.line - (current!.bodyLine ?? 1) + 1;
    const jump = el('button', { type: 'button', className: 'small' }, `跳到正文第 ${line} 行`);
    jump.addEventListener('click', () => goToBodyLine(line));
    node.prepend(el('span', { className: 'problem__where' }, `正文第 ${line} 行（文件第 ${p.line} 行） `, jump));
    return node;
  }));
  const summary = document.getElementById('problems');
  if (summary) {
    const n = current.problems.length;
    summary.replaceChildren(...[
      el('h3', {}, n ? `检查发现 ${n} 个问题` : '检查通过'),
      n ? el('p', {}, '每个问题也写在它所在的栏目旁边。方括号里是问题代码，说明见 docs/problems.md。') : el('p', {}, '这个条目符合手册的全部规则。'),
      ...general.map((p) => problemNode(p, true)),
      n - general.length > 0 ? el('ul', { className: 'problems__index' }, ...current.problems.filter((p) => !general.includes(p)).map((p) => {
        const button = el('button', { type: 'button', className: 'link' }, `${body.includes(p) ? `正文第 ${p.line - (current!.bodyLine ?? 1) + 1} 行` : fieldLabel(p.field)}：${p.title}`);
        button.addEventListener('click', () => (body.includes(p) ? goToBodyLine(p.line - (current!.bodyLine ?? 1) + 1) : goToField(p.field)));
        return el('li', {}, button);
      })) : null,
    ].filter((x): x is HTMLElement => x !== null));
    summary.dataset.kind = n ? 'bad' : 'ok';
  }
}

/** Puts the cursor at the start of a line of the body. */
function goToBodyLine(line: number): void {
  const textarea = document.getElementById('body') as HTMLTextAreaElement | null;
  if (!textarea) return;
  const lines = textarea.value.split('\n');
  const offset = lines.slice(0, Math.max(0, line - 1)).reduce((sum, l) => sum + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
  // Scroll the line into view: about its share of the text area's height.
  textarea.scrollTop = Math.max(0, ((line - 3) / Math.max(1, lines.length)) * textarea.scrollHeight);
}

/** Moves focus to a field's first control. */
function goToField(field: string): void {
  const target = fieldFor([...document.querySelectorAll<HTMLElement>('.field[data-path]')], field);
  target?.scrollIntoView({ block: 'center' });
  target?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
}

function fieldFor(fields: HTMLElement[], field: string): HTMLElement | undefined {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    const found = fields.find((f) => f.dataset.path === prefix);
    if (found) return found;
  }
  return fields.find((f) => f.dataset.path?.startsWith(`${field}.`));
}

// ---- Opening and saving --------------------------------------------------------------------

async function openEntry(path: string): Promise<void> {
  if (current?.dirty && current.path !== path && !confirm('当前条目有未保存的修改。不保存就离开吗？')) {
    history.replaceState(null, '', `#/edit/${current.path}`);
    return;
  }
  const { status, value } = await api<{ path: string; collection: string; format: 'mdx' | 'yaml'; text: string; parts: { data: Data; body: string } | null; problems: ShownProblem[]; bodyLine: number | null; error?: string }>('GET', `/api/entry?path=${encodeURIComponent(path)}`);
  if (status !== 200) {
    $('view').replaceChildren(el('p', { className: 'problem' }, value.error ?? '无法打开'));
    return;
  }
  if (!value.parts) {
    current = undefined;
    $('view').replaceChildren(el('section', { className: 'unreadable' }, el('h2', {}, value.path), el('p', {}, '这个文件的字段部分（YAML）无法读取，表单打不开。请用文本编辑器按下面的问题改正后再打开。'), ...value.problems.map((p) => problemNode(p, true)), el('pre', {}, value.text)));
    return;
  }
  current = { path: value.path, collection: value.collection, format: value.format, base: value.text, data: clone(value.parts.data), body: value.parts.body, problems: value.problems, bodyLine: value.bodyLine, dirty: false };
  renderEntry();
  renderList();
  showProblems();
  const n = value.problems.length;
  setStatus(n ? `这个条目有 ${n} 个问题，见各项旁边的说明。` : '已打开，检查通过。', n ? 'bad' : 'ok');
}

function renderEntry(): void {
  const entry = current!;
  const form = state.forms[entry.collection]!;
  const label = state.collections[entry.collection]?.label ?? '';
  const title = String(entry.data.title ?? entry.data.term ?? entry.path);
  const actions = el('div', { className: 'actions' });
  const action = (text: string, handler: () => void, className = '') => {
    const b = el('button', { type: 'button', className }, text);
    b.addEventListener('click', handler);
    actions.append(b);
    return b;
  };
  action('保存', () => void save(), 'primary').title = '保存（Ctrl+S）';
  action('改名', () => void renameEntry());
  action('删除', () => void deleteEntry(), 'danger');
  const formBox = el('div', { className: 'form' }, ...form.controls.map((control) => renderControl(control, control.path)));
  const left = el('div', { className: 'editor__main' }, formBox, entry.format === 'mdx' ? bodyEditor() : null,
    el('details', { className: 'file' }, el('summary', {}, '查看文件内容（保存时写入的文本）'), el('pre', { id: 'file-text' }, entry.base)));
  const right = el('aside', { className: 'editor__side', 'aria-label': '检查与预览' },
    el('section', { id: 'problems', className: 'problems', 'aria-live': 'polite' }),
    entry.format === 'mdx' ? el('section', { className: 'preview', 'aria-labelledby': 'preview-title' },
      el('h3', { id: 'preview-title' }, '预览（与网页上的样子相同）'),
      el('p', { id: 'preview-note', className: 'field__hint', 'aria-live': 'polite' }),
      el('div', { className: 'preview__page' }, el('h1', { className: 'preview__title' }, title), el('div', { id: 'preview', className: 'prose' }))) : null);
  $('view').replaceChildren(
    el('div', { className: 'editor__head' },
      el('div', {}, el('h2', { id: 'entry-title' }, `${label}：${title}`), el('p', { className: 'path' }, `content/${entry.path}`)),
      actions),
    el('p', { id: 'status', className: 'status', role: 'status' }),
    el('div', { className: 'editor' }, left, right),
  );
  if (entry.format === 'mdx') void preview();
}

async function save(): Promise<void> {
  if (!current) return;
  clearTimeout(checkTimer);
  const { status, value } = await api<{ saved: boolean; text: string; problems: ShownProblem[]; path: string; error?: string }>('POST', '/api/save', { path: current.path, data: current.data, body: current.body, base: current.base });
  if (status !== 200) {
    setStatus(value.error ?? '保存失败', 'bad');
    return;
  }
  current.base = value.text;
  current.dirty = false;
  current.problems = value.problems;
  showProblems();
  const source = document.getElementById('file-text');
  if (source) source.textContent = value.text;
  const n = value.problems.length;
  const what = value.saved ? '已保存' : '没有修改，文件保持原样';
  setStatus(n ? `${what}，但还有 ${n} 个问题：这个条目作为未完成稿保存，问题改正之前不会发布（npm run build 会停下来列出这些问题）。` : `${what}。检查通过，可以发布。`, n ? 'bad' : 'ok');
  await loadState();
}

// ---- New, rename, delete, import --------------------------------------------------------------

function showDialog(title: string, body: Node[], buttons: [string, string][]): Promise<string> {
  const dialog = $<HTMLDialogElement>('dialog');
  $('dialog-title').textContent = title;
  $('dialog-body').replaceChildren(...body);
  $('dialog-buttons').replaceChildren(...buttons.map(([value, text]) => el('button', { value, className: value === 'ok' ? 'primary' : value === 'delete' ? 'danger' : '' }, text)));
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }));
}

async function newEntry(): Promise<void> {
  const kind = el('select', { id: 'new-kind' });
  for (const [k, collection] of Object.entries(state.kinds)) kind.append(el('option', { value: k, selected: collection === filter.collection }, state.collections[collection]?.label ?? k));
  const title = el('input', { id: 'new-title', type: 'text' });
  const id = el('input', { id: 'new-id', type: 'text', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const message = el('p', { className: 'field__hint', 'aria-live': 'polite' });
  title.addEventListener('change', async () => {
    if (id.value) return;
    const { value } = await api<{ id: string }>('GET', `/api/propose-id?title=${encodeURIComponent(title.value)}`);
    id.value = value.id ?? '';
  });
  const body = [
    el('label', { for: 'new-kind' }, '类型'), kind,
    el('label', { for: 'new-title' }, '标题'), title,
    el('label', { for: 'new-id' }, 'id（网址和文件名：小写英文字母、数字和连字符；填了标题会自动给出拼音）'), id,
    message,
  ];
  for (;;) {
    const choice = await showDialog('新建条目', body, [['cancel', '取消'], ['ok', '新建']]);
    if (choice !== 'ok') return;
    const { status, value } = await api<{ path?: string; error?: string }>('POST', '/api/new', { kind: kind.value, id: id.value.trim(), title: title.value.trim() || undefined });
    if (status === 200 && value.path) {
      await loadState();
      location.hash = `#/edit/${value.path}`;
      return;
    }
    message.textContent = value.error ?? '没有新建';
  }
}

async function renameEntry(): Promise<void> {
  if (!current) return;
  if (current.dirty) return setStatus('请先保存修改，再改名。', 'bad');
  const input = el('input', { id: 'rename-id', type: 'text', value: currentId() });
  const message = el('p', { className: 'field__hint', 'aria-live': 'polite' });
  for (;;) {
    const choice = await showDialog('改名（改 id 和网址）', [el('label', { for: 'rename-id' }, '新的 id'), input, el('p', {}, '旧 id 会写进“别名”，旧网址会跳转到新网址。'), message], [['cancel', '取消'], ['ok', '改名']]);
    if (choice !== 'ok') return;
    const { status, value } = await api<{ path?: string; alias?: string | null; updated?: string[]; links?: { path: string; title: string; field: string }[]; error?: string }>('POST', '/api/rename', { path: current.path, id: input.value.trim() });
    if (status === 200 && value.path) {
      current.dirty = false;
      await loadState();
      location.hash = `#/edit/${value.path}`;
      const updated = value.updated ?? [];
      const links = value.links ?? [];
      const parts: Node[] = [el('p', {}, value.alias ? `旧 id“${value.alias}”已写进别名，旧网址会跳转到新网址。` : '草稿没有发布过，不需要旧网址跳转。')];
      if (updated.length) parts.push(el('p', {}, `这些条目原来引用旧 id，已改成新 id：`), el('ul', {}, ...updated.map((p) => el('li', {}, el('a', { href: `#/edit/${p}` }, p)))));
      if (links.length) parts.push(el('p', {}, '以下地方还在用旧 id（如正文中的链接），请逐个修改：'), el('ul', {}, ...links.map((l) => el('li', {}, el('a', { href: `#/edit/${l.path}` }, l.title), `（${l.field}）`))));
      await showDialog('改名完成', parts, [['ok', '知道了']]);
      return;
    }
    message.textContent = value.error ?? '没有改名';
  }
}

async function deleteEntry(): Promise<void> {
  if (!current) return;
  const { value } = await api<{ links: { path: string; title: string; field: string }[] }>('GET', `/api/links?path=${encodeURIComponent(current.path)}`);
  const links = value.links ?? [];
  const body = links.length
    ? [el('p', {}, `有 ${links.length} 处链接到这个条目。删除后，这些地方会出现“引用不存在”的问题，需要逐个修改：`), el('ul', {}, ...links.map((l) => el('li', {}, `${l.title}（${l.path}，${l.field}）`)))]
    : [el('p', {}, '没有其他条目链接到它。')];
  const choice = await showDialog(`删除 content/${current.path}？`, [...body, el('p', {}, '删除后无法在编辑器中恢复（用 git 可以找回）。')], [['cancel', '取消'], ['delete', '仍然删除']]);
  if (choice !== 'delete') return;
  const result = await api<{ error?: string }>('POST', '/api/delete', { path: current.path, confirm: true });
  if (result.status !== 200) return setStatus(result.value.error ?? '删除失败', 'bad');
  current = undefined;
  await loadState();
  location.hash = '';
  $('view').replaceChildren(el('p', { className: 'status', role: 'status', 'data-kind': 'ok' }, '已删除。'));
}

async function importFile(file: File): Promise<void> {
  const name = file.name;
  if (!/\.(xlsx|csv)$/i.test(name)) {
    await showDialog('导入台账', [el('p', {}, `“${name}”不是 .xlsx 或 .csv 文件。`)], [['ok', '知道了']]);
    return;
  }
  const { value } = await api<{ ok?: boolean; problems?: string[]; rows?: number; written?: { path: string; action: string; line: number }[]; error?: string }>('POST', `/api/import?name=${encodeURIComponent(name)}`, undefined, file);
  if (value.ok) {
    await loadState();
    const actions: Record<string, string> = { created: '新建', updated: '更新', unchanged: '未变' };
    await showDialog('导入完成', [el('p', {}, `从“${name}”写入了 ${value.written!.length} 个案例：`), el('ul', {}, ...value.written!.map((w) => el('li', {}, `第 ${w.line} 行：${actions[w.action] ?? w.action} `, el('a', { href: `#/edit/${w.path}` }, w.path))))], [['ok', '好']]);
    return;
  }
  const problems = value.problems ?? [value.error ?? '导入失败'];
  await showDialog('没有导入：台账有问题', [el('p', {}, `台账中${value.rows ? ` ${value.rows} 行` : ''}有问题，所以一个文件也没有写（要么全部导入，要么都不导入）。请在表格中逐条改正后重新拖入：`), el('pre', { className: 'report' }, problems.join('\n'))], [['ok', '知道了']]);
}

// ---- Start ----------------------------------------------------------------------------------------

function route(): void {
  const match = /^#\/edit\/(.+)$/.exec(location.hash);
  if (match) void openEntry(decodeURIComponent(match[1]!));
}

async function start(): Promise<void> {
  await loadState();
  $<HTMLInputElement>('search').addEventListener('input', (event) => {
    filter.text = (event.target as HTMLInputElement).value;
    renderList();
  });
  $('new-entry').addEventListener('click', () => void newEntry());
  // Files changed by another program (a text editor, git) are read and checked again on request.
  $('reload').addEventListener('click', async () => {
    await api('POST', '/api/reload', {});
    await loadState();
    if (current && !current.dirty) await openEntry(current.path);
  });
  $<HTMLInputElement>('import-file').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void importFile(file);
    (event.target as HTMLInputElement).value = '';
  });
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dropping');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dropping');
    const file = event.dataTransfer?.files[0];
    if (file) void importFile(file);
  });
  window.addEventListener('beforeunload', (event) => {
    if (current?.dirty) event.preventDefault();
  });
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && current) {
      event.preventDefault();
      void save();
    }
  });
  const match = /^#\/edit\/([a-z]+)\//.exec(location.hash);
  if (match && state.collections[match[1]!]) filter.collection = match[1]!;
  renderCollections();
  renderList();
  route();
  document.body.dataset.ready = 'true';
}

void start();
