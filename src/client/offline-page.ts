// The offline page (src/pages/offline.astro), shown by the service worker for an address not
// saved on this device: which address that was, and the pages that are saved.
import { BUILD_META, OFFLINE_PAGE } from './offline-names.ts';
import { fill, offlineCaches } from './offline.ts';

/** At most this many saved pages are listed (a whole handbook has thousands: the home page leads to them). */
const LISTED = 200;

/** A kept page's title, from the `<title>` near the top of its HTML. */
function titleOf(html: string): string {
  const raw = /<title>([^<]*)<\/title>/.exec(html.slice(0, 4096))?.[1] ?? '';
  return new DOMParser().parseFromString(raw, 'text/html').documentElement.textContent ?? '';
}

export class OfflineInfo extends HTMLElement {
  connectedCallback() {
    const base = this.dataset.base ?? '/';
    if (location.pathname !== base + OFFLINE_PAGE) {
      this.querySelector('[data-address]')!.textContent = decodeURI(location.pathname);
      (this.querySelector('.address') as HTMLElement).hidden = false;
    }
    void this.#listKept(base);
  }

  async #listKept(base: string) {
    const pages = new Map<string, Response>();
    for (const cache of await offlineCaches(base)) {
      for (const request of await cache.keys()) {
        const { pathname } = new URL(request.url);
        if (!pathname.endsWith('/') || pathname === base + OFFLINE_PAGE || pages.has(pathname)) continue;
        const response = await cache.match(request);
        if (response) pages.set(pathname, response);
      }
    }
    const section = this.querySelector('section')!;
    section.hidden = false;
    (this.querySelector('[data-none]') as HTMLElement).hidden = pages.size > 0;
    const items: HTMLLIElement[] = [];
    for (const [pathname, response] of [...pages].slice(0, LISTED)) {
      const html = await response.text();
      if (!html.includes(`name="${BUILD_META}"`)) continue;
      const link = document.createElement('a');
      link.href = pathname;
      link.textContent = titleOf(html) || decodeURI(pathname);
      const item = document.createElement('li');
      item.append(link);
      items.push(item);
    }
    this.querySelector('[data-kept]')!.replaceChildren(...items);
    if (pages.size > LISTED) {
      const more = this.querySelector('[data-rest]') as HTMLElement;
      more.textContent = fill(this.dataset.more ?? '', { count: pages.size - LISTED });
      more.hidden = false;
    }
  }
}
