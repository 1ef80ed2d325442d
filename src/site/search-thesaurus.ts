import { readFile } from 'node:fs/promises';
import path from 'node:path';
import runtime from 'virtual:yishi/config';
import { parse } from 'yaml';
import { resolveTaxonomy } from '../schemas/taxonomies.ts';
import { THESAURUS_FILE, thesaurusSchema, type ThesaurusData } from '../schemas/thesaurus.ts';
import type { SearchEngineData } from '../search/facets.ts';
import { compileThesaurus, type CompiledThesaurus } from '../search/thesaurus.ts';
import { entries } from './queries.ts';

/** The content's thesaurus file, validated; empty when the handbook has none. */
async function readThesaurus(contentDir: string): Promise<ThesaurusData> {
  const file = path.join(contentDir, THESAURUS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return thesaurusSchema.parse({});
    throw error;
  }
  const result = thesaurusSchema.safeParse(parse(text.replace(/^\uFEFF/, '')) ?? {});
  // The content check reports each problem with its line; this only stops a build that skipped it.
  if (!result.success) throw new Error(`检索词表 ${THESAURUS_FILE} 有误，请运行 npm run check 查看具体问题`);
  return result.data;
}

/**
 * What the search page ships of the thesaurus: `content/thesaurus.yaml` with the glossary's
 * terms, aliases and synonyms folded in (`src/search/thesaurus.ts`).
 */
export async function searchThesaurus(): Promise<CompiledThesaurus> {
  const data = await readThesaurus(runtime.contentDir);
  const topics: Record<string, string[]> = {};
  for (const [topic, words] of Object.entries(data.topics)) {
    const key = resolveTaxonomy('topics', topic);
    if (key) topics[key] = [...(topics[key] ?? []), ...words];
  }
  const terms = await entries('terms');
  return compileThesaurus({ synonyms: data.synonyms, phrases: data.phrases, topics }, terms.map((t) => t.data));
}

/** The authors' guide to writing a case, when the handbook has it under its usual id. */
const WRITING_GUIDE = 'writing-a-case';

/**
 * What the search page's script needs besides the filters: the thesaurus, how many pages the
 * index holds (to tell common words), and where the guide to writing a case is.
 */
export async function searchEngineData(): Promise<SearchEngineData> {
  const [thesaurus, cases, methods, models, guides] = await Promise.all([searchThesaurus(), entries('cases'), entries('methods'), entries('models'), entries('guides')]);
  return {
    thesaurus,
    // Every case, method, model and guide has a page, and so do the glossary and the sources.
    pageCount: cases.length + methods.length + models.length + guides.length + 2,
    writingGuide: guides.some((g) => g.id === WRITING_GUIDE) ? `/guides/${WRITING_GUIDE}/` : undefined,
  };
}
