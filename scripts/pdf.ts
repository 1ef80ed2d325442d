// `npm run pdf`: the print edition (/print/ of the built site) as dist/handbook.pdf, through
// Debian's Chromium, with the CJK fonts embedded; a large handbook's volumes of cases
// (/print/cases/<year>/) each as handbook-cases-<year>.pdf beside it. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH, launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, out: { type: 'string' } } });
const site = path.resolve(values.site!);
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

const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const [i, job] of jobs.entries()) {
    console.log(`▸ 正在用 Chromium 生成 PDF${jobs.length > 1 ? `（${i + 1}/${jobs.length}）` : ''}：${job.url}`);
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.goto(`${server.url}${job.url}`, { waitUntil: 'networkidle', timeout: 0 });
    await page.pdf({
      path: job.file,
      // A4, margins and page numbers come from the print stylesheet's @page rule (src/styles/print.css),
      // so that printing a page from the browser gives the same pages.
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    });
    await page.close();
    console.log(`✓ PDF 已写入 ${path.relative(process.cwd(), job.file)}（${(statSync(job.file).size / 1024 / 1024).toFixed(1)} MB）`);
  }
} finally {
  await browser.close();
  await server.close();
}
