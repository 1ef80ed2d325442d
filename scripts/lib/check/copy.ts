// The copying rule: content is written in the handbook's own words, so no content file may share
// a run of COPY_RUN characters with the source texts an office keeps beside its content
// (`sourceTexts` in handbook.config.ts). Compared as read: Traditional folded to Simplified,
// only Han characters and digits (no whitespace, punctuation or Latin letters); text in quotation
// marks and book titles (“…” 「…」 『…』 《…》) is left aside, and no run continues across it.
//
// Fast enough for 10,000 files: the sources are indexed once (a hash table of every window of
// COPY_RUN characters), and each file is scanned once with a rolling hash.
import { hash } from 'node:crypto';
import OpenCC from 'opencc-js';
import { problemAt, type Problem } from './problem.ts';

/** The shortest run of characters that counts as copied. */
export const COPY_RUN = 25;

/** Opening marks of quotations and book titles, with their closing marks. */
const QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》' };

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * What each UTF-16 code unit becomes: 0 not yet known, 1 left out, otherwise the code unit
 * compared (a Han character folded to Simplified, or a digit). Filled as characters are met.
 */
const NORMAL = new Uint16Array(65536);
const DROP = 1;
const HAN = /^\p{Script=Han}$/u;

function normalUnit(code: number): number {
  let value = NORMAL[code]!;
  if (value !== 0) return value;
  const char = String.fromCharCode(code);
  if (code >= 0x30 && code <= 0x39) value = code;
  else if (HAN.test(char)) {
    const folded = toSimplified(char);
    value = folded.length === 1 ? folded.charCodeAt(0) : code;
  } else value = DROP;
  NORMAL[code] = value;
  return value;
}

/** A character outside the BMP (Han extensions B and later) is compared as it is. */
const isHanPoint = (point: number) => HAN.test(String.fromCodePoint(point));

// A polynomial hash of COPY_RUN code points, modulo 2^32, rolled one character at a time.
const BASE = 0x01000193;
const BASE_TOP = (() => {
  let power = 1;
  for (let i = 1; i < COPY_RUN; i++) power = Math.imul(power, BASE);
  return power;
})();

/**
 * A source known by its fingerprint instead of its text (a report the handbook may not keep, an
 * office's internal document): the hash of every window of COPY_RUN characters, as compared,
 * from which the text cannot be read back. Written by `npm run fingerprint` (fingerprint.ts).
 */
export interface SourceFingerprint {
  /** How the source is named in a report (its path from the project root). */
  name: string;
  /** The windows' hashes (WINDOW_HASH_BYTES bytes each, as hex). */
  hashes: ReadonlySet<string>;
  /**
   * PREFILTER_BITS bits of each window's rolling hash (the one the check computes anyway), kept
   * unordered: a window whose key is not among them is no copy, so the SHA-256 is computed only
   * for the few that are. 24 bits of a window of 25 characters say nothing readable about it.
   */
  prefilter: ReadonlySet<number>;
}

/** Bytes kept of each window's SHA-256: 48 bits, so that a false match among a handbook's windows is a one-in-a-billion event. */
export const WINDOW_HASH_BYTES = 6;
const WINDOW_DOMAIN = 'yishi-copy-window-v1';

/** The fingerprint hash of one window of compared characters (code points). */
const digestInput = Buffer.alloc(WINDOW_DOMAIN.length + COPY_RUN * 4);
digestInput.write(WINDOW_DOMAIN, 0, 'latin1');
function windowDigest(codes: Uint32Array, at: number): string {
  // Little-endian code points, whatever the machine's byte order.
  for (let k = 0; k < COPY_RUN; k++) digestInput.writeUInt32LE(codes[at + k]!, WINDOW_DOMAIN.length + k * 4);
  return hash('sha256', digestInput, 'hex').slice(0, WINDOW_HASH_BYTES * 2);
}

/** Every window's fingerprint hash of a text, compared as the rule compares sources (quotations kept). */
export function fingerprintWindows(text: string): { characters: number; hashes: Set<string>; prefilter: Set<number> } {
  const hashes = new Set<string>();
  const prefilter = new Set<number>();
  let characters = 0;
  segments(text, true, ({ codes, length }) => {
    characters += length;
    const own = codes.slice(0, length);
    const rolling = windowHashes(own, length);
    for (let i = 0; i < rolling.count; i++) {
      hashes.add(windowDigest(own, i));
      prefilter.add(prefilterKey(rolling.hashes[i]!));
    }
  });
  return { characters, hashes, prefilter };
}

/** Bits of a window's rolling hash kept in a fingerprint as a prefilter. */
export const PREFILTER_BITS = 24;
/** The prefilter key of a window's rolling hash. */
export const prefilterKey = (hash: number) => (Math.imul(hash, 0x9e3779b1) >>> (32 - PREFILTER_BITS));

/** The index of the source texts: every window of COPY_RUN characters, in a hash table. */
export interface SourceIndex {
  /** Sources known by their fingerprints only: each window's hash → the source's name. */
  fingerprints?: ReadonlyMap<string, string>;
  /** The fingerprints' prefilter keys, as a bitmap of 2^PREFILTER_BITS bits. */
  prefilter?: Uint8Array;
  /** How each source is named in a report (its path from the project root). */
  names: string[];
  /** Where each source starts in `codes`. */
  starts: number[];
  /** Every source's characters as compared, one after another, a 0 between two sources. */
  codes: Uint32Array;
  /** Open addressing: 1 + the start in `codes` of a window, 0 for an empty slot. */
  table: Int32Array;
  /** The hash of the window in each slot. */
  hashes: Uint32Array;
}

/** A text's characters as compared, with the offset in the text of each. */
interface Segment {
  codes: Uint32Array;
  offsets: Int32Array;
  length: number;
}

/** Buffers reused from file to file (a thread checks one file at a time). */
let codeBuffer = new Uint32Array(4096);
let offsetBuffer = new Int32Array(4096);
let hashBuffer = new Uint32Array(4096);

/** Compared characters of `text`, in segments that end at each quotation (left aside unless `keepQuoted`). */
function segments(text: string, keepQuoted: boolean, each: (segment: Segment) => void): void {
  if (codeBuffer.length < text.length) {
    codeBuffer = new Uint32Array(text.length * 2);
    offsetBuffer = new Int32Array(text.length * 2);
  }
  const codes = codeBuffer;
  const offsets = offsetBuffer;
  let length = 0;
  const flush = () => {
    if (length > 0) each({ codes, offsets, length });
    length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const point = text.codePointAt(i)!;
      if (isHanPoint(point)) {
        codes[length] = point;
        offsets[length++] = i;
      }
      i++;
      continue;
    }
    const normal = code < 0x80 ? (code >= 0x30 && code <= 0x39 ? code : DROP) : normalUnit(code);
    if (normal !== DROP) {
      codes[length] = normal;
      offsets[length++] = i;
      continue;
    }
    if (!keepQuoted && code >= 0x80) {
      const close = QUOTES[text[i]!];
      const end = close === undefined ? -1 : text.indexOf(close, i + 1);
      if (end !== -1) {
        flush();
        i = end;
      }
    }
  }
  flush();
}

/** The hash of every window of a segment: hashes[i] for the window starting at i (`hashBuffer`, reused). */
function windowHashes(codes: Uint32Array, length: number): { hashes: Uint32Array; count: number } {
  const count = Math.max(0, length - COPY_RUN + 1);
  if (hashBuffer.length < count) hashBuffer = new Uint32Array(count * 2);
  const hashes = hashBuffer;
  if (count <= 0) return { hashes, count };
  let hash = 0;
  for (let i = 0; i < COPY_RUN; i++) hash = (Math.imul(hash, BASE) + codes[i]!) | 0;
  hashes[0] = hash;
  for (let i = 1; i < count; i++) {
    hash = (Math.imul(hash - Math.imul(codes[i - 1]!, BASE_TOP), BASE) + codes[i + COPY_RUN - 1]!) | 0;
    hashes[i] = hash;
  }
  return { hashes, count };
}

const slotOf = (hash: number, mask: number) => (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;

function sameWindow(a: Uint32Array, aStart: number, b: Uint32Array, bStart: number): boolean {
  for (let k = 0; k < COPY_RUN; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/** Indexes the source texts once; `findCopies` then looks up each file against them. */
export function indexSources(sources: readonly { name: string; text: string }[], fingerprints: readonly SourceFingerprint[] = []): SourceIndex {
  const parts: number[][] = [];
  const starts: number[] = [];
  let total = 0;
  for (const source of sources) {
    const codes: number[] = [];
    // Sources are never left aside in quotation marks: a content file quoting one is fine.
    segments(source.text, true, (segment) => {
      for (let i = 0; i < segment.length; i++) codes.push(segment.codes[i]!);
    });
    starts.push(total);
    parts.push(codes);
    total += codes.length + 1;
  }
  const codes = new Uint32Array(total);
  parts.forEach((part, i) => codes.set(part, starts[i]!));

  let size = 1024;
  while (size < total * 2) size *= 2;
  const table = new Int32Array(size);
  const hashes = new Uint32Array(size);
  const mask = size - 1;
  parts.forEach((part, n) => {
    const start = starts[n]!;
    const { hashes: windows, count } = windowHashes(codes.subarray(start, start + part.length), part.length);
    for (let i = 0; i < count; i++) {
      const hash = windows[i]!;
      let slot = slotOf(hash, mask);
      let known = false;
      while (table[slot] !== 0) {
        if (hashes[slot] === hash >>> 0 && sameWindow(codes, table[slot]! - 1, codes, start + i)) {
          known = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (known) continue;
      table[slot] = start + i + 1;
      hashes[slot] = hash >>> 0;
    }
  });
  const byHash = new Map<string, string>();
  for (const fingerprint of fingerprints) for (const digest of fingerprint.hashes) if (!byHash.has(digest)) byHash.set(digest, fingerprint.name);
  const prefilter = fingerprints.length > 0 ? new Uint8Array(2 ** PREFILTER_BITS / 8) : undefined;
  if (prefilter) for (const fingerprint of fingerprints) for (const key of fingerprint.prefilter) prefilter[key >>> 3]! |= 1 << (key & 7);
  return { names: sources.map((s) => s.name), starts, codes, table, hashes, fingerprints: byHash, ...(prefilter && { prefilter }) };
}

/** Where in the sources a window of a segment occurs, or -1. */
function lookUp(index: SourceIndex, hash: number, codes: Uint32Array, at: number): number {
  const mask = index.table.length - 1;
  let slot = slotOf(hash, mask);
  for (;;) {
    const entry = index.table[slot]!;
    if (entry === 0) return -1;
    if (index.hashes[slot] === hash >>> 0 && sameWindow(index.codes, entry - 1, codes, at)) return entry - 1;
    slot = (slot + 1) & mask;
  }
}

/** A run of a text shared with a source. */
export interface CopiedRun {
  /** Offsets in the text: from the first shared character to just after the last. */
  start: number;
  end: number;
  /** How many characters are shared (Han characters and digits). */
  length: number;
  /** The source it shares them with (its name in the index). */
  source: string;
}

/** The longest runs a text shares with the indexed sources, each at least COPY_RUN long. */
export function findCopies(text: string, index: SourceIndex): CopiedRun[] {
  const runs: CopiedRun[] = [];
  const fingerprints = index.fingerprints ?? new Map<string, string>();
  if (index.names.length === 0 && fingerprints.size === 0) return runs;
  // The source of the window starting at i, or undefined: a full text first, then a fingerprint.
  const sourceAt = (codes: Uint32Array, hashes: Uint32Array, i: number): string | undefined => {
    if (index.names.length > 0) {
      const at = lookUp(index, hashes[i]!, codes, i);
      if (at !== -1) {
        let source = 0;
        while (source + 1 < index.starts.length && index.starts[source + 1]! <= at) source++;
        return index.names[source]!;
      }
    }
    const prefilter = index.prefilter;
    if (!prefilter) return undefined;
    const key = prefilterKey(hashes[i]!);
    return (prefilter[key >>> 3]! & (1 << (key & 7))) === 0 ? undefined : fingerprints.get(windowDigest(codes, i));
  };
  segments(text, false, ({ codes, offsets, length }) => {
    if (length < COPY_RUN) return;
    const { hashes, count } = windowHashes(codes, length);
    let i = 0;
    while (i < count) {
      const source = sourceAt(codes, hashes, i);
      if (source === undefined) {
        i++;
        continue;
      }
      let last = i;
      while (last + 1 < count && sourceAt(codes, hashes, last + 1) !== undefined) last++;
      const end = last + COPY_RUN - 1;
      const endOffset = offsets[end]!;
      runs.push({
        start: offsets[i]!,
        end: endOffset + (codes[end]! > 0xffff ? 2 : 1),
        length: end - i + 1,
        source,
      });
      i = last + COPY_RUN;
    }
  });
  return runs;
}

/** A shared text as quoted in a report: on one line, and not too long to read. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 50)}……${line.slice(-8)}` : line;
}

/** The top-level YAML key at or above a line (1-based) of `lines`, looking no higher than line `first`. */
function keyAbove(lines: readonly string[], line: number, first: number): string {
  for (let i = line - 1; i >= first - 1 && i >= 0; i--) {
    const key = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:/.exec(lines[i]!);
    if (key) return key[1]!;
  }
  return '-';
}

/**
 * `text` with its YAML comments blanked out (each character of `# …` to the end of its line
 * becomes a space, so offsets and lines stay where they were), in its first `yamlLines` lines.
 * Comments are notes to authors, not content: the comments `npm run new` writes list the
 * taxonomies' labels, which a source may well list too. A `#` starts a comment at the start of a
 * line or after a space, outside quotes and outside a block scalar (`|`, `>`).
 */
export function blankYamlComments(text: string, yamlLines = Infinity): string {
  const lines = text.split('\n');
  let blockIndent = -1;
  for (let n = 0; n < lines.length && n < yamlLines; n++) {
    const line = lines[n]!;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    let quote = '';
    let cut = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) quote = '';
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]!))) quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
        cut = i;
        break;
      }
    }
    const kept = cut >= 0 ? line.slice(0, cut) : line;
    if (/(?:^|[:\s-])[|>][+-]?\d*\s*$/.test(kept)) blockIndent = indent;
    if (cut >= 0) lines[n] = kept + ' '.repeat(line.length - cut);
  }
  return lines.join('\n');
}

/**
 * The copying rule on one file: each run it shares with a source, at the line it starts on, in
 * its field (the top-level key above it) or 正文 from `bodyLine` on (undefined for a YAML file).
 */
export function copyProblems(text: string, file: string, bodyLine: number | undefined, index: SourceIndex): Problem[] {
  const runs = findCopies(blankYamlComments(text, bodyLine === undefined ? Infinity : bodyLine - 1), index);
  if (runs.length === 0) return [];
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return runs.map((run) => {
    const line = starts.findLastIndex((start) => start <= run.start) + 1;
    const field = bodyLine !== undefined && line >= bodyLine ? '正文' : keyAbove(lines, line, bodyLine === undefined ? 1 : 2);
    return problemAt({ file, line, field }, 'copy.run', { source: run.source, length: run.length, shared: quoted(text.slice(run.start, run.end)) });
  });
}
