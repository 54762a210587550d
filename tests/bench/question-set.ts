/**
 * The line format of a question set (the shared eval README): one JSON object per line with `id`,
 * `q`, `gold` (clause IDs, empty when the plan does not answer) and `type`; optionally `check`, the
 * verdict on the asker's own figure the answer must give (`{"clause","value","threshold","met"}`:
 * ratios as a percentage rounded to 2 decimals, amounts in integer yuan).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const QUESTION_TYPES = [
  'fact',
  'paraphrase',
  'colloquial',
  'keyword',
  'typo',
  'english',
  'oos_near',
  'oos',
] as const;

const lineSchema = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  gold: z.array(z.string()),
  type: z.enum(QUESTION_TYPES),
  check: z
    .object({
      clause: z.string().min(1),
      value: z.number().nonnegative(),
      threshold: z.number().positive(),
      met: z.boolean(),
    })
    .optional(),
});

/** One question of a set. */
export type QuestionItem = z.infer<typeof lineSchema>;

/** Reads a question set, naming the file and line of the first line that does not fit the format. */
export function readQuestionSet(file: string): QuestionItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, at }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${at}: not JSON`);
      }
      const r = lineSchema.safeParse(raw);
      if (!r.success) throw new Error(`${file}:${at}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}
