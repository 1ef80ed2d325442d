/** Case fields whose value may be the handbook's inference (`inferred: [date]`). */
export const INFERABLE_FIELDS = ['date', 'region', 'level', 'forms', 'topics', 'status'] as const;
export type InferableField = (typeof INFERABLE_FIELDS)[number];
