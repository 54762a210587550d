/**
 * @module knowledge-base/follow-ups
 * The vocabulary of follow-ups, from `knowledge/follow-ups.json`: the words that mark a message as
 * elliptical (那…呢, a pronoun, a bare question word, "and for …?"), the subjects a follow-up may
 * switch to (牵头单位, 联盟, 创新中心) with the sections of the plan that govern each, and how each kind
 * of detail is asked when a follow-up is read in full. Words, not code: a new way of saying "what
 * about" is a data change.
 */
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { DEFAULT_KNOWLEDGE_DIR } from './load.ts';
import { readKnowledgeJson } from './read-json.ts';
import type { KnowledgeBase } from './types.ts';

/** The file under the knowledge folder that holds the follow-up vocabulary. */
export const FOLLOW_UPS_FILE = 'follow-ups.json';

const term = z.string().trim().min(1);
const terms = z.array(term).default([]);

/** The markers of one language. */
const languageSchema = z.object({
  /** Openers of a follow-up (那, 还有, what about), longest first when one begins another. */
  leading: terms,
  /** Characters after a leading marker that make it another word (那些, 那个): not an opener then. */
  leadingNotBefore: terms,
  /** Closers of a follow-up without a predicate of its own (呢). */
  trailing: terms,
  /** Words standing for the last subject (它, 这个, that, it). */
  pronouns: terms,
  /** Question and function words: a message made only of these (多少？ 要多久？) has no topic of its own. */
  questionWords: terms,
  /** Words that neither name a topic nor ask anything (的, 也, the, for). */
  fillers: terms,
  /**
   * Predicates whose object is left to the turn before (算进去, 计入, does it count): "设备能算进去吗"
   * asks whether equipment counts toward what was just discussed.
   */
  implicitObject: terms,
  /**
   * Asking for what comes after the last step (然后呢, 下一步是什么, what happens next): after a step of
   * the procedure (`steps` in `sections.json`), the next step answers.
   */
  next: terms,
});

const kinds = [
  'ratio',
  'amount',
  'count',
  'number',
  'duration',
  'date',
  'body',
  'list',
  'definition',
  'contact',
  'form',
  'other',
] as const;

export const followUpsFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  /** Longest follow-up (characters of Chinese, words of English) read against the context. */
  maxLength: z.object({ zh: z.number().int().min(1).max(100), en: z.number().int().min(1).max(50) }),
  zh: languageSchema,
  en: languageSchema,
  subjects: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id such as lead-unit'),
        zh: z.array(term).min(1),
        en: z.array(term).min(1),
        /** Clause ids (or their prefixes: `3.3` for 三（三）1–4) whose rules are about this subject. */
        sections: z.array(z.string().regex(/^\d+(\.\d+)*$/, 'a clause id such as 3.3')).min(1),
      }),
    )
    .min(1),
  /** How a follow-up asks for each kind of detail once read in full (比例是多少); `other` for none. */
  askKind: z.object(
    Object.fromEntries(kinds.map((k) => [k, z.object({ zh: term, en: term })])) as {
      [K in (typeof kinds)[number]]: z.ZodObject<{ zh: typeof term; en: typeof term }>;
    },
  ),
});

/** The validated follow-up vocabulary. */
export type FollowUpVocabulary = z.infer<typeof followUpsFileSchema>;

/**
 * Loads and validates `knowledge/follow-ups.json`; with a knowledge base, also checks that every
 * section a subject names exists in the plan.
 *
 * @throws KnowledgeError naming the file and field when anything is off
 */
export function loadFollowUpVocabulary(kb?: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): FollowUpVocabulary {
  const data = readKnowledgeJson(dir, FOLLOW_UPS_FILE, followUpsFileSchema);
  if (kb) {
    data.subjects.forEach((s, i) => {
      s.sections.forEach((id, j) => {
        if (!kb.clauses.some((c) => c.id === id || c.id.startsWith(`${id}.`))) {
          throw new KnowledgeError(
            `knowledge/${FOLLOW_UPS_FILE}: subjects.${i}.sections.${j}: the plan has no clause ${id}`,
            { code: 'knowledge_clause_missing' },
          );
        }
      });
    });
  }
  return data;
}
