import { z } from 'astro/zod';
import { checkPartialDate } from './dates.ts';
import { allowedValues, resolveTaxonomy, taxonomyInputs, type TaxonomyName } from './taxonomies.ts';
import { UNKNOWN, UNKNOWN_KEY } from './unknown.ts';

/** ASCII kebab-case: the form of every id, in file names and references alike. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export { UNKNOWN, UNKNOWN_KEY } from './unknown.ts';

/**
 * What the published JSON Schema (`/schemas/<collection>.schema.json`, site/open-data.ts) says of a
 * schema where zod's own conversion says less: a transform's input (a date), a union's parts.
 */
export const jsonSchemaOf = new WeakMap<z.ZodType, Record<string, unknown>>();
export function withJsonSchema<T extends z.ZodType>(schema: T, json: Record<string, unknown>): T {
  jsonSchemaOf.set(schema, json);
  return schema;
}

/** A web address (http or https), as a source gives it. */
export const httpUrl = () => withJsonSchema(z.url({ protocol: /^https?$/ }), { type: 'string', format: 'uri', pattern: '^https?://' });

/** An id as JSON Schema's pattern (ECMA-262) writes it. */
export const ID_JSON_PATTERN = ID_PATTERN.source;

/** A reference to another entry by id; whether it exists is a cross-file check. */
export const idRef = z.string().regex(ID_PATTERN, {
  message: '引用的 id 应为小写英文字母、数字和连字符（如 six-step-procedure）',
});

/** A page title: 4 to 60 characters. */
export const title = z.string().trim().min(4).max(60);

/** One or two sentences shown in lists and search results: at most 160 characters. */
export const summary = z.string().trim().min(1).max(160);

/** Ids of `content/sources` entries; at least one. */
export const sourceList = z.array(idRef).min(1);

/**
 * An old id of a moved page, or of a page folded into a section of this one: `old-id`, or
 * `old-id#anchor` where `anchor` is the id of a heading of this page's body (a heading's text
 * as the site's anchors write it: see `headingAnchor`). The check validates the anchor.
 */
export const ALIAS_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*(#[^\s#/?]+)?$/;

export const aliasRef = z.string().regex(ALIAS_PATTERN, {
  message: '别名应为旧 id（小写英文字母、数字和连字符，如 jingchong-road-parking），或旧 id 加 # 和本页一节标题的锚点（如 jingchong-road-parking#泾崇路没有停车位）',
});

/** Old ids of a moved page, each perhaps with the section it moved to; each gets a redirect page. */
export const aliases = z.array(aliasRef).default([]);

/** An alias taken apart: the old id, and the anchor of the section it now names (if any). */
export function splitAlias(alias: string): { id: string; anchor: string | undefined } {
  const hash = alias.indexOf('#');
  return hash === -1 ? { id: alias, anchor: undefined } : { id: alias.slice(0, hash), anchor: alias.slice(hash + 1) };
}

/**
 * The anchor the site gives a Markdown heading (`## 泾崇路没有停车位` → `泾崇路没有停车位`), as
 * github-slugger (used by Astro's Markdown) writes it: lower case, punctuation and symbols
 * dropped, spaces made hyphens. Repeated headings get `-1`, `-2`… (see `headingAnchors`).
 */
export function headingAnchor(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** The anchors of a page's headings, in order, numbered as github-slugger numbers repeats. */
export function headingAnchors(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = headingAnchor(text);
    let slug = base;
    while (seen.has(slug)) {
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    return slug;
  });
}

function parseDate(input: string | number | Date, ctx: z.core.$RefinementCtx, allowUnknown: boolean) {
  const text = input instanceof Date ? input.toISOString().slice(0, 10) : String(input).trim();
  if (allowUnknown && (text === UNKNOWN || text === UNKNOWN_KEY)) return null;
  const checked = checkPartialDate(text);
  if (checked.ok) return checked.value;
  const hint = allowUnknown ? '；资料没有给出日期时写“不详”' : '';
  ctx.issues.push({ code: 'custom', message: checked.message + hint, input, params: { code: checked.code } });
  return z.NEVER;
}

const dateInput = z.union([z.string(), z.number(), z.date()], {
  error: '日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD',
});

/**
 * A partial date in JSON Schema: a year (a YAML number or text), a year and month, or a day that
 * exists (`format: date` knows 30 February is none). That it lies no later than today cannot be
 * said in JSON Schema: today moves.
 */
export const PARTIAL_DATE_JSON = {
  anyOf: [
    { type: 'integer', minimum: 1000, maximum: 9999 },
    { type: 'string', pattern: '^[0-9]{4}$' },
    { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
    { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', format: 'date' },
  ],
} as const;
const DATE_NOTE = '日期写成 YYYY、YYYY-MM 或 YYYY-MM-DD（如 2023、2023-05、2023-05-09），须真实存在。不能晚于今天：这一条 JSON Schema 无法表达，由 npm run check 检查。';

/**
 * A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), real and not in the future.
 * YAML may hand it over as a number (2023) or, through Astro's parser, a Date.
 */
export const partialDate = withJsonSchema(dateInput.transform((input, ctx) => parseDate(input, ctx, false) as string), { ...PARTIAL_DATE_JSON, description: DATE_NOTE });

/** A partial date, or 不详 where the source gives none (normalised to null). */
export const dateOrUnknown = withJsonSchema(dateInput.transform((input, ctx) => parseDate(input, ctx, true)), {
  anyOf: [...PARTIAL_DATE_JSON.anyOf, { enum: [UNKNOWN, UNKNOWN_KEY] }],
  description: `${DATE_NOTE}资料没有给出日期时写“${UNKNOWN}”。`,
});

/**
 * A taxonomy value: its ASCII key or its Chinese label, normalised to the key. With
 * `unknown: true`, 不详 (or `unknown`) is a value too, normalised to `unknown`: where the source
 * does not say, the author writes that instead of guessing.
 */
export function taxonomy<T extends TaxonomyName>(name: T, options: { unknown?: boolean } = {}) {
  return z.string().transform((input, ctx) => {
    const key = resolveTaxonomy(name, input);
    if (key !== undefined) return key;
    if (options.unknown && (input.trim() === UNKNOWN || input.trim() === UNKNOWN_KEY)) return UNKNOWN_KEY;
    ctx.issues.push({
      code: 'custom',
      message: `“${input}”不是可用的值。可选：${allowedValues(name)}${options.unknown ? '；资料未载明时写“不详”' : ''}`,
      input,
      params: { code: 'value.unknown' },
    });
    return z.NEVER;
    // The JSON Schema an editor validates with lists every value an author may write.
  }).meta({ enum: [...taxonomyInputs(name), ...(options.unknown ? [UNKNOWN_KEY, UNKNOWN] : [])] });
}
