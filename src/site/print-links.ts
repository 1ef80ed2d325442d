/**
 * Site-root links of a rendered fragment (`href="/cases/x/"`) as absolute URLs, for paper: a
 * printed handout shows each link's address, which must work when typed in. Anchors within the
 * page (`#…`) and links that are already absolute stay as they are; without `site`, nothing changes.
 * @example absoluteLinks('<a href="/cases/x/">', 'https://a.org') // '<a href="https://a.org/cases/x/">'
 */
export function absoluteLinks(html: string, site: string | undefined): string {
  if (!site) return html;
  const origin = site.replace(/\/+$/, '');
  return html.replace(/(\shref=")(\/(?!\/)[^"]*)"/g, (_, start: string, path: string) => `${start}${origin}${path}"`);
}

/** The print edition's lead, without its promise of QR codes when there are none (no `site`). */
export function printLead(lead: string, config: { site?: string | undefined }): string {
  return config.site ? lead : lead.replace(/，并附二维码/, '');
}
