import { z } from 'astro/zod';
import { allowedValues, resolveTaxonomy } from './taxonomies.ts';

/**
 * The handbook's search thesaurus: `content/thesaurus.yaml`, one file edited by the office and
 * checked by `npm run check` like any content. It says how readers put things that the pages
 * say otherwise (厕所 for 公厕, 扫大街 for 环卫工人), which phrases search must keep whole, and
 * which everyday words belong to which topic. The search page gets it with the glossary's
 * names and synonyms folded in (`src/search/thesaurus.ts`); the search code itself holds no
 * word of any handbook.
 */

/** Where the thesaurus lives, relative to the content folder. */
export const THESAURUS_FILE = 'thesaurus.yaml';

/** A word or short phrase as a reader would type it. */
const word = z
  .string()
  .trim()
  .min(1)
  .max(20, { message: '词语最多 20 个字；长句请拆成几个词' })
  .refine((w) => !/[\s,，;；]/.test(w), { message: '一项只写一个词语：不要含空格、逗号或分号，几个词请分开写成列表' });

export const thesaurusSchema = z.strictObject({
  /**
   * The handbook's word → what readers may type instead: everyday words, near-synonyms, short
   * names (`公厕: [厕所, 卫生间]`). A query holding one of them is also searched with the
   * handbook's word, and the results say so. Default: none.
   */
  synonyms: z.record(word, z.array(word).min(1, { message: '至少写一个同义词，如 [厕所, 卫生间]' })).default({}),
  /**
   * Slogans and fixed phrases that search keeps whole although they hold common words
   * (切口小, 有事好商量). The glossary's terms, aliases and synonyms are kept whole anyway.
   * Default: none.
   */
  phrases: z.array(word.refine((w) => [...w].length >= 2, { message: '短语至少两个字' })).default([]),
  /**
   * Topic (key or Chinese label, as in a case's `topics`) → everyday words of that topic
   * (`environment: [绿化, 垃圾]`). When the handbook has no case on a question, the search page
   * points to the topics its words belong to. Default: none.
   */
  topics: z.record(z.string(), z.array(word).min(1)).default({}),
});

export type ThesaurusInput = z.input<typeof thesaurusSchema>;
export type ThesaurusData = z.output<typeof thesaurusSchema>;

/** One problem of a valid-looking thesaurus that the schema cannot see, with the path of the field. */
export interface ThesaurusIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Rules across the thesaurus's entries: a word listed as its own synonym, a synonym listed
 * twice for one word, a phrase listed twice, a topic that is not one of the handbook's.
 */
export function thesaurusIssues(data: ThesaurusData): ThesaurusIssue[] {
  const issues: ThesaurusIssue[] = [];
  for (const [head, synonyms] of Object.entries(data.synonyms)) {
    const seen = new Set<string>();
    synonyms.forEach((synonym, i) => {
      if (synonym === head) issues.push({ path: ['synonyms', head, i], message: `“${synonym}”就是手册的用词本身，不必再列为同义词。请删去这一项` });
      else if (seen.has(synonym)) issues.push({ path: ['synonyms', head, i], message: `“${synonym}”在“${head}”的同义词里重复出现。请删去重复的一项` });
      seen.add(synonym);
    });
  }
  const phrases = new Set<string>();
  data.phrases.forEach((phrase, i) => {
    if (phrases.has(phrase)) issues.push({ path: ['phrases', i], message: `短语“${phrase}”重复出现。请删去重复的一项` });
    phrases.add(phrase);
  });
  for (const [topic, words] of Object.entries(data.topics)) {
    if (!resolveTaxonomy('topics', topic)) issues.push({ path: ['topics', topic], message: `没有“${topic}”这个领域。可用的领域：${allowedValues('topics')}` });
    const seen = new Set<string>();
    words.forEach((w, i) => {
      if (seen.has(w)) issues.push({ path: ['topics', topic, i], message: `“${w}”在领域 ${topic} 里重复出现。请删去重复的一项` });
      seen.add(w);
    });
  }
  return issues;
}
