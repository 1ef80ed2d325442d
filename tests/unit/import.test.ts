import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { validateContent } from '../../scripts/lib/check/index.ts';
import { importLedger, type ImportResult } from '../../scripts/lib/import/index.ts';
import { decodeText, parseCsv, TABLE_LIMITS } from '../../scripts/lib/import/read-table.ts';
import { writeTemplate } from '../../scripts/lib/import/template.ts';
import { UNSTATED_BODY } from '../../scripts/lib/import/write-cases.ts';
import { XLSX_LIMITS } from '../../scripts/lib/import/xlsx-guard.ts';
import { casesXlsx } from '../../src/site/data-package.ts';
import { LEDGER_HEADER } from '../../src/site/ledger.ts';
import { casesCsv, casesJson } from '../../src/site/open-data.ts';
import { entryData, listZip } from '../../src/site/zip.ts';
import { contentWith, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { parseCsv as parseCsvForTest } from '../helpers/csv.ts';
import writeXlsxFile from 'write-excel-file/node';
import { casesOf, csvText, encodeGbk, HELD_OUT_HEADER, HELD_OUT_ROWS, HELD_OUT_TITLE, snapshot, writeLedgerXlsx } from '../helpers/ledger.ts';

const site = { title: '议事手册', organisation: '编写组', description: '简介', site: undefined, base: '/', licence: undefined };
const info = { version: '1.0.0', dataDate: '2026-06-01' };

async function scratch(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'yishi-ledger-'));
}

/** A fresh copy of the base fixture content, and its project root. */
async function project(...overlays: string[]): Promise<{ content: string; root: string }> {
  const content = await contentWith(...overlays);
  return { content, root: path.dirname(content) };
}

async function run(file: string, where: { content: string; root: string }, options: { update?: boolean } = {}): Promise<ImportResult> {
  return importLedger({ file, contentDir: where.content, root: where.root, update: options.update ?? false, displayName: path.basename(file) });
}

/** The new case files of an import, by name, with their text. */
async function caseFiles(content: string): Promise<Map<string, string>> {
  const dir = path.join(content, 'cases');
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

describe('importing a ledger an office keeps', () => {
  let fromXlsx: Map<string, string>;
  let xlsxResult: ImportResult;
  let base: Map<string, string>;

  beforeAll(async () => {
    const where = await project();
    base = await caseFiles(where.content);
    const file = path.join(await scratch(), '台账.xlsx');
    await writeLedgerXlsx(file, [HELD_OUT_HEADER, ...HELD_OUT_ROWS], { titleRow: HELD_OUT_TITLE });
    xlsxResult = await run(file, where);
    fromXlsx = await caseFiles(where.content);
  });

  test('ten valid rows of an .xlsx become ten case files that pass the check', async () => {
    expect(xlsxResult).toMatchObject({ ok: true, sheet: '台账' });
    if (!xlsxResult.ok) return;
    expect(xlsxResult.written).toHaveLength(10);
    expect(xlsxResult.written.every((w) => w.action === 'created')).toBe(true);
    // Rows are numbered as the spreadsheet shows them: the title row is 1, the header 2.
    expect(xlsxResult.written.map((w) => w.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(fromXlsx.size).toBe(base.size + 10);
  });

  test('ids come from the titles in pinyin; labels, keys, 不详, dates and titles of references are read as the check reads them', () => {
    const elevator = fromXlsx.get('cheng-dong-she-qu-jia-zhuang-dian-ti-xie-shang.mdx')!;
    expect(elevator).toBeDefined();
    expect(elevator).toContain('kind: consultation');
    expect(elevator).toContain('level: community');
    expect(elevator).toContain('date: 2023-05');
    expect(elevator).toContain('methods: [demo-method]');
    expect(elevator).toContain('partOf: demo-practice');
    expect(elevator).toContain('participants: [居民代表, 物业公司]');
    expect(elevator).toMatch(/outcome:\n {2}status: implemented\n {2}summary: 加装电梯 3 部。/);
    expect(elevator).toContain('## 经过\n\n高层住户');
    const road = fromXlsx.get('cun-dao-ying-hua-yi-shi.mdx')!;
    expect(road).toContain('forms: [council, onsite]');
    expect(road).toContain('topics: [facilities, traffic]');
    // No body in the ledger: the file says so.
    expect(road.trimEnd().endsWith(UNSTATED_BODY)).toBe(true);
    const parking = fromXlsx.get('lao-jiu-xiao-qu-ting-che-xie-shang.mdx')!;
    expect(parking).toContain('date: 不详');
    expect(parking).toContain('province: 不详');
    // Status 不详 with no outcome text is no outcome at all: the facts panel says 不详 either way.
    expect(parking).not.toContain('outcome:');
    expect(fromXlsx.get('zheng-xie-wei-yuan-jin-she-qu-zuo-fa.mdx')).toContain('date: 2020-03');
    expect(fromXlsx.get('jie-bie-xie-shang-wen-jiu-ye.mdx')).toContain('date: 2022-07');
  });

  test('the same ledger saved as a GBK CSV (with its title row) gives the same files', async () => {
    const where = await project();
    const file = path.join(await scratch(), '台账.csv');
    const bytes = encodeGbk(csvText([[HELD_OUT_TITLE], HELD_OUT_HEADER, ...HELD_OUT_ROWS]));
    // Really GBK: not UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await writeFile(file, bytes);
    const result = await run(file, where);
    expect(result).toMatchObject({ ok: true, encoding: 'GBK/GB18030' });
    expect(await caseFiles(where.content)).toEqual(fromXlsx);
  });

  test('UTF-8 with and without a BOM reads the same', async () => {
    for (const prefix of ['\uFEFF', '']) {
      const where = await project();
      const file = path.join(await scratch(), '台账.csv');
      await writeFile(file, prefix + csvText([HELD_OUT_HEADER, ...HELD_OUT_ROWS]));
      expect(await run(file, where)).toMatchObject({ ok: true });
      expect(await caseFiles(where.content)).toEqual(fromXlsx);
    }
  });

  test('importing the same ledger again refuses to overwrite, naming each existing case; --update changes nothing', async () => {
    const where = await project();
    const file = path.join(await scratch(), '台账.xlsx');
    await writeLedgerXlsx(file, [HELD_OUT_HEADER, ...HELD_OUT_ROWS]);
    expect(await run(file, where)).toMatchObject({ ok: true });
    const before = await snapshot(where.content);
    const again = await run(file, where);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.problems).toHaveLength(10);
    expect(again.problems[0]).toMatch(/^台账\.xlsx {2}行 2 {2}列「标题」 {2}id“cheng-dong-she-qu-jia-zhuang-dian-ti-xie-shang”（由标题生成的 id）的案例已经存在（content\/cases\/cheng-dong-she-qu-jia-zhuang-dian-ti-xie-shang\.mdx）。要用台账的这一行更新它，请加上 --update/);
    expect(await snapshot(where.content)).toEqual(before);
    const update = await run(file, where, { update: true });
    expect(update.ok && update.written.every((w) => w.action === 'unchanged')).toBe(true);
    expect(await snapshot(where.content)).toEqual(before);
  });
});

describe('a ledger with mistakes', () => {
  test('five rows with five different mistakes: nothing is written, every mistake is listed with its row and column', async () => {
    const where = await project();
    const before = await snapshot(where.content);
    const rows = HELD_OUT_ROWS.slice(0, 7).map((row) => [...row]);
    const column = (name: string) => HELD_OUT_HEADER.indexOf(name);
    rows[0]![column('层级')] = '小区';
    rows[1]![column('时间')] = '2023-02-30';
    rows[2]![column('资料来源')] = 'no-such-source';
    rows[3]![column('省级行政区')] = '浙江';
    rows[5]![column('标题')] = '这是一个非常非常长的标题，长到超过了六十个字的上限，用来检查导入时标题的长度是不是按照内容检查的规则来判断的，还要再长一点';
    const file = path.join(await scratch(), 'ledger.xlsx');
    await writeLedgerXlsx(file, [HELD_OUT_HEADER, ...rows]);
    const result = await run(file, where);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(5);
    expect(result.rows).toBe(5);
    const located = result.problems.map((p) => /^ledger\.xlsx {2}行 (\d+) {2}列「(.+?)」 {2}\S/.exec(p)?.slice(1, 3));
    expect(located).toEqual([['2', '层级'], ['3', '时间'], ['4', '资料来源'], ['5', '省级行政区'], ['7', '标题']]);
    expect(result.problems[0]).toContain('“小区”不是可用的值。可选：');
    expect(result.problems[1]).toContain('2023 年 2 月只有 28 天');
    expect(result.problems[2]).toContain('no-such-source');
    expect(result.problems[3]).toContain('是不是“浙江省”');
    expect(result.problems[4]).toContain('太长：最多 60 个字');
    expect(await snapshot(where.content)).toEqual(before);
  });

  test('a code column that contradicts its label column, an unknown column and a missing required column are reported', async () => {
    const where = await project();
    const header = ['标题', '类型', '摘要', '省级行政区', '层级', '层级代码', '形式', '领域', '时间', '资料来源', '备注栏'];
    const row = ['某社区议事', '协商事例', '摘要。', '浙江省', '社区', 'village', '议事会协商', '基层治理', '2023', 'demo-source', '备注'];
    const file = path.join(await scratch(), 'l.csv');
    await writeFile(file, csvText([header, row]));
    const result = await run(file, where);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.stringMatching(/^l\.csv {2}行 1 {2}列「备注栏」 {2}不认识这一列。/),
      expect.stringMatching(/^l\.csv {2}行 2 {2}列「层级代码」 {2}「层级代码」是“village”，「层级」却是“community”，两者不一致/),
    ]);
    const missing = path.join(await scratch(), 'm.csv');
    await writeFile(missing, csvText([header.slice(0, 4).concat(header.slice(6, 10)), row.slice(0, 4).concat(row.slice(6, 10))]));
    const result2 = await run(missing, where);
    expect(result2.ok ? [] : result2.problems).toEqual([expect.stringMatching(/^m\.csv {2}行 1 {2}列「层级」 {2}缺少这一列。第 2 行是新案例/)]);
  });
});

describe('export, edit, import --update, export', () => {
  const TRICKY = `---
title: 带逗号,和"引号"的案例
kind: 协商事例
summary: |-
  第一行，
  第二行。
date: 2024-02-29
region:
  province: 浙江省
  city: 湖州市
level: 社区
forms: [议事会协商, onsite]
topics: [traffic, environment]
participants: [居民代表, "物业, 业委会"]
# A comment the update keeps.
outcome:
  status: implemented
sources: [demo-source]
inferred: [topics]
---
- 以连字符开头的正文。

正文第二段。<Cite source="demo-source" />
`;
  const FORMULA = `---
title: =SUM(A1:A9)协商
kind: consultation
summary: '@某人 提出的议题'
date: 2023
region:
  province: 浙江省
level: community
forms: [council]
topics: [traffic]
sources: [demo-source]
---
正文。
`;

  async function exports(content: string) {
    const cases = await casesOf(content);
    return { csv: casesCsv(cases, site), json: casesJson(cases, site), xlsx: Buffer.from(await casesXlsx(cases, site, info)) };
  }

  let where: { content: string; root: string };
  beforeAll(async () => {
    where = await project('site-extras');
    await writeFile(path.join(where.content, 'cases/tricky-case.mdx'), TRICKY);
    await writeFile(path.join(where.content, 'cases/formula-case.mdx'), FORMULA);
  });

  test('the exported XLSX imported with --update changes no file, and the data files come out byte for byte the same', async () => {
    const first = await exports(where.content);
    const files = await snapshot(where.content);
    const file = path.join(await scratch(), 'cases.xlsx');
    await writeFile(file, first.xlsx);
    const result = await run(file, where, { update: true });
    expect(result.ok && result.written.map((w) => w.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await snapshot(where.content)).toEqual(files);
    const second = await exports(where.content);
    expect(second.csv).toBe(first.csv);
    expect(second.json).toBe(first.json);
    expect(second.xlsx.equals(first.xlsx)).toBe(true);
  });

  test('the exported CSV round-trips too; an edit in it reaches the file and the next export, and nothing else changes', async () => {
    const first = await exports(where.content);
    const rows = parseCsvForTest(first.csv);
    const tricky = rows.findIndex((r) => r[0] === 'tricky-case');
    rows[tricky]![LEDGER_HEADER.indexOf('层级')] = '村';
    rows[tricky]![LEDGER_HEADER.indexOf('层级代码')] = 'village';
    const file = path.join(await scratch(), 'cases.csv');
    await writeFile(file, '\uFEFF' + csvText(rows));
    const result = await run(file, where, { update: true });
    expect(result.ok && result.written.filter((w) => w.action !== 'unchanged').map((w) => w.file)).toEqual(['content/cases/tricky-case.mdx']);
    const text = await readFile(path.join(where.content, 'cases/tricky-case.mdx'), 'utf8');
    // Only the level's line changed: the comment, the label-style values and the body are kept.
    expect(text).toBe(TRICKY.replace('level: 社区', 'level: village'));
    const second = await exports(where.content);
    expect(second.csv).toBe(first.csv.replace(/(tricky-case,.*?),社区,community,/s, '$1,村,village,'));
    expect(second.csv).not.toBe(first.csv);
  });
});

describe('formulas never reach a spreadsheet', () => {
  test('a title beginning with = is text in the CSV and the XLSX, and comes back unchanged on import', async () => {
    const where = await project();
    await writeFile(path.join(where.content, 'cases/formula-case.mdx'), `---
title: =HYPERLINK("http://evil.example","点击")协商
kind: consultation
summary: +1 居民提出的议题
date: 2023
region:
  province: 浙江省
level: community
forms: [council]
topics: [traffic]
sources: [demo-source]
---
正文。
`);
    const cases = await casesOf(where.content);
    const csv = casesCsv(cases, site);
    const row = parseCsvForTest(csv).find((r) => r[0] === 'formula-case')!;
    expect(row[LEDGER_HEADER.indexOf('标题')]).toBe(`'=HYPERLINK("http://evil.example","点击")协商`);
    expect(row[LEDGER_HEADER.indexOf('摘要')]).toBe(`'+1 居民提出的议题`);
    for (const cell of parseCsvForTest(csv).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const xlsx = await casesXlsx(cases, site, info);
    const listing = listZip(xlsx);
    expect(listing.ok).toBe(true);
    if (!listing.ok) return;
    const part = (name: string) => inflateRawSync(entryData(xlsx, listing.entries.find((e) => e.name === name)!)!).toString('utf8');
    const sheet = part('xl/worksheets/sheet1.xml');
    // No cell is a formula: no <f> element, and every cell with a value is a shared string.
    expect(sheet).not.toMatch(/<f[\s>]/);
    for (const cell of sheet.match(/<c [^>]*>/g)!) expect(cell).toMatch(/t="s"/);
    expect(part('xl/sharedStrings.xml')).toContain(`<t>'=HYPERLINK("http://evil.example","点击")协商</t>`);

    const file = path.join(await scratch(), 'cases.xlsx');
    await writeFile(file, xlsx);
    const result = await run(file, where, { update: true });
    expect(result.ok && result.written.every((w) => w.action === 'unchanged')).toBe(true);
  });
});

describe('hostile files are refused with one message, and nothing is written', () => {
  let where: { content: string; root: string };
  let before: Map<string, string>;
  beforeAll(async () => {
    where = await project();
    before = await snapshot(where.content);
  });
  afterEach(async () => {
    expect(await snapshot(where.content)).toEqual(before);
  });

  async function refused(name: string, bytes: Uint8Array | string): Promise<string> {
    const file = path.join(await scratch(), name);
    await writeFile(file, bytes);
    const result = await run(file, where);
    expect(result.ok).toBe(false);
    if (result.ok) return '';
    expect(result.refused).toBe(true);
    expect(result.problems).toHaveLength(1);
    return result.problems[0]!;
  }

  /** A ZIP of deflated entries; `claim` overrides the size the archive states for an entry. */
  function zipOf(files: [string, Buffer][], claim?: number): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const [name, data] of files) {
      const packed = deflateRawSync(data);
      const nameBytes = Buffer.from(name);
      const size = claim ?? data.length;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(packed.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(nameBytes.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, nameBytes, packed);
      centrals.push(central, nameBytes);
      offset += 30 + nameBytes.length + packed.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(files.length, 8);
    end.writeUInt16LE(files.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
  }

  /** The parts of a real workbook, to tamper with. */
  async function workbookParts(): Promise<[string, Buffer][]> {
    const file = path.join(await scratch(), 'w.xlsx');
    await writeLedgerXlsx(file, [HELD_OUT_HEADER, HELD_OUT_ROWS[0]!]);
    const bytes = new Uint8Array(await readFile(file));
    const listing = listZip(bytes);
    if (!listing.ok) throw new Error('no zip');
    return listing.entries.map((e) => [e.name, e.method === 8 ? inflateRawSync(entryData(bytes, e)!) : Buffer.from(entryData(bytes, e)!)]);
  }

  test('an oversized file', async () => {
    const file = path.join(await scratch(), 'big.xlsx');
    await writeFile(file, '');
    await truncate(file, TABLE_LIMITS.fileBytes + 1);
    const result = await run(file, where);
    expect(result.ok ? '' : result.problems.join('\n')).toMatch(/^big\.xlsx {2}文件有 20 MB，超过导入的上限（20 MB）/);
  });

  test('a zip bomb, even one that states small sizes', async () => {
    const parts = await workbookParts();
    const limit = XLSX_LIMITS.unzippedBytes;
    XLSX_LIMITS.unzippedBytes = 4 * 1024 * 1024;
    try {
      const bomb = parts.map(([name, data]): [string, Buffer] => [name, name.endsWith('sheet1.xml') ? Buffer.concat([data, Buffer.alloc(5 * 1024 * 1024, 0x20)]) : data]);
      expect(await refused('bomb.xlsx', zipOf(bomb))).toMatch(/解压后的内容超过 4 MB，不像是一份台账，可能是“压缩炸弹”/);
      expect(await refused('liar.xlsx', zipOf(bomb, 1000))).toMatch(/可能是“压缩炸弹”/);
    } finally {
      XLSX_LIMITS.unzippedBytes = limit;
    }
  });

  test('files that are not spreadsheets', async () => {
    expect(await refused('photo.xlsx', Buffer.from('\x89PNG\r\n\x1a\n not a workbook'))).toMatch(/不是 Excel 工作簿（\.xlsx）/);
    expect(await refused('old.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/旧版 Excel 文件（\.xls）/);
    expect(await refused('old.xls', 'x')).toMatch(/不支持 \.xls 文件/);
    expect(await refused('notes.docx', 'x')).toMatch(/只能导入 \.xlsx 或 \.csv 文件/);
    expect(await refused('binary.csv', Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff, 0xfe, 0x00]))).toMatch(/不是文本文件|无法识别文件的编码/);
    expect(await refused('zip.csv', zipOf([['a.xml', Buffer.from('<a/>')]]))).toMatch(/其实是 Excel 工作簿/);
    expect(await refused('empty.xlsx', zipOf([['a.xml', Buffer.from('<a/>')]]))).toMatch(/不是 Excel 工作簿/);
  });

  test('a sheet with thousands of empty rows', async () => {
    const parts = await workbookParts();
    const padded = parts.map(([name, data]): [string, Buffer] => {
      if (!name.endsWith('sheet1.xml')) return [name, data];
      const xml = data.toString('utf8');
      const empty = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" s="0"/></row>`).join('');
      return [name, Buffer.from(xml.replace('</sheetData>', `${empty}</sheetData>`))];
    });
    expect(await refused('rows.xlsx', zipOf(padded))).toMatch(/里有 3000 个空行（有内容的只有 2 行，到第 2 行为止，表格却延伸到第 3002 行）/);
    expect(await refused('rows.csv', csvText([HELD_OUT_HEADER, HELD_OUT_ROWS[0]!, ...Array.from({ length: 2000 }, () => ['', '', ''])]))).toMatch(/文件里有 2000 个空行/);
  });
});

describe('reading tables', () => {
  test('CSV: quotes, doubled quotes, line breaks in a cell, CRLF, LF and CR; an unpaired quote is an error', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"多\n行",x\ry\n')).toEqual({ ok: true, rows: [['a', 'b,c', 'd"e'], ['多\n行', 'x'], ['y']] });
    expect(parseCsv('a,"b\r\nc,d')).toEqual({ ok: false, message: expect.stringContaining('第 1 行有一个引号（"）没有配对') });
  });

  test('text encodings: UTF-8 with or without a BOM, GBK, UTF-16', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF层级'))).toEqual({ ok: true, text: '层级', encoding: 'UTF-8（带 BOM）' });
    expect(decodeText(new TextEncoder().encode('层级'))).toMatchObject({ ok: true, text: '层级', encoding: 'UTF-8' });
    expect(decodeText(encodeGbk('层级，社区'))).toMatchObject({ ok: true, text: '层级，社区', encoding: 'GBK/GB18030' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x42, 0x5c]))).toMatchObject({ ok: true, text: '层', encoding: 'UTF-16' });
  });
});

describe('npm run new -- ledger', () => {
  test('writes the template once, and its example row imports into a handbook as a valid case', async () => {
    const where = await project();
    const file = path.join(await scratch(), 'template.xlsx');
    expect(await writeTemplate({ file, root: PROJECT_ROOT, contentDir: where.content })).toEqual({ ok: true });
    expect(await writeTemplate({ file, root: PROJECT_ROOT, contentDir: where.content })).toMatchObject({ ok: false, message: expect.stringContaining('已经存在，没有覆盖') });
    const result = await run(file, where);
    expect(result.ok && result.written).toEqual([{ file: 'content/cases/example-community-parking.mdx', line: 2, action: 'created' }]);
    expect((await validateContent(where.content, where.root)).problems).toEqual([]);
  });
});

describe('cells Excel typed itself', () => {
  test('a date cell and a number cell in the 时间 column are read as YYYY-MM-DD and YYYY', async () => {
    const where = await project();
    const header = HELD_OUT_HEADER.map((value) => ({ value, type: String }));
    const row = (date: unknown, title: string) => HELD_OUT_ROWS[1]!.map((value, i) => {
      if (HELD_OUT_HEADER[i] === '时间') return date;
      if (HELD_OUT_HEADER[i] === '标题') return { value: title, type: String };
      return value === '' ? null : { value, type: String };
    });
    const file = path.join(await scratch(), 'typed.xlsx');
    await writeXlsxFile([header, row({ value: new Date(Date.UTC(2023, 4, 9)), type: Date, format: 'yyyy-mm-dd' }, '日期单元格议事'), row({ value: 2021, type: Number }, '数字单元格议事')] as never).toFile(file);
    expect(await run(file, where)).toMatchObject({ ok: true });
    expect(await readFile(path.join(where.content, 'cases/ri-qi-dan-yuan-ge-yi-shi.mdx'), 'utf8')).toContain('date: 2023-05-09');
    expect(await readFile(path.join(where.content, 'cases/shu-zi-dan-yuan-ge-yi-shi.mdx'), 'utf8')).toContain('date: 2021\n');
  });
});

describe('npm run import', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/import.ts'), ...args], { encoding: 'utf8', cwd: PROJECT_ROOT });

  test('says what it wrote; a ledger with a mistake exits 1, lists it, and writes nothing', async () => {
    const where = await project();
    const dir = await scratch();
    const good = path.join(dir, 'good.csv');
    await writeFile(good, csvText([HELD_OUT_HEADER, HELD_OUT_ROWS[0]!]));
    const dry = cli([good, '--content', where.content, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/将新建 .*cheng-dong-she-qu-jia-zhuang-dian-ti-xie-shang\.mdx（台账第 2 行）/);
    expect(dry.stdout).toContain('检查通过，没有写入文件');
    const written = cli([good, '--content', where.content]);
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(/已新建 .*cheng-dong-she-qu-jia-zhuang-dian-ti-xie-shang\.mdx（台账第 2 行）\n导入完成（UTF-8 编码）：1 行，新建 1 个、更新 0 个、未改变 0 个案例/);
    const before = await snapshot(where.content);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, csvText([HELD_OUT_HEADER, HELD_OUT_ROWS[1]!.map((v, i) => (HELD_OUT_HEADER[i] === '层级' ? '小区' : v))]));
    const failed = cli([bad, '--content', where.content]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/bad\.csv {2}行 2 {2}列「层级」 {2}“小区”不是可用的值/);
    expect(failed.stderr).toContain('共发现 1 个问题，涉及 1 行。没有写入任何文件。');
    expect(await snapshot(where.content)).toEqual(before);
    expect(cli([]).stderr).toContain('缺少台账文件');
  }, 60_000);
});
