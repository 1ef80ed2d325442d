/** Where a rendered <Cite> starts: `<sup class="cite" data-source="…"`. */
const CITE = /<sup class="cite" data-source="([^"]+)"[^>]*>([\s\S]*?)<\/sup>/g;

/**
 * Citations of a rendered body, per section (the text under each <h2>, and the text before the
 * first): the first 〔出处〕 for a source in a section stays and gets a note number, later ones
 * for the same source in that section go; each section ends with its numbered notes, which the
 * print stylesheet shows on paper instead of the links.
 * @example citeNotes('<p>甲<sup class="cite" data-source="a"><a title="讲话">〔出处〕</a></sup></p>')
 */
export function citeNotes(html: string): string {
  return html
    .split(/(?=<h2[\s>])/)
    .map((section) => {
      const notes: { id: string; title: string }[] = [];
      const text = section.replace(CITE, (whole, id: string, inner: string) => {
        if (notes.some((n) => n.id === id)) return '';
        notes.push({ id, title: /\btitle="([^"]*)"/.exec(inner)?.[1] ?? id });
        return whole.replace('〔出处〕', `<span class="cite__screen">〔出处〕</span><span class="cite__print">〔${notes.length}〕</span>`);
      });
      if (!notes.length) return text;
      return `${text}<ol class="cite-notes" data-pagefind-ignore>${notes.map((n) => `<li>${n.title}</li>`).join('')}</ol>`;
    })
    .join('');
}
