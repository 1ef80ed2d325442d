import QRCode from 'qrcode';

/**
 * Prefixes every id in a rendered fragment, and every `href="#…"` that points at one, so that
 * many pages can share one document (the print edition) without duplicate ids.
 * @example scopeIds('<h2 id="a">…</h2><a href="#a">', 'cases-x') // '<h2 id="cases-x--a">…</h2><a href="#cases-x--a">'
 */
export function scopeIds(html: string, prefix: string): string {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  return html
    .replace(/(\s)id="([^"]+)"/g, (_, space: string, id: string) => `${space}id="${prefix}--${id}"`)
    .replace(/(\s(?:href|aria-describedby|aria-labelledby)=")#?([^"]+)"/g, (whole, start: string, target: string) => {
      const isHash = start.includes('href');
      if (isHash && !whole.includes('"#')) return whole;
      const scoped = target.split(' ').map((id) => (ids.has(id) ? `${prefix}--${id}` : id)).join(' ');
      return `${start}${isHash ? '#' : ''}${scoped}"`;
    });
}

/** A QR code of a URL as inline SVG, made at build time (no request, no script). */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ').replace(/<\?xml[^>]*>/, '');
}
