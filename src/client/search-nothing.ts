// The search page's nothing-relevant note: the closest topics and an invitation to add a case.
import type { SearchOutcome } from '../search/engine.ts';
import { el } from './search-dom.ts';
import { t } from './search-strings.ts';

/**
 * No case on the question: the closest topics (from the thesaurus's topic words, then the
 * topics of the pages that share words with the question) with their browse pages, and an
 * invitation to add a case.
 */
export async function showNothingRelevant(
  empty: HTMLElement,
  outcome: SearchOutcome<{ filters: Record<string, string[]> }>,
  { labels, base, writingGuide }: { labels: Record<string, string>; base: string; writingGuide?: string | undefined },
): Promise<void> {
  // The topics the thesaurus gives the question's words; failing those, the topics of the pages
  // that share a word with it.
  const topics = [...outcome.topics];
  if (topics.length === 0) {
    for (const page of outcome.nearby.slice(0, 3)) {
      for (const topic of (await page.hit.data().catch(() => undefined))?.filters.topics ?? []) if (!topics.includes(topic)) topics.push(topic);
    }
  }
  const link = (path: string, text: string) => el('a', { href: `${base}${path.replace(/^\//, '')}` }, text);
  const known = topics.filter((topic) => topic in labels).slice(0, 3);
  if (known.length) {
    empty.append(el('p', {}, t('search.nothingTopics')), el('ul', {}, ...known.map((topic) => el('li', {}, link(`/browse/topics/${topic}/`, labels[topic]!)))));
  } else {
    empty.append(el('p', {}, t('search.nothingBrowse'), link('/browse/', t('browse.title'))));
  }
  const command = t('search.inviteCommand', { title: outcome.query.replaceAll('"', '') });
  const [before, after] = t('search.invite', { command: '\u0000' }).split('\u0000');
  const invite = el('p', {}, before ?? '', el('code', {}, command), after ?? '');
  if (writingGuide) invite.append('《', link(writingGuide, t('search.inviteGuide')), '》。');
  else invite.append(t('search.inviteGuide'), '。');
  empty.append(invite);
  empty.hidden = false;
}
