/**
 * @module qa/lookup
 * Direct clause lookups: "3.2.6", "三（二）6是什么", "四（三）", "印发通知".
 */
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';

const CN = '一二三四五六七八九十';
const toArabic = (s: string): number => {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN.indexOf(s.slice(1)) + 1;
  return CN.indexOf(s) + 1;
};

const TAIL =
  '\\s*(?:条|款|项)?\\s*(?:是什么|是啥|讲的?什么|说的?什么|说了什么|写了什么|内容|原文|怎么说|讲了啥|说了啥)?\\s*[?？。!！]*\\s*$';
const NAMED_TAIL = new RegExp(`^${TAIL}`);
const DOTTED = new RegExp(`^\\s*(?:第)?(\\d{1,2}(?:\\.\\d{1,2}){0,2})${TAIL}`);
const LABELLED = new RegExp(
  `^\\s*(?:第)?([${CN}]{1,2})(?:、|部分)?\\s*(?:[（(]([${CN}]{1,2})[）)])?\\s*(\\d{1,2})?${TAIL}`,
);

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
  if (named) return named;
  const dotted = DOTTED.exec(text);
  if (dotted?.[1]) return kb.clause(dotted[1]);
  const labelled = LABELLED.exec(text);
  if (!labelled?.[1]) return undefined;
  const id = [toArabic(labelled[1]), labelled[2] ? toArabic(labelled[2]) : undefined, labelled[3]]
    .filter((p) => p !== undefined)
    .join('.');
  return kb.clause(id);
}
