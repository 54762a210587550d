/**
 * @module qa/lead
 * The one-line lead above a quoted clause: the piece of the clause that states the figure, date,
 * count or body a question asks for. It is always cut from the clause text, never composed.
 */
import { type DetailAsked, detailFragments } from './detail.ts';

export { extractListItems } from './detail.ts';

/** A lead is one line; a longer piece is no lead (the quote below says it all). */
const MAX_LEAD_LENGTH = 80;

/** Words that open a figure: the lead starts there when one stands before the figure. */
const QUALIFIER = /(不低于|不少于|不超过|不高于|不得低于|达到|力争|每|前)/;

/** Asking whom something is sent or addressed to. */
const TO_WHOM = /(给谁|发给|发到|下发给|送给|主送|对象|收文|\bto whom\b|\baddressee)/i;

/**
 * Cuts the lead for a question from a clause, or returns undefined when the clause does not state
 * the kind of detail asked.
 */
export function extractLead(
  question: string,
  clauseText: string,
  asked: DetailAsked,
  /** How well a piece of the clause matches the question, synonyms and word weights included. */
  match: (piece: string) => number,
): string | undefined {
  if (asked.kind === 'list' || asked.kind === 'contact' || asked.kind === 'form') return undefined;
  let candidates = detailFragments(clauseText, asked);
  // A salutation line ("各区县经济信息委，…，各有关单位：") names whom a notice is sent to, which
  // answers "发给谁" but not "谁发的".
  if (asked.kind === 'body' && !TO_WHOM.test(question)) {
    const salutations = clauseText.split('\n').filter((line) => /[：:]\s*$/.test(line));
    candidates = candidates.filter((c) => !salutations.some((line) => line.includes(c)));
  }
  if (candidates.length === 0) return undefined;
  // The shortest of the pieces that match the question nearly as well as the best one: a comma
  // part beats its whole sentence.
  const scored = candidates.map((c) => ({ c, s: match(c) }));
  const top = Math.max(...scored.map((x) => x.s));
  const best = scored.filter((x) => x.s >= top * 0.8).reduce((a, b) => (b.c.length < a.c.length ? b : a)).c;
  if (best.length > MAX_LEAD_LENGTH) return undefined;
  if (asked.kind === 'body') return best;
  const m = QUALIFIER.exec(best);
  const digitAt = best.search(/[\d〇一二两三四五六七八九十百千]/);
  if (m && digitAt >= 0 && m.index <= digitAt) return best.slice(m.index);
  return best;
}
