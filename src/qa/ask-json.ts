/**
 * @module qa/ask-json
 * The `ask --json` document of the CLI contract:
 * `{"question","abstained","lead"?,"answers":[{"doc"?,"clause","label","score","text"}],"suggestions"?,"later"?,"check"?}`.
 * `later` names the later documents (their text not in the project) that may change the topic,
 * present only when the reply carries that notice; `number` only where verified. `check` is the
 * asker's own figure against the plan's threshold (`value` and `threshold` in percent for a share,
 * integer yuan for an amount), present only when the question states one.
 *
 * `reason` and `gate` (present only when `abstained` is true) name the gate of the answer decision
 * that abstained. `reason` is one of `no_content`, `no_such_clause`, `low_confidence`,
 * `unknown_terms`, `detail_missing`, `unanswered_example`, `current_state`, `task_request`,
 * `uncovered_topic`, `other_document`, `english_unknown`; `detail_missing` (the plan mentions the
 * topic but does not give the detail asked) is decided by one of several gates, which `gate` names:
 * `no_holder` (no close clause states that kind of detail), `other_period` (the clause's figures are
 * for another year), `issue_date` (the only date is the document's issuing day, no deadline),
 * `deferred_rules` (the clause leaves the specifics to a later document), `other_quantity` (the
 * clause's figure measures another quantity than the one asked), `not_named` (what is asked to
 * count toward a figure its clause does not name), `no_consequence` (no close clause states what
 * follows in the case asked).
 *
 * `presented` (on every line) lists the clause ids whose text the reply quotes, in the order shown:
 * `[]` when abstaining; the related-clause buttons are not presented. `section` (`"3.1"`, `"2"`) is
 * present when the reply presents a whole part of the plan for a broad question or a typed section
 * number. `open` lists the kinds of detail (`amount`, `duration`, …) a mixed question asked that the
 * plan leaves open, present only when another part was answered; `openParts` quotes the questions of
 * such a message the plan does not answer that ask no kind of detail (another programme's rules).
 */
import type { QaResult } from './engine.ts';
import { presentedClauses } from './sections.ts';

/** One answer line of `ask --json`. */
export interface AskJson {
  question: string;
  abstained: boolean;
  /** The gate that abstained; only when `abstained`. */
  reason?: string;
  /** For `reason: "detail_missing"`: which of its gates decided. */
  gate?: string;
  lead?: string;
  answers: {
    doc?: string;
    clause: string;
    label: string;
    score: number;
    text: string;
  }[];
  suggestions?: string[];
  later?: { title: string; issuer: string; year: number; number?: string }[];
  check?: { clause: string; value: number; threshold: number; met: boolean };
  /** The clause ids the reply quotes, in the order shown; `[]` when abstaining. */
  presented: string[];
  /** The part of the plan presented whole (`3.1`), when one is. */
  section?: string;
  /** The kinds of detail a mixed question asked that the plan leaves open. */
  open?: string[];
  /** The questions of a mixed message the plan does not answer, as asked. */
  openParts?: string[];
}

/**
 * Renders an engine result as the `ask --json` document.
 *
 * @param withDoc include `doc` on answers (when the knowledge base holds more than one document)
 */
export function toAskJson(result: QaResult, withDoc: boolean): AskJson {
  const out: AskJson = {
    question: result.question,
    abstained: result.abstained,
    answers: [],
    presented: presentedClauses(result).map((c) => c.id),
  };
  if (result.abstained && result.reason) out.reason = result.reason;
  if (result.abstained && result.gate) out.gate = result.gate;
  if (result.lead) out.lead = result.lead;
  out.answers = result.answers.map(({ clause, score }) => ({
    ...(withDoc ? { doc: clause.doc } : {}),
    clause: clause.id,
    label: clause.label,
    score: Math.round(score * 1000) / 1000,
    text: clause.text,
  }));
  if (result.abstained && result.suggestions.length > 0) {
    out.suggestions = result.suggestions.map((c) => c.id);
  }
  if (result.later?.length) {
    out.later = result.later.map((d) => ({
      title: d.title,
      issuer: d.issuer,
      year: d.year,
      ...(d.verified && d.number ? { number: d.number } : {}),
    }));
  }
  if (result.check) {
    const { clause, value, threshold, met } = result.check;
    out.check = { clause: clause.id, value, threshold, met };
  }
  if (!result.abstained && result.section?.kind === 'section') out.section = result.section.id;
  if (!result.abstained && result.open?.length) out.open = result.open.map((o) => o.kind);
  if (!result.abstained && result.openParts?.length) out.openParts = result.openParts;
  return out;
}

/**
 * The `ask --json` line for a question longer than the chat takes (`MAX_QUESTION_LENGTH`): refused
 * as the chat refuses it, `abstained` with `reason: "too_long"`, nothing ranked.
 */
export function tooLongAskJson(question: string): AskJson {
  return { question, abstained: true, reason: 'too_long', answers: [], presented: [] };
}
