/**
 * How to cite a page or the data set: GB/T 7714-2015 (the Chinese standard for references),
 * BibTeX (biblatex's `@online`/`@dataset`) and RIS. Pure functions: the page component renders
 * them, the data page uses them for the whole data set, a unit test pins the format.
 *
 * GB/T 7714-2015 §4.1/§8 for an online resource:
 *   主要责任者. 题名[文献类型标志/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * with [EB/OL] for a web page (电子公告) and [DS/OL] for a data set. The responsible party is the
 * handbook's organisation; the update date is the date its content last changed (the data date,
 * deterministic for a build); the access date is the reader's: the page fills in today's date when
 * scripts run, and leaves “引用日期” for the reader to fill otherwise.
 */

export interface CitationInput {
  /** Who is responsible: the handbook's organisation. */
  author: string;
  title: string;
  /** The handbook (container) title. */
  container: string;
  /** The page's address, absolute where `site` is configured. */
  url: string;
  /** YYYY-MM-DD: when the content last changed; '' when unknown. */
  updated: string;
  /** YYYY-MM-DD: when the reader accessed it; omitted for a placeholder. */
  accessed?: string | undefined;
  /** A web page or the data set. */
  type: 'page' | 'dataset';
  /** The handbook's version (for the data set). */
  version?: string | undefined;
  /** A stable key for BibTeX (ASCII). */
  key: string;
}

/** What the access date says until a script fills it in. */
export const ACCESS_PLACEHOLDER = '引用日期';

/** GB/T 7714-2015's document-type code with the carrier code for online resources. */
const typeCode = (type: CitationInput['type']) => (type === 'dataset' ? 'DS/OL' : 'EB/OL');

/** Ends a part with one full stop, not two (a title may end with its own punctuation). */
const ended = (text: string) => (/[.。!?！？]$/.test(text) ? text : `${text}.`);

/** The reference in GB/T 7714-2015's form for electronic resources. */
export function gbt7714(c: CitationInput): string {
  const edition = c.type === 'dataset' && c.version ? ` ${c.version}版.` : '';
  const updated = c.updated ? `(${c.updated})` : '';
  return `${ended(c.author)} ${c.title}[${typeCode(c.type)}].${edition} ${updated}[${c.accessed ?? ACCESS_PLACEHOLDER}]. ${c.url}.`;
}

/** A BibTeX field value: braces balanced and TeX's special characters escaped. */
function bibValue(text: string): string {
  return text.replace(/\\/g, '\\textbackslash{}').replace(/([{}%&$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/**
 * A biblatex entry (`@online`, `@dataset`); the organisation as a corporate author in double braces,
 * and as the publisher (`organization` of an `@online`, `publisher` of a `@dataset`), as RIS's `PB`
 * and GB/T 7714's 主要责任者 name it. The language is `language = {zh}`: biblatex takes a literal
 * there, and its `langid` wants a babel or polyglossia language name, which a Chinese document
 * (typeset with ctex, not babel) does not use; citation-js and Zotero read `zh`, as from RIS's `LA`.
 */
export function bibtex(c: CitationInput): string {
  const fields: [string, string][] = [
    ['author', `{${bibValue(c.author)}}`],
    ['title', bibValue(c.title)],
    [c.type === 'dataset' ? 'publisher' : 'organization', bibValue(c.author)],
    ...(c.version && c.type === 'dataset' ? [['version', bibValue(c.version)] as [string, string]] : []),
    ...(c.updated ? [['date', c.updated] as [string, string]] : []),
    ['url', c.url],
    ['urldate', c.accessed ?? ACCESS_PLACEHOLDER],
    ['language', 'zh'],
  ];
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}},`).join('\n');
  return `@${c.type === 'dataset' ? 'dataset' : 'online'}{${c.key},\n${body}\n}`;
}

/** An RIS record (`ELEC` for a web page, `DATA` for a data set); a corporate author without a comma. */
export function ris(c: CitationInput): string {
  const lines: [string, string][] = [
    ['TY', c.type === 'dataset' ? 'DATA' : 'ELEC'],
    ['AU', c.author],
    ['TI', c.title],
    ['T2', c.container],
    ['PB', c.author],
    ...(c.updated ? [['PY', c.updated.slice(0, 4)] as [string, string], ['DA', c.updated.replace(/-/g, '/')] as [string, string]] : []),
    ...(c.version && c.type === 'dataset' ? [['ET', c.version] as [string, string]] : []),
    ['UR', c.url],
    ['Y2', (c.accessed ?? ACCESS_PLACEHOLDER).replace(/-/g, '/')],
    ['LA', 'zh'],
    ['ER', ''],
  ];
  // `ER  - ` keeps its trailing space, as the RIS specification writes it.
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\n');
}
