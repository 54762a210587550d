/**
 * @module eligibility/evaluate
 * Judges a set of raw answers against the criteria: the one evaluation path the dialog, the
 * report and `check --json` share. Every criterion is always evaluated, in order; the verdict
 * comes from the `required` ones only, and an `advisory` shortfall is a warning, never unmet.
 */
import type { Locale } from '../ports.ts';
import { meetsThreshold } from '../thresholds/index.ts';
import type { Criterion } from './criteria.ts';
import { eligibilityMessages } from './messages.ts';
import { canonicalOption, parseAnswer } from './parse-answer.ts';
import type { AnswerValue, CriterionResult, CriterionStatus, Evaluation, ParsedAnswer, Verdict } from './types.ts';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * Fields of the registered centers marked verified (from `verifiedFields(store)`): a field
   * answered among them gives the 一行业（领域）一中心 warning. Names are matched by the field
   * question's labels and synonyms, so `芯片` counts as 集成电路.
   */
  verifiedFields: readonly string[];
  /** The language of every `reason`. */
  locale: Locale;
}

/** One criterion as evaluated, with what the report shows beside the JSON fields. */
export interface CriterionOutcome extends CriterionResult {
  /** What the answer was understood as, in the locale; absent when not answered or not understood. */
  understood?: string;
  /** A ⚠️ remark that does not change the status (知识产权作价 …), in the locale. */
  note?: string;
}

/** The evaluation with each criterion's {@link CriterionOutcome}. */
export interface EvaluationDetail extends Evaluation {
  criteria: CriterionOutcome[];
}

/** The answer to `id` when the answers object has it as its own string property. */
function answerOf(answers: Readonly<Record<string, unknown>>, id: string): unknown {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** The verdict from the required criteria: any unmet → not_yet; else any unknown → undetermined. */
export function verdictOf(criteria: readonly Criterion[], results: readonly CriterionResult[]): Verdict {
  const required = results.filter((_, i) => criteria[i]?.severity === 'required');
  if (required.some((r) => r.status === 'unmet')) return 'not_yet';
  if (required.some((r) => r.status === 'unknown')) return 'undetermined';
  return 'eligible';
}

/**
 * Judges one criterion from an already parsed answer (the dialog keeps parsed answers; this is
 * the rule, shared with {@link evaluate}).
 */
export function judge(
  criterion: Criterion,
  parsed: ParsedAnswer | undefined,
  options: EvaluateOptions,
): CriterionOutcome {
  const m = eligibilityMessages(options.locale);
  const { id, clause } = criterion;
  const result = (status: CriterionStatus, value: AnswerValue, reason: string, extra: Partial<CriterionOutcome> = {}) =>
    ({ id, clause, status, value, reason, ...extra }) satisfies CriterionOutcome;
  if (parsed === undefined) return result('unknown', null, m.unanswered);
  if (!parsed.ok) return result('unknown', null, m.unreadable(parsed.retry[options.locale]));
  const understood = parsed.understood[options.locale];
  if (parsed.value === null) return result('unknown', null, parsed.reason?.[options.locale] ?? understood);

  const shortfall: CriterionStatus = criterion.severity === 'advisory' ? 'warning' : 'unmet';
  const note = parsed.note?.[options.locale];
  const extra: Partial<CriterionOutcome> = note === undefined ? { understood } : { understood, note };
  const withNote = (reason: string) => (note === undefined ? reason : `${reason} ${note}`);
  const value = parsed.value;

  switch (criterion.type) {
    case 'yesno': {
      if (typeof value !== 'boolean') break;
      return result(value === criterion.expect ? 'met' : shortfall, value, withNote(m.answered(understood)), extra);
    }
    case 'amount': {
      if (typeof value !== 'number') break;
      const threshold = m.amount(criterion.threshold);
      return meetsThreshold(criterion, value)
        ? result('met', value, withNote(m.reached(understood, threshold)), extra)
        : result(shortfall, value, withNote(m.notReached(understood, threshold)), extra);
    }
    case 'ratio': {
      if (typeof value !== 'number') break;
      // The shared reader rounds the value so that it never crosses the threshold the exact ratio
      // did not reach, and 900 ÷ 3000 is exactly 30: comparing the value is comparing the ratio.
      const threshold = `${criterion.threshold}%`;
      return meetsThreshold(criterion, value)
        ? result('met', value, withNote(m.reached(understood, threshold)), extra)
        : result(shortfall, value, withNote(m.notReached(understood, threshold)), extra);
    }
    case 'multichoice': {
      if (!Array.isArray(value)) break;
      const label = (v: string) => criterion.options.find((o) => o.value === v)?.label[options.locale] ?? v;
      const missing = criterion.required.filter((v) => !value.includes(v));
      const have = value.length > 0 ? value.map(label).join(m.listSeparator) : m.none;
      return missing.length === 0
        ? result('met', value, withNote(m.includesAll(have)), extra)
        : result(shortfall, value, withNote(m.includesMissing(have, missing.map(label).join(m.listSeparator))), extra);
    }
    case 'field': {
      if (typeof value !== 'string') break;
      if (criterion.rule === 'listed') {
        const listed = criterion.options.find((o) => o.value === value)?.listed ?? false;
        return listed
          ? result('met', value, m.fieldListed(understood), extra)
          : result(shortfall, value, m.fieldNotListed(understood), extra);
      }
      const taken = options.verifiedFields.some((f) => (canonicalOption(criterion, f) ?? f) === value);
      return taken
        ? result(shortfall, value, m.fieldTaken(understood), extra)
        : result('met', value, m.fieldFree(understood), extra);
    }
  }
  // A value of the wrong shape cannot come from the parser; read it as not understood.
  return result('unknown', null, m.unreadable(understood));
}

/**
 * Evaluates every criterion, in order, from raw answers (question id → what the user typed).
 * A missing answer is unknown; an answer that does not parse is unknown with the reason; a
 * criterion with `answerFrom` reads that question's answer when it has none of its own.
 *
 * @example
 * ```ts
 * const e = evaluate(criteria, { '3.1.4': '1200万', '3.2.6': '35%' }, { verifiedFields: [], locale: 'zh-CN' });
 * e.verdict; // 'undetermined' (the other required answers are missing)
 * ```
 */
export function evaluate(
  criteria: readonly Criterion[],
  answers: Readonly<Record<string, string>>,
  options: EvaluateOptions,
): EvaluationDetail {
  const results = criteria.map((c) => {
    let raw = answerOf(answers, c.id);
    if (raw === undefined && c.type === 'field' && c.answerFrom !== undefined) raw = answerOf(answers, c.answerFrom);
    const parsed = raw === undefined || raw === null ? undefined : parseAnswer(c, typeof raw === 'string' ? raw : '');
    return judge(c, parsed, options);
  });
  return { verdict: verdictOf(criteria, results), criteria: results };
}

/** An evaluation as `check --json` prints it: `{"verdict","criteria":[{"id","clause","status","value","reason"}]}`. */
export function evaluationForJson(e: Evaluation): Evaluation {
  return {
    verdict: e.verdict,
    criteria: e.criteria.map(({ id, clause, status, value, reason }) => ({ id, clause, status, value, reason })),
  };
}
