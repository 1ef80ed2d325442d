const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Chinese text split into words, for a narrow box that must not break a word across lines
 * (邀/请): render the words with <wbr> between them and `word-break: keep-all`.
 * @example words('按议题邀请') // ['按', '议题', '邀请']
 */
export function words(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The words of a text, HTML-escaped, with <wbr> between them (see `words`). */
export function wordBreaksHtml(text: string): string {
  return words(text).map(escape).join('<wbr>');
}
