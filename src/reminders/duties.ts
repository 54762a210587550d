/**
 * @module reminders/duties
 * The duties the reminders follow (annual summary, evaluation, end of support), read from
 * `knowledge/duties.json` and validated with zod. Each duty cites the clause it comes from; a
 * clause the plan does not have stops the load, so no reminder can cite a clause that is not there.
 * The plan gives no dates: the schedule kinds here say how a date is reckoned, and the settings
 * ({@link ReminderSettings}) give the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import type { Localized } from '../feature.ts';
import { DEFAULT_KNOWLEDGE_DIR, type KnowledgeBase } from '../knowledge-base/index.ts';

/** The file under the knowledge folder that holds the duties. */
export const DUTIES_FILE = 'duties.json';

/** The duties the engine knows how to schedule. */
export const DUTY_IDS = ['annual-summary', 'evaluation', 'support-ends'] as const;
/** One of {@link DUTY_IDS}. */
export type DutyId = (typeof DUTY_IDS)[number];

const text = z.string().trim().min(1);
const localized = z.object({ 'zh-CN': text, en: text });

const docId = z.string().regex(/^[a-z0-9-]+$/);

const dutySchema = z.object({
  id: z.enum(DUTY_IDS),
  /** The document the duty comes from; defaults to the file's `doc`, else to the first document (the plan). */
  doc: docId.optional(),
  /** The clause the duty comes from, e.g. `4.3`. */
  clause: z.string().regex(/^\d+(\.\d+){0,2}$/, 'a clause id such as 4.3'),
  /** The center statuses the duty applies to. */
  statuses: z.array(z.enum(['recognised', 'pilot'])).min(1),
  /** `task`: something to hand in, acknowledged with 已提交; `notice`: acknowledged with 知道了. */
  kind: z.enum(['task', 'notice']),
  /**
   * How the due date is reckoned: `annual` on ANNUAL_SUMMARY_DUE each year for the year before;
   * `every-years` on each EVALUATION_EVERY_YEARS anniversary of 认定日期; `once-after-years` on
   * the given anniversary, once.
   */
  schedule: z.discriminatedUnion('type', [
    z.object({ type: z.literal('annual') }),
    z.object({ type: z.literal('every-years') }),
    z.object({ type: z.literal('once-after-years'), years: z.number().int().min(1).max(50) }),
  ]),
  /** Whether reminders continue after the due day until acknowledged (tasks only). */
  overdue: z.boolean(),
  title: localized,
  /** The reminder's body; placeholders `{center}`, `{period}`, `{due}`, `{recognized}`, `{cycle}`, `{years}`. */
  message: localized,
  /** Where the due date comes from (the plan gives none), with the same placeholders. */
  dateSource: localized,
});

/** The schema of `knowledge/duties.json`. */
export const dutiesFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  /** The document every duty comes from unless it names its own; defaults to the plan. */
  doc: docId.optional(),
  duties: z.array(dutySchema).min(1),
});

/** A duty of a center, as validated. */
export interface Duty {
  id: DutyId;
  /** The document the duty comes from (`yjxf-2017-139`): a change of duties is a change of data. */
  doc: string;
  clause: string;
  statuses: ('recognised' | 'pilot')[];
  kind: 'task' | 'notice';
  schedule: { type: 'annual' } | { type: 'every-years' } | { type: 'once-after-years'; years: number };
  overdue: boolean;
  title: Localized;
  message: Localized;
  dateSource: Localized;
}

function fail(message: string, code?: 'knowledge_clause_missing'): never {
  throw new KnowledgeError(`knowledge/${DUTIES_FILE}: ${message}`, code ? { code } : undefined);
}

/**
 * Validates the parsed JSON of `duties.json` against the schema and the plan: ids unique, every
 * clause in the plan, `overdue` only on tasks.
 *
 * @throws KnowledgeError naming the file and field
 */
export function parseDuties(json: unknown, kb: KnowledgeBase): Duty[] {
  const parsed = dutiesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const seen = new Set<string>();
  const fileDoc = parsed.data.doc ?? kb.documents[0]?.id ?? '';
  return parsed.data.duties.map((d, i) => {
    if (seen.has(d.id)) fail(`duties.${i}.id: ${d.id} appears twice`);
    seen.add(d.id);
    const doc = d.doc ?? fileDoc;
    if (!kb.documents.some((x) => x.id === doc)) fail(`duties.${i}.doc: "${doc}" is not a document with its text`);
    if (!kb.clause(`${doc}/${d.clause}`))
      fail(`duties.${i}.clause: ${d.clause} is not a clause of ${doc}`, 'knowledge_clause_missing');
    if (d.overdue && d.kind !== 'task') fail(`duties.${i}.overdue: only a task has overdue reminders`);
    return { ...d, doc };
  });
}

/**
 * Loads and validates `<dir>/duties.json`.
 *
 * @param kb the knowledge base whose clauses the duties must cite
 * @param dir the knowledge folder; defaults to the project's `knowledge/`
 * @throws KnowledgeError when the file is missing, not JSON, or not valid
 */
export function loadDuties(kb: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): Duty[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, DUTIES_FILE), 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${DUTIES_FILE}: cannot read or parse JSON`, { cause });
  }
  return parseDuties(json, kb);
}
