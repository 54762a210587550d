/**
 * @module knowledge-base/sections
 * The vocabulary of broad questions, from `knowledge/sections.json`: the parts of the plan a
 * question can ask about as a whole (基本条件, 运行要求, 牵头单位要求, 具体任务, 保障措施, 总体要求,
 * 组织实施, and the steps of recognition 四（一）→（三）), the words that name each part, and the words
 * that ask for the whole of it (哪些, 都有啥). Words, not code: a new way of naming a part is a data
 * change.
 */
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { DEFAULT_KNOWLEDGE_DIR } from './load.ts';
import { readKnowledgeJson } from './read-json.ts';
import type { KnowledgeBase } from './types.ts';

/** The file under the knowledge folder that holds the parts of the plan and their vocabulary. */
export const SECTIONS_FILE = 'sections.json';

const term = z.string().trim().min(1);
const sectionId = z.string().regex(/^\d+(\.\d+)?$/, 'a section id such as 3.1');
const clauseId = z.string().regex(/^\d+(\.\d+){0,2}$/, 'a clause id such as 4.1');

export const sectionsFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  /** Words asking for the whole of something (哪些, 都有啥; English phrases in lower case). */
  whole: z.object({ zh: z.array(term).min(1), en: z.array(term).default([]) }),
  /**
   * Chinese words naming what the whole plan is about (创新中心, 组建): left over besides a part's
   * name, they point at no one clause of it (English words are read through the glossary first).
   */
  background: z.array(term).default([]),
  /**
   * Words asking for all of a part even when the rest of the question names some of its clauses
   * (整个程序, 逐条, 从准备材料到认定再到考核); `…` stands for any text between.
   */
  span: z.object({ zh: z.array(term).default([]), en: z.array(term).default([]) }).default({ zh: [], en: [] }),
  sections: z
    .array(
      z.object({
        /** The part of the plan: a heading's id (`3.1`, `2`); its clauses are those under it. */
        id: sectionId,
        /**
         * The clauses presented, in order, when they are steps rather than the whole part (the
         * process: 4.1 → 4.2 → 4.3). A question naming steps needs no word asking for the whole.
         */
        steps: z.array(clauseId).min(2).optional(),
        /** Every list must have a term in the question (牵头单位 and 条件). */
        subjects: z.array(z.array(term).min(1)).min(1),
      }),
    )
    .min(1),
});

/** The validated vocabulary of broad questions. */
export type SectionsVocabulary = z.infer<typeof sectionsFileSchema>;

/**
 * Loads and validates `knowledge/sections.json`; with a knowledge base, also checks that every part
 * has clauses and every step is a clause of the plan.
 *
 * @throws KnowledgeError naming the file and field when anything is off
 */
export function loadSectionsVocabulary(kb?: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): SectionsVocabulary {
  const data = readKnowledgeJson(dir, SECTIONS_FILE, sectionsFileSchema);
  if (kb) {
    const doc = kb.documents[0]?.id;
    const mine = kb.clauses.filter((c) => c.doc === doc);
    data.sections.forEach((s, i) => {
      if (!mine.some((c) => c.id.startsWith(`${s.id}.`))) {
        throw new KnowledgeError(`knowledge/${SECTIONS_FILE}: sections.${i}.id: the plan has no part ${s.id}`, {
          code: 'knowledge_clause_missing',
        });
      }
      s.steps?.forEach((id, j) => {
        if (!mine.some((c) => c.id === id)) {
          throw new KnowledgeError(
            `knowledge/${SECTIONS_FILE}: sections.${i}.steps.${j}: the plan has no clause ${id}`,
            {
              code: 'knowledge_clause_missing',
            },
          );
        }
      });
    });
  }
  return data;
}
