// `npm run links:update`: records the built site's URLs in links.manifest.json (see
// scripts/lib/link-manifest.ts). Run it after `npm run build`.
//   npm run links:update                       add the URLs of dist/ to the manifest
//   npm run links:update -- --remove <url> …   retire URLs on purpose (and their anchors)
//   npm run links:update -- --check            only report manifest URLs the built site lacks
//   npm run links:update -- --fresh            rewrite the manifest from the built site alone
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkLinkManifest,
  createLinkManifest,
  formatMissingLinks,
  MANIFEST_FILE,
  readLinkManifest,
  removeUrls,
  writeLinkManifest,
} from './lib/link-manifest.ts';
import { loadSiteConfig } from './lib/site-config.ts';
import { validateContent } from './lib/check/index.ts';
import { userEnv } from './lib/user-env.ts';

const root = path.resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      /** The built site. Default: dist/. */
      site: { type: 'string' },
      /** The content it was built from (for term and source ids). Default: content/. */
      content: { type: 'string' },
      /** The manifest file. Default: links.manifest.json at the project root. */
      manifest: { type: 'string' },
      remove: { type: 'boolean' },
      check: { type: 'boolean' },
      fresh: { type: 'boolean' },
    },
  });
} catch (error) {
  fail(`参数有误：${(error as Error).message}`);
}
const { values, positionals } = parsed;
const manifestFile = path.resolve(values.manifest ?? path.join(root, MANIFEST_FILE));
const shownManifest = path.relative(process.cwd(), manifestFile) || manifestFile;
const old = await readLinkManifest(manifestFile).catch((error: Error) => fail(error.message));

if (values.remove) {
  if (positionals.length === 0) fail('请写出要删除的网址，如：npm run links:update -- --remove /cases/old-id/');
  if (!old) fail(`找不到 ${shownManifest}，没有可删除的网址`);
  const { kept, unknown } = removeUrls(old.urls, positionals);
  if (unknown.length) fail(`${shownManifest} 中没有这些网址：${unknown.join('、')}。请照构建报告中的写法抄写（以 / 开头，不含 base 路径）`);
  await writeLinkManifest(manifestFile, kept);
  console.log(`已从 ${shownManifest} 删去 ${old.urls.length - kept.length} 个网址。现在重新构建即可。`);
  process.exit(0);
}
if (positionals.length) fail(`多余的参数：${positionals.join(' ')}。要删除网址时请加 --remove`);

const siteDir = path.resolve(values.site ?? path.join(root, 'dist'));
if (!existsSync(path.join(siteDir, 'index.html'))) fail(`${siteDir} 中没有构建好的网站。请先运行 npm run build`);
const { base, site } = loadSiteConfig({ env: userEnv() });
const withSite = Boolean(site);

if (values.check) {
  if (!old) fail(`找不到 ${shownManifest}。请先运行 npm run links:update 生成`);
  const missing = await checkLinkManifest(siteDir, old, base, { withSite });
  if (missing.length) fail(formatMissingLinks(missing));
  console.log(`${shownManifest} 中的 ${old.urls.length} 个网址都可以访问。`);
  process.exit(0);
}

const contentDir = path.resolve(values.content ?? path.join(root, 'content'));
const { entries } = await validateContent(contentDir, path.dirname(contentDir));
const ids = (collection: string) => entries.filter((e) => e.collection === collection && !e.draft).map((e) => e.id);
const current = await createLinkManifest(siteDir, { terms: ids('terms'), sources: ids('sources') });

if (old && !values.fresh) {
  // The manifest only grows: a URL disappears from it only through --remove.
  const missing = await checkLinkManifest(siteDir, old, base, { withSite });
  if (missing.length) fail(`${formatMissingLinks(missing)}\n\n（${path.relative(process.cwd(), siteDir) || siteDir} 可能是旧的构建结果：请先运行 npm run build。）`);
  const added = current.urls.filter((u) => !old.urls.includes(u));
  await writeLinkManifest(manifestFile, [...old.urls, ...current.urls]);
  console.log(added.length ? `已把 ${added.length} 个新网址记入 ${shownManifest}：\n${added.map((u) => `  ${u}`).join('\n')}` : `${shownManifest} 已是最新，没有新网址。`);
} else {
  await writeLinkManifest(manifestFile, current.urls);
  console.log(`已生成 ${shownManifest}：${current.urls.length} 个网址。`);
}
