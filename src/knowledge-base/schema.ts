/**
 * @module knowledge-base/schema
 * zod schemas for the files in `knowledge/`: a malformed file fails at start with the file and
 * field named, never later in a user's turn.
 */
import { z } from 'zod';

const clauseId = z.string().regex(/^(notice|preamble|\d+(\.\d+){0,2})$/, 'a clause id such as 3.1.4');

export const documentsFileSchema = z.object({
  version: z.literal(1),
  documents: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        file: z.string().regex(/^[\w.-]+\.txt$/),
        title: z.string().min(1),
        number: z.string().min(1),
        date: z.iso.date(),
        issuer: z.string().min(1),
        /** How many clauses the text must parse into; a guard against an edited text. */
        clauseCount: z.number().int().positive(),
      }),
    )
    .min(1),
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
      }),
    )
    // A Chinese term in two groups would make a question mean two things at once; retrieval would
    // silently keep only one of them.
    .superRefine((groups, ctx) => {
      const owner = new Map<string, number>();
      groups.forEach((g, i) => {
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
  clauses: z.record(
    clauseId,
    z.object({
      answered: z.array(z.string().trim().min(1)).min(1),
      unanswered: z.array(z.string().trim().min(1)).default([]),
    }),
  ),
});

export type DocumentsFile = z.infer<typeof documentsFileSchema>;

export const otherProgrammesFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  programmes: z.array(z.string().trim().min(2)),
  namedWithoutRules: z.array(z.string().trim().min(2)).default([]),
  uncoveredTopics: z.array(z.string().trim().min(2)).default([]),
});
