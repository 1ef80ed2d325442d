// The pack page (/pack/): the trainer's pack from this browser, or the one a link carries; edited
// on screen (title, note, order, a note per entry), shared as a link with its QR code, and printed
// as one document (cover, contents, each entry with its address, QR code and citation). Everything
// it shows comes from the catalog the build wrote into the page: no request anywhere.
import { absolute, readable, upgrade } from './addresses.ts';
import { copyFor } from './copy.ts';
import { emptyPack, packFromQuery, packQuery, readPack, writePack, type Pack } from './pack-store.ts';

interface Step {
  title: string;
  summary: string;
  who: string;
  output: string;
}

export interface PackCatalog {
  /** What a citation says for the access date until it is filled in. */
  placeholder: string;
  entries: { ref: string; title: string; summary: string; kind: string; path: string; cite: string; steps?: Step[] }[];
}

type Texts = Record<string, string>;

/** An element with attributes and children. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** An entry of the pack as printed and listed: a page, or a step of a method. */
interface Resolved {
  ref: string;
  title: string;
  kind: string;
  summary: string;
  path: string;
  cite: string;
  step?: Step & { n: number };
}

export class PackPage extends HTMLElement {
  #texts: Texts = {};
  #catalog!: PackCatalog;
  #pack: Pack = emptyPack();
  /** The pack came from the link, not from this browser. */
  #shared = false;
  #today = '';

  connectedCallback() {
    this.#texts = JSON.parse(this.dataset.texts ?? '{}') as Texts;
    this.#catalog = JSON.parse(this.querySelector('[data-catalog]')?.textContent ?? '{"entries":[]}') as PackCatalog;
    const now = new Date();
    this.#today = `${now.getFullYear()} 年 ${now.getMonth() + 1} 月 ${now.getDate()} 日`;
    const linked = packFromQuery(location.search);
    this.#shared = linked !== undefined;
    this.#pack = linked ?? readPack();
    this.#render();
  }

  #t(key: string, values: Record<string, string | number> = {}) {
    return fill(this.#texts[key] ?? key, values);
  }

  #resolve(ref: string): Resolved | undefined {
    const [page, n] = ref.split('#');
    const found = this.#catalog.entries.find((e) => e.ref === page);
    if (!found) return undefined;
    const citeDate = [new Date().getFullYear(), new Date().getMonth() + 1, new Date().getDate()].map((x) => String(x).padStart(2, '0')).join('-');
    const fullPath = (path: string) => absolute(path) ?? path;
    const cite = (path: string) => found.cite.replaceAll(found.path, fullPath(path)).replaceAll(this.#catalog.placeholder, citeDate);
    if (n === undefined) return { ...found, cite: cite(found.path) };
    const step = found.steps?.[Number(n) - 1];
    if (!step) return undefined;
    const path = `${found.path}#step-${n}`;
    return {
      ref,
      title: `${found.title} · ${this.#t('pack.step', { n })}　${step.title}`,
      kind: found.kind,
      summary: step.summary,
      path,
      cite: cite(path),
      step: { ...step, n: Number(n) },
    };
  }

  #save() {
    if (!this.#shared) writePack(this.#pack);
    this.#updateShare();
  }

  #link() {
    const query = packQuery(this.#pack);
    return `${this.dataset.pack ?? '/pack/'}${query ? `?${query}` : ''}`;
  }

  #updateShare() {
    const link = this.#link();
    const anchor = this.querySelector<HTMLAnchorElement>('[data-pack-link]');
    if (anchor) {
      anchor.dataset.address = link;
      anchor.href = link;
      anchor.textContent = link;
    }
    for (const figure of this.querySelectorAll<HTMLElement>('[data-pack-qr]')) figure.dataset.qr = link;
    const cover = this.querySelector('[data-cover-link]');
    if (cover) cover.textContent = readable(absolute(link) ?? link);
    this.dataset.ready = '';
    void upgrade(this).then(() => (this.dataset.ready = 'true'));
  }

  #render() {
    const pack = this.#pack;
    const resolved = pack.entries.map((e) => ({ entry: e, item: this.#resolve(e.ref) }));
    const screen = h('div', { class: 'pack-screen' });

    if (this.#shared) {
      const keep = h('button', { type: 'button', class: 'quiet-button' }, this.#t('pack.keep'));
      const status = h('span', { role: 'status' });
      keep.addEventListener('click', () => {
        writePack(this.#pack);
        status.textContent = this.#t('pack.kept');
      });
      screen.append(h('p', { class: 'pack-shared' }, this.#t('pack.shared'), ' ', keep, ' ', status));
    }

    const title = h('input', { type: 'text', id: 'pack-title', value: pack.title });
    title.addEventListener('input', () => {
      pack.title = title.value;
      this.#save();
      this.#renderPrint();
    });
    const note = h('textarea', { id: 'pack-note', rows: '3' }, pack.note);
    note.addEventListener('input', () => {
      pack.note = note.value;
      this.#save();
      this.#renderPrint();
    });
    screen.append(
      h('div', { class: 'pack-field' }, h('label', { for: 'pack-title' }, this.#t('pack.titleLabel')), title),
      h('div', { class: 'pack-field' }, h('label', { for: 'pack-note' }, this.#t('pack.noteLabel')), note),
    );

    screen.append(h('h2', { id: 'pack-entries' }, this.#t('pack.entries', { count: pack.entries.length })));
    if (pack.entries.length === 0) screen.append(h('p', { class: 'pack-empty' }, this.#t('pack.empty')));
    const list = h('ol', { class: 'pack-list', 'aria-labelledby': 'pack-entries' });
    resolved.forEach(({ entry, item }, i) => {
      const li = h('li', { class: 'pack-item' });
      li.append(
        item
          ? h('p', { class: 'pack-item__title' }, h('a', { href: item.path }, item.title), h('span', { class: 'pack-item__kind' }, ` · ${item.kind}`))
          : h('p', { class: 'pack-item__title' }, this.#t('pack.unknown', { ref: entry.ref })),
      );
      const noteId = `pack-entry-note-${i}`;
      const entryNote = h('textarea', { id: noteId, rows: '2' }, entry.note);
      entryNote.addEventListener('input', () => {
        entry.note = entryNote.value;
        this.#save();
        this.#renderPrint();
      });
      li.append(h('div', { class: 'pack-field' }, h('label', { for: noteId }, this.#t('pack.entryNote')), entryNote));
      const actions = h('p', { class: 'pack-item__actions' });
      const move = (label: string, to: number) => {
        const button = h('button', { type: 'button', class: 'quiet-button', 'aria-label': `${label}：${item?.title ?? entry.ref}` }, label);
        if (to < 0 || to >= pack.entries.length) button.disabled = true;
        button.addEventListener('click', () => {
          const [moved] = pack.entries.splice(i, 1);
          if (to >= 0 && moved) pack.entries.splice(to, 0, moved);
          this.#save();
          this.#render();
        });
        return button;
      };
      actions.append(move(this.#t('pack.up'), i - 1), ' ', move(this.#t('pack.down'), i + 1), ' ');
      const remove = move(this.#t('pack.remove'), -1);
      remove.disabled = false;
      actions.append(remove);
      li.append(actions);
      list.append(li);
    });
    if (pack.entries.length > 0) screen.append(list);

    // The link and its QR code, and printing.
    const copy = h('button', { type: 'button', class: 'quiet-button' }, this.#t('pack.copy'));
    copy.addEventListener('click', () => {
      const link = this.#link();
      void copyFor(copy, absolute(link) ?? new URL(link, location.href).href, this.#t('copyLink.done'), this.#t('copyLink.manual'));
    });
    const print = h('button', { type: 'button', class: 'quiet-button' }, this.#t('pack.print'));
    print.addEventListener('click', () => window.print());
    screen.append(
      h(
        'div',
        { class: 'pack-share' },
        h('div', {}, h('p', {}, this.#t('pack.link')), h('p', { class: 'pack-share__url' }, h('a', { href: this.#link(), 'data-pack-link': '' }, this.#link())), h('p', { class: 'pack-share__actions' }, copy, ' ', print)),
        h('figure', { class: 'pack-share__qr', role: 'img', 'aria-label': this.#t('print.qr', { url: this.#link() }), 'data-pack-qr': '', 'data-qr': this.#link(), 'data-qr-label': this.#t('print.qr', { url: '{url}' }), hidden: '' }),
      ),
    );

    const printed = h('div', { class: 'pack-print' });
    this.replaceChildren(this.querySelector('[data-catalog]')!, screen, printed);
    this.#renderPrint();
  }

  /** The printed document: cover, contents, the entries. */
  #renderPrint() {
    const printed = this.querySelector<HTMLElement>('.pack-print');
    if (!printed) return;
    const pack = this.#pack;
    const handbook = JSON.parse(this.dataset.handbook ?? '{}') as { title: string; version: string; dataDate: string };
    const items = pack.entries.map((e) => ({ entry: e, item: this.#resolve(e.ref) })).filter((x): x is { entry: Pack['entries'][number]; item: Resolved } => x.item !== undefined);
    const cover = h(
      'section',
      { class: 'pack-cover' },
      h('p', { class: 'pack-cover__eyebrow' }, this.#t('pack.untitled')),
      h('p', { class: 'pack-cover__title' }, pack.title || this.#t('pack.untitled')),
      ...(pack.note ? [h('p', { class: 'pack-cover__note' }, pack.note)] : []),
      h('p', {}, this.#t('pack.coverDate', { date: this.#today })),
      h('p', {}, this.#t('pack.coverHandbook', { title: handbook.title, version: handbook.version, date: handbook.dataDate })),
      h(
        'div',
        { class: 'pack-cover__link' },
        h('p', { 'data-cover-link': '' }, this.#link()),
        h('figure', { class: 'pack-qr', role: 'img', 'aria-label': this.#t('print.qr', { url: this.#link() }), 'data-pack-qr': '', 'data-qr': this.#link(), 'data-qr-label': this.#t('print.qr', { url: '{url}' }), hidden: '' }),
      ),
      h('p', { class: 'pack-cover__contents-title' }, this.#t('pack.contents')),
      h('ol', { class: 'pack-contents' }, ...items.map(({ item }) => h('li', {}, item.title))),
    );
    const sections = items.map(({ entry, item }, i) => {
      const body: (Node | string)[] = [
        h('div', { class: 'pack-entry__head' },
          h('div', {},
            h('p', { class: 'pack-entry__kind' }, `${i + 1}. ${item.kind}`),
            h('p', { class: 'pack-entry__title' }, item.title),
            h('p', { class: 'pack-entry__url' }, `${this.#t('pack.address')}：`, h('a', { href: item.path, 'data-address': item.path }, item.path))),
          h('figure', { class: 'pack-qr', role: 'img', 'aria-label': this.#t('print.qr', { url: item.path }), 'data-qr': item.path, 'data-qr-label': this.#t('print.qr', { url: '{url}' }), hidden: '' })),
        h('p', {}, item.summary),
      ];
      if (item.step) {
        if (item.step.who) body.push(h('p', {}, `${this.#t('pack.who')}：${item.step.who}`));
        if (item.step.output) body.push(h('p', {}, `${this.#t('pack.output')}：${item.step.output}`));
      }
      if (entry.note) body.push(h('p', { class: 'pack-entry__note' }, this.#t('pack.trainerNote'), entry.note));
      body.push(h('p', { class: 'pack-entry__cite' }, this.#t('pack.cite'), item.cite));
      return h('section', { class: 'pack-entry' }, ...body);
    });
    printed.replaceChildren(cover, ...sections);
    this.#updateShare();
  }
}
