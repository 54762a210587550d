/**
 * @module knowledge-base/fits
 * `knowledge/fits.json`: the words of a yes/no question whether the asker's own kind of business or
 * organisation fits the plan (我们是做火锅底料的食品企业，能不能搞个创新中心？), and the clause that
 * governs each role asked about (to lead: 三（三）1; to set up or apply for a center: 三（四）, the
 * fields). The Q&A answers such a question by that clause when the ranking finds nothing (`qa/fit`).
 */
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { DEFAULT_KNOWLEDGE_DIR } from './load.ts';
import { readKnowledgeJson } from './read-json.ts';
import type { Clause, KnowledgeBase } from './types.ts';

/** The file under the knowledge folder that holds the fit-question vocabulary. */
export const FITS_FILE = 'fits.json';

const terms = z.array(z.string().trim().min(1)).min(1);
const bilingual = z.object({ zh: terms, en: terms });

const fileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  /** Words describing the asker (我们是, 我们做, we are). */
  self: bilingual,
  /** Words naming a center or the role in one (创新中心, 牵头单位). */
  center: bilingual,
  /** The roles asked about, tried in order, each with the clause that governs it. */
  roles: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id such as lead'),
        clause: z.string().min(1),
        asks: bilingual,
        /**
         * Kinds of asker the clause rules on by name (事业单位 for 三（一）1's 企业法人形态): a role
         * with them applies only when the question names one, and then decides even where the
         * ranking guessed a neighbour from the asker's background.
         */
        names: bilingual.optional(),
      }),
    )
    .min(1),
});

/** The validated vocabulary, each role's clause resolved. */
export interface FitVocabulary {
  self: { zh: string[]; en: string[] };
  center: { zh: string[]; en: string[] };
  roles: {
    id: string;
    clause: Clause;
    asks: { zh: string[]; en: string[] };
    names?: { zh: string[]; en: string[] };
  }[];
}

/**
 * Loads `<dir>/fits.json` against the knowledge base.
 *
 * @throws KnowledgeError naming the file and field when the file is malformed or a role names a
 *   clause the plan lacks
 */
export function loadFitVocabulary(kb: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): FitVocabulary {
  const fail = (message: string): never => {
    throw new KnowledgeError(`knowledge/${FITS_FILE}: ${message}`);
  };
  const data = readKnowledgeJson(dir, FITS_FILE, fileSchema);
  const firstDoc = kb.documents[0]?.id ?? '';
  const { self, center, roles } = data;
  return {
    self,
    center,
    roles: roles.map((r, i) => ({
      id: r.id,
      clause: kb.clause(`${firstDoc}/${r.clause}`) ?? fail(`roles.${i}.clause: ${r.clause} does not exist`),
      asks: r.asks,
      ...(r.names ? { names: r.names } : {}),
    })),
  };
}
