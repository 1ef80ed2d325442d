import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../scripts/lib/check/index.ts';
import { baseLinks, prefixBase } from '../../src/site/base-links.ts';
import { loadSiteConfig, parseSiteConfig, publicUrl, type SiteConfigResult } from '../../scripts/lib/site-config.ts';

const minimal = { title: '某市协商手册', organisation: '某市政协办公室', description: '某市基层协商的做法与案例。' };
const noEnv = { env: {} };

/** The report lines for a config, as the office sees them. */
function lines(result: SiteConfigResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The single problem for one bad field, checked to name that field. */
function problemFor(overrides: Record<string, unknown>, field: string): string {
  const reported = lines(parseSiteConfig({ ...minimal, ...overrides }, noEnv));
  expect(reported).toHaveLength(1);
  expect(reported[0]!.startsWith(`handbook.config.ts  ${field}  `), reported[0]).toBe(true);
  return reported[0]!;
}

describe('handbook.config.ts', () => {
  test('the bundled config is valid and gets the defaults', () => {
    const config = loadSiteConfig(noEnv);
    expect(config.title).toBe('议事手册');
    expect(config.base).toBe('/');
    expect(config.accent).toBe('#b4232a');
  });

  test('a minimal config fills base and accent; a full one is kept, normalised', () => {
    const result = parseSiteConfig(minimal, noEnv);
    expect(result).toEqual({ ok: true, config: { ...minimal, base: '/', accent: '#b4232a' } });
    const full = parseSiteConfig(
      {
        ...minimal,
        site: 'https://xieshang.example.gov.cn/',
        base: 'handbook',
        logo: 'images/logo.svg',
        accent: 'rgb(0 82 155)',
        footer: '浙ICP备00000000号',
        contact: { email: 'office@example.gov.cn', phone: '0572-1234567', address: '湖州市xx路1号' },
      },
      noEnv,
    );
    expect(full.ok && full.config).toMatchObject({
      site: 'https://xieshang.example.gov.cn',
      base: '/handbook/',
      logo: '/images/logo.svg',
      accent: 'rgb(0 82 155)',
      contact: { phone: '0572-1234567' },
    });
  });

  test('YISHI_BASE overrides base, and a bad one is reported against base', () => {
    const result = parseSiteConfig(minimal, { env: { YISHI_BASE: '/handbook/' } });
    expect(result.ok && result.config.base).toBe('/handbook/');
    const bad = lines(parseSiteConfig(minimal, { env: { YISHI_BASE: 'https://x.org/a/' } }));
    expect(bad).toEqual([expect.stringMatching(/^handbook\.config\.ts {2}base {2}环境变量 YISHI_BASE：/)]);
  });

  test('a missing required field is named, with what to write', () => {
    const reported = lines(parseSiteConfig({ title: '某市协商手册' }, noEnv));
    expect(reported).toEqual([
      expect.stringMatching(/^handbook\.config\.ts {2}organisation {2}缺少 organisation（编写单位）。请填写编写单位/),
      expect.stringMatching(/^handbook\.config\.ts {2}description {2}缺少 description（简介）/),
    ]);
  });

  test('each kind of invalid value is reported with its field and a Chinese message', () => {
    expect(problemFor({ title: 42 }, 'title')).toMatch(/应为一段文字/);
    expect(problemFor({ title: '  ' }, 'title')).toMatch(/不能为空/);
    expect(problemFor({ description: '长'.repeat(201) }, 'description')).toMatch(/太长：最多 200 个字（现在 201 个）/);
    expect(problemFor({ site: 'xieshang.example.gov.cn' }, 'site')).toMatch(/不是完整的网址。请写成 https:\/\/域名/);
    expect(problemFor({ site: 'ftp://example.gov.cn' }, 'site')).toMatch(/应以 https:\/\/ 或 http:\/\/ 开头/);
    expect(problemFor({ site: 'https://example.gov.cn/handbook/' }, 'site')).toMatch(/把路径写在 base 中（如 base: '\/handbook\/'）/);
    expect(problemFor({ base: 'https://example.gov.cn/' }, 'base')).toMatch(/不是可用的路径/);
    expect(problemFor({ base: '/a/../b/' }, 'base')).toMatch(/不是可用的路径/);
    expect(problemFor({ logo: 'logo.doc' }, 'logo')).toMatch(/请把图片放进 public\/ 文件夹/);
    expect(problemFor({ accent: 'red; background: url(x)' }, 'accent')).toMatch(/不是 CSS 颜色。请写成 '#b4232a'/);
    expect(problemFor({ accent: '#12345' }, 'accent')).toMatch(/不是 CSS 颜色/);
    expect(problemFor({ contact: { email: 'office.example.gov.cn' } }, 'contact.email')).toMatch(/不是有效的邮箱地址/);
    expect(problemFor({ contact: { phone: 5721234567 } }, 'contact.phone')).toMatch(/用引号括起来/);
    expect(problemFor({ contact: '0572-1234567' }, 'contact')).toMatch(/应为一组联系方式/);
  });

  test('a misspelt field is refused with the intended one suggested', () => {
    expect(problemFor({ organization: 'x' }, 'organization')).toMatch(/未知字段“organization”。是不是“organisation”？/);
  });

  test('every problem is reported at once', () => {
    const reported = lines(parseSiteConfig({ title: '', organisation: '某市政协', description: '简介', accent: 'bluish', base: '?' }, noEnv));
    expect(reported.map((line) => line.split('  ')[1])).toEqual(['title', 'base', 'accent']);
  });

  test('a logo that is not in public/ is reported when the project root is known', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'yishi-config-'));
    await mkdir(path.join(root, 'public'));
    const missing = lines(parseSiteConfig({ ...minimal, logo: '/logo.svg' }, { root, env: {} }));
    expect(missing).toEqual([expect.stringMatching(/^handbook\.config\.ts {2}logo {2}找不到标志图片 public\/logo\.svg/)]);
    await writeFile(path.join(root, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(parseSiteConfig({ ...minimal, logo: '/logo.svg' }, { root, env: {} }).ok).toBe(true);
  });

  test('sourceTexts names a folder of the project; one that does not exist is reported when the root is known', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'yishi-config-'));
    for (const bad of ['/srv/texts', 'C:\\texts', '']) {
      const result = parseSiteConfig({ ...minimal, sourceTexts: bad }, noEnv);
      expect(result.ok ? [] : result.problems.map((p) => `${p.field} ${p.code}`)).toEqual(['sourceTexts config.invalid']);
    }
    const missing = parseSiteConfig({ ...minimal, sourceTexts: 'texts/' }, { root, env: {} });
    expect(missing.ok ? [] : missing.problems.map((p) => `${p.field} ${p.code}`)).toEqual(['sourceTexts config.source-texts']);
    await mkdir(path.join(root, 'texts'));
    expect(parseSiteConfig({ ...minimal, sourceTexts: 'texts/' }, { root, env: {} }).ok).toBe(true);
    // The bundled handbook points at its own source texts.
    expect(loadSiteConfig({ root: path.resolve(import.meta.dirname, '../..'), env: {} }).sourceTexts).toBe('content/sources/texts/');
  });

  test('public URLs are absolute with site, and under base without', () => {
    expect(publicUrl({ base: '/handbook/', site: 'https://example.gov.cn' }, '/cases/x/')).toBe('https://example.gov.cn/handbook/cases/x/');
    expect(publicUrl({ base: '/handbook/', site: undefined }, '/cases/x/')).toBe('/handbook/cases/x/');
    expect(publicUrl({ base: '/', site: undefined }, '/')).toBe('/');
  });
});

describe('links written in content bodies', () => {
  test('root-relative paths are put under the base; other links and already-prefixed paths are left alone', () => {
    expect(prefixBase('/cases/x/', '/handbook/')).toBe('/handbook/cases/x/');
    expect(prefixBase('/sources/#a', '/handbook/')).toBe('/handbook/sources/#a');
    expect(prefixBase('/handbook/cases/x/', '/handbook/')).toBe('/handbook/cases/x/');
    expect(prefixBase('/handbook-notes/', '/handbook/')).toBe('/handbook/handbook-notes/');
    for (const url of ['https://example.gov.cn/', '//cdn.example/x.js', '#step-1', 'cases/x/', 'mailto:a@b.cn']) expect(prefixBase(url, '/handbook/')).toBe(url);
    expect(prefixBase('/cases/x/', '/')).toBe('/cases/x/');
    expect(baseLinks('/')).toBeNull();
  });
});
