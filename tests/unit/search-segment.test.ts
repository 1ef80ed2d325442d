import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { forEachSearchCopy, pageUrl, searchCopies, searchCopy, type SearchCopyPage } from '../../scripts/lib/build/search-copy.ts';
import { BLOCK_END, HEADING_END, joinWords, segmentEach, segmentWords } from '../../src/search/segment.ts';

describe('segmentWords and joinWords', () => {
  test('splits Chinese into the words a query is split into, and joins them back for display', () => {
    expect(segmentWords('小区停车位不够')).toBe('小区 停车位 不够');
    expect(segmentWords('  湖州市政协\n组织 协商 ')).toBe('湖州 市 政协 组织 协商');
    for (const text of ['“1+7+X”议事会的组成', '2020年抗疫期间德清、长兴、安吉等地政协的网络协商', '关于《政协协商工作规范》（试行）的说明：第3步', 'xx社区“四进访民情、六步促协商”工作模式']) {
      expect(joinWords(segmentWords(text)), text).toBe(text);
    }
    // Spaces between Latin words stay; those next to Chinese go.
    expect(joinWords(segmentWords('Open Data 开放数据'))).toBe('Open Data开放数据');
  });

  test('an excerpt keeps its <mark> tags, which do not keep words apart', () => {
    expect(joinWords('解决 <mark>停车</mark> 难 的 问题 ， 居民 <mark>停车</mark>')).toBe('解决<mark>停车</mark>难的问题，居民<mark>停车</mark>');
    expect(joinWords('<mark>1</mark> + 7 + X 议事会')).toBe('<mark>1</mark>+7+X议事会');
  });
});

const page = (main: string, lang = 'zh-CN') =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>t</title><script>var a = "<b>停车</b>";</script></head><body><header>首页导航</header>${main}<footer>页脚文字</footer></body></html>`;

describe('segmentEach: many texts in one pass', () => {
  test('gives what segmentWords gives each text, whatever the texts end or start with', () => {
    const texts = ['小区停车位不够', '', ' ', '议事会\r', '\n组成“1+7+X”', 'Open Data 开放数据', '停车', '车', '\r\n', '第3步：协商', '居民议事会议事规则'];
    expect(segmentEach(texts)).toEqual(texts.map(segmentWords));
    expect(segmentEach([])).toEqual([]);
  });
});

describe('searchCopy: what Pagefind reads of a page', () => {
  test('a page without data-pagefind-body is not searched', () => {
    expect(searchCopy(page('<main id="main">正文</main>'))).toBeUndefined();
  });

  test('keeps the searchable part with its filters and meta (the date sort as meta: date-order.ts), its text split into words', () => {
    const copy = searchCopy(
      page(
        '<main id="main" class="page" data-pagefind-body><h1 id="t">小区停车位不够</h1><p class="lead" data-pagefind-meta="summary">居民&amp;物业<a href="/x/">协商议事</a>会议</p>' +
          '<div hidden data-pagefind-sort="date:2020-05-00"><span data-pagefind-filter="topics:traffic"></span><span data-pagefind-meta="region:浙江省 · 湖州市"></span></div>' +
          '<script type="module">const s = "<i>不要</i>";</script><section data-pagefind-ignore><h2>相似案例</h2></section></main>',
      ),
    )!;
    expect(copy).toContain('<html lang="zh-CN">');
    expect(copy).not.toContain('首页导航');
    expect(copy).not.toContain('页脚文字');
    expect(copy).not.toContain('不要');
    expect(copy).toContain('<h1 id="t"> 小区 停车位 不够 </h1>');
    // Entities stay entities; a tag between two words never glues them.
    expect(copy).toContain('> 居民 &amp; 物业 <a href="/x/"> 协商 议事 </a> 会议 </p>');
    expect(copy).toContain('data-pagefind-meta="date:2020-05-00"');
    expect(copy).not.toContain('data-pagefind-sort');
    expect(copy).toContain('<span data-pagefind-filter="topics:traffic"></span>');
    expect(copy).toContain('data-pagefind-meta="region:浙江省 · 湖州市"');
    expect(copy).toContain('<section data-pagefind-ignore>');
  });

  test('an element marked data-search-entry is a record of its own at #id, with the page’s search fields, and leaves the page’s own copy', () => {
    const copies = searchCopies(
      page(
        '<main data-pagefind-body><div hidden data-search-fields data-pagefind-sort="date:0000-00-00"><span data-pagefind-filter="kind:glossary"></span></div><h1>术语</h1>' +
          '<dl><div id="liangwei" data-search-entry><dt><a href="#liangwei" data-pagefind-meta="title">两委</a></dt><dd><div><p data-pagefind-meta="summary">村党组织和村委会。</p></div></dd></div>' +
          '<div id="jiebie" data-search-entry><dt><a data-pagefind-meta="title">界别</a></dt><dd><p>政协的组成单位。</p></dd></div></dl></main>',
      ),
    )!;
    expect(copies.map((c) => c.fragment)).toEqual([undefined, 'liangwei', 'jiebie']);
    const [own, liangwei, jiebie] = copies.map((c) => c.html);
    expect(own).toContain('> 术语 <');
    expect(own).not.toMatch(/两 ?委/);
    expect(own).not.toMatch(/界 ?别/);
    // The nested div does not end the entry early; each entry carries the page's filter.
    expect(liangwei).toContain('村 党 组织 和 村 委 会 。');
    expect(liangwei).toMatch(/data-pagefind-meta="title">[ 两委]+<\/a>/);
    expect(liangwei).toContain('<span data-pagefind-filter="kind:glossary"></span>');
    expect(liangwei).not.toMatch(/界 ?别/);
    expect(liangwei).not.toContain('id="liangwei"');
    expect(jiebie).toMatch(/> 界 ?别 </);
    expect(jiebie).not.toMatch(/两 ?委/);
    expect(searchCopy(page('<main data-pagefind-body><p>正文</p></main>'))).toBe(searchCopies(page('<main data-pagefind-body><p>正文</p></main>'))![0]!.html);
  });

  test('code samples are left out, and every heading and block of text ends with a mark', () => {
    const copy = searchCopy(
      page('<main data-pagefind-body><h2 id="s">字段说明</h2><p>案例文件放在这里。</p><pre class="astro-code"><code>title: 中山街\n&lt;Cite source="x" /&gt;</code></pre><ul><li>第一项</li><li>第二项</li></ul></main>'),
    )!;
    expect(copy).not.toContain('Cite');
    expect(copy).not.toContain('title:');
    expect(copy).toContain(`</h2> ${HEADING_END} <p> 案例 文件 放在 这里 。 </p> ${BLOCK_END} `);
    expect(copy).toContain(`</li> ${BLOCK_END} <li> 第二 项 </li> ${BLOCK_END} </ul> ${BLOCK_END}`);
    // The marks are taken out again for display.
    expect(joinWords(`字段 说明 ${HEADING_END} 案例`)).toBe('字段说明案例');
  });

  test('a large site is copied on several threads, each page as searchCopy makes it, in the order of the paths', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yishi-search-copy-'));
    try {
      const site = path.join(dir, 'site');
      const pages = 450;
      for (let i = 0; i < pages; i++) {
        await mkdir(path.join(site, 'cases', `c${i}`), { recursive: true });
        await writeFile(path.join(site, 'cases', `c${i}`, 'index.html'), page(`<main data-pagefind-body><h1>第${i}个案例：停车协商</h1></main>`));
      }
      await mkdir(path.join(site, 'print'), { recursive: true });
      await writeFile(path.join(site, 'print', 'index.html'), page('<main data-pagefind-body>打印版</main>'));
      await writeFile(path.join(site, 'index.html'), page('<main>首页</main>'));
      const copies: SearchCopyPage[] = [];
      const copied = await forEachSearchCopy(site, new Set(['print']), (p) => copies.push(p));
      expect(copied).toBe(pages);
      // Every case once, in the order of the paths (Pagefind numbers pages as they come), none of print or the home page.
      const urls = Array.from({ length: pages }, (_, i) => `/cases/c${i}/`).sort((a, b) => (`${a}index.html` < `${b}index.html` ? -1 : 1));
      expect(copies.map((c) => c.url)).toEqual(urls);
      expect(copies.find((c) => c.url === '/cases/c123/')!.html).toBe(searchCopy(page('<main data-pagefind-body><h1>第123个案例：停车协商</h1></main>')));
      expect(pageUrl('index.html')).toBe('/');
      expect(pageUrl(path.join('terms', 'index.html'))).toBe('/terms/');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
