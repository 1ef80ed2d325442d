import { z } from 'astro/zod';
import { aliases, dateOrUnknown, ID_JSON_PATTERN, idRef, jsonSchemaOf, summary, taxonomy, title, UNKNOWN } from './common.ts';
import { INFERABLE_FIELDS } from './inferable.ts';
import { provinces, suggestProvince } from './regions.ts';

/** `region.province`: a provincial-level division's full name, or 不详. */
const province = z.string().transform((input, ctx) => {
  const name = input.trim();
  if (name === UNKNOWN || (provinces as readonly string[]).includes(name)) return name;
  const suggestion = suggestProvince(name);
  ctx.issues.push({
    code: 'custom',
    input,
    params: { code: 'region.province' },
    message: suggestion
      ? `“${input}”不是省级行政区的全称。是不是“${suggestion}”？`
      : `“${input}”不是省级行政区的全称（如 浙江省、广西壮族自治区）；资料未载明时写“不详”`,
  });
  return z.NEVER;
}).meta({ enum: [...provinces, UNKNOWN] });

/** Where the case took place, from province down to the smallest unit named. */
export const regionSchema = z.strictObject({
  province,
  city: z.string().trim().min(1).optional(),
  county: z.string().trim().min(1).optional(),
  place: z.string().trim().min(1).optional(),
});

/** A source an entry rests on: an id, or an id with what it supports. */
export const sourceRef = z.union([
  z.string(),
  z.strictObject({ id: z.string(), supports: z.string().trim().min(1).max(200).optional() }),
]).transform((ref) => (typeof ref === 'string' ? { id: ref, supports: undefined } : ref));
// Any text reaches the cross-file check, which names the source meant (ref.unknown); an editor is told at once.
jsonSchemaOf.set(sourceRef, {
  anyOf: [
    { type: 'string', pattern: ID_JSON_PATTERN },
    {
      type: 'object',
      properties: { id: { type: 'string', pattern: ID_JSON_PATTERN }, supports: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } },
      required: ['id'],
      additionalProperties: false,
    },
  ],
  description: '资料的 id（content/sources/<id>.yaml），或 { id, supports: 这份资料支持的内容 }',
});

/** What came of it. */
export const outcomeSchema = z.strictObject({
  status: taxonomy('status'),
  summary: z.string().trim().min(1).max(400).optional(),
});

/** A case: `content/cases/<id>.mdx`, at `/cases/<id>/`. */
export const caseSchema = z.strictObject({
  title,
  /** practice（一个机构长期的协商做法） or consultation（一次具体的协商）. */
  kind: taxonomy('kind'),
  summary,
  /** When it happened: YYYY, YYYY-MM or YYYY-MM-DD; 不详 when the source gives none (→ null). */
  date: dateOrUnknown,
  region: regionSchema,
  level: taxonomy('level'),
  /** At least one; 不详 where the source does not say (never a guess). */
  forms: z.array(taxonomy('forms', { unknown: true })).min(1),
  topics: z.array(taxonomy('topics', { unknown: true })).min(1),
  /** Ids of methods it used. Default: none. */
  methods: z.array(idRef).default([]),
  /** Ids of models it follows. Default: none. */
  models: z.array(idRef).default([]),
  /** The practice (a case of kind practice) this consultation belongs to. */
  partOf: idRef.optional(),
  /** Who took part. Default: not recorded. */
  participants: z.array(z.string().trim().min(1)).default([]),
  outcome: outcomeSchema.optional(),
  sources: z.array(sourceRef).min(1),
  aliases,
  /**
   * Fields whose value is the handbook's inference, not stated by the source (a year read from
   * “今年” and the article's date). Shown as such, carried in the open data, and never given as
   * a reason two cases are alike. Default: none.
   */
  inferred: z.array(z.enum(INFERABLE_FIELDS)).default([]),
});

export type CaseInput = z.input<typeof caseSchema>;
export type CaseData = z.output<typeof caseSchema>;
