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

/** Above this many cases the print edition puts its cases in volumes of one year each. */
export const PRINT_SPLIT_DEFAULT = 300;

/** One volume of the print edition's cases: a year's, or those of unknown date. */
export interface PrintVolume<T> {
  /** The URL segment: `2023`, or `undated`. */
  key: string;
  /** The year, undefined for the volume of cases with no known date. */
  year: string | undefined;
  cases: T[];
}

/**
 * The print edition's cases in volumes, one a year (newest first; undated last), when there are
 * more than `splitAt`; undefined when they fit in the one page. A single page of 10,000 cases
 * is 77 MB of HTML that no browser prints, and rendering it took Astro 0.7 GB.
 */
export function printVolumes<T extends { data: { date: string | null } }>(cases: readonly T[], splitAt: number): PrintVolume<T>[] | undefined {
  if (cases.length <= splitAt) return undefined;
  const byKey = new Map<string, PrintVolume<T>>();
  for (const entry of cases) {
    const year = entry.data.date ? entry.data.date.slice(0, 4) : undefined;
    const key = year ?? 'undated';
    const volume = byKey.get(key) ?? { key, year, cases: [] };
    volume.cases.push(entry);
    byKey.set(key, volume);
  }
  return [...byKey.values()].sort((a, b) => (a.year === b.year ? 0 : a.year === undefined ? 1 : b.year === undefined ? -1 : a.year < b.year ? 1 : -1));
}
