import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';
const server = await serveStatic('/work/trainers-wt/dist');
const browser = await launchChromium();
const page = await browser.newPage();
for (const p of process.argv.slice(2)) {
  await page.goto(server.url + p, { waitUntil: 'networkidle' });
  await page.waitForSelector('html[data-addresses]');
  const name = p.replace(/\W+/g, '_');
  await page.pdf({ path: `/tmp/pp/${name}.pdf`, preferCSSPageSize: true });
  console.log(name);
}
await browser.close(); await server.close();
