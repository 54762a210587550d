/**
 * @module qa/mixed
 * Mixed questions: one message asking something the plan settles and something it leaves open
 * (认定了有钱拿没，给好多). The settled part is answered and the open part named in the same reply
 * (具体金额方案未规定), instead of refusing the whole message. A message asking only what the plan
 * leaves open (专项支持给多少钱) is still a near miss.
 */
import { alternation, lexicon } from '../knowledge-base/lexicon.ts';
import { asksBeyondSeveral, type DetailAsked, type DetailKind, detailAsked, isYesNo } from './detail.ts';

/** The kinds of detail a clause either states or leaves open. */
const FIGURE_KINDS = new Set<DetailKind>([
  'amount',
  'ratio',
  'date',
  'duration',
  'count',
  'number',
  'definition',
  'form',
  'contact',
]);

/** Kinds a yes/no piece asks as a detail (有没有官方模板, 有没有联系电话, 有没有截止时间), not as a fit. */
const YES_NO_DETAILS = new Set<DetailKind>(['form', 'contact', 'date']);

/** Kinds a clause answers by what it says, not by a figure (有哪些, 由谁). */
const CONTENT_KINDS = new Set<DetailKind>(['list', 'body']);

/**
 * Nouns naming a kind of detail: a yes/no piece naming one (期间有没有异议处理的时限) asks whether the
 * plan sets that detail, which a clause merely on the topic does not settle. From the lexicon
 * (`detail.nouns`); English ones as whole words.
 */
const DETAIL_NOUN = new RegExp(
  `(${alternation(lexicon().detail.nouns.zh)}|\\b(${alternation(lexicon().detail.nouns.en)})\\b)`,
  'i',
);

/** True when a piece names a kind of detail (最低人数, 截止时间): asked yes/no, it asks whether the plan sets one. */
export const namesDetail = (piece: string): boolean => DETAIL_NOUN.test(piece);

/** Longest lead cut from a clause for a yes/no part, in characters. */
const MAX_SENTENCE = 80;

/** A mixed question split into the part to answer and the details it leaves open. */
export interface MixedQuestion {
  /** The pieces the plan may settle, joined: a yes/no question or a detail a clause states. */
  settled: string;
  /** The details asked after the settled part that no close clause states, in the order asked. */
  open: DetailAsked[];
  /** True when the settled part is a yes/no question (有钱拿没). */
  yesNo: boolean;
}

/**
 * Splits a message into the pieces a clause may settle and the details none states. `isOpen`
 * tells whether a detail asked is left open by the clauses close to the question. An open figure
 * before the settled part is background and only named when asked after it. `undefined` unless
 * the message has both kinds of piece.
 */
export function mixedQuestion(question: string, isOpen: (asked: DetailAsked) => boolean): MixedQuestion | undefined {
  // Each piece with whether a question mark closes it: an open figure asked as a question of its
  // own (申报截止是哪天？) is named even before the settled part.
  // A piece is read with its question mark: 好多钱的专项资金嘛？ asks how much, 好多钱的专项资金 is "much money".
  const pieces = [...question.matchAll(/([^，,。；;！!？?\s]+)([，,。；;！!？?\s]*)/g)].map((m) => {
    const text = (m[1] ?? '').trim();
    const asked = /[？?]/.test(m[2] ?? '');
    return { text, read: asked ? `${text}？` : text, asked };
  });
  if (pieces.length < 2) return undefined;
  const settled: string[] = [];
  const open: DetailAsked[] = [];
  let yesNo = false;
  let background = false;
  for (const { text: piece, read, asked: questionMark } of pieces) {
    const asked = detailAsked(read);
    const yes = isYesNo(read);
    if (asked && FIGURE_KINDS.has(asked.kind) && (!yes || YES_NO_DETAILS.has(asked.kind) || DETAIL_NOUN.test(piece))) {
      if (!isOpen(asked)) settled.push(piece);
      // An open figure before anything settled is background (想从海外挖几个大牛过来，有没有政策支持);
      // one asked after it, or as a question of its own, is a half of the question (有钱拿没，给好多).
      else if (!settled.length && !questionMark) background = true;
      else if (!open.some((o) => o.kind === asked.kind)) open.push(asked);
    } else if (yes && !DETAIL_NOUN.test(piece)) {
      settled.push(piece);
      yesNo = true;
    } else if (!yes && (!asked || CONTENT_KINDS.has(asked.kind)) && asksBeyondSeveral(piece)) {
      // 依托单位得是啥性质的公司？股东最少要几家: what a clause says answers the first half.
      settled.push(piece);
    }
  }
  if (!settled.length || !(open.length || background)) return undefined;
  return { settled: settled.join('，'), open, yesNo };
}

/**
 * The sentence of a clause that best answers a yes/no part (有钱拿没 → 对经认定的制造业创新中心，前三年
 * 连续给予专项支持), cut verbatim from the clause; `undefined` when none matches or it is too long.
 */
export function answeringSentence(clauseText: string, match: (piece: string) => number): string | undefined {
  const sentences = clauseText
    .split(/(?<=[。；;])/)
    .map((s) => s.trim().replace(/[。；;]$/, ''))
    .filter(Boolean);
  if (sentences.length < 2) return undefined;
  // The shortest of the sentences that match nearly as well as the best one, as leads are cut.
  const scored = sentences.map((s) => ({ s, score: match(s) }));
  const top = Math.max(...scored.map((x) => x.score));
  if (top <= 0) return undefined;
  const best = scored.filter((x) => x.score >= top * 0.8).reduce((a, b) => (b.s.length < a.s.length ? b : a)).s;
  return best.length > MAX_SENTENCE ? undefined : best;
}
