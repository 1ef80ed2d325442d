import type { CaseData } from '../schemas/case.ts';
import { UNKNOWN } from '../schemas/common.ts';
import { caseCompleteness } from '../schemas/completeness.ts';

type ScopeCase = { id: string; data: Pick<CaseData, 'date' | 'region' | 'sources' | 'participants' | 'methods' | 'models' | 'outcome'> };

/** What the handbook covers, for a plain statement on the home page. */
export interface HandbookScope {
  cases: number;
  /** Sources the cases rest on. */
  sources: number;
  /** Provinces with their number of cases, most first; 不详 last. */
  provinces: { name: string; count: number }[];
  /** The first and last year of the dated cases; undefined when none is dated. */
  years: { from: string; to: string } | undefined;
  undated: number;
}

export function handbookScope(cases: readonly ScopeCase[]): HandbookScope {
  const provinces = new Map<string, number>();
  const sources = new Set<string>();
  const years: string[] = [];
  for (const c of cases) {
    provinces.set(c.data.region.province, (provinces.get(c.data.region.province) ?? 0) + 1);
    for (const ref of c.data.sources) sources.add(ref.id);
    if (c.data.date) years.push(c.data.date.slice(0, 4));
  }
  years.sort();
  return {
    cases: cases.length,
    sources: sources.size,
    provinces: [...provinces].map(([name, count]) => ({ name, count })).sort((a, b) => Number(a.name === UNKNOWN) - Number(b.name === UNKNOWN) || b.count - a.count || (a.name < b.name ? -1 : 1)),
    years: years.length ? { from: years[0]!, to: years.at(-1)! } : undefined,
    undated: cases.length - years.length,
  };
}

/** The case a new reader learns most from: the most complete, then the one that uses most methods and models, then by id. */
export function bestDocumentedCase<T extends ScopeCase>(cases: readonly T[]): T | undefined {
  const score = (c: T) => caseCompleteness(c.data).known * 100 + c.data.methods.length + c.data.models.length;
  return [...cases].sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1))[0];
}

/** The method most cases use (ties by id); undefined when no case names one. */
export function mostUsedMethod(cases: readonly ScopeCase[]): string | undefined {
  const uses = new Map<string, number>();
  for (const c of cases) for (const id of c.data.methods) uses.set(id, (uses.get(id) ?? 0) + 1);
  return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
