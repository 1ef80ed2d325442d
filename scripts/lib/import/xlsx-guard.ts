import { crc32, inflateRawSync } from 'node:zlib';
import { entryData, listZip, type ZipEntry } from '../../../src/site/zip.ts';

/**
 * An `.xlsx` is a ZIP archive of XML files, and a hostile one can be a “zip bomb”: a few
 * kilobytes that inflate to gigabytes. Before the spreadsheet reader sees anything, this takes
 * the archive apart itself, inflating each XML entry with a hard limit on its output (zlib's
 * `maxOutputLength`, so sizes the archive merely claims cannot fool it), and rebuilds a plain
 * archive of just those entries: the reader only ever sees what was measured here.
 */

export const XLSX_LIMITS = {
  /** Uncompressed XML, all entries together. A ledger of 10,000 cases with bodies is about 40 MB. */
  unzippedBytes: 100 * 1024 * 1024,
  /** Entries in the archive. */
  entries: 2_000,
};

export interface SheetInfo {
  name: string;
  /** The worksheet's XML file in the archive. */
  path: string;
}

export type Unpacked =
  | { ok: true; archive: Buffer; sheets: SheetInfo[]; xml: (path: string) => string | undefined }
  | { ok: false; message: string };

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A ZIP archive of stored (uncompressed) entries, names in UTF-8. */
function storedZip(files: readonly [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NOT_A_WORKBOOK = '不是 Excel 工作簿（.xlsx）：文件内容不完整或不是表格。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入';

/** Attribute values of the elements named `tag` in an XML text (namespace prefixes allowed). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of match[1]!.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) attributes[name!.replace(/^\w+:/, '')] = value!;
    found.push(attributes);
  }
  return found;
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });

/** The worksheets in workbook order, with their XML files (from workbook.xml and its relationships). */
function sheetsOf(workbook: string, relationships: string): SheetInfo[] {
  const targets = new Map(elements(relationships, 'Relationship').map((r) => [r.Id, r.Target]));
  return elements(workbook, 'sheet').flatMap((sheet) => {
    const target = targets.get(sheet.id ?? '');
    if (!target || !sheet.name) return [];
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return [{ name: unescapeXml(sheet.name), path }];
  });
}

/**
 * Takes an `.xlsx` apart within the limits, or says in one sentence why not. `bytes` has already
 * passed the file-size limit.
 */
export function unpackXlsx(bytes: Uint8Array): Unpacked {
  const listing = listZip(bytes);
  if (!listing.ok) {
    if (listing.reason === 'zip64') return { ok: false, message: '这个工作簿太大（ZIP64 格式），不像是一份台账。请分成几个较小的文件导入' };
    return { ok: false, message: NOT_A_WORKBOOK };
  }
  const { entries } = listing;
  if (entries.length > XLSX_LIMITS.entries) {
    return { ok: false, message: `这个工作簿里有 ${entries.length} 个部件，远多于一份台账（上限 ${XLSX_LIMITS.entries}）。请另存为新的 .xlsx，只保留台账工作表，再导入` };
  }
  // The reader needs the XML parts only (worksheets, shared strings, styles, relationships).
  const wanted = entries.filter((e: ZipEntry) => /\.(xml|rels)$/i.test(e.name) && !e.name.endsWith('/'));
  const files: [string, Buffer][] = [];
  let budget = XLSX_LIMITS.unzippedBytes;
  const bomb = `解压后的内容超过 ${mb(XLSX_LIMITS.unzippedBytes)}，不像是一份台账，可能是“压缩炸弹”。没有导入任何内容。请检查文件来源；台账确实很大时，请分成几个文件导入`;
  for (const entry of wanted) {
    if (entry.flags & 0x1) return { ok: false, message: '这个工作簿设了密码（已加密）。请在 Excel 中取消密码、另存后再导入' };
    const data = entryData(bytes, entry);
    if (!data) return { ok: false, message: NOT_A_WORKBOOK };
    let content: Buffer;
    if (entry.method === 0) {
      content = Buffer.from(data);
    } else if (entry.method === 8) {
      if (budget <= 0) return { ok: false, message: bomb };
      try {
        content = inflateRawSync(data, { maxOutputLength: budget });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return { ok: false, message: bomb };
        return { ok: false, message: NOT_A_WORKBOOK };
      }
    } else {
      return { ok: false, message: `工作簿用了不常见的压缩方式（${entry.method}）。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再导入` };
    }
    budget -= content.length;
    if (budget < 0) return { ok: false, message: bomb };
    files.push([entry.name, content]);
  }
  const text = new Map(files.map(([name, content]) => [name, content]));
  const xml = (path: string) => text.get(path)?.toString('utf8');
  const workbook = xml('xl/workbook.xml');
  const relationships = xml('xl/_rels/workbook.xml.rels');
  if (!workbook || !relationships) return { ok: false, message: NOT_A_WORKBOOK };
  const sheets = sheetsOf(workbook, relationships).filter((s) => text.has(s.path));
  if (sheets.length === 0) return { ok: false, message: '工作簿里没有工作表。请确认台账在 Excel 中能正常打开' };
  return { ok: true, archive: storedZip(files), sheets, xml };
}

/** How far a worksheet extends: the highest row number it declares, and how many row elements it has. */
export function sheetExtent(xml: string): number {
  let highest = 0;
  let count = 0;
  for (const match of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    count++;
    const r = /\br="(\d+)"/.exec(match[1]!);
    if (r) highest = Math.max(highest, Number(r[1]));
  }
  return Math.max(highest, count);
}
