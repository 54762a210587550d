/**
 * @module thresholds
 * The plan's numeric thresholds — 组建资金实际投入不低于1000万元 (三（一）4), 科技人员占职工总数不低于30%
 * (三（二）6), 研发费用占成本费用支出总额不低于30% (三（二）7) — and the one rule that reads a figure a
 * person typed against one of them. Shared by the eligibility dialog (which asks for the figure) and
 * the Q&A (which finds it in a question), so both read 900万, 40÷150 or 三成五 alike and give the same
 * verdict. Not a feature: features import it, it imports no feature.
 *
 * The thresholds, the words marking a ratio's part and whole, the words marking money as paid in or
 * not, and the words naming the quantity a threshold measures are data, in `knowledge/eligibility.json`
 * (its `amount` and `ratio` criteria); nothing here holds a number of the plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { parseAmount, parseRatio, type RatioParse } from '../figures/index.ts';
import { DEFAULT_KNOWLEDGE_DIR, type KnowledgeBase } from '../knowledge-base/index.ts';

/** The file under the knowledge folder that holds the thresholds (as criteria of the self-check). */
export const THRESHOLDS_FILE = 'eligibility.json';

const text = z.string().trim().min(1);
/** A text in both languages. */
export const localizedSchema = z.object({ 'zh-CN': text, en: text });
const words = z.array(text).default([]);

/**
 * What quantity a threshold measures, so that a figure of another quantity (the share of women among
 * the staff, the equipment's share of the investment) is not judged against it.
 */
const measureSchema = z.object({
  /** Ratios: what the two quantities count (heads or yuan). */
  unit: z.enum(['people', 'yuan']).optional(),
  /** Words naming the quantity (组建资金, 出资, capital); for a ratio its part hints count as well. */
  words,
  /** Words naming another quantity (女职工, 营业收入, 研发费用 for the founding capital). */
  unlike: words,
});

/** The fields of an amount threshold, shared with the self-check's criteria schema. */
export const amountThresholdFields = {
  /** Met at or above this many yuan. */
  threshold: z.number().int().positive(),
  /** Which money counts: words that mark it as paid in, and words that mark it as something else. */
  basis: z
    .object({
      paidWords: words,
      notPaidWords: words,
      /** Why an answer naming a subscribed or planned amount is re-asked. */
      retry: localizedSchema,
    })
    .optional(),
  measure: measureSchema.default({ words: [], unlike: [] }),
};

/** The fields of a ratio threshold, shared with the self-check's criteria schema. */
export const ratioThresholdFields = {
  /** Met at or above this percentage. */
  threshold: z.number().positive().max(100),
  /** Words that mark which of two quantities is the part and which the whole. */
  hints: z.object({ part: z.array(text).min(1), whole: z.array(text).min(1) }),
  measure: measureSchema.default({ words: [], unlike: [] }),
};

/** What a threshold measures (see `measure` in `eligibility.json`). */
export interface Measure {
  unit?: 'people' | 'yuan';
  words: string[];
  unlike: string[];
}

interface ThresholdBase {
  /** The document the threshold comes from (`yjxf-2017-139`). */
  doc: string;
  /** The criterion's id in `eligibility.json` (the clause id, or `3.1.2-capital`). */
  id: string;
  /** The clause that sets it. */
  clause: string;
  measure: Measure;
}

/** A sum of money: met at or above `threshold` yuan. */
export interface AmountThreshold extends ThresholdBase {
  type: 'amount';
  threshold: number;
  basis?: { paidWords: string[]; notPaidWords: string[]; retry: { 'zh-CN': string; en: string } };
}

/** A share: met at or above `threshold` percent. */
export interface RatioThreshold extends ThresholdBase {
  type: 'ratio';
  threshold: number;
  hints: { part: string[]; whole: string[] };
}

/** A threshold the plan sets. */
export type Threshold = AmountThreshold | RatioThreshold;

const fileSchema = z.object({
  doc: z.string().optional(),
  criteria: z.array(z.looseObject({ type: z.string() })),
});
const ident = { id: text, clause: text, doc: z.string().optional() };
const amountSchema = z.object({ ...ident, type: z.literal('amount'), ...amountThresholdFields });
const ratioSchema = z.object({ ...ident, type: z.literal('ratio'), ...ratioThresholdFields });

/**
 * Loads the thresholds from `<dir>/eligibility.json`: its `amount` and `ratio` criteria, with the
 * document they come from (the file's `doc`, else the first document).
 *
 * @throws KnowledgeError naming the file and field when the file cannot be read, a threshold is
 *   malformed, or it cites a clause the knowledge base does not have
 */
export function loadThresholds(kb: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): Threshold[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, THRESHOLDS_FILE), 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${THRESHOLDS_FILE}: cannot read or parse JSON`, { cause });
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) {
    throw new KnowledgeError(`knowledge/${THRESHOLDS_FILE}: ${file.error.issues[0]?.message ?? 'invalid'}`);
  }
  const fileDoc = file.data.doc ?? kb.documents[0]?.id ?? '';
  const out: Threshold[] = [];
  file.data.criteria.forEach((c, i) => {
    if (c.type !== 'amount' && c.type !== 'ratio') return;
    const parsed = (c.type === 'amount' ? amountSchema : ratioSchema).safeParse(c);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KnowledgeError(
        `knowledge/${THRESHOLDS_FILE}: criteria.${i}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const doc = parsed.data.doc ?? fileDoc;
    if (!kb.clause(`${doc}/${parsed.data.clause}`)) {
      throw new KnowledgeError(
        `knowledge/${THRESHOLDS_FILE}: criteria.${i}.clause: clause ${parsed.data.clause} does not exist in ${doc}`,
      );
    }
    out.push({ ...parsed.data, doc } as Threshold);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words

/** The key two spellings of one term share, for matching: NFKC, lower case, single spaces. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const ASCII = /^[\x20-\x7e]+$/;

/** A string as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words that deny what follows them: 不含知识产权, without IP. */
const DENIED_BEFORE = /(不含|不包括|不包含|没有|没|无|未|不是|并非|excluding|without|not|no)\s*$/;

/** Where `word` occurs in normalised text: a Latin word only as a whole word. */
function occurrences(norm: string, word: string): number[] {
  const t = normalizeTerm(word);
  if (t === '') return [];
  const re = new RegExp(ASCII.test(t) ? `(?<![a-z0-9])${escapeRegExp(t)}(?![a-z0-9])` : escapeRegExp(t), 'g');
  return [...norm.matchAll(re)].map((m) => m.index);
}

/**
 * Whether normalised text names one of `words`; with `deniable`, an occurrence right after a denial
 * (不含, without) does not count.
 */
export function containsWord(norm: string, words: readonly string[], deniable = false): boolean {
  return words.some((w) =>
    occurrences(norm, w).some((at) => !deniable || !DENIED_BEFORE.test(norm.slice(Math.max(0, at - 6), at))),
  );
}

/** The longest of `words` the normalised text names (its length), 0 when none. */
export function longestWord(norm: string, words: readonly string[]): number {
  return Math.max(0, ...words.filter((w) => occurrences(norm, w).length > 0).map((w) => normalizeTerm(w).length));
}

// ---------------------------------------------------------------------------------------------
// Reading a figure against a threshold

/** A percentage rounded to `digits`, never rounded up across `threshold` when `met` is false. */
export function shownPercent(percent: number, threshold: number, met: boolean, digits: number): number {
  const scale = 10 ** digits;
  const rounded = Math.round(percent * scale) / scale;
  return !met && rounded >= threshold ? Math.floor(percent * scale) / scale : rounded;
}

/** Whether `part ÷ whole` (or `percent`) reaches `threshold` percent, exactly at the boundary. */
export function reachesPercent(threshold: number, percent: number, from?: { part: number; whole: number }): boolean {
  if (from && from.whole > 0) return from.part * 100 >= threshold * from.whole;
  return percent >= threshold - 1e-9;
}

/**
 * Whether a value as {@link readFigure} gives it (integer yuan, or a percentage rounded so that it
 * never crosses the threshold the exact ratio did not reach) meets the threshold.
 */
export function meetsThreshold(t: Threshold, value: number): boolean {
  return t.type === 'amount' ? value >= t.threshold : reachesPercent(t.threshold, value);
}

/** Why a figure could not be read against a threshold. */
export type FigureProblem =
  | 'negative'
  | 'not_finite'
  | 'no_unit'
  | 'several'
  | 'not_paid'
  | 'bare_fraction'
  | 'part_exceeds_whole'
  | 'no_whole'
  | 'over_100';

/** What {@link readFigure} read. */
export type FigureReading =
  | {
      kind: 'amount';
      /** Integer yuan. */
      value: number;
      met: boolean;
      /** Parts named in brackets or after 含 (研发设备200万). */
      parts: { label: string; yuan: number }[];
      /** True when the text says intellectual property is put in as capital. */
      includesIp?: boolean;
    }
  | {
      kind: 'ratio';
      /** The percentage rounded to 2 decimals, never across the threshold. */
      value: number;
      met: boolean;
      /** The percentage rounded to 1 decimal, never across the threshold. */
      shown: number;
      /** Whether `shown` is the exact share (`=`) or rounded (`≈`). */
      exact: boolean;
      /** The two quantities it was computed from, when it was. */
      from?: { part: number; whole: number; unit: 'people' | 'yuan' };
    }
  /** No figure of the threshold's kind in the text. */
  | { kind: 'none' }
  /** A figure is there, but judging it would be a guess or is impossible. */
  | { kind: 'problem'; problem: FigureProblem };

function readAmountFigure(t: AmountThreshold, text: string, norm: string): FigureReading {
  const r = parseAmount(text);
  const notPaid = t.basis !== undefined && containsWord(norm, t.basis.notPaidWords, true);
  if (r.kind === 'ambiguous') {
    if (r.reason === 'negative' || r.reason === 'not_finite') return { kind: 'problem', problem: r.reason };
    return { kind: 'problem', problem: notPaid ? 'not_paid' : r.reason };
  }
  if (r.kind === 'none') return { kind: 'none' };
  if (!Number.isFinite(r.yuan)) return { kind: 'problem', problem: 'not_finite' };
  if (r.yuan < 0) return { kind: 'problem', problem: 'negative' };
  if (t.basis && r.basis !== 'paid' && (r.basis === 'subscribed' || notPaid)) {
    return { kind: 'problem', problem: 'not_paid' };
  }
  const value = Math.round(r.yuan);
  const parts = (r.parts ?? [])
    .filter((p) => Number.isFinite(p.yuan) && p.yuan >= 0)
    .map((p) => ({ label: p.label, yuan: Math.round(p.yuan) }));
  return {
    kind: 'amount',
    value,
    met: meetsThreshold(t, value),
    parts,
    ...(r.includesIp !== undefined ? { includesIp: r.includesIp } : {}),
  };
}

function readRatioFigure(t: RatioThreshold, r: RatioParse): FigureReading {
  if (r.kind === 'ambiguous') return { kind: 'problem', problem: r.reason };
  if (r.kind === 'none') return { kind: 'none' };
  const { percent, from } = r;
  if (!Number.isFinite(percent)) return { kind: 'problem', problem: 'not_finite' };
  if (percent < 0) return { kind: 'problem', problem: 'negative' };
  if (percent > 100 + 1e-9) return { kind: 'problem', problem: 'over_100' };
  const met = reachesPercent(t.threshold, percent, from);
  const shown = shownPercent(percent, t.threshold, met, 1);
  return {
    kind: 'ratio',
    value: shownPercent(percent, t.threshold, met, 2),
    met,
    shown,
    exact: Math.abs(percent - shown) < 1e-9,
    ...(from ? { from } : {}),
  };
}

/**
 * Reads the figure a person typed against a threshold, by the self-check's rules: an amount in
 * whole yuan that must be paid in (认缴, 注册资本 and planned sums are `not_paid`), a share stated
 * or computed from two quantities with the threshold's part/whole hints, met exactly at the
 * boundary (900 ÷ 3000 is 30%). Never throws.
 *
 * @example
 * readFigure(staffShare, '一共150个人，搞研发的40个');
 * // { kind: 'ratio', value: 26.66, met: false, shown: 26.6, exact: false, from: { part: 40, whole: 150, unit: 'people' } }
 */
export function readFigure(t: Threshold, text: string): FigureReading {
  try {
    const norm = normalizeTerm(text);
    return t.type === 'amount' ? readAmountFigure(t, text, norm) : readRatioFigure(t, parseRatio(text, t.hints));
  } catch {
    return { kind: 'problem', problem: 'not_finite' };
  }
}

/** Whether the text names a quantity other than the one the threshold measures (its `unlike` words). */
export function namesOtherQuantity(t: Threshold, text: string): boolean {
  return containsWord(normalizeTerm(text), t.measure.unlike);
}

/**
 * Whether the text speaks of the quantity the threshold measures, and of no other: a word of the
 * quantity (for a ratio, a part hint) is named, no `unlike` word is, and a share computed from two
 * quantities counts what the threshold counts. How strongly: the length of the longest word named
 * (0 when the text does not speak of it), so 研发人员 beats 研发 for the staff share.
 */
export function measureStrength(t: Threshold, text: string, reading?: FigureReading): number {
  const norm = normalizeTerm(text);
  if (containsWord(norm, t.measure.unlike)) return 0;
  if (t.type === 'ratio' && reading?.kind === 'ratio' && reading.from && t.measure.unit) {
    if (reading.from.unit !== t.measure.unit) return 0;
  }
  const own = t.type === 'ratio' ? [...t.hints.part, ...t.measure.words] : t.measure.words;
  return longestWord(norm, own);
}
