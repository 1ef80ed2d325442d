import { describe, expect, test } from 'vitest';
import { caseCompleteness, countUnstated, isMasked } from '../../src/schemas/completeness.ts';
import { noteMarks } from '../../src/site/note-marks.ts';
import { caseSchema } from '../../src/schemas/case.ts';

const base = { title: '示例停车难协商', kind: 'consultation', summary: '示例。', level: '社区', forms: ['council'], topics: ['traffic'], sources: ['x'] };

describe('资料完整度', () => {
  test('a case the sources say little about is low, listing what is unknown', () => {
    const data = caseSchema.parse({ ...base, date: '不详', region: { province: '不详', county: 'xx县', place: 'xx社区' }, outcome: { status: 'unknown' } });
    const c = caseCompleteness(data, '<Unstated>没有日期。</Unstated>\n\n<Unstated>\n没有人名。</Unstated>');
    expect(c.key).toBe('low');
    expect(c.label).toBe('资料缺失较多');
    expect([c.known, c.total]).toEqual([0, 7]);
    expect(c.fields.filter((f) => !f.known).map((f) => f.label)).toEqual(['时间', '省份', '具体地点', '参与者', '方法或模式', '成果状态', '成果说明']);
    expect(c.unstatedNotes).toBe(2);
  });

  test('a well-documented case is high; one unknown field still counts as high, two as medium', () => {
    const full = { ...base, date: '2023-05', region: { province: '浙江省', city: '湖州市' }, participants: ['市政协'], methods: ['eight-step-method'], outcome: { status: 'implemented', summary: '已建成。' } };
    expect(caseCompleteness(caseSchema.parse(full))).toMatchObject({ key: 'high', known: 7 });
    expect(caseCompleteness(caseSchema.parse({ ...full, date: '不详' }))).toMatchObject({ key: 'high', known: 6 });
    expect(caseCompleteness(caseSchema.parse({ ...full, date: '不详', participants: [] }))).toMatchObject({ key: 'medium', known: 5, label: '资料部分缺失' });
    expect(caseCompleteness(caseSchema.parse({ ...full, date: '不详', participants: [], methods: [], outcome: undefined })).key).toBe('low');
  });

  test('names the sources hide (xx县, **社区, ××村) do not count as a known place', () => {
    expect(['xx县', 'XX社区', '**街道', '××村'].map(isMasked)).toEqual([true, true, true, true]);
    expect(['湖州市', 'x县', '中山街'].map(isMasked)).toEqual([false, false, false]);
    expect(countUnstated(undefined)).toBe(0);
  });

  test('the legend names only the marks a body uses', () => {
    expect(noteMarks('<Interpretation>推断</Interpretation>')).toEqual({ unstated: false, interpretation: true });
    expect(noteMarks('正文')).toEqual({ unstated: false, interpretation: false });
  });
});
