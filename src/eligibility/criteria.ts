/**
 * @module eligibility/criteria
 * The criteria of the eligibility self-check, read from `knowledge/eligibility.json` and validated
 * with zod. Every rule is data: a threshold, the options of a choice and their synonyms, the words
 * that mark a ratio's part and whole, the words that make an amount a subscribed (认缴) one. A
 * criterion citing a clause the plan does not have stops the load, so no question can cite a
 * clause that is not there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import type { Localized } from '../feature.ts';
import { DEFAULT_KNOWLEDGE_DIR, type KnowledgeBase } from '../knowledge-base/index.ts';
import {
  type AmountThreshold,
  amountThresholdFields,
  localizedSchema,
  normalizeTerm,
  type RatioThreshold,
  ratioThresholdFields,
} from '../thresholds/index.ts';
import type { CriterionOption, Severity, Subject } from './types.ts';

export { normalizeTerm };

/** The file under the knowledge folder that holds the criteria. */
export const ELIGIBILITY_FILE = 'eligibility.json';

const text = z.string().trim().min(1);
const localized = localizedSchema;
const words = z.array(text).default([]);

const optionSchema = z.object({
  /** Stable value: the canonical name of a field, a slug of a multichoice option. */
  value: text,
  label: localized,
  /** Other ways people name the option (`芯片` for 集成电路); matched like the label. */
  synonyms: words,
  /** For a field: whether it is one the plan lists (三（四）); `其他` is not. */
  listed: z.boolean().default(true),
});

const base = {
  /**
   * The document the criterion comes from (its id in `documents.json`); defaults to the file's
   * `doc`, else to the first document (the plan). A change of criteria is a change of data.
   */
  doc: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  id: z.string().regex(/^\d+(\.\d+){0,2}(-[a-z]+)*$/, 'a clause id, optionally with a -suffix (3.1.2-capital)'),
  clause: z.string().regex(/^(notice|preamble|\d+(\.\d+){0,2})$/, 'a clause id such as 3.1.4'),
  subject: z.enum(['center', 'backing-company', 'alliance', 'lead-unit']),
  severity: z.enum(['required', 'advisory']),
  /** A short name of the condition, for the report. */
  title: localized,
  /** The question, in the plan's own words, naming its subject. */
  prompt: localized,
  /** A good answer, shown when an answer is re-asked. */
  example: localized,
  /** What to do when the criterion is unmet, unknown or a warning: only what the plan says. */
  advice: localized,
};

const yesnoSchema = z.object({
  ...base,
  type: z.literal('yesno'),
  /** The answer that meets the criterion. */
  expect: z.boolean().default(true),
});

const amountSchema = z.object({
  ...base,
  type: z.literal('amount'),
  /** `threshold` (met at or above, in yuan), `basis` (which money counts), `measure`: shared with the Q&A. */
  ...amountThresholdFields,
  /**
   * ⚠️ remarks attached to an answer that mentions any of `words` (not denied: 不含知识产权 does
   * not count); with `ip`, also when the amount reader finds intellectual property invested
   * (专利作价入股). They never change the status.
   */
  notes: z
    .array(z.object({ words: z.array(text).min(1), ip: z.boolean().default(false), note: localized }))
    .default([]),
});

const ratioSchema = z.object({
  ...base,
  type: z.literal('ratio'),
  /** `threshold` (met at or above, in percent), `hints` (part and whole words), `measure`: shared with the Q&A. */
  ...ratioThresholdFields,
});

const fieldSchema = z.object({
  ...base,
  type: z.literal('field'),
  /**
   * `listed`: met when the chosen field is one the plan lists (三（四））;
   * `one-per-field`: met unless a verified center already works in the chosen field (五（二））.
   */
  rule: z.enum(['listed', 'one-per-field']),
  /** Reuse another field question's answer and options; the dialog does not ask twice. */
  answerFrom: z.string().optional(),
  options: z.array(optionSchema).min(2).optional(),
});

const multichoiceSchema = z.object({
  ...base,
  type: z.literal('multichoice'),
  options: z.array(optionSchema).min(2),
  /** The option values that must all be chosen for the criterion to be met. */
  required: z.array(text).min(1),
});

const criterionSchema = z.discriminatedUnion('type', [
  yesnoSchema,
  amountSchema,
  ratioSchema,
  fieldSchema,
  multichoiceSchema,
]);

/** The schema of `knowledge/eligibility.json`. */
export const eligibilityFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  /** The document every criterion comes from unless it names its own; defaults to the plan. */
  doc: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  criteria: z.array(criterionSchema).min(1),
});

/** A choice of a field or multichoice criterion, with the synonyms it is recognised by. */
export interface Option extends CriterionOption {
  synonyms: string[];
  /** Fields only: whether the plan lists it (三（四））. */
  listed: boolean;
}

interface CriterionBase {
  /** The document the criterion comes from (`yjxf-2017-139`). */
  doc: string;
  /** The clause id when the clause is asked once, `3.1.2-capital` when it needs several questions. */
  id: string;
  /** The clause the criterion comes from. */
  clause: string;
  subject: Subject;
  severity: Severity;
  title: Localized;
  prompt: Localized;
  example: Localized;
  advice: Localized;
}

/** A criterion without choices: `options` is declared absent so `c.options ?? []` reads any criterion. */
interface ChoicelessCriterion extends CriterionBase {
  options?: never;
}

/** A yes/no criterion: met when the answer equals `expect`. */
export interface YesNoCriterion extends ChoicelessCriterion {
  type: 'yesno';
  expect: boolean;
}

/** An amount criterion: met at or above `threshold` yuan (the shared {@link AmountThreshold}). */
export interface AmountCriterion extends ChoicelessCriterion, Omit<AmountThreshold, keyof CriterionBase> {
  type: 'amount';
  notes: { words: string[]; ip: boolean; note: Localized }[];
}

/** A ratio criterion: met at or above `threshold` percent (the shared {@link RatioThreshold}). */
export interface RatioCriterion extends ChoicelessCriterion, Omit<RatioThreshold, keyof CriterionBase> {
  type: 'ratio';
}

/** A field criterion; see the `rule` in `eligibility.json`. */
export interface FieldCriterion extends CriterionBase {
  type: 'field';
  rule: 'listed' | 'one-per-field';
  /** The criterion whose answer this one reuses, when it reuses one. */
  answerFrom?: string;
  options: Option[];
}

/** A multichoice criterion: met when every value of `required` is chosen. */
export interface MultichoiceCriterion extends CriterionBase {
  type: 'multichoice';
  options: Option[];
  required: string[];
}

/** One question of the self-check and the rule that judges its answer. */
export type Criterion = YesNoCriterion | AmountCriterion | RatioCriterion | FieldCriterion | MultichoiceCriterion;

function fail(message: string, code?: 'knowledge_clause_missing'): never {
  throw new KnowledgeError(`knowledge/${ELIGIBILITY_FILE}: ${message}`, code ? { code } : undefined);
}

function checkOptions(c: { id: string; options: Option[] }, i: number): void {
  const values = new Set<string>();
  const owner = new Map<string, string>();
  c.options.forEach((o, j) => {
    if (values.has(o.value)) fail(`criteria.${i}.options.${j}.value: "${o.value}" appears twice in ${c.id}`);
    values.add(o.value);
    for (const term of [o.value, o.label['zh-CN'], o.label.en, ...o.synonyms]) {
      const key = normalizeTerm(term);
      const first = owner.get(key);
      if (first !== undefined && first !== o.value) {
        fail(`criteria.${i}.options.${j}: "${term}" names both ${first} and ${o.value} in ${c.id}`);
      }
      owner.set(key, o.value);
    }
  });
}

/**
 * Validates the parsed JSON of `eligibility.json` against the schema and the plan: ids unique,
 * every clause in the document it comes from (`doc`, the plan by default), `answerFrom` resolved (its options copied), multichoice `required`
 * values among the options, no term naming two options.
 *
 * @throws KnowledgeError naming the file and field
 */
export function parseCriteria(raw: unknown, kb: KnowledgeBase): Criterion[] {
  const parsed = eligibilityFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(
      `knowledge/${ELIGIBILITY_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      { cause: parsed.error },
    );
  }
  const criteria: Criterion[] = [];
  const seen = new Map<string, Criterion>();
  const fileDoc = parsed.data.doc ?? kb.documents[0]?.id ?? '';
  parsed.data.criteria.forEach((c, i) => {
    if (seen.has(c.id)) fail(`criteria.${i}.id: "${c.id}" appears twice`);
    if (c.id !== c.clause && !c.id.startsWith(`${c.clause}-`)) {
      fail(`criteria.${i}.id: "${c.id}" must be its clause "${c.clause}" or start with "${c.clause}-"`);
    }
    const doc = c.doc ?? fileDoc;
    if (!kb.documents.some((d) => d.id === doc)) {
      fail(`criteria.${i}.doc: "${doc}" is not a document with its text in documents.json`);
    }
    if (!kb.clause(`${doc}/${c.clause}`)) {
      const where = doc === kb.documents[0]?.id ? 'the plan' : doc;
      fail(`criteria.${i}.clause: clause ${c.clause} does not exist in ${where}`, 'knowledge_clause_missing');
    }
    let criterion: Criterion;
    if (c.type === 'field') {
      const { answerFrom, options, ...rest } = { ...c, doc };
      let resolved = options;
      if (answerFrom !== undefined) {
        const source = seen.get(answerFrom);
        if (source?.type !== 'field') {
          fail(`criteria.${i}.answerFrom: "${answerFrom}" is not an earlier field question`);
        }
        if (options !== undefined) fail(`criteria.${i}.options: a question with answerFrom reuses its options`);
        resolved = source.options;
      }
      if (resolved === undefined) fail(`criteria.${i}.options: a field question needs options (or answerFrom)`);
      criterion = { ...rest, options: resolved, ...(answerFrom !== undefined ? { answerFrom } : {}) };
      if (answerFrom === undefined) checkOptions(criterion, i);
    } else if (c.type === 'multichoice') {
      criterion = { ...c, doc };
      checkOptions(criterion, i);
      for (const v of c.required) {
        if (!c.options.some((o) => o.value === v)) fail(`criteria.${i}.required: "${v}" is not an option of ${c.id}`);
      }
    } else {
      criterion = { ...c, doc };
    }
    seen.set(c.id, criterion);
    criteria.push(criterion);
  });
  return criteria;
}

/**
 * Loads and validates `<dir>/eligibility.json`.
 *
 * @param kb the loaded plan (from `loadKnowledge()`), to check that every cited clause exists
 * @param dir the knowledge folder; defaults to the project's `knowledge/`
 * @throws KnowledgeError naming the file and field when anything is off
 *
 * @example
 * ```ts
 * const criteria = loadCriteria(loadKnowledge());
 * ```
 */
export function loadCriteria(kb: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): Criterion[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, ELIGIBILITY_FILE), 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${ELIGIBILITY_FILE}: cannot read or parse JSON`, { cause });
  }
  return parseCriteria(raw, kb);
}

/** One question as `check --questions --json` prints it (the spec's exact fields). */
export interface QuestionJson {
  id: string;
  clause: string;
  subject: Subject;
  type: Criterion['type'];
  severity: Severity;
  prompt: Localized;
  options?: CriterionOption[];
}

/** The criteria as `check --questions --json` prints them, in dialog order. */
export function questionsForJson(criteria: readonly Criterion[]): QuestionJson[] {
  return criteria.map((c) => {
    const q: QuestionJson = {
      id: c.id,
      clause: c.clause,
      subject: c.subject,
      type: c.type,
      severity: c.severity,
      prompt: { 'zh-CN': c.prompt['zh-CN'], en: c.prompt.en },
    };
    if (c.type === 'field' || c.type === 'multichoice') {
      q.options = c.options.map((o) => ({ value: o.value, label: { 'zh-CN': o.label['zh-CN'], en: o.label.en } }));
    }
    return q;
  });
}
