/** The handbook's identity: the one file an office edits to make the site its own. */
export default {
  /** Shown in the header and every page title. */
  title: '议事手册',
  /** Who runs this handbook. */
  organisation: '议事手册编写组',
  /** One or two sentences for the home page and search engines. */
  description: '基层协商民主实践手册：收录“请你来协商”“有事来协商”和社区议事会的做法、方法、模式与案例，每条内容注明出处。',
};
