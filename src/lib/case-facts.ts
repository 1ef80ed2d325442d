import { t } from '../i18n/index.ts';
import { labelOf } from '../schemas/taxonomies.ts';
import type { CaseData } from '../schemas/case.ts';
import { UNKNOWN } from '../schemas/common.ts';
import { provinceSlug } from './browse.ts';

export interface Fact {
  label: string;
  values: { text: string; path?: string }[];
  /** What stands between values: 、 unless given (地区: 浙江省 · 湖州市). */
  separator?: string;
}

/** Titles of methods, models and cases by id, for linking facts. */
export interface TitleLookup {
  methods: Map<string, string>;
  models: Map<string, string>;
  cases: Map<string, string>;
}

/** Province · city · county · place, leaving out what the case does not name. */
export function regionText(region: CaseData['region']): string {
  return [region.province, region.city, region.county, region.place].filter(Boolean).join(' · ');
}

/** The region as facts-panel values: the province links to its browse page when known. */
function regionValues(region: CaseData['region']): Fact['values'] {
  const rest = [region.city, region.county, region.place].filter((n): n is string => Boolean(n)).map((text) => ({ text }));
  const province = region.province === UNKNOWN ? { text: region.province } : { text: region.province, path: `/browse/province/${provinceSlug(region.province)}/` };
  return [province, ...rest];
}

/**
 * The facts panel of a case, in reading order: 类型, 地区, 层级, 形式, 领域, 时间, 方法, 组成,
 * 参与者, 成果状态, 所属实践. Fields a case leaves empty are shown as 不详 where the panel always
 * has them, and left out where they are optional.
 */
export function caseFacts(data: CaseData, titles: TitleLookup): Fact[] {
  const plain = (text: string) => ({ text });
  const unknown = t('case.unknown');
  const facts: Fact[] = [
    { label: t('case.kind'), values: [plain(labelOf('kind', data.kind))] },
    { label: t('case.region'), values: regionValues(data.region), separator: ' · ' },
    { label: t('case.level'), values: [{ text: labelOf('level', data.level), path: `/browse/level/${data.level}/` }] },
    { label: t('case.forms'), values: data.forms.map((f) => ({ text: labelOf('forms', f), path: `/browse/forms/${f}/` })) },
    { label: t('case.topics'), values: data.topics.map((k) => ({ text: labelOf('topics', k), path: `/browse/topics/${k}/` })) },
    { label: t('case.date'), values: [data.date ? { text: data.date, path: `/browse/year/${data.date.slice(0, 4)}/` } : plain(unknown)] },
  ];
  if (data.methods.length) facts.push({ label: t('case.methods'), values: data.methods.map((id) => ({ text: titles.methods.get(id) ?? id, path: `/methods/${id}/` })) });
  if (data.models.length) facts.push({ label: t('case.models'), values: data.models.map((id) => ({ text: titles.models.get(id) ?? id, path: `/models/${id}/` })) });
  if (data.participants.length) facts.push({ label: t('case.participants'), values: data.participants.map(plain) });
  facts.push({ label: t('case.status'), values: [plain(data.outcome ? labelOf('status', data.outcome.status) : unknown)] });
  if (data.partOf) facts.push({ label: t('case.partOf'), values: [{ text: titles.cases.get(data.partOf) ?? data.partOf, path: `/cases/${data.partOf}/` }] });
  return facts;
}

/** A case as a list item: title, summary, and 类型 · 层级 · 时间 underneath. */
export function caseListItem(c: { id: string; data: Pick<CaseData, 'title' | 'summary' | 'kind' | 'level' | 'date'> }) {
  return {
    path: `/cases/${c.id}/`,
    title: c.data.title,
    summary: c.data.summary,
    meta: `${labelOf('kind', c.data.kind)} · ${labelOf('level', c.data.level)} · ${c.data.date ?? t('case.unknown')}`,
  };
}
