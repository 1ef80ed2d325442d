/**
 * The little of the ZIP format (PKWARE APPNOTE 6.3) an `.xlsx` needs: listing the entries from
 * the central directory, and fixing every entry's time so two builds write the same bytes.
 * No decompression here (see scripts/lib/import/xlsx-guard.ts).
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** Where its central-directory record starts. */
  centralOffset: number;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'not-zip' | 'zip64' | 'broken' };

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Whether the bytes start like a ZIP archive (`PK\x03\x04`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL;
}

/** The entries of a ZIP archive, from its central directory. */
export function listZip(bytes: Uint8Array): ZipListing {
  if (!looksLikeZip(bytes)) return { ok: false, reason: 'not-zip' };
  const data = view(bytes);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment may be that long).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (data.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'broken' };
  const count = data.getUint16(end + 10, true);
  const directorySize = data.getUint32(end + 12, true);
  const directoryOffset = data.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (directoryOffset + directorySize > end) return { ok: false, reason: 'broken' };
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL) return { ok: false, reason: 'broken' };
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const entry: ZipEntry = {
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
      centralOffset: at,
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
    if (entry.localOffset + 30 > directoryOffset || data.getUint32(entry.localOffset, true) !== LOCAL) return { ok: false, reason: 'broken' };
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Where an entry's data starts and ends, from its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const data = view(bytes);
  const start = entry.localOffset + 30 + data.getUint16(entry.localOffset + 26, true) + data.getUint16(entry.localOffset + 28, true);
  const stop = start + entry.compressedSize;
  return stop <= bytes.length ? bytes.subarray(start, stop) : undefined;
}

/** 1980-01-01 00:00, the earliest time a ZIP entry can carry (MS-DOS date and time). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * The archive with every entry's modification time set to 1980-01-01 00:00, in both its local
 * header and its central-directory record: the same content then gives the same bytes.
 */
export function withFixedTimes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const listing = listZip(bytes);
  if (!listing.ok) throw new Error(`zip: cannot fix times (${listing.reason})`);
  const out = new Uint8Array(bytes);
  const data = view(out);
  for (const entry of listing.entries) {
    data.setUint16(entry.localOffset + 10, DOS_TIME, true);
    data.setUint16(entry.localOffset + 12, DOS_DATE, true);
    data.setUint16(entry.centralOffset + 12, DOS_TIME, true);
    data.setUint16(entry.centralOffset + 14, DOS_DATE, true);
  }
  return out;
}
