import { z } from 'astro/zod';

/**
 * `handbook.config.ts`: the handbook's identity and where it is published. Every message is
 * written for the office that edits the file: what is wrong, then what to write instead.
 */

/** CSS named colours (CSS Color Module Level 4), for `accent`. */
const NAMED_COLOURS = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
  burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
  darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
  darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
  deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
  ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
  lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
  lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
  mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
  mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace
  olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred
  papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
  saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey
  snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
  yellowgreen`.split(/\s+/),
);

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** `rgb(…)`, `hsl(…)`, `oklch(…)` and kin, with plain arguments only (nothing that ends the CSS rule). */
const FUNCTION_COLOUR = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[0-9a-z.%+\-\s,/]+\)$/i;

/** Whether a string is a CSS colour an office would write: hex, a colour function, or a colour name. */
export function isCssColour(value: string): boolean {
  const text = value.trim();
  return HEX_COLOUR.test(text) || FUNCTION_COLOUR.test(text) || NAMED_COLOURS.has(text.toLowerCase());
}

/** A URL path segment an office would use: letters, digits, `-`, `_`, `.` (not `.` or `..` alone). */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Normalises a base path to `/a/b/` form; undefined when it is not a plain path. */
export function normaliseBase(value: string): string | undefined {
  const text = value.trim();
  if (text === '' || text === '/') return '/';
  if (/[?#\\:]/.test(text) || text.startsWith('//')) return undefined;
  const segments = text.split('/').filter((s) => s !== '');
  if (!segments.every((s) => SEGMENT.test(s))) return undefined;
  return `/${segments.join('/')}/`;
}

const text = (field: string, max: number, what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少 ${field}。请填写${what}` : `${field}应为一段文字（用引号括起来），如 '${what}'`) })
    .trim()
    .min(1, { error: `${field}不能为空。请填写${what}` })
    .max(max, { error: (issue) => `${field}太长：最多 ${max} 个字（现在 ${String(issue.input ?? '').length} 个）。请精简` });

const optionalText = (field: string, max: number, what: string) => text(field, max, what).optional();

/** `site`: the absolute address the handbook is published at, without a path. */
export const siteUrl = z
  .string({ error: "site 应为网址文字，如 'https://xieshang.example.gov.cn'" })
  .trim()
  .transform((input, ctx) => {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      ctx.issues.push({ code: 'custom', input, message: `“${input}”不是完整的网址。请写成 https://域名 的形式，如 'https://xieshang.example.gov.cn'；还没有网址时删去这一行` });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.issues.push({ code: 'custom', input, message: `网址应以 https:// 或 http:// 开头，现在是“${url.protocol}”` });
      return z.NEVER;
    }
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      ctx.issues.push({
        code: 'custom',
        input,
        message: `site 只写协议和域名（如 '${url.origin}'）。网站放在子路径下时，把路径写在 base 中（如 base: '${normaliseBase(url.pathname) ?? '/handbook/'}'）`,
      });
      return z.NEVER;
    }
    return url.origin;
  });

/** `base`: the path the site is served under. */
export const basePath = z
  .string({ error: "base 应为路径文字，如 '/' 或 '/handbook/'" })
  .transform((input, ctx) => {
    const base = normaliseBase(input);
    if (base !== undefined) return base;
    ctx.issues.push({
      code: 'custom',
      input,
      message: `“${input}”不是可用的路径。base 只能由字母、数字、-、_ 和 / 组成，如 '/' 或 '/handbook/'（不要写域名，域名写在 site 中）`,
    });
    return z.NEVER;
  });

/** `logo`: an image under `public/`, written `/logo.svg` or `logo.svg`. */
const logoPath = z
  .string({ error: "logo 应为 public/ 中图片的路径文字，如 '/logo.svg'" })
  .trim()
  .transform((input, ctx) => {
    const segments = input.split('/').filter((s) => s !== '');
    const ok = segments.length > 0 && segments.every((s) => SEGMENT.test(s)) && /\.(svg|png|webp|jpe?g|gif|avif)$/i.test(input) && !/[?#\\:]/.test(input);
    if (ok) return `/${segments.join('/')}`;
    ctx.issues.push({
      code: 'custom',
      input,
      message: `“${input}”不是可用的标志图片路径。请把图片放进 public/ 文件夹，写成 '/文件名'，如 '/logo.svg'（支持 svg、png、webp、jpg、gif、avif）；不用标志时删去这一行`,
    });
    return z.NEVER;
  });

/** `accent`: the colour of links, buttons and headings. */
const accentColour = z
  .string({ error: "accent 应为颜色文字，如 '#b4232a'" })
  .trim()
  .refine(isCssColour, {
    error: (issue) => `“${String(issue.input)}”不是 CSS 颜色。请写成 '#b4232a'、'rgb(180 35 42)' 或颜色英文名（如 'darkred'）`,
  });

const email = z
  .string({ error: "contact.email 应为邮箱文字，如 'office@example.gov.cn'" })
  .trim()
  .refine((value) => /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(value), {
    error: (issue) => `“${String(issue.input)}”不是有效的邮箱地址。请写成 'office@example.gov.cn' 的形式`,
  });

const phone = z
  .string({ error: "contact.phone 应为电话文字（用引号括起来），如 '0572-1234567'" })
  .trim()
  .refine((value) => /^\+?[0-9][0-9\s()（）-]{2,29}$/.test(value), {
    error: (issue) => `“${String(issue.input)}”不是电话号码。只能写数字、空格、连字符和括号，如 '0572-1234567'`,
  });

export const contactSchema = z.strictObject(
  {
    email: email.optional(),
    phone: phone.optional(),
    address: optionalText('contact.address', 120, '联系地址，如 浙江省湖州市xx路1号'),
  },
  { error: "contact 应为一组联系方式，如 { email: 'office@example.gov.cn', phone: '0572-1234567' }" },
);

/**
 * Licences an office is likely to choose for its content and data, by SPDX identifier: the data
 * page names them and links to their text. Anything else is written out in words.
 */
export const KNOWN_LICENCES = {
  'CC-BY-4.0': { name: '知识共享 署名 4.0 国际许可协议（CC BY 4.0）', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' },
  'CC-BY-SA-4.0': { name: '知识共享 署名—相同方式共享 4.0 国际许可协议（CC BY-SA 4.0）', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans' },
  'CC-BY-NC-4.0': { name: '知识共享 署名—非商业性使用 4.0 国际许可协议（CC BY-NC 4.0）', url: 'https://creativecommons.org/licenses/by-nc/4.0/deed.zh-hans' },
  'CC0-1.0': { name: 'CC0 1.0 公共领域贡献（放弃全部权利）', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.zh-hans' },
  'ODC-By-1.0': { name: '开放数据共享署名许可协议（ODC-By 1.0）', url: 'https://opendatacommons.org/licenses/by/1-0/' },
  'ODbL-1.0': { name: '开放数据库许可协议（ODbL 1.0）', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  'PDDL-1.0': { name: '开放数据共享公共领域贡献与许可协议（PDDL 1.0）', url: 'https://opendatacommons.org/licenses/pddl/1-0/' },
} as const;

export type LicenceId = keyof typeof KNOWN_LICENCES;

/** `licence`: an identifier from KNOWN_LICENCES, or the terms in words. */
const licence = text('licence（许可协议）', 200, "许可协议，如 'CC-BY-4.0'，或用文字写明使用条件")
  .superRefine((value, ctx) => {
    if (Object.hasOwn(KNOWN_LICENCES, value)) return;
    const known = Object.keys(KNOWN_LICENCES);
    const same = known.find((id) => id.toLowerCase() === value.toLowerCase());
    if (same) {
      ctx.addIssue({ code: 'custom', input: value, message: `许可协议代码应写成“${same}”（注意大小写）` });
    } else if (/^[A-Za-z0-9.+-]+$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: `“${value}”不是已知的许可协议代码。可用：${known.join('、')}；或用中文写明使用条件，如 '仅供学习研究使用，转载请注明出处'`,
      });
    }
  });

/** `version`: the handbook's own version, such as 2026.1. */
const version = z
  .string({ error: "version 应为版本号文字，如 '2026.1'" })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,29}$/, { error: (issue) => `“${String(issue.input)}”不是版本号。只能用字母、数字、点和连字符，最多 30 个字符，如 '2026.1' 或 '1.2.0'` });

export const DEFAULT_ACCENT = '#b4232a';

/** Where the check looks for source texts when `sourceTexts` is not set. */
export const DEFAULT_SOURCE_TEXTS = 'content/sources/texts/';

/** `sourceTexts`: a folder of the project, written from the project's root. */
const sourceTexts = z
  .string({ error: "sourceTexts 应为文件夹路径文字，如 'content/sources/texts/'" })
  .trim()
  .superRefine((input, ctx) => {
    if (input === '' || input.startsWith('/') || /^[A-Za-z]:|\\|\0/.test(input)) {
      ctx.issues.push({
        code: 'custom',
        input,
        message: `“${input}”不是可用的文件夹路径。请写项目中的文件夹，从项目根目录写起，用 / 分隔，如 'content/sources/texts/'`,
      });
    }
  });

/** The whole of `handbook.config.ts`. */
export const siteConfigSchema = z.strictObject(
  {
    /** Shown in the header and every page title. */
    title: text('title（手册名称）', 40, '手册名称，如 议事手册'),
    /** Who runs this handbook. */
    organisation: text('organisation（编写单位）', 80, '编写单位，如 xx市政协办公室'),
    /** One or two sentences for the home page and search engines. */
    description: text('description（简介）', 200, '一两句话的简介'),
    /** The absolute address the site is published at (origin only); canonical links, RSS, sitemap. */
    site: siteUrl.optional(),
    /** The path the site is served under. Default: `/`. */
    base: basePath.default('/'),
    /** An image under `public/` shown in the header. */
    logo: logoPath.optional(),
    /** The accent colour. Default: `#b4232a`. */
    accent: accentColour.default(DEFAULT_ACCENT),
    /** A line of text in the footer, such as a licence or a filing number. */
    footer: optionalText('footer（页脚文字）', 200, '页脚文字，如 备案号或版权说明'),
    /** How readers reach the office. */
    contact: contactSchema.optional(),
    /**
     * The terms under which others may reuse the content and the open data: an identifier from
     * KNOWN_LICENCES or the terms in words. Default: none stated (the data page says so, and that
     * the office must be asked before reuse).
     */
    licence: licence.optional(),
    /** The handbook's version, shown on the data page and in citations. Default: package.json's. */
    version: version.optional(),
    /** The source texts content must not copy from (the check's copying rule). Default: DEFAULT_SOURCE_TEXTS. */
    sourceTexts: sourceTexts.optional(),
  },
  { error: 'handbook.config.ts 应导出一组设置：export default { title: …, organisation: …, description: … }' },
);

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;
