import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/node';
import { neutralise } from './ledger.ts';
import { withFixedTimes } from './zip.ts';

/** One sheet of a workbook we publish: text cells only, the first row a header. */
export interface TextSheet {
  name: string;
  rows: readonly (readonly string[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

/** Excel keeps at most this many characters in a cell. */
export const XLSX_CELL_LIMIT = 32_767;

/**
 * A cell as text: never a formula (the value is a string and neutralised, `ledger.ts`), an empty
 * cell left empty.
 */
function textCell(value: string, header: boolean): Cell {
  if (value === '') return null;
  return { value: neutralise(value), type: String, ...(header ? { fontWeight: 'bold' as const } : {}), wrap: !header && value.includes('\n') };
}

/**
 * An `.xlsx` workbook of text sheets, byte for byte the same for the same rows: every cell is a
 * string (a leading `=` stays text), and the archive's entry times are fixed.
 */
export async function textWorkbook(sheets: readonly TextSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const data: Sheet<never>[] = sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row, i): Row => row.map((value) => textCell(value, i === 0))),
    stickyRowsCount: 1,
    ...(sheet.widths ? { columns: sheet.widths.map((width) => ({ width })) } : {}),
  }));
  const buffer = await writeXlsxFile(data as Sheet<never>[], { fontFamily: 'Microsoft YaHei' }).toBuffer();
  return withFixedTimes(new Uint8Array(buffer));
}

/** A column's width from its longest cell (CJK characters count double), within bounds. */
export function columnWidths(rows: readonly (readonly string[])[], min = 6, max = 60): number[] {
  const width = (text: string) => [...text.split('\n')[0]!].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, i) => Math.min(max, Math.max(min, ...rows.slice(0, 200).map((r) => width(r[i] ?? '') + 2))));
}
