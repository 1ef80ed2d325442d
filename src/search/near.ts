/**
 * Near words: for a word of a question the index lacks, the closest word it holds (“你是不是要找：
 * 议事会”). Loaded by the engine only when a question has such a word, so that a first search
 * that finds its words does not fetch it. No `node:` imports: the search page's script runs this.
 */

/** Edit distance of two short strings, by characters. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/**
 * The closest word the index holds to a word it lacks: among the handbook's words of the
 * thesaurus and the words around the matches of the word's parts on the best pages (议事厅 →
 * 议事 on a page reading 议事 会 → 议事会), the one fewest characters away, as long as the word or
 * a little longer: at most a third of the word's characters changed, or at most that many (at
 * least one) added, not both; of those, the one written most often. A two-character word keeps both its
 * characters (议会 → 议事会): one changed makes another word (群里 is not 群众, 医生 not 学生).
 */
export function nearWord(word: string, candidates: ReadonlyMap<string, number>): string | undefined {
  const length = [...word].length;
  const changed = Math.floor(length / 3);
  const added = Math.max(1, changed);
  let best: { text: string; distance: number; count: number } | undefined;
  for (const [text, count] of candidates) {
    // Never a shorter word: 没地方 is not 地方, only a word spelled otherwise or written out longer.
    const off = [...text].length - length;
    if (text === word || off < 0 || off > added) continue;
    // Either spelled otherwise (characters changed) or written out longer (characters added),
    // not both: 电梯钱 is not 电梯协商.
    const edits = editDistance(word, text);
    if (off > 0 ? edits > off : edits > changed) continue;
    // A longer word counts half a character farther per character (议事会 before 议事会议 for 议事厅).
    const distance = edits + off / 2;
    const better = !best || distance < best.distance || (distance === best.distance && (count > best.count || (count === best.count && text < best.text)));
    if (better) best = { text, distance, count };
  }
  return best?.text;
}

/** Strings of one to `max` consecutive Han tokens starting at `at` (议事 会 → 议事, 议事会). */
export function tokenRuns(tokens: readonly string[], at: number, max: number): string[] {
  const out: string[] = [];
  let text = '';
  for (let i = at; i < tokens.length && i < at + max; i++) {
    const token = tokens[i]!;
    if (!/^\p{Script=Han}+$/u.test(token)) break;
    text += token;
    out.push(text);
  }
  return out;
}

