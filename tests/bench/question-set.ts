/**
 * The line formats of a question set (the shared eval README): one JSON object per line.
 *
 * - A question: `id`, `q`, `gold` (clause IDs, empty when the plan does not answer) and `type`;
 *   optionally `check`, the verdict on the asker's own figure the answer must give
 *   (`{"clause","value","threshold","met"}`: ratios as a percentage rounded to 2 decimals, amounts in
 *   integer yuan). A `mixed` question (`type: "mixed"`) has `open`, the kind of detail the plan leaves
 *   open (`"amount"`, or `null` when it settles the whole question). A near miss on a figure
 *   (`type: "oos_near"`) may have `near` (the clause whose figure measures another quantity) and
 *   `figure` (that figure as written, `30%`), which the reply must not lead with.
 * - A broad question: `id`, `q`, `type` (`broad` or `process`), `presented` (the clause IDs a whole
 *   answer quotes, in order) and optionally `section` (`"3.1"`), which answers it as well.
 * - A conversation: `id`, `type` (`followup` or `control`), `turns` (`[{"q","gold"}]`, read as one
 *   user's consecutive messages; from the second turn on, `gold: []` means the plan does not answer).
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
  'mixed',
  // A yes/no question whether a kind of organisation, business or arrangement fits the plan.
  'fit',
] as const;

const clauseIds = z.array(z.string().min(1));

const questionSchema = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  gold: clauseIds,
  type: z.enum(QUESTION_TYPES),
  check: z
    .object({
      clause: z.string().min(1),
      value: z.number().nonnegative(),
      threshold: z.number().positive(),
      met: z.boolean(),
    })
    .optional(),
  open: z.string().min(1).nullable().optional(),
  near: z.string().min(1).optional(),
  figure: z.string().min(1).optional(),
});

const broadSchema = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  type: z.enum(['broad', 'process']),
  section: z.string().min(1).optional(),
  presented: clauseIds.min(1),
});

const conversationSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['followup', 'control']),
  turns: z.array(z.object({ q: z.string().min(1), gold: clauseIds })).min(2),
});

/** One question of a set. */
export type QuestionItem = z.infer<typeof questionSchema>;
/** A broad or process question, answered whole by its clauses in order (or its section). */
export type BroadItem = z.infer<typeof broadSchema>;
/** A conversation of consecutive turns by one user. */
export type ConversationItem = z.infer<typeof conversationSchema>;

/** A line of a set, by its shape. */
export type SetLine =
  | { shape: 'question'; item: QuestionItem }
  | { shape: 'broad'; item: BroadItem }
  | { shape: 'conversation'; item: ConversationItem };

/** A line that fits no shape: where, and why. */
export interface UnknownLine {
  at: number;
  reason: string;
}

/** The shape a raw line claims, by its fields: `turns` a conversation, `presented` a broad question. */
function parseLine(raw: unknown): { ok: true; line: SetLine } | { ok: false; reason: string } {
  const fields = typeof raw === 'object' && raw !== null ? raw : {};
  if ('turns' in fields) {
    const r = conversationSchema.safeParse(raw);
    return r.success ? { ok: true, line: { shape: 'conversation', item: r.data } } : fail(r.error);
  }
  if ('presented' in fields) {
    const r = broadSchema.safeParse(raw);
    return r.success ? { ok: true, line: { shape: 'broad', item: r.data } } : fail(r.error);
  }
  const r = questionSchema.safeParse(raw);
  return r.success ? { ok: true, line: { shape: 'question', item: r.data } } : fail(r.error);
}

function fail(error: z.ZodError): { ok: false; reason: string } {
  const issue = error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Reads a set of any of the line shapes. Strict by default: the first line that is not JSON or fits
 * no shape throws, naming the file and line. With `lenient`, such lines are returned in `unknown`
 * instead, so a benchmark on a set of a newer shape still runs.
 */
export function readSetLines(
  file: string,
  options: { lenient?: boolean } = {},
): {
  lines: SetLine[];
  unknown: UnknownLine[];
} {
  const lines: SetLine[] = [];
  const unknown: UnknownLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      const at = i + 1;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        if (!options.lenient) throw new Error(`${file}:${at}: not JSON`);
        unknown.push({ at, reason: 'not JSON' });
        return;
      }
      const r = parseLine(raw);
      if (r.ok) lines.push(r.line);
      else if (options.lenient) unknown.push({ at, reason: r.reason });
      else throw new Error(`${file}:${at}: ${r.reason}`);
    });
  return { lines, unknown };
}

/** Reads the question lines of a set (strict), the other shapes left out. */
export function readQuestionSet(file: string): QuestionItem[] {
  return readSetLines(file).lines.flatMap((l) => (l.shape === 'question' ? [l.item] : []));
}

/**
 * The number that puts an item in a half: the last run of digits of its id (`m7-006` → 6, `q014` →
 * 14), since a set's prefix may carry a number of its own; 0 when the id has none.
 */
export function itemNumber(id: string): number {
  const runs = id.match(/\d+/g);
  return Number(runs?.at(-1) ?? 0);
}

/** Splits items into the tuning half (odd item numbers) and the check half (even ones). */
export function splitHalves<T extends { id: string }>(items: readonly T[]): { tune: T[]; check: T[] } {
  return {
    tune: items.filter((i) => itemNumber(i.id) % 2 === 1),
    check: items.filter((i) => itemNumber(i.id) % 2 === 0),
  };
}
