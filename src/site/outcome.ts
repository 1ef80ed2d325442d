/** The stages a consultation's results pass through, in order (提出 → 批示 → 办理 → 落实 → 回头看). */
export const outcomeStages = ['proposed', 'instructed', 'in-progress', 'implemented', 'reviewed'] as const;

/** The index of the last stage reached for an `outcome.status`; undefined when unknown. */
export function reachedStage(status: string | undefined): number | undefined {
  const index = outcomeStages.indexOf(status as (typeof outcomeStages)[number]);
  return index === -1 ? undefined : index;
}
