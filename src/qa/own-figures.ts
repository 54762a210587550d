/**
 * @module qa/own-figures
 * The asker's own figures for a threshold the plan sets ("研发人员40个，总共150人，够不够",
 * "实缴900万够吗"): found in a question, read by the same rule as the eligibility self-check (the
 * shared `thresholds` module) and judged, so the answer can say 40÷150≈26.7%，未达到“不低于30%”.
 *
 * A figure is judged only when it measures what the threshold measures: the share of women among the
 * staff or the equipment's share of the investment gets no verdict against 科技人员 ≥ 30%. The plan's
 * own figures quoted in a question (不到三成会怎样, 30%的比例包括兼职吗) are not the asker's.
 */
import { parseAmount, parseRatio } from '../figures/index.ts';
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';
import {
  containsWord,
  type FigureReading,
  measureStrength,
  namesOtherQuantity,
  normalizeTerm,
  readFigure,
  type Threshold,
} from '../thresholds/index.ts';

/** A figure of the asker judged against a threshold. */
export interface FigureCheck {
  threshold: Threshold;
  /** The clause that sets the threshold. */
  clause: Clause;
  /** What was read: an amount in integer yuan, or a share in percent (2 decimals, never across the threshold). */
  reading: Extract<FigureReading, { kind: 'amount' | 'ratio' }>;
  /** The question asks for the verdict outright (够不够, 达标吗, enough?). */
  asksVerdict: boolean;
  /** How specifically the question names the threshold's quantity (the longest word of it named). */
  strength: number;
}

/** Asking whether a figure is enough. */
const VERDICT =
  /够不够|够吗|够了吗|够没|够么|够嘛|够啊|够呢|够不|够格|够用|足够|达标|达到要求|达到标准|达没达到|达不达到|到没到|符合|满足|合格|过关|过线|行不行|行吗|行么|行不|可以吗|可以不|可不可以|能不能(?:申请|申报|认定|通过|过)|能否(?:申请|申报|认定|通过)|能申请|能申报|有没有资格|有资格|差多少|还差|\benough\b|\bqualif|\bmeets?\b|\bsufficient\b|\beligible\b|\bok\b|\bokay\b/i;
/** Asking outright whether a figure reaches the bar: enough for the plan's own figure to be the asker's. */
const ENOUGH =
  /够|达标|达到要求|符合要求|符合条件|合格|过关|过线|行不行|行吗|能不能(?:申请|申报)|能申请|能申报|\benough\b|\bqualif|\bsufficient\b/i;
/** The asker speaking of their own organisation. */
const OWN = /我们|我司|我公司|本公司|咱们|咱|我家|我厂|我单位|俺们|\bour\b|\bwe\b|\bus\b|\bmy\b/i;

/** A share or a sum written in a question. */
const QUANTITY = new RegExp(
  [
    '百分之[零〇一二两三四五六七八九十百点.\\d]+',
    '(?<![零〇一二两三四五六七八九十\\d])[一二三四五六七八九\\d]成[一二三四五六七八九\\d]?(?![本立果员为功熟就效都交长型品绩不])',
    '\\d+(?:\\.\\d+)?\\s*(?:%|％|percent\\b|per cent\\b)',
    '\\d[\\d.,]*\\s*(?:千万|万|亿|million\\b|mn\\b|m\\b)\\s*(?:元|块|yuan\\b|rmb\\b)?',
    '[一二两三四五六七八九十百千]+[万亿]\\s*(?:元|块)?',
  ].join('|'),
  'gi',
);
/** A bound before a figure: it is a limit spoken of, not a figure of the asker. */
const BOUND_BEFORE =
  /(不低于|不少于|不小于|至少|最少|最低|起码|低于|少于|小于|不到|不足|不够|达不到|没达到|未达到|没到|不满|超过|高于|大于|多于|\bat least\b|\bbelow\b|\bunder\b|\babove\b|\bover\b|\bmore than\b|\bless than\b|\bminimum( of)?\b)\s*(的|了)?\s*$/i;
/** A bound after a figure (30%以上). */
const BOUND_AFTER = /^\s*(及以上|以上|以下|以内|or more\b|or less\b|and above\b|\bminimum\b)/i;
/**
 * Words before the plan's own figure that quote it as a requirement (要求的30%, 满足1000万, 必须达到30%);
 * 达到 alone states the asker's (我们达到30%了).
 */
const QUOTE_BEFORE =
  /(满足|够|要求|规定|门槛|标准|那个|这个|(?:要|需要|必须|得|应该?|需)(?:达到|到达|满足|占|有)?|\breach\b|\bthe\b|\bneeds?( to be)?\b|\bmust( be)?\b|\brequired\b)\s*(的|了)?\s*$/i;
/** Words after the plan's own figure that quote it as a requirement (30%的比例, 1000万的门槛). */
const QUOTE_AFTER =
  /^\s*的?\s*(要求|标准|门槛|比例|规定|线|红线|硬杠|科技人员|研发人员|研发费用|组建资金|这个|那个|这条|threshold|requirement|rule)/i;

/** The value a written quantity stands for: a share in percent, or a sum in yuan. */
function quantityOf(written: string): { percent?: number; yuan?: number } {
  const r = parseRatio(written);
  if (r.kind === 'ratio' && !r.from) return { percent: r.percent };
  const a = parseAmount(written);
  return a.kind === 'amount' ? { yuan: a.yuan } : {};
}

/**
 * The question with the limits it speaks of taken out: a figure after a bound (不到三成, at least
 * 30%) and the plan's own figure quoted as a requirement (30%的比例). What is left are the asker's
 * figures.
 */
export function withoutQuotedFigures(question: string, thresholds: readonly Threshold[]): string {
  return question.replace(QUANTITY, (written, at: number) => {
    const before = question.slice(Math.max(0, at - 12), at);
    const after = question.slice(at + written.length, at + written.length + 12);
    if (BOUND_BEFORE.test(before) || BOUND_AFTER.test(after)) return ' ';
    const v = quantityOf(written);
    const plans = thresholds.some((t) => (t.type === 'ratio' ? v.percent === t.threshold : v.yuan === t.threshold));
    if (plans && (QUOTE_BEFORE.test(before) || QUOTE_AFTER.test(after))) return ' ';
    return written;
  });
}

/** Where a question's pieces part (each piece usually states one figure: 注册资本2000万，实缴800万). */
const PIECES = /[，,；;。！!？?\n]/;

/**
 * Reads the asker's figure against a threshold. A question often states more than the dialog's one
 * answer does (注册资本2000万，实缴800万): when the whole is `several` amounts or names money not paid
 * in, the one piece that says it is paid in is read alone, by the same rule.
 */
function readOwn(t: Threshold, text: string): FigureReading {
  const reading = readFigure(t, text);
  if (t.type !== 'amount' || reading.kind !== 'problem' || !t.basis) return reading;
  if (reading.problem !== 'several' && reading.problem !== 'not_paid') return reading;
  const paidWords = t.basis.paidWords;
  const readings = text
    .split(PIECES)
    .filter((piece) => containsWord(normalizeTerm(piece), paidWords, true))
    .map((piece) => readFigure(t, piece))
    .filter((r) => r.kind === 'amount');
  return readings.length === 1 ? (readings[0] as FigureReading) : reading;
}

/** A number written in a piece of a question. */
const NUMBER = /[\d一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/;

/**
 * The pieces of a question that speak of the threshold's quantity. A question may state figures of
 * several quantities (研发人员40人，全公司150人，研发费用600万，总成本2000万): the pieces naming another
 * quantity are left out when each of them states its own figure. When one names another quantity
 * without a figure (那研发经费呢), the question is about that quantity: undefined, no verdict.
 */
function ownPieces(t: Threshold, text: string): string | undefined {
  if (!namesOtherQuantity(t, text)) return text;
  const pieces = text.split(PIECES);
  const other = pieces.filter((p) => namesOtherQuantity(t, p));
  if (other.some((p) => !NUMBER.test(p))) return undefined;
  return pieces.filter((p) => !namesOtherQuantity(t, p)).join('，');
}

/** Finds the asker's own figures in questions, for the thresholds given. */
export interface OwnFigures {
  /**
   * The asker's figure judged against the threshold the question is about, or undefined when the
   * question states none (or only figures of another quantity).
   *
   * @param topClause the id of the clause the ranking puts first, if any: a figure for its
   *   threshold needs no word naming the quantity beyond what the ranking already read
   * @param rankOf the rank of a clause id in the ranking (lower is better), to settle a tie
   */
  find(question: string, topClause: string | undefined, rankOf: (clauseId: string) => number): FigureCheck | undefined;
  /**
   * The amount threshold of the top clause when the question's sum is not money paid in (认缴1200万,
   * 准备投入2000万): no verdict, but the answer can say the plan counts what is actually invested.
   */
  notPaid(question: string, topClause: string | undefined): Threshold | undefined;
}

/** Builds the finder over the thresholds whose clause the knowledge base has. */
export function createOwnFigures(kb: KnowledgeBase, thresholds: readonly Threshold[]): OwnFigures {
  const known = thresholds
    .map((t) => ({ t, clause: kb.clause(`${t.doc}/${t.clause}`) }))
    .filter((x): x is { t: Threshold; clause: Clause } => x.clause !== undefined);
  return {
    find(question, topClause, rankOf) {
      if (known.length === 0 || !/[\d一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/.test(question)) {
        return undefined;
      }
      const stated = withoutQuotedFigures(question, thresholds);
      const own = OWN.test(question);
      const asksVerdict = VERDICT.test(question);
      const found: FigureCheck[] = [];
      for (const { t, clause } of known) {
        const text = ownPieces(t, stated);
        if (text === undefined) continue;
        const reading = readOwn(t, text);
        if (reading.kind !== 'amount' && reading.kind !== 'ratio') continue;
        // The plan's own figure stated alone is the asker's only when they say it is theirs or ask
        // whether it is enough (研发30%够吗); quoted as the requirement it was taken out above.
        const computed = reading.kind === 'ratio' && reading.from !== undefined;
        if (!computed && reading.value === t.threshold && !own && !ENOUGH.test(question)) continue;
        const strength = measureStrength(t, text, reading);
        // An amount needs no word of its own when the ranking already put its clause first; a share
        // always names its part (研发人员, R&D), or it may be a share of anything.
        const onTopic =
          strength > 0 || (t.type === 'amount' && clause.id === topClause && !namesOtherQuantity(t, text));
        if (!onTopic) continue;
        found.push({ threshold: t, clause, reading, asksVerdict, strength });
      }
      if (found.length === 0) return undefined;
      return found.reduce((a, b) => {
        const aTop = a.clause.id === topClause;
        const bTop = b.clause.id === topClause;
        if (aTop !== bTop) return aTop ? a : b;
        if (a.strength !== b.strength) return a.strength > b.strength ? a : b;
        return rankOf(b.clause.id) < rankOf(a.clause.id) ? b : a;
      });
    },
    notPaid(question, topClause) {
      const text = withoutQuotedFigures(question, thresholds);
      const isNotPaid = (t: Threshold): boolean => {
        const r = readOwn(t, text);
        return r.kind === 'problem' && r.problem === 'not_paid';
      };
      return known.find(
        ({ t, clause }) =>
          t.type === 'amount' && clause.id === topClause && !namesOtherQuantity(t, text) && isNotPaid(t),
      )?.t;
    },
  };
}
