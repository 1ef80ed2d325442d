// `npm run lighthouse`: Lighthouse (mobile) on the home, a case and a method page of dist/,
// printing the four category scores. Scores depend on this machine's load: a command, not a test.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';

const PAGES = { 首页: '/', 案例: '/cases/huzhou-logistics-hub-2019/', 方法: '/methods/eight-step-method/' };
const site = path.resolve(process.argv[2] ?? 'dist');
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`没有找到已构建的网站（${site}）。请先运行 npm run build。`);
  process.exit(1);
}

const port = 9333;
const profile = await mkdtemp(path.join(tmpdir(), 'yishi-lh-'));
const chrome = spawn(CHROMIUM_PATH, [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank',
], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 1500));
const server = await serveStatic(site);
let worst = 100;
try {
  for (const [name, url] of Object.entries(PAGES)) {
    const result = await lighthouse(server.url + url, { port, output: 'json', logLevel: 'error' });
    const categories = result!.lhr.categories;
    const scores = Object.fromEntries(Object.entries(categories).map(([key, c]) => [key, Math.round((c.score ?? 0) * 100)]));
    worst = Math.min(worst, ...Object.values(scores));
    console.log(`${name} ${url}  performance ${scores.performance}  accessibility ${scores.accessibility}  best-practices ${scores['best-practices']}  seo ${scores.seo}`);
    for (const [key, c] of Object.entries(categories)) {
      if ((c.score ?? 0) >= 1) continue;
      const failing = c.auditRefs.map((r) => result!.lhr.audits[r.id]!).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
      for (const audit of failing.slice(0, 6)) console.log(`    ${key}: ${audit.id} (${audit.displayValue ?? audit.score})`);
    }
  }
} finally {
  await server.close();
  const exited = once(chrome, 'exit');
  chrome.kill();
  await exited;
  await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
