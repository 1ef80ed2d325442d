// `npm run pdf`: the print edition (/print/ of the built site) as dist/handbook.pdf, through
// Debian's Chromium, with the CJK fonts embedded. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH, launchChromium } from '../tests/helpers/chromium.ts';
import { serveStatic } from '../tests/helpers/serve.ts';

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

console.log('▸ 正在用 Chromium 生成 PDF…');
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.goto(`${server.url}${path.posix.join('/', 'print/')}`, { waitUntil: 'networkidle' });
  await page.pdf({
    path: out,
    format: 'A4',
    printBackground: true,
    margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: '<div style="width:100%;text-align:center;font-size:8px;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    outline: true,
    tagged: true,
  });
} finally {
  await browser.close();
  await server.close();
}
console.log(`✓ PDF 已写入 ${path.relative(process.cwd(), out)}（${(statSync(out).size / 1024 / 1024).toFixed(1)} MB）`);
