// The search page's nothing-relevant note: the closest topics and an invitation to write a case.
import type { SearchOutcome } from '../search/engine.ts';
import { el } from './search-dom.ts';
import { t } from './search-strings.ts';

/** A topic near a question, with the question's words it shares. */
export interface NearbyTopic {
  topic: string;
  /** How much of the question it shares: the weights of the shared words. */
  score: number;
  words: string[];
}

/**
 * The topics closest to a question, by the words the question shares with them, most first:
 * a topic of the thesaurus counts each of its words the question holds (its length as its
 * weight); a topic of a page sharing words with the question counts those words' weights
 * (their informativeness in the index). Never the order of any list.
 */
export async function nearbyTopics(
  outcome: SearchOutcome<{ filters: Record<string, string[]> }>,
  thesaurusTopics: readonly [string, readonly string[]][],
  pages = 5,
): Promise<NearbyTopic[]> {
  const found = new Map<string, NearbyTopic>();
  const add = (topic: string, score: number, words: string[]) => {
    const entry = found.get(topic) ?? found.set(topic, { topic, score: 0, words: [] }).get(topic)!;
    entry.score += score;
    for (const word of words) if (!entry.words.includes(word)) entry.words.push(word);
  };
  for (const [topic, words] of thesaurusTopics) {
    const shared = words.filter((w) => outcome.query.includes(w));
    // The longest shared words only (绿化 within 小区绿化, not also 绿).
    const kept = shared.filter((w) => !shared.some((o) => o !== w && o.includes(w)));
    if (kept.length) add(topic, kept.reduce((sum, w) => sum + [...w].length, 0), kept);
  }
  // Only the informative words count: a page sharing only 协商 with the question is no nearer.
  const weight = new Map(outcome.units.filter((u) => !u.common).map((u) => [u.text, u.weight]));
  for (const page of outcome.nearby.slice(0, pages)) {
    // A page holding only a part of a word (计算 of 计算机) shares nothing with the question.
    const words = [...new Set(page.matched.filter((m) => m.kind !== 'part').map((m) => m.unit))].filter((w) => weight.has(w));
    if (!words.length) continue;
    const data = await page.hit.data().catch(() => undefined);
    const score = words.reduce((sum, w) => sum + (weight.get(w) ?? 0), 0);
    for (const topic of data?.filters.topics ?? []) add(topic, score, words);
  }
  return [...found.values()].filter((f) => f.score > 0).sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : 1));
}

/**
 * No case on the question: the closest topics, chosen by the words the question shares with
 * them, with their browse pages, and an invitation to write a case, linking to the authors'
 * guide. No command lines: this page is for readers.
 */
export async function showNothingRelevant(
  empty: HTMLElement,
  outcome: SearchOutcome<{ filters: Record<string, string[]> }>,
  { labels, base, writingGuide, thesaurusTopics }: { labels: Record<string, string>; base: string; writingGuide?: string | undefined; thesaurusTopics: readonly [string, readonly string[]][] },
): Promise<void> {
  const link = (path: string, text: string) => el('a', { href: `${base}${path.replace(/^\//, '')}` }, text);
  const known = (await nearbyTopics(outcome, thesaurusTopics)).filter((n) => n.topic in labels).slice(0, 3);
  if (known.length) {
    empty.append(
      el('p', {}, t('search.nothingTopics')),
      el('ul', {}, ...known.map((n) => el('li', {}, link(`/browse/topics/${n.topic}/`, labels[n.topic]!), t('search.topicWords', { words: n.words.map((w) => `“${w}”`).join('') })))),
    );
  } else {
    empty.append(el('p', {}, t('search.nothingBrowse'), link('/browse/', t('browse.title'))));
  }
  const invite = el('p', {}, t('search.invite'));
  invite.append('《', link(writingGuide ?? '/guides/writing-a-case/', t('search.inviteGuide')), '》。');
  empty.append(invite);
  empty.hidden = false;
}
