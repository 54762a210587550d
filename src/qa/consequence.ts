/**
 * @module qa/consequence
 * A question asking what follows in a case (没按时报送年度总结，会受到什么处理？) is answered only by
 * a clause stating what follows in that case. 四（三） says what follows when the evaluation is
 * failed (若考核评估不合格，则三年内不再纳入…), which answers 考评没过会怎样, not what follows a late
 * summary: the plan sets no penalty for that. A clause's cases are its sentences opening with a
 * condition (若…，则…; 对…的，…; …合格的，…); the question's case is what it says besides the asking
 * words, and it must be found in one of them.
 */
import { alternation, lexicon } from '../knowledge-base/index.ts';
import { normalize } from './text.ts';

const LEX = lexicon().consequence;
const ASKING = new RegExp(`(${alternation(LEX.asking.zh.map(normalize))})`, 'g');
const OPENING = new RegExp(`^(${alternation(LEX.opening)})`);

/**
 * The condition of a sentence stating what follows in a case: 若A，则B → A; 对A的…，B → A; A的，B → A.
 */
function caseOf(sentence: string): string | undefined {
  const comma = sentence.search(/[，,]/);
  if (comma <= 0) return undefined;
  const head = sentence.slice(0, comma);
  const rest = sentence.slice(comma + 1);
  if (/^(若|如果|如|凡)/.test(head) || /^则/.test(rest) || /的$/.test(head)) return head;
  // 对公示后无异议的制造业创新中心，…予以发文批复: the case is the qualified noun.
  const qualified = /^对(.+的)/.exec(head);
  return qualified?.[1];
}

/** The cases a clause states what follows in (its conditions), in the plan's words. */
export function statedCases(text: string): string[] {
  return text
    .split(/[。；;！!]/)
    .map((s) => caseOf(s.trim()))
    .filter((c): c is string => c !== undefined);
}

/**
 * The case a Chinese question asks the consequence of, in its comma-separated pieces, without the
 * asking words and the words opening it (如果, 要是); empty when it asks no consequence. Any one
 * piece may name the case: 听说三年考一次，要是没考过会咋样 names it in the second.
 */
export function askedCase(question: string): string[] {
  if (!/[\u3400-\u9fff]/.test(question)) return [];
  const norm = normalize(question);
  const piece = norm.split(/[。？?！!；;]/).find((p) => new RegExp(ASKING.source).test(p));
  if (!piece) return [];
  return piece
    .replace(ASKING, ' ')
    .split(/[，,]/)
    .map((p) => p.trim().replace(OPENING, ''))
    .filter((p) => p.length > 1);
}
