/**
 * @module qa/lead
 * The one-line lead above a quoted clause: the piece of the clause that states the figure, date,
 * count or body a question asks for. It is always cut from the clause text, never composed.
 */
import { type DetailAsked, detailFragments, fragments } from './detail.ts';
import { normalize } from './text.ts';

/** Words that open a figure: the lead starts there when one stands before the figure. */
/** A lead is one line; a longer piece is no lead (the quote below says it all). */
const MAX_LEAD_LENGTH = 80;

const QUALIFIER = /(不低于|不少于|不超过|不高于|不得低于|达到|力争|每|前)/;

function bigrams(s: string): Set<string> {
  const n = normalize(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < n.length; i++) out.add(n.slice(i, i + 2));
  return out;
}

function overlap(question: Set<string>, piece: string): number {
  let hit = 0;
  for (const b of bigrams(piece)) if (question.has(b)) hit++;
  return hit;
}

/**
 * Cuts the lead for a question from a clause, or returns undefined when the clause does not state
 * the kind of detail asked.
 */
export function extractLead(question: string, clauseText: string, asked: DetailAsked): string | undefined {
  if (asked.kind === 'list' || asked.kind === 'contact') return undefined;
  const candidates = detailFragments(clauseText, asked);
  if (candidates.length === 0) return undefined;
  const q = bigrams(question);
  // The shortest of the pieces that overlap the question nearly as well as the best one: a comma
  // part beats its whole sentence.
  const scored = candidates.map((c) => ({ c, s: overlap(q, c) }));
  const top = Math.max(...scored.map((x) => x.s));
  const best = scored.filter((x) => x.s >= top * 0.8).reduce((a, b) => (b.c.length < a.c.length ? b : a)).c;
  if (best.length > MAX_LEAD_LENGTH) return undefined;
  if (asked.kind === 'body') return best;
  const m = QUALIFIER.exec(best);
  const digitAt = best.search(/[\d〇一二两三四五六七八九十百千]/);
  if (m && digitAt >= 0 && m.index <= digitAt) return best.slice(m.index);
  return best;
}

const LIST_OPENER = /(围绕|包括|包含|涵盖|聚焦|重点支持|主要有|分别是|如)/;

/**
 * The items of an enumeration (、-separated) in a clause, for a question asking "which ones";
 * each item is a substring of the clause. Empty when the clause has no clean enumeration.
 */
export function extractListItems(clauseText: string): string[] {
  for (const piece of fragments(clauseText)) {
    const opener = LIST_OPENER.exec(piece);
    if (!opener) continue;
    const rest = piece.slice(opener.index + opener[0].length);
    const parts = rest.split('、');
    if (parts.length < 3) continue;
    const items: string[] = [];
    for (const part of parts) {
      const etc = part.indexOf('等');
      if (etc >= 0) {
        if (etc > 0) items.push(part.slice(0, etc));
        break;
      }
      items.push(part);
    }
    if (items.length >= 3 && items.every((i) => i.length > 0 && i.length <= 20)) return items;
  }
  return [];
}
