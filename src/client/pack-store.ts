// A trainer's pack (讲义): pages and single steps of methods, in order, each with a note, and a
// title and note for the training. Kept in this browser (localStorage), and carried whole in a
// link (/pack/?t=…&n=…&e=…&en=…) that another trainer opens to get the same pack. No server.

/** One entry: a page (`cases/huzhou-qingnilai`) or a step of a method (`methods/six-step-procedure#3`). */
export interface PackEntry {
  ref: string;
  note: string;
}

export interface Pack {
  title: string;
  note: string;
  entries: PackEntry[];
}

export const PACK_KEY = 'yishi:pack';
const REF = /^(cases|methods|models|guides)\/[a-z0-9-]+(#\d{1,2})?$/;

export const emptyPack = (): Pack => ({ title: '', note: '', entries: [] });

/** Whether a ref names a page or step the handbook could have (the pack page checks it exists). */
export const isRef = (ref: string) => REF.test(ref);

export function readPack(): Pack {
  try {
    const stored = JSON.parse(localStorage.getItem(PACK_KEY) ?? 'null') as Partial<Pack> | null;
    if (!stored || !Array.isArray(stored.entries)) return emptyPack();
    return {
      title: String(stored.title ?? ''),
      note: String(stored.note ?? ''),
      entries: stored.entries.filter((e) => e && isRef(String(e.ref))).map((e) => ({ ref: String(e.ref), note: String(e.note ?? '') })),
    };
  } catch {
    return emptyPack();
  }
}

export function writePack(pack: Pack): void {
  try {
    localStorage.setItem(PACK_KEY, JSON.stringify(pack));
  } catch {
    // Storage full or refused (private mode): the pack lives as long as the page.
  }
}

/** Adds an entry at the end unless it is there already; returns the number of entries. */
export function addToPack(ref: string): number {
  const pack = readPack();
  if (!pack.entries.some((e) => e.ref === ref)) pack.entries.push({ ref, note: '' });
  writePack(pack);
  return pack.entries.length;
}

/** The pack's query string: the ids (and notes) in order, the title and the note. */
export function packQuery(pack: Pack): string {
  const params = new URLSearchParams();
  if (pack.title) params.set('t', pack.title);
  if (pack.note) params.set('n', pack.note);
  for (const entry of pack.entries) {
    params.append('e', entry.ref);
    params.append('en', entry.note);
  }
  // `/` needs no escape in a query: cases/huzhou-qingnilai reads as it is, on screen and on paper.
  return params.toString().replaceAll('%2F', '/');
}

/** The pack a link carries, or undefined when it carries none. */
export function packFromQuery(search: string): Pack | undefined {
  const params = new URLSearchParams(search);
  const refs = params.getAll('e');
  if (refs.length === 0) return undefined;
  const notes = params.getAll('en');
  return {
    title: params.get('t') ?? '',
    note: params.get('n') ?? '',
    entries: refs.map((ref, i) => ({ ref, note: notes[i] ?? '' })).filter((e) => isRef(e.ref)),
  };
}
