import { t } from '../i18n/index.ts';
import type { CaseData } from './case.ts';
import { UNKNOWN, UNKNOWN_KEY } from './common.ts';

/**
 * 资料完整度: how much of what a reader wants to know about a case its sources actually give.
 * Each field below is known, or 不详 / not recorded / hidden in the source (xx县, **社区).
 * The key (`high`, `medium`, `low`) is stable, for a future browse or search facet.
 */
export const completenessKeys = ['high', 'medium', 'low'] as const;
export type CompletenessKey = (typeof completenessKeys)[number];

/** 资料较完整, 资料部分缺失, 资料缺失较多. */
export function completenessLabel(key: CompletenessKey): string {
  return t(`completeness.${key}`);
}

/** A field the indicator counts, with its label as the facts panel names it. */
export interface CompletenessField {
  key: string;
  label: string;
  known: boolean;
}

export interface Completeness {
  key: CompletenessKey;
  label: string;
  known: number;
  total: number;
  fields: CompletenessField[];
  /** How many 资料未载明 notes the body carries. */
  unstatedNotes: number;
}

/**
 * Marks of a name the sources hide: xx县, XX社区, **街道, ××村, ＊＊市, 某市, and a mark inside a
 * name (湖州市xx区). The one rule: the completeness meter and similar cases (site/similar.ts) read it.
 */
const HIDDEN_PLACE = /[xX]{2}|[×*＊某]/;

/** A name the source hides (HIDDEN_PLACE). */
export function isMasked(name: string): boolean {
  return HIDDEN_PLACE.test(name.trim());
}

/** The number of `<Unstated>` notes in an MDX body. */
export function countUnstated(body: string | undefined): number {
  return body ? (body.match(/<Unstated[\s>]/g) ?? []).length : 0;
}

type CompletenessInput = Pick<CaseData, 'date' | 'region' | 'participants' | 'methods' | 'models' | 'outcome'>;

/**
 * The fields a case can leave unknown, each known or not: 时间, 省份, 具体地点 (a city, county or
 * place the source names rather than hides), 参与者, 方法或模式, 成果状态, 成果说明.
 * high: at most one unknown; low: fewer than half known.
 */
export function caseCompleteness(data: CompletenessInput, body?: string): Completeness {
  const { region } = data;
  const fields: CompletenessField[] = [
    { key: 'date', label: t('case.date'), known: data.date !== null },
    { key: 'province', label: t('completeness.province'), known: region.province !== UNKNOWN },
    { key: 'place', label: t('completeness.place'), known: [region.city, region.county, region.place].some((n) => n !== undefined && !isMasked(n)) },
    { key: 'participants', label: t('case.participants'), known: data.participants.length > 0 },
    { key: 'methods', label: t('completeness.methods'), known: data.methods.length + data.models.length > 0 },
    { key: 'status', label: t('case.status'), known: data.outcome !== undefined && data.outcome.status !== 'unknown' },
    { key: 'outcome', label: t('completeness.outcome'), known: Boolean(data.outcome?.summary) },
  ];
  const known = fields.filter((f) => f.known).length;
  const total = fields.length;
  const key: CompletenessKey = total - known <= 1 ? 'high' : known * 2 >= total ? 'medium' : 'low';
  return { key, label: completenessLabel(key), known, total, fields, unstatedNotes: countUnstated(body) };
}
