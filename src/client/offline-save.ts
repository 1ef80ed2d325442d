// "保存整本手册，离线阅读" on the home page: an opt-in download of every page and the whole search
// index into the service worker's cache, its size shown before it starts (offline.json, written
// by scripts/lib/build/offline.ts) and its progress while it runs. The worker checks that every
// file belongs to this page's build; a rebuild on the way stops the download.
import { FILES_FILE, SAVE_HEADER, SUMMARY_FILE, type OfflineState } from './offline-names.ts';
import { fill, formatDate, formatSize, offlineState, pageBuild } from './offline.ts';

type Texts = Record<'size' | 'sizeUnknown' | 'progress' | 'saved' | 'interrupted' | 'updated' | 'noSpace' | 'unsupported' | 'insecure', string>;

/** The site was rebuilt since this page: the reader reloads it first. */
class Rebuilt extends Error {}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return (await response.json()) as T;
}

/** The service worker that controls this page, once there is one. */
async function worker(): Promise<ServiceWorker> {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  return navigator.serviceWorker.controller!;
}

export class OfflineSave extends HTMLElement {
  #texts!: Texts;
  #base = '/';

  connectedCallback() {
    this.#texts = JSON.parse(this.dataset.texts ?? '{}') as Texts;
    this.#base = this.dataset.base ?? '/';
    this.hidden = false;
    if (!('serviceWorker' in navigator) || !('caches' in window)) {
      // Over plain http (an office's intranet) browsers keep service workers away: the reason is
      // the address, not the browser.
      this.#status(window.isSecureContext ? this.#texts.unsupported : this.#texts.insecure);
      this.#button.hidden = true;
      return;
    }
    this.#button.addEventListener('click', () => void this.#save());
    window.addEventListener('online', () => void this.#show());
    void this.#show();
  }

  get #button() {
    return this.querySelector('button')!;
  }

  #status(text: string) {
    this.querySelector('[data-status]')!.textContent = text;
  }

  #showSaved(state: OfflineState) {
    this.#status(fill(this.#texts.saved, { date: formatDate(state.savedAt) }));
  }

  async #show() {
    const state = await offlineState(this.#base);
    const saved = state?.full && state.build === pageBuild();
    if (saved) this.#showSaved(state);
    const size = this.querySelector('[data-size]')!;
    if (!navigator.onLine) {
      size.textContent = saved ? '' : this.#texts.sizeUnknown;
      return;
    }
    try {
      const summary = await json<{ build: string; bytes: number; pages: number }>(this.#base + SUMMARY_FILE);
      size.textContent = fill(this.#texts.size, { pages: summary.pages, size: formatSize(summary.bytes) });
      this.#button.disabled = false;
    } catch {
      size.textContent = this.#texts.sizeUnknown;
    }
  }

  async #save() {
    const button = this.#button;
    const progress = this.querySelector('progress')!;
    button.disabled = true;
    try {
      const list = await json<{ build: string; files: [string, number, string][] }>(this.#base + FILES_FILE);
      if (list.build !== pageBuild()) throw new Rebuilt();
      const total = list.files.reduce((sum, [, bytes]) => sum + bytes, 0);
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      if (estimate?.quota !== undefined && estimate.quota - (estimate.usage ?? 0) < total) {
        this.#status(fill(this.#texts.noSpace, { size: formatSize(total) }));
        return;
      }
      // Ask the browser not to clear the copy when space runs short (it may say no).
      await navigator.storage?.persist?.().catch(() => false);
      const sw = await worker();
      progress.hidden = false;
      let done = 0;
      const show = () => {
        progress.value = total ? done / total : 1;
        this.#status(fill(this.#texts.progress, { done: formatSize(done), total: formatSize(total) }));
      };
      show();
      let next = 0;
      const run = async () => {
        while (next < list.files.length) {
          const [path, bytes] = list.files[next++]!;
          const response = await fetch(this.#base + path, { headers: { [SAVE_HEADER]: '1' } }).catch(() => undefined);
          if (response?.status !== 204) {
            next = list.files.length; // the other downloads stop too
            throw response?.status === 409 ? new Rebuilt() : new Error(`${response?.status ?? 'network'} ${path}`);
          }
          done += bytes;
          show();
        }
      };
      await Promise.all(Array.from({ length: 6 }, run));
      const reply = await new Promise<{ ok: boolean; state: OfflineState }>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data as { ok: boolean; state: OfflineState });
        sw.postMessage({ type: 'saved', build: list.build }, [channel.port2]);
      });
      if (!reply.ok) throw new Rebuilt();
      this.#showSaved(reply.state);
    } catch (error) {
      this.#status(error instanceof Rebuilt ? this.#texts.updated : this.#texts.interrupted);
    } finally {
      progress.hidden = true;
      button.disabled = false;
    }
  }
}
