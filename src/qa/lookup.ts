/**
 * @module qa/lookup
 * Direct clause lookups: "3.2.6", "三（二）6是什么", "四（三）", "印发通知".
 */
import { parseNumeral } from '../figures/index.ts';
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';

const CN = '一二三四五六七八九十';

const TAIL =
  '\\s*(?:条|款|项)?\\s*(?:是什么|是啥|讲的?什么|说的?什么|说了什么|写了什么|内容|原文|怎么说|讲了啥|说了啥|讲的啥|说的啥|写的啥|写了啥|讲的是什么|讲的是啥|说的是什么|写了些什么)?\\s*[?？。!！]*\\s*$';
const NAMED_TAIL = new RegExp(`^${TAIL}`);
const DOTTED = new RegExp(`^\\s*(?:第)?(\\d{1,2}(?:\\.\\d{1,2}){0,2})${TAIL}`);
const LABELLED = new RegExp(
  `^\\s*(?:第)?([${CN}]{1,2})(?:、|部分)?\\s*(?:[（(]([${CN}]{1,2})[）)])?\\s*(\\d{1,2})?${TAIL}`,
);

/** A clause number a message consists of, whether or not the plan has such a clause. */
export interface ClauseReference {
  /** The id it names: `3.2.6`, `9.9.9`, `3.1`. */
  id: string;
  /** As the user wrote it: `9.9.9`, or the plan's label form `三（一）` for a label. */
  written: string;
  /** The clause, when the plan has one with that id. */
  clause?: Clause;
}

/**
 * The clause number a message is made of, if it is nothing but a clause reference (with an
 * optional "what does it say"): by number (`3.2.6`) or by label (`三（二）6`, `四`); `undefined`
 * for anything else.
 */
export function clauseReference(kb: KnowledgeBase, message: string): ClauseReference | undefined {
  const text = message.normalize('NFKC').trim();
  const dotted = DOTTED.exec(text);
  let id = dotted?.[1];
  let written = id ?? '';
  if (id === undefined) {
    const labelled = LABELLED.exec(text);
    if (!labelled?.[1]) return undefined;
    const top = parseNumeral(labelled[1]);
    const sub = labelled[2] ? parseNumeral(labelled[2]) : undefined;
    // A label that is not a numeral (三五) names no clause, rather than clause 0.
    if (top === undefined || (labelled[2] && sub === undefined)) return undefined;
    id = [top, sub, labelled[3]].filter((p) => p !== undefined).join('.');
    written = `${labelled[1]}${labelled[2] ? `（${labelled[2]}）` : ''}${labelled[3] ?? ''}`;
  }
  const clause = kb.clause(id);
  return clause ? { id, written, clause } : { id, written };
}

/**
 * The clause a message names directly, if it is nothing but a clause reference (with an optional
 * "what does it say"): by number (`3.2.6`), by label (`三（二）6`, `四`) or by name (`印发通知`).
 */
export function lookupClause(kb: KnowledgeBase, message: string): Clause | undefined {
  const text = message.normalize('NFKC').trim();
  const named = kb.clauses.find(
    (c) =>
      !/[\d一二三四五六七八九十]/.test(c.label) &&
      text.startsWith(c.label) &&
      NAMED_TAIL.test(text.slice(c.label.length)),
  );
  return named ?? clauseReference(kb, text)?.clause;
}
