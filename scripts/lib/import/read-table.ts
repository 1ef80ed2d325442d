import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { LEDGER_SHEET } from '../../../src/site/data-package.ts';
import { sheetExtent, unpackXlsx } from './xlsx-guard.ts';

/**
 * Reads a ledger (`.xlsx` or `.csv`) into rows of text cells, or refuses it with one clear
 * sentence: a file that is too large, not a spreadsheet, an old `.xls`, a zip bomb, a text in an
 * encoding we cannot tell, or a sheet with thousands of empty rows.
 */

export const TABLE_LIMITS = {
  /** The file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Rows with something in them. */
  rows: 20_000,
  /** Empty rows (between or after the data) before the sheet is refused. */
  emptyRows: 1_000,
  columns: 200,
};

export interface TableRow {
  /** The row's number as the spreadsheet shows it (1 is the first row). */
  line: number;
  cells: string[];
}

export interface Table {
  /** The sheet read (xlsx), or the encoding detected (csv). */
  sheet?: string;
  encoding?: string;
  /** Rows with at least one non-empty cell, in order. */
  rows: TableRow[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; message: string };

const refuse = (message: string): TableResult => ({ ok: false, message });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The text of a spreadsheet cell: numbers as written, dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  return String(value).replace(/\r\n?/g, '\n').trim();
}

/** Keeps the rows with content and numbers them; refuses too many rows, columns or empty rows. */
function tableOf(raw: readonly (readonly unknown[])[], extent: number, extra: Omit<Table, 'rows'>): TableResult {
  const rows: TableRow[] = [];
  raw.forEach((cells, i) => {
    const text = cells.map(cellText);
    while (text.length > 0 && text.at(-1) === '') text.pop();
    if (text.length > 0) rows.push({ line: i + 1, cells: text });
  });
  const last = rows.at(-1)?.line ?? 0;
  const empty = Math.max(extent, raw.length) - rows.length;
  if (empty > TABLE_LIMITS.emptyRows) {
    const where = extra.sheet ? `工作表“${extra.sheet}”` : '文件';
    return refuse(
      `${where}里有 ${empty} 个空行（有内容的只有 ${rows.length} 行，到第 ${last} 行为止，表格却延伸到第 ${Math.max(extent, raw.length)} 行）。` +
        '请在 Excel 中选中有内容的最后一行以下的全部行，右键“删除”（不是“清除内容”），保存后再导入',
    );
  }
  if (rows.length > TABLE_LIMITS.rows + 1) {
    return refuse(`台账有 ${rows.length - 1} 行，超过一次导入的上限（${TABLE_LIMITS.rows} 行）。请分成几个文件，分几次导入`);
  }
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  if (columns > TABLE_LIMITS.columns) {
    return refuse(`台账有 ${columns} 列，远多于台账应有的列（上限 ${TABLE_LIMITS.columns}）。请删去多余的列后再导入`);
  }
  return { ok: true, table: { ...extra, rows } };
}

// —— CSV ——

/** Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK/GB18030 (Excel on a Chinese Windows). */
export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: string } | { ok: false; message: string } {
  const tryDecode = (encoding: string, data: Uint8Array) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      return undefined;
    }
  };
  let decoded: { text: string; encoding: string } | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text === undefined) return { ok: false, message: '文件开头标明是 UTF-8 编码，内容却不是。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入' };
    decoded = { text, encoding: 'UTF-8（带 BOM）' };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = tryDecode(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    if (text !== undefined) decoded = { text, encoding: 'UTF-16' };
  } else {
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'UTF-8' };
    else {
      // GB18030 contains GBK, which is what “CSV（逗号分隔）” is on a Chinese Windows.
      const gb = tryDecode('gb18030', bytes);
      if (gb !== undefined) decoded = { text: gb, encoding: 'GBK/GB18030' };
    }
  }
  if (!decoded) return { ok: false, message: '无法识别文件的编码（不是 UTF-8，也不是 GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入' };
  if (decoded.text.includes('\u0000')) return { ok: false, message: '这不是文本文件（含有二进制内容），不是 CSV。请导出为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入' };
  return { ok: true, ...decoded };
}

/** Parses CSV as RFC 4180 and spreadsheet programs write it: quotes, doubled quotes, CRLF, LF or CR. */
export function parseCsv(text: string, delimiter = ','): { ok: true; rows: string[][] } | { ok: false; message: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) return { ok: false, message: `第 ${quoteLine} 行有一个引号（"）没有配对，之后的内容都读不出来。请在 Excel 中打开并重新保存，或补上引号` };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}

/** The delimiter of a CSV: a comma, unless the first line has tabs and no commas (Excel's “Unicode text”). */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

function readCsv(bytes: Uint8Array): TableResult {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return refuse('这个文件其实是 Excel 工作簿（.xlsx），不是 CSV。请把扩展名改为 .xlsx 再导入');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.message);
  const parsed = parseCsv(decoded.text, delimiterOf(decoded.text));
  if (!parsed.ok) return refuse(parsed.message);
  return tableOf(parsed.rows, parsed.rows.length, { encoding: decoded.encoding });
}

// —— XLSX ——

async function readXlsx(bytes: Uint8Array): Promise<TableResult> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return refuse('这是旧版 Excel 文件（.xls），或设了密码的工作簿。请在 Excel 中取消密码并另存为“Excel 工作簿（*.xlsx）”后再导入');
  }
  const unpacked = unpackXlsx(bytes);
  if (!unpacked.ok) return refuse(unpacked.message);
  const sheet = unpacked.sheets.find((s) => s.name === LEDGER_SHEET) ?? unpacked.sheets[0]!;
  const extent = sheetExtent(unpacked.xml(sheet.path) ?? '');
  if (extent - 1 > TABLE_LIMITS.rows + TABLE_LIMITS.emptyRows) {
    return refuse(
      `工作表“${sheet.name}”延伸到第 ${extent} 行，超过一次导入的上限（${TABLE_LIMITS.rows} 行）。` +
        '如果其中大多是空行，请在 Excel 中选中有内容的最后一行以下的全部行，右键“删除”，保存后再导入；否则请分成几个文件导入',
    );
  }
  let data: unknown[][];
  try {
    data = (await readSheet(unpacked.archive, sheet.name)) as unknown[][];
  } catch (error) {
    return refuse(`读不出工作表“${sheet.name}”（${String((error as Error).message ?? error).split('\n')[0]}）。请在 Excel 中打开，另存为新的 .xlsx 后再导入`);
  }
  return tableOf(data, extent, { sheet: sheet.name });
}

/** Reads a ledger file, or says why not. */
export async function readTable(file: string): Promise<TableResult> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls' || ext === '.et' || ext === '.ods' || ext === '.numbers') {
    return refuse(`不支持 ${ext} 文件。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”后再导入`);
  }
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt') {
    return refuse(`只能导入 .xlsx 或 .csv 文件，这个文件是“${ext || '没有扩展名'}”。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再导入`);
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    return refuse('找不到这个文件。请检查文件名和所在的文件夹');
  }
  if (!info.isFile()) return refuse('这不是文件（可能是文件夹）。请写台账文件的路径');
  if (info.size === 0) return refuse('文件是空的');
  if (info.size > TABLE_LIMITS.fileBytes) {
    return refuse(`文件有 ${mb(info.size)}，超过导入的上限（${mb(TABLE_LIMITS.fileBytes)}），不像是一份台账。请删去图片等无关内容，或分成几个文件导入`);
  }
  const bytes = new Uint8Array(await readFile(file));
  return ext === '.xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
