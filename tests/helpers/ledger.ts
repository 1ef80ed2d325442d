import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { splitMdx } from '../../scripts/lib/check/frontmatter.ts';
import { validateContent } from '../../scripts/lib/check/index.ts';
import type { LedgerCase } from '../../src/site/ledger.ts';

/**
 * A ledger as an office keeps one: a title row above the header, Chinese labels only (no code
 * columns, no id column: ids come from the titles), values written in several ways (labels and
 * keys, 、 and ； between values, 2023年5月 and 2020/3 for dates, 不详), a method and a practice
 * named by their titles, and a long text as the body of most rows. Written against the base
 * fixture content (demo-source, demo-method, demo-practice).
 */
export const HELD_OUT_TITLE = '2024年某市政协“有事来协商”台账';
export const HELD_OUT_HEADER = ['标题', '类型', '摘要', '省级行政区', '市', '县（区）', '地点', '层级', '形式', '领域', '时间', '方法', '参与者', '成果状态', '成果', '所属实践', '资料来源', '正文'];

const CITE = '<Cite source="demo-source" />';

export const HELD_OUT_ROWS: string[][] = [
  ['城东社区加装电梯协商', '协商事例', '居民议事会就老旧楼道加装电梯的费用分摊协商。', '浙江省', '湖州市', '吴兴区', '城东社区', '社区', '议事会协商', '公共设施维护', '2023年5月', '示例“三步议事法”', '居民代表；物业公司', '已落实', '加装电梯 3 部。', '示例社区议事实践', 'demo-source', `## 经过\n\n高层住户和低层住户对费用分摊意见不一，议事会三次协商后达成方案。${CITE}`],
  ['村道硬化议事', 'consultation', '村民就进村道路硬化的筹资和施工组织议事。', '浙江省', '湖州市', '德清县', '某村', '村', 'council、onsite', 'facilities；traffic', '2022-09-01', '', '', 'in-progress', '', '', 'demo-source', ''],
  ['老旧小区停车协商', '协商事例', '资料未写明地点和时间的一次停车协商。', '不详', '', '', '', '社区', '议事会协商', '道路交通管理', '不详', '', '', '不详', '', '', 'demo-source', `资料只说明了协商的议题。${CITE}`],
  ['网络协商征集民生意见', '协商事例', '县政协在网上征集群众对民生实事的意见。', '浙江省', '', '安吉县', '', '县级', '网络（远程）协商', '不详', '2021', '', '', '', '', '', 'demo-source', `意见在网上公开征集。${CITE}`],
  ['政协委员进社区做法', '实践', '县政协组织委员定期进社区听取意见的长期做法。', '浙江省', '湖州市', '', '', 'county', '多元协商', '基层治理', '2020/3', '', '政协委员', '', '', '', 'demo-source', `委员每月进社区一次。${CITE}`],
  ['界别协商稳就业', '协商事例', '经济界别委员就稳就业开展界别协商。', '浙江省', '湖州市', '', '', '市级', '界别协商', '就业', '2022.7', '', '经济界别委员', '已提出', '形成建议 5 条。', '', 'demo-source', `委员提出了稳岗补贴等建议。${CITE}`],
  ['双月协商座谈会谈营商环境', '协商事例', '市政协双月协商座谈会就优化营商环境协商。', '浙江省', '湖州市', '', '', '市级', '双月协商座谈会', '经济发展', '2019-11', '', '', '已批示', '市领导作出批示。', '', 'demo-source', `座谈会邀请部门负责人到会。${CITE}`],
  ['垃圾中转站选址听证', '协商事例', '就垃圾中转站选址举行听证会听取居民意见。', '浙江省', '', '', '某街道', '乡镇（街道）', '听证会', '环境整治', '2021-06-15', '', '居民代表；街道办事处', '已提出', '', '', 'demo-source', `听证会上居民意见分歧较大。${CITE}`],
  ['社区卫生站面对面协商', '协商事例', '居民与卫生部门面对面协商社区卫生站服务时间。', '浙江省', '湖州市', '', '某社区', '社区', '面对面协商', '医疗卫生教育等民生保障', '2023', '', '', '已批示', '', '', 'demo-source', `协商后卫生站延长了服务时间。${CITE}`],
  ['夜市治安回头看', '协商事例', '对夜市治安协商成果落实情况回头看。', '浙江省', '湖州市', '', '', '社区', '现场协商', '治安维护', '2024-01', '', '', '已回头看', '增设巡逻岗。', '', 'demo-source', `回头看发现巡逻岗已经设立。${CITE}`],
];

/** Writes rows (each a list of text cells) as an .xlsx, optionally with a title row above. */
export async function writeLedgerXlsx(file: string, rows: readonly (readonly string[])[], options: { titleRow?: string; sheet?: string } = {}): Promise<void> {
  const data = [...(options.titleRow ? [[options.titleRow]] : []), ...rows].map((row) => row.map((value) => (value === '' ? null : { value, type: String })));
  await writeXlsxFile(data, { sheet: options.sheet ?? '台账' }).toFile(file);
}

/** RFC 4180 CSV text (CRLF), as Excel writes it. */
export function csvText(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

let gbkTable: Map<string, number[]> | undefined;

/** Text in GBK, as Excel's “CSV（逗号分隔）” writes it on a Chinese Windows (Node has no GBK encoder). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\uFFFD' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`encodeGbk: “${char}” has no GBK code`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** The published cases of a content folder with their bodies, as the site's data files read them. */
export async function casesOf(contentDir: string): Promise<LedgerCase[]> {
  const root = path.dirname(contentDir);
  const { entries, problems } = await validateContent(contentDir, root);
  if (problems.length > 0) throw new Error(`casesOf: the content has problems:\n${problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.message}`).join('\n')}`);
  const cases = entries.filter((e) => e.collection === 'cases' && !e.draft);
  return Promise.all(cases.map(async (e) => ({ id: e.id, data: e.data as LedgerCase['data'], body: splitMdx(await readFile(path.join(root, e.file), 'utf8'))!.body.trim() })));
}

/** Every file under a folder with its bytes, to show that nothing was written. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute), (await readFile(absolute)).toString('base64'));
  }
  return files;
}

export async function writeBytes(file: string, bytes: Uint8Array | string): Promise<string> {
  await writeFile(file, bytes);
  return file;
}
