/**
 * 手册设置：各单位把本手册变成自己的手册时，只需修改这一个文件。
 * 每一项的写法见下面的注释；写错时，npm run build、npm start 和 npm run dev 会逐条指出问题。
 * The handbook's identity: the one file an office edits to make the site its own
 * (validated by src/schemas/site-config.ts).
 */
import type { SiteConfigInput } from './src/schemas/site-config.ts';

export default {
  /** 手册名称：显示在页头和每页标题中（最多 40 个字）。 */
  title: '议事手册',

  /** 编写单位：显示在页脚（最多 80 个字）。 */
  organisation: '议事手册编写组',

  /** 简介：一两句话，用于首页和搜索引擎（最多 200 个字）。 */
  description: '基层协商民主实践手册：收录“请你来协商”“有事来协商”和社区议事会的做法、方法、模式与案例，每条内容注明出处。',

  /**
   * 网站地址：只写协议和域名，如 'https://xieshang.example.gov.cn'（可选）。
   * 填写后，规范链接（canonical）、RSS 订阅（/rss.xml）和网站地图（/sitemap.xml）中使用完整网址；
   * 不填时，RSS 和网站地图只能写站内路径（如 /cases/xx/），部分阅读器和搜索引擎无法识别。
   */
  // site: 'https://xieshang.example.gov.cn',

  /**
   * 网站所在路径：放在域名根目录时写 '/'（默认）；放在子路径下时写 '/handbook/' 这样的路径。
   * 测试时可以用环境变量 YISHI_BASE 临时改变它。
   */
  base: '/',

  /** 标志图片：放在 public/ 文件夹中，写成 '/logo.svg'（可选）。 */
  // logo: '/logo.svg',

  /** 主题色：链接、按钮和标题的颜色，如 '#b4232a'（默认）、'rgb(0 82 155)' 或 'darkred'。 */
  accent: '#b4232a',

  /** 页脚文字：如版权说明或备案号（可选，最多 200 个字）。 */
  // footer: '本手册内容可自由转载，请注明出处。',

  /** 联系方式（可选，每项都可省略）。 */
  // contact: { email: 'office@example.gov.cn', phone: '0572-1234567', address: '浙江省湖州市xx路1号' },

  /**
   * 许可协议：别人可以怎样使用本手册的内容和开放数据（/data/ 页面显示）。
   * 不写时，数据页写明“尚未声明许可协议，使用前请联系编写单位”。请由本单位决定后填写，可写：
   * 'CC-BY-4.0'（署名即可使用）、'CC-BY-SA-4.0'、'CC-BY-NC-4.0'、'CC0-1.0'（放弃全部权利）、
   * 'ODC-By-1.0'、'ODbL-1.0'、'PDDL-1.0'，或用文字写明，如 '仅供学习研究使用，转载请注明出处'。
   */
  // licence: 'CC-BY-4.0',

  /** 版本号：显示在数据页和引用中，如 '2026.1'（可选；不写时用 package.json 中的版本号）。 */
  // version: '2026.1',

  /**
   * 资料原文所在的文件夹（从项目根目录写起，默认 'content/sources/texts/'）：把本单位所据的讲话、文件等
   * 原文存成 .txt 放在这里，npm run check 就会检查内容有没有照抄原文（连续 25 个字相同即报告）。
   * 这个文件夹里的文件不会发布。
   */
  sourceTexts: 'content/sources/texts/',
} satisfies SiteConfigInput;
