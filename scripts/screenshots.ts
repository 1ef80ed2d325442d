// `npm run screenshots`: every page kind at 390 px and 1280 px, light, dark and print-emulated,
// into screenshots/. Uses the built site in dist/ (run `npm run build` first).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';
import { PAGE_KINDS } from './lib/page-kinds.ts';


const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'screenshots' } } });
const site = path.resolve(values.site!);
const out = path.resolve(values.out!);
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`没有找到已构建的网站（${site}）。请先运行 npm run build。`);
  process.exit(1);
}
await mkdir(out, { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
let count = 0;
try {
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark', 'print'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      await page.emulateMedia(scheme === 'print' ? { media: 'print', colorScheme: 'light' } : { media: 'screen', colorScheme: scheme });
      for (const [kind, url] of Object.entries(PAGE_KINDS)) {
        await page.goto(server.url + url, { waitUntil: 'networkidle' });
        const file = path.join(out, `${kind}-${width}-${scheme}.png`);
        // The print edition is one very tall page: give it time.
        await page.screenshot({ path: file, fullPage: true, timeout: 180_000 });
        count++;
        process.stdout.write(`\r▸ ${count} 张截图`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n✓ 截图已保存到 ${path.relative(process.cwd(), out)}/`);
