import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './user-env.ts';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = chromiumPath();

/** Headless Chromium with the flags this machine needs (no background network, no sandbox as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
