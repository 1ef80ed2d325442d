// Every address a reader shares or prints is absolute. With `site` set the build writes them;
// without it (an intranet copy whose address nobody wrote down) this script, on the page itself and
// without asking any server, makes each site path absolute from the address the page was opened
// at (base path included, since the paths carry it), draws the QR codes of those addresses, and
// gives every link in the text a short, decoded address to print after it.
//
// `npm run pdf` sets `window.yishiOrigin` (its --site option) or `window.yishiPathsOnly` before
// the page's scripts run, so that a PDF made from a local server never carries a loopback address.

declare global {
  interface Window {
    /** The address to put before site paths instead of the page's own (npm run pdf --site). */
    yishiOrigin?: string;
    /** Leave site paths as paths (npm run pdf without --site). */
    yishiPathsOnly?: boolean;
  }
}

/** Where site paths hang from (`site`, else the page's own origin): `https://host[:port]`, or undefined for paths only. */
export function origin(): string | undefined {
  if (window.yishiPathsOnly) return undefined;
  if (window.yishiOrigin) return window.yishiOrigin.replace(/\/+$/, '');
  const site = document.documentElement.dataset.site;
  if (site) return site.replace(/\/+$/, '');
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return undefined;
  return location.origin;
}

/** An address as a reader types it: absolute, or undefined when only a path is known. */
export function absolute(address: string): string | undefined {
  if (/^https?:\/\//.test(address)) return address;
  const from = origin();
  if (!from) return undefined;
  return new URL(address, `${from}/`).href;
}

/** An address for paper: percent-escapes decoded (#讲话要点, not #%E8%AE%B2…). */
export function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The QR code of a URL as SVG markup (the encoder is loaded only when a code is drawn). */
export async function qrMarkup(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** Fills `{url}` in a label. */
const label = (template: string | undefined, url: string) => (template ?? '').replaceAll('{url}', readable(url));

/**
 * Makes the addresses under `root` absolute: `[data-address]` links (their href and text),
 * `[data-qr]` figures (drawn, then shown), and every link of the page's text (`data-print`,
 * what the print stylesheet writes after it).
 */
export async function upgrade(root: ParentNode = document): Promise<void> {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-address]')) {
    const url = absolute(link.dataset.address!);
    if (!url) continue;
    link.href = url;
    link.textContent = readable(url);
  }
  for (const link of root.querySelectorAll<HTMLAnchorElement>('main a[href]:not([href^="#"]):not([href^="mailto:"])')) {
    const href = link.getAttribute('href')!;
    const resolved = new URL(href, location.href);
    const url = resolved.origin === location.origin ? absolute(resolved.pathname + resolved.hash) : resolved.href;
    link.dataset.print = readable(url ?? href);
  }
  const drawn = [...root.querySelectorAll<HTMLElement>('[data-qr]')].map(async (figure) => {
    const url = absolute(figure.dataset.qr!);
    if (!url) return;
    try {
      figure.innerHTML = await qrMarkup(url);
    } catch {
      return; // Too long for a QR code (a very long pack link): the address is printed anyway.
    }
    figure.setAttribute('aria-label', label(figure.dataset.qrLabel, url));
    figure.hidden = false;
    figure.closest<HTMLElement>('[data-qr-box]')?.removeAttribute('hidden');
  });
  await Promise.all(drawn);
}

/**
 * <page-addresses>, once at the end of every page (src/layouts/Base.astro): upgrades the page's
 * addresses, then marks <html data-addresses>, which tests and npm run pdf wait for before printing.
 */
export class PageAddresses extends HTMLElement {
  connectedCallback() {
    void upgrade().finally(() => {
      document.documentElement.dataset.addresses = origin() ? 'absolute' : 'paths';
    });
  }
}
