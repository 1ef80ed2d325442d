// `npm run pdf`: the print edition (/print/ of the built site) as dist/handbook.pdf, through
// Debian's Chromium, with the CJK fonts embedded; a large handbook's volumes of cases
// (/print/cases/<year>/) each as handbook-cases-<year>.pdf beside it. Run `npm run build` first.
//
// The PDF is printed from a server on this machine, whose address (127.0.0.1) must never reach
// paper. A handbook built with `site` prints its own addresses; otherwise `--site <address>`
// (`npm run pdf -- --site http://10.1.2.3`) gives the address readers will type, and without it the
// PDF carries paths only, no QR codes, and the command says so. `--dir` names the built site
// (default dist/); `--site <folder>` still means that, as it did before.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH, launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' }, site: { type: 'string' }, out: { type: 'string' } } });
const isAddress = (value: string | undefined) => value !== undefined && /^https?:\/\/[^/]/.test(value);
const address = isAddress(values.site) ? values.site!.replace(/\/+$/, '') : undefined;
const site = path.resolve(values.dir ?? (values.site && !address ? values.site : 'dist'));
const out = path.resolve(values.out ?? path.join(site, 'handbook.pdf'));

function stop(zh: string, en: string): never {
  console.error(`${zh}\n${en}`);
  process.exit(1);
}

if (!existsSync(CHROMIUM_PATH)) {
  stop(
    `生成 PDF 需要 Chromium 浏览器，但在 ${CHROMIUM_PATH} 没有找到。请安装：sudo apt-get install -y chromium fonts-noto-cjk`,
    `Making the PDF needs Chromium, not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu): sudo apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH.`,
  );
}
const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (fonts.status !== 0 || !fonts.stdout.trim()) {
  stop(
    '没有找到中文字体，PDF 中的汉字会显示为方框。请安装：sudo apt-get install -y fonts-noto-cjk',
    'No CJK font found: Chinese would print as empty boxes. Install one: sudo apt-get install -y fonts-noto-cjk',
  );
}
if (!existsSync(path.join(site, 'print', 'index.html'))) {
  stop(`没有找到已构建的打印版（${path.join(site, 'print')}）。请先运行 npm run build。`, 'Run `npm run build` first.');
}

// The print edition, then its volumes of cases if the handbook has them.
const volumesDir = path.join(site, 'print', 'cases');
const volumes = existsSync(volumesDir) ? readdirSync(volumesDir).filter((key) => existsSync(path.join(volumesDir, key, 'index.html'))).sort() : [];
const jobs = [
  { url: '/print/', file: out },
  ...volumes.map((key) => ({ url: `/print/cases/${key}/`, file: path.join(path.dirname(out), `${path.basename(out, '.pdf')}-cases-${key}.pdf`) })),
];

// Whether the build wrote absolute addresses (`site` set): then the pages carry them already.
const built = readFileSync(path.join(site, 'print', 'index.html'), 'utf8');
const builtSite = /<html[^>]*\sdata-site="([^"]+)"/.exec(built)?.[1];
if (builtSite) {
  console.log(`▸ 网址和二维码用 handbook.config.ts 中的网站地址：${builtSite}`);
} else if (address) {
  console.log(`▸ 网址和二维码用 --site 给出的地址：${address}`);
} else {
  console.log(
    '▸ 没有网站地址：PDF 中只印路径（如 /cases/…/），没有完整网址和二维码。\n' +
      '  要印上读者能输入的网址和二维码，请写明手册的地址：npm run pdf -- --site http://内网地址（或在 handbook.config.ts 中填写 site 后重新构建）。\n' +
      '  No site address: the PDF carries paths only. Give one with --site <url>.',
  );
}

const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const [i, job] of jobs.entries()) {
    console.log(`▸ 正在用 Chromium 生成 PDF${jobs.length > 1 ? `（${i + 1}/${jobs.length}）` : ''}：${job.url}`);
    const page = await browser.newPage();
    // Before the page's scripts: the address its links and QR codes are made from (src/client/addresses.ts).
    await page.addInitScript(
      ({ origin, pathsOnly }) => {
        if (origin) window.yishiOrigin = origin;
        if (pathsOnly) window.yishiPathsOnly = true;
      },
      { origin: builtSite ? '' : (address ?? ''), pathsOnly: !builtSite && !address },
    );
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.goto(`${server.url}${job.url}`, { waitUntil: 'networkidle', timeout: 0 });
    await page.waitForSelector('html[data-addresses]', { timeout: 60_000 });
    const print = () =>
      page.pdf({
        path: job.file,
        // A4, margins and page numbers come from the print stylesheet's @page rule (src/styles/print.css),
        // so that printing a page from the browser gives the same pages. `outline` makes Chromium
        // write the PDF's bookmarks from the headings (each part and section).
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      });
    // The contents' page numbers: Chromium cannot count them (no target-counter()), so the PDF is
    // printed once with a placeholder of the same width in each slot, each section is found in its
    // text by the address under its title, and the PDF is printed again with the numbers.
    const slots = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-toc-page]')].map((slot) => {
        slot.textContent = '000';
        const id = slot.dataset.tocPage!;
        return { id, url: document.getElementById(id)?.querySelector('header .url a')?.textContent?.trim() ?? '' };
      }),
    );
    await print();
    if (slots.length > 0) {
      const text = spawnSync('pdftotext', [job.file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (text.status !== 0) {
        console.log('  没有 pdftotext（poppler-utils），目录不标页码。sudo apt-get install -y poppler-utils');
        await page.evaluate(() => document.querySelectorAll('[data-toc-page]').forEach((slot) => (slot.textContent = '')));
      } else {
        const pages = text.stdout.split('\f').map((p) => p.replace(/\s+/g, ''));
        // The text of a page comes out of the PDF in reading order only roughly: a small label
        // (a section's eyebrow) may come between “网址：” and the address.
        const escape = (text: string) => text.replace(/\s+/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const numbers = Object.fromEntries(
          slots.map(({ id, url }) => {
            const header = new RegExp(`网址：[^（）]{0,24}?${escape(url)}`);
            return [id, url ? pages.findIndex((p) => header.test(p)) + 1 : 0];
          }),
        );
        const found = Object.values(numbers).filter((n) => n > 0).length;
        await page.evaluate((numbers) => {
          for (const slot of document.querySelectorAll<HTMLElement>('[data-toc-page]')) slot.textContent = numbers[slot.dataset.tocPage!] ? String(numbers[slot.dataset.tocPage!]) : '';
        }, numbers);
        await print();
        console.log(`  目录页码：${found} / ${slots.length} 节；PDF 书签按各部分和各节的标题生成。`);
      }
    }
    await page.close();
    console.log(`✓ PDF 已写入 ${path.relative(process.cwd(), job.file)}（${(statSync(job.file).size / 1024 / 1024).toFixed(1)} MB）`);
  }
} finally {
  await browser.close();
  await server.close();
}
