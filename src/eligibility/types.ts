/**
 * @module eligibility/types
 * The shapes the eligibility check shares between its parts: the criteria (from
 * `knowledge/eligibility.json`), a parsed answer, and the evaluation the dialog, the report and
 * `check --json` all show.
 */
import type { Localized } from '../feature.ts';

/** How an answer is typed and read. */
export type QuestionType = 'amount' | 'ratio' | 'yesno' | 'field' | 'multichoice';
/** A `required` criterion decides the verdict; an `advisory` one can only warn. */
export type Severity = 'required' | 'advisory';
/** Whom the question is about, in the plan's own terms. */
export type Subject = 'center' | 'backing-company' | 'alliance' | 'lead-unit';
/** The outcome of one criterion. */
export type CriterionStatus = 'met' | 'unmet' | 'unknown' | 'warning';
/** The outcome of the whole check (required criteria only). */
export type Verdict = 'eligible' | 'not_yet' | 'undetermined';

/** A choice of a `field` or `multichoice` question. */
export interface CriterionOption {
  value: string;
  label: Localized;
}

/**
 * What an answer was understood as: integer yuan (amount), a percentage number (ratio), a boolean
 * (yesno), a field's canonical name (field), the chosen option values (multichoice), or `null`
 * when unknown (skipped, unsure, 筹建中).
 */
export type AnswerValue = number | boolean | string | string[] | null;

/** The result of reading one raw answer. */
export type ParsedAnswer =
  | {
      ok: true;
      value: AnswerValue;
      /** What was understood, shown back to the user (`40÷150≈26.7%`, `1200万元`). */
      understood: Localized;
      /** Why the value is unknown (尚在筹建, 跳过), when it is. */
      reason?: Localized;
      /** A ⚠️ remark that does not change the status (知识产权作价 …). */
      note?: Localized;
    }
  | {
      ok: false;
      /** Why the answer was not taken, with an example of one that would be. */
      retry: Localized;
    };

/** One criterion as evaluated. */
export interface CriterionResult {
  id: string;
  clause: string;
  status: CriterionStatus;
  value: AnswerValue;
  /** What was understood or why it is unknown/unmet, in the requested language. */
  reason: string;
}

/** The whole evaluation, as `check --json` prints it. */
export interface Evaluation {
  verdict: Verdict;
  criteria: CriterionResult[];
}
