// Fingerprints of source texts for the copying rule (copy.ts): `npm run fingerprint -- report.txt
// --source <id>` writes `<id>.fp` into the source-texts folder, and the check compares content with
// it as with a full text. The file holds, sorted, the SHA-256 (first WINDOW_HASH_BYTES bytes) of
// every run of COPY_RUN compared characters of the text: enough to recognise a copied run, not to
// read the text back. A report the handbook may not keep, or an office's internal document, is
// checked without being committed.
import { COPY_RUN, fingerprintWindows, PREFILTER_BITS, WINDOW_HASH_BYTES, type SourceFingerprint } from './copy.ts';

export const FINGERPRINT_EXT = '.fp';
const MAGIC = 'yishi-fingerprint 1';
const LINE = 76;

/** The text of a fingerprint file for `text`, read as the source `source`. */
export function fingerprintFile(text: string, source: string): { text: string; windows: number; characters: number } {
  const { characters, hashes, prefilter } = fingerprintWindows(text);
  const sorted = [...hashes].sort();
  const keys = [...prefilter].sort((a, b) => a - b);
  const keyBytes = Buffer.alloc(keys.length * 3);
  keys.forEach((key, i) => keyBytes.writeUIntBE(key, i * 3, 3));
  const wrapped = (bytes: Buffer) => bytes.toString('base64').match(new RegExp(`.{1,${LINE}}`, 'g')) ?? [];
  const lines = [
    MAGIC,
    `source: ${source}`,
    `window: ${COPY_RUN}`,
    `characters: ${characters}`,
    `windows: ${sorted.length}`,
    `prefilter: ${keys.length} × ${PREFILTER_BITS} bits`,
    '',
    ...wrapped(Buffer.from(sorted.join(''), 'hex')),
    '',
    ...wrapped(keyBytes),
  ];
  return { text: `${lines.join('\n')}\n`, windows: sorted.length, characters };
}

/** A fingerprint file read back; an error message when it is not one (or of another window length). */
export function parseFingerprint(text: string, name: string): { ok: true; fingerprint: SourceFingerprint; source: string } | { ok: false; message: string } {
  const [head, body = '', keyText = ''] = text.replace(/\r\n?/g, '\n').split('\n\n');
  const lines = head!.split('\n');
  if (lines[0] !== MAGIC) return { ok: false, message: `${name} 不是 npm run fingerprint 写出的指纹文件（第一行应为“${MAGIC}”）` };
  const field = (key: string) => lines.find((l) => l.startsWith(`${key}: `))?.slice(key.length + 2).trim() ?? '';
  if (Number(field('window')) !== COPY_RUN) return { ok: false, message: `${name} 的比对长度是 ${field('window')} 个字，本手册比对 ${COPY_RUN} 个字。请用 npm run fingerprint 重新生成` };
  const bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const hex = bytes.toString('hex');
  const size = WINDOW_HASH_BYTES * 2;
  if (hex.length % size !== 0 || hex.length / size !== Number(field('windows'))) return { ok: false, message: `${name} 已损坏（指纹数与文件头不符）。请用 npm run fingerprint 重新生成` };
  const hashes = new Set<string>();
  for (let i = 0; i < hex.length; i += size) hashes.add(hex.slice(i, i + size));
  const keyBytes = Buffer.from(keyText.replace(/\s+/g, ''), 'base64');
  if (keyBytes.length % 3 !== 0 || keyBytes.length / 3 !== Number.parseInt(field('prefilter'), 10)) return { ok: false, message: `${name} 已损坏（预筛选数与文件头不符）。请用 npm run fingerprint 重新生成` };
  const prefilter = new Set<number>();
  for (let i = 0; i < keyBytes.length; i += 3) prefilter.add(keyBytes.readUIntBE(i, 3));
  return { ok: true, fingerprint: { name, hashes, prefilter }, source: field('source') };
}
