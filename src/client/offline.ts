// Reading offline, on every page: registers the service worker (src/client/sw.ts) and shows the
// "离线阅读" notice when the page comes from the copy kept on this device or the network is gone.
// The helpers are shared with the home page's save button, the offline page and the search page.
import { BUILD_META, BUILD_PLACEHOLDER, cachePrefix, SAVE_HEADER, STATE_KEY, SW_FILE, type OfflineState } from './offline-names.ts';

const buildMeta = () => document.querySelector<HTMLMetaElement>(`meta[name="${BUILD_META}"]`);

/** The build this page belongs to (the build id scripts/build.ts wrote into it). */
export function pageBuild(): string {
  return buildMeta()?.content ?? '';
}

/**
 * Whether this page was served from the copy kept on this device (the service worker marks
 * it), and when that copy was saved (ISO 8601, or '' if unknown).
 */
export function servedOffline(): { savedAt: string } | undefined {
  const meta = buildMeta();
  return meta?.hasAttribute('data-offline') ? { savedAt: meta.dataset.offline ?? '' } : undefined;
}

/** Whether the reader is cut off: the browser says so, or this page came from the kept copy. */
export function isOffline(): boolean {
  return !navigator.onLine || servedOffline() !== undefined;
}

/** A URL as the service worker keeps it: absolute, without query or fragment. */
function keyOf(url: string): string {
  const key = new URL(url, location.href);
  key.search = '';
  key.hash = '';
  return key.href;
}

/** Whether a page or file is kept on this device. */
export async function isKept(url: string): Promise<boolean> {
  if (!('caches' in window)) return false;
  return (await caches.match(keyOf(url)).catch(() => undefined)) !== undefined;
}

/** The state of this handbook's offline copy (base: the handbook's base path). */
export async function offlineState(base: string): Promise<OfflineState | undefined> {
  if (!('caches' in window)) return undefined;
  const response = await caches.match(keyOf(base + STATE_KEY)).catch(() => undefined);
  return response ? ((await response.json()) as OfflineState) : undefined;
}

/** The caches of this handbook's offline copy (normally one; two while a new build moves in). */
export async function offlineCaches(base: string): Promise<Cache[]> {
  if (!('caches' in window)) return [];
  const names = (await caches.keys()).filter((name) => name.startsWith(cachePrefix(base)));
  return Promise.all(names.map((name) => caches.open(name)));
}

/** A date and time for readers: 2026年6月30日 14:05. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** 12.3 MB, 456 KB. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Fills `{name}` placeholders of a string rendered by the page (strings come from t()). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Registers the service worker once the page has loaded; only on a site built by
 * scripts/build.ts (which writes the build id and sw.js), not under `npm run dev`.
 */
function register(base: string): void {
  if (pageBuild() === BUILD_PLACEHOLDER || !('serviceWorker' in navigator)) return;
  const start = () => {
    const controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.register(base + SW_FILE, { scope: base }).catch(() => undefined);
    // This page was loaded before the worker ran: once it takes over, it keeps this page too.
    if (!controlled) {
      navigator.serviceWorker.addEventListener('controllerchange', () => void fetch(location.pathname, { headers: { [SAVE_HEADER]: '1' } }).catch(() => undefined), { once: true });
    }
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/** `<offline-notice data-base data-copy data-lost>`: the notice, and the registration. */
export class OfflineNotice extends HTMLElement {
  connectedCallback() {
    register(this.dataset.base ?? '/');
    const text = this.querySelector('[data-text]')!;
    const update = () => {
      // A kept copy says when it was saved; the offline page (no date) only that the network is gone.
      const served = servedOffline();
      const date = served ? formatDate(served.savedAt) : '';
      text.textContent = date ? fill(this.dataset.copy ?? '', { date }) : (this.dataset.lost ?? '');
      this.hidden = !served && navigator.onLine;
    };
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
  }
}
