import OpenCC from 'opencc-js';

/** The shortest run of characters that counts as copied. */
export const COPY_RUN = 25;

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Text reduced to what the copy rule compares: Traditional folded to Simplified, pinyin
 * annotations such as `認(rèn)識` dropped, quoted text (“…” and 《…》) left aside when
 * `dropQuoted`, and then only Han characters and digits kept (no spaces, punctuation or Latin).
 */
export function normaliseForCopy(text: string, dropQuoted: boolean): string {
  let folded = toSimplified(text).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê\s]+\)/gi, '');
  if (dropQuoted) folded = folded.replace(/“[^”]*”/g, '').replace(/《[^》]*》/g, '');
  return folded.replace(/[^\p{Script=Han}0-9]/gu, '');
}

/** An index of every run of `COPY_RUN` characters in the sources. */
export function indexSources(sources: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const source of sources) {
    const text = normaliseForCopy(source, false);
    for (let i = 0; i + COPY_RUN <= text.length; i++) runs.add(text.slice(i, i + COPY_RUN));
  }
  return runs;
}

/** The longest runs a text shares with the indexed sources (each at least `COPY_RUN` long). */
export function copiedRuns(text: string, index: Set<string>): string[] {
  const normal = normaliseForCopy(text, true);
  const found: string[] = [];
  let i = 0;
  while (i + COPY_RUN <= normal.length) {
    if (!index.has(normal.slice(i, i + COPY_RUN))) {
      i++;
      continue;
    }
    let end = i + COPY_RUN;
    while (end < normal.length && index.has(normal.slice(end - COPY_RUN + 1, end + 1))) end++;
    found.push(normal.slice(i, end));
    i = end;
  }
  return found;
}
