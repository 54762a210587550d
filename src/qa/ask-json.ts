/**
 * @module qa/ask-json
 * The `ask --json` document of the CLI contract:
 * `{"question","abstained","lead"?,"answers":[{"doc"?,"clause","label","score","text"}],"suggestions"?,"later"?,"check"?}`.
 * `later` names the later documents (their text not in the project) that may change the topic,
 * present only when the reply carries that notice; `number` only where verified. `check` is the
 * asker's own figure against the plan's threshold (`value` and `threshold` in percent for a share,
 * integer yuan for an amount), present only when the question states one.
 */
import type { QaResult } from './engine.ts';

/** One answer line of `ask --json`. */
export interface AskJson {
  question: string;
  abstained: boolean;
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
  };
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
  return out;
}
