import type { SiteConfig } from './site-config.ts';

/**
 * Files whose every address must be absolute (RSS 2.0's links, the sitemap protocol's `<loc>`):
 * a build without `site` removes them (scripts/build.ts), and the warning below says so.
 */
export const NEEDS_SITE: readonly string[] = ['rss.xml', 'sitemap.xml'];

/**
 * The one warning `npm run build` prints when handbook.config.ts sets no `site`: what a build
 * without the site's address leaves out, and how to fix it. Undefined when `site` is set.
 */
export function missingSiteWarning(config: Pick<SiteConfig, 'site'>): string | undefined {
  if (config.site) return undefined;
  return [
    '⚠ 提醒：handbook.config.ts 没有填写网站地址（site）。网页上的网址和二维码由页面按读者打开它的地址生成；',
    '  没有生成 RSS（rss.xml）和网站地图（sitemap.xml）：它们只能写完整网址；页面也没有规范链接（canonical），',
    '  npm run pdf 要加 --site 才印完整网址和二维码。',
    "  填写 site: 'https://你的网站地址' 后重新运行 npm run build（也可以临时设置环境变量 YISHI_SITE）。",
  ].join('\n');
}
