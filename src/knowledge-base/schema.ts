/**
 * @module knowledge-base/schema
 * zod schemas for the files in `knowledge/`: a malformed file fails at start with the file and
 * field named, never later in a user's turn.
 */
import { z } from 'zod';

const clauseId = z.string().regex(/^(notice|preamble|\d+(\.\d+){0,2})$/, 'a clause id such as 3.1.4');

const docId = z.string().regex(/^[a-z0-9-]+$/, 'a document id such as yjxf-2017-139');
const year = z.number().int().min(1949).max(2100);
const term = z.string().trim().min(1);

/**
 * What a document changes in an earlier one: the earlier document's clause ids, the terms a
 * question on those topics uses, and the terms only this document has (综合类: the earlier one
 * makes no such distinction). Chinese terms are found anywhere in a question, English ones
 * (lower case) as whole words.
 */
const topicsSchema = z.object({
  clauses: z.array(clauseId).default([]),
  terms: z.array(term).default([]),
  distinctions: z.array(term).default([]),
});

const relationSchema = z.discriminatedUnion('type', [
  z.object({
    /** Implements the other document (a 实施细则), in force for the years given. */
    type: z.literal('implements'),
    doc: docId,
    from: year.optional(),
    to: year.optional(),
  }),
  z.object({
    /**
     * Replaces the other document's rules on this document's topics (or on the clauses listed
     * here, when given): its answers lead, the other's are shown as history.
     */
    type: z.literal('supersedes'),
    doc: docId,
    clauses: z.array(clauseId).optional(),
  }),
]);

const common = {
  id: docId,
  title: z.string().min(1),
  issuer: z.string().min(1),
  /** How replies name the issuer (市经济信息委, as the plan does); defaults to `issuer`. */
  issuerShort: z.string().min(1).optional(),
  /** The title and issuer in English, for English replies (a notice names the document by them). */
  en: z
    .object({ title: z.string().min(1), issuer: z.string().min(1), issuerShort: z.string().min(1).optional() })
    .strict()
    .optional(),
  topics: topicsSchema.default({ clauses: [], terms: [], distinctions: [] }),
  relations: z.array(relationSchema).default([]),
};

/** A document whose full text ships in `knowledge/` and is answered from. */
const textDocumentSchema = z.object({
  ...common,
  status: z.literal('text'),
  file: z.string().regex(/^[\w.-]+\.txt$/),
  number: z.string().min(1),
  date: z.iso.date(),
  /** How many clauses the text must parse into; a guard against an edited text. */
  clauseCount: z.number().int().positive(),
  /**
   * Readings of the text in other languages, by locale (`en`: `yjxf-2017-139.en.json`): unofficial
   * translations of every clause, shown above the quoted original (`src/knowledge-base/translations.ts`).
   */
  translations: z
    .object({
      en: z
        .string()
        .regex(/^[\w.-]+\.json$/, 'a file name such as yjxf-2017-139.en.json')
        .optional(),
    })
    .strict()
    .default({}),
});

/**
 * A document known to exist whose text the project does not have: the bot never states its rules,
 * it only says on its topics that a newer rule may apply and which document to read.
 */
const knownDocumentSchema = z
  .object({
    ...common,
    status: z.literal('known'),
    year,
    /** The official number, only when it has been checked against the document itself. */
    number: z.string().min(1).optional(),
    verified: z.boolean(),
    /** Where what is known comes from ("published summaries; the official text is not in this project"). */
    source: z.string().min(1),
  })
  .refine((d) => d.number === undefined || d.verified, {
    message: 'a number is given only when verified against the document itself (verified: true)',
    path: ['number'],
  });

export const documentsFileSchema = z.object({
  version: z.literal(1),
  documents: z
    .array(
      z.preprocess(
        // Entries written before `status` existed are documents with their text.
        (d) => (d && typeof d === 'object' && !('status' in d) ? { ...d, status: 'text' } : d),
        z.discriminatedUnion('status', [textDocumentSchema, knownDocumentSchema]),
      ),
    )
    .min(1)
    .refine((docs) => docs.some((d) => d.status === 'text'), 'at least one document with its text (status: text)'),
});

export const glossaryFileSchema = z.object({
  version: z.literal(1),
  groups: z
    .array(
      z.object({
        zh: z.array(z.string().trim().min(1)).min(1),
        en: z.array(z.string().trim().min(1)).default([]),
        /**
         * Single characters that stand for the group only as a word of their own: spoken Chinese
         * shortens 投入 to 投 ("投多少"), but as a part of 投诉 the character means something else.
         */
        alone: z.array(z.string().regex(/^[\u3400-\u9fff]$/, 'one Chinese character')).default([]),
        note: z.string().optional(),
        /**
         * A stable name for the group (`r-d-staff`): code and other knowledge files refer to a
         * group by it, never by its first term or its place in the list.
         */
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id such as r-d-staff'),
      }),
    )
    // A Chinese term in two groups would make a question mean two things at once; retrieval would
    // silently keep only one of them.
    .superRefine((groups, ctx) => {
      const owner = new Map<string, number>();
      const ids = new Map<string, number>();
      groups.forEach((g, i) => {
        const same = ids.get(g.id);
        if (same !== undefined) {
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `id "${g.id}" is already group ${same}'s` });
        }
        ids.set(g.id, same ?? i);
        g.zh.forEach((term, j) => {
          const key = term.normalize('NFKC').toLowerCase();
          const first = owner.get(key);
          if (first !== undefined && first !== i) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'zh', j],
              message: `term "${term}" is already in group ${first}`,
            });
          }
          owner.set(key, first ?? i);
        });
        g.alone.forEach((ch, j) => {
          const first = owner.get(`alone:${ch}`);
          if (first !== undefined && first !== i) {
            ctx.addIssue({ code: 'custom', path: [i, 'alone', j], message: `"${ch}" is already in group ${first}` });
          }
          owner.set(`alone:${ch}`, first ?? i);
        });
      });
    }),
});

export const examplesFileSchema = z.object({
  version: z.literal(1),
  // `3.2.6` is a clause of the first document; `doc-id/2.1` one of another document.
  clauses: z.record(
    z.string().regex(/^([a-z0-9-]+\/)?(notice|preamble|\d+(\.\d+){0,2})$/, 'a clause id such as 3.1.4 or doc-id/2.1'),
    z.object({
      answered: z.array(z.string().trim().min(1)).min(1),
      unanswered: z.array(z.string().trim().min(1)).default([]),
    }),
  ),
});

export type DocumentsFile = z.infer<typeof documentsFileSchema>;

/**
 * An English name or word of `other-programmes.json` as a pattern: whole words, case-insensitive,
 * a plural too (`incubator` finds "incubators"); a trailing `*` is a stem (`subsidi*`). Words are
 * separated by spaces or hyphens alike (high tech, high-tech).
 */
export function englishWordPattern(word: string): string {
  const stem = word.trim().toLowerCase().endsWith('*');
  const body = word
    .trim()
    .toLowerCase()
    .replace(/\*$/, '')
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s-]+');
  return `(?<![a-z0-9])${body}${stem ? '[a-z]*' : '(s|es)?'}(?![a-z0-9])`;
}

/** {@link englishWordPattern} as a case-insensitive regular expression. */
export function englishName(word: string): RegExp {
  return new RegExp(englishWordPattern(word), 'i');
}

export const otherProgrammesFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  programmes: z.array(z.string().trim().min(2)),
  namedWithoutRules: z.array(z.string().trim().min(2)).default([]),
  /** Words that ask about a programme's own rules when they follow its name (认定, 条件, 补贴 …). */
  asking: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that ask to join a programme when they come before its name (申报, 评为 …); only for
   * `programmes`, since 申报…区县级 may well ask about this plan's own path upwards.
   */
  askingBefore: z.array(z.string().trim().min(1)).default([]),
  uncoveredTopics: z.array(z.string().trim().min(2)).default([]),
  /**
   * The same in English: names (matched as whole words, a plural too), and the words asking about a
   * programme's rules by where they stand. `*` ends a word stem (`subsidi*`).
   */
  en: z
    .object({
      programmes: z.array(z.string().trim().min(2)).default([]),
      namedWithoutRules: z.array(z.string().trim().min(2)).default([]),
      /** After the name: "high-tech enterprise certification", "the Shenzhen government subsidizes". */
      askingAfter: z.array(z.string().trim().min(2)).default([]),
      /** Before the name: "certified as a high-tech enterprise", "requirements of the little giant program". */
      askingBefore: z.array(z.string().trim().min(2)).default([]),
    })
    .default({ programmes: [], namedWithoutRules: [], askingAfter: [], askingBefore: [] }),
});
