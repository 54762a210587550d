/**
 * @module qa/figure-quantity
 * A figure answers only the quantity it measures. 不低于30% in 三（二）6 is the share of 科技人员 among
 * all 职工: it does not answer what share of the staff must be women, nor what share of the
 * investment must be equipment; 前三年连续给予专项支持 says how long support lasts, not how long a lead
 * enterprise must have existed. The figures and what they measure are data (`knowledge/figures.json`);
 * here the question's quantity — the phrase a quantity word (占, 比例, 多少, 几年 …) governs — is
 * compared with them.
 */
import type { Clause, PlanFigure } from '../knowledge-base/index.ts';
import { escapeRegExp } from '../thresholds/index.ts';
import { type DetailAsked, detailAsked, questionParts } from './detail.ts';
import { normalize } from './text.ts';

/** The words that ask for a quantity; the phrase a question asks about runs to the last of them. */
/** Where the thing counted after the last quantity word ends: 多少个孵化企业|才行. */
const PHRASE_END = /[\s才就吗呢吧啊呀嘛哦，,。？?！!；;]|可以/;

const QUANTITY_WORD =
  /(占|比例|比重|占比|百分之|几成|多少|几|多久|多长|多大|多高|\bhow (much|many|long)\b|\bwhat (share|percentage|proportion)\b|\bpercent(age)?\b)/gi;

/**
 * The words opening an English question's quantity phrase: "what share of X must be Y", "how many
 * years must Y", "how many Z". Before them stands what the question leads in with, not the quantity.
 */
const EN_QUANTITY =
  /\b(how (much|many|long|often|frequently|large|big|high|soon)|(what|which) (share|percentage|percent|proportion|fraction|portion|part|ratio|minimum|amount|number|period)|(share|percentage|proportion|fraction|ratio|number|minimum) of|at least|minimum)\b/i;

/** A piece telling what the asker did or has (扩招了一批, 我们今年), background to the quantity asked. */
const TOLD = /(了|我们|我司|咱们|今年|去年|目前|现在)/;

/** Asking whether something counts toward a figure (兼职的算不算, do part-time staff count?). */
const INCLUSION =
  /(算不算|能不能算|能否算|可不可以算|可以算|能算|算进|算在|计入|算入|折进|算作|包不包括|包括不包括|含不含|\bcounts?\b|\bcounted\b|\bbe included\b|\binclude[sd]?\b)/i;

/** Checks lead figures against the quantity a question asks about. */
export interface FigureQuantity {
  /**
   * The figure of a clause that a question asks to count something toward which the clause does not
   * name (兼职的研发人员算不算科技人员: the plan says nothing of part-time staff), undefined when the
   * clause names it (研发设备算不算组建资金: 含研发设备投入) or the question asks no such thing.
   *
   * @param texts the clause's text and its readings, where what is counted may be named
   */
  notNamed(question: string, clause: Clause, texts: readonly string[]): PlanFigure | undefined;
  /**
   * The figure of the lead that measures another quantity than the one asked, when every figure of
   * the lead does; undefined when the lead states no described figure or one measures the quantity
   * asked.
   */
  otherQuantity(question: string, clause: Clause, lead: string, asked: DetailAsked): PlanFigure | undefined;
}

/**
 * The normalised text with every occurrence of `words` blanked, longest first (研发人员 before 人员);
 * a Latin word only as a whole word.
 */
function without(norm: string, words: readonly string[]): string {
  let out = norm;
  for (const w of [...words].map(normalize).sort((a, b) => b.length - a.length)) {
    if (!w) continue;
    const re = /^[\x20-\x7e]+$/.test(w)
      ? new RegExp(`(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])`, 'g')
      : new RegExp(escapeRegExp(w), 'g');
    out = out.replace(re, '|');
  }
  return out;
}

/**
 * Whether the normalised text names one of `unlike` outside the words set aside, the longer word
 * winning where they overlap: 人员 inside 研发人员 is the subject, 管理费用 holding 费用 is another
 * quantity.
 */
function namesOutside(norm: string, unlike: readonly string[], setAside: readonly string[]): boolean {
  const words = [
    ...setAside.map((w) => ({ w: normalize(w), other: false })),
    ...unlike.map((w) => ({ w: normalize(w), other: true })),
  ]
    .filter((x) => x.w)
    // Longest first; of two words of one length, the one set aside.
    .sort((a, b) => b.w.length - a.w.length || Number(a.other) - Number(b.other));
  let out = norm;
  for (const { w, other } of words) {
    const re = /^[\x20-\x7e]+$/.test(w)
      ? new RegExp(`(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])`, 'g')
      : new RegExp(escapeRegExp(w), 'g');
    if (!re.test(out)) continue;
    if (other) return true;
    out = out.replace(re, '|');
  }
  return false;
}

/** Whether the normalised text names one of `words`. */
const names = (norm: string, words: readonly string[]): boolean => without(norm, words) !== norm;

/**
 * The phrases a question asks the quantity of: each part asking the kind of detail asked, up to its
 * last quantity word and the thing counted after it ("职工里女性要占多少比例", "牵头企业要成立几年",
 * "要培育多少个孵化企业").
 */
export function quantityPhrases(question: string, asked: DetailAsked): string[] {
  const parts = questionParts(question);
  const asking = parts.filter((p) => detailAsked(p)?.kind === asked.kind);
  return (asking.length ? asking : [question]).map((p) => {
    // What the question says is included (组建资金（含研发设备）, 含设备) qualifies, it is not asked.
    const norm = normalize(p).replace(
      /\([^)]*\)|(?<!不)(含|包含|包括)[^，,。？?！!；;\s]*?(?=(最|要|需|得|应|至少|不低于|占|的|多少|几|$))/g,
      '',
    );
    // English puts the noun after the quantity words ("what share of the staff must be women"):
    // the phrase runs from the first of them to the end of the clause asking.
    if (!/[\u3400-\u9fff]/.test(norm)) {
      const start = EN_QUANTITY.exec(norm);
      if (!start) return norm;
      const rest = norm.slice(start.index);
      const stop = /[,.;:!?，。？！；]/.exec(rest.slice(start[0].length));
      return stop ? rest.slice(0, start[0].length + stop.index) : rest;
    }
    const ends = [...norm.matchAll(QUANTITY_WORD)].map((m) => m.index + m[0].length);
    if (!ends.length) return norm;
    const end = Math.max(...ends);
    const after = norm.slice(end);
    const stop = PHRASE_END.exec(after);
    // Pieces before the asking one qualify it (外聘的兼职专家，在研发队伍里占几成), unless they tell what
    // the asker did (今年扩招了一批行政人员，研发岗位…要占几成: the staff hired are background).
    const pieces = norm.slice(0, end).split(/(?<=[，,])/);
    let first = pieces.length - 1;
    while (first > 0 && !TOLD.test(pieces[first - 1] ?? '')) first--;
    return pieces.slice(first).join('') + (stop ? after.slice(0, stop.index) : after);
  });
}

/**
 * Whether a figure measures the quantity of the phrase: not when the phrase, with the figure's own
 * subject and base words set aside, names another quantity (its `unlike` words), nor when it names
 * none of its subject words but another figure's subject of the same kind. A phrase naming its
 * subject and another figure's too (研发人员和研发投入各占多少) asks both: the other's words are set
 * aside as well.
 */
export function measuresPhrase(figure: PlanFigure, phrase: string, others: readonly PlanFigure[]): boolean {
  // A base word inside a subject word (费用 in 研发费用) leaves the subject named.
  const own = namesOutside(phrase, figure.subject, figure.base);
  const alike = others.filter((o) => o !== figure && o.kind === figure.kind);
  const setAside = [...figure.subject, ...figure.base, ...(own ? alike.flatMap((o) => [...o.subject, ...o.base]) : [])];
  const rest = without(phrase, setAside);
  if (namesOutside(phrase, figure.unlike, setAside)) return false;
  return own || !alike.some((o) => names(rest, o.subject));
}

/** Builds the check over the plan's described figures. */
export function createFigureQuantity(figures: readonly PlanFigure[]): FigureQuantity {
  return {
    notNamed(question, clause, texts) {
      // The piece asking it: background elsewhere in the message may name anything.
      const piece = normalize(question)
        .split(/[，,。；;！!？?]/)
        .find((p) => INCLUSION.test(p));
      if (!piece) return undefined;
      const named = texts.map(normalize);
      return figures.find((f) => {
        if (f.clause.doc !== clause.doc || f.clause.id !== clause.id) return false;
        const unnamed = f.unlike.filter((w) => !named.some((t) => names(t, [w])));
        return namesOutside(piece, unnamed, [...f.subject, ...f.base]);
      });
    },
    otherQuantity(question, clause, lead, asked) {
      const inLead = normalize(lead);
      const stated = figures.filter(
        (f) => f.clause.doc === clause.doc && f.clause.id === clause.id && inLead.includes(normalize(f.figure)),
      );
      if (!stated.length) return undefined;
      // A question in two parts (多少个市级…？国家级的几家？) is answered when a figure measures either.
      const phrases = quantityPhrases(question, asked);
      const measured = stated.some((f) => phrases.some((p) => measuresPhrase(f, p, figures)));
      return measured ? undefined : stated[0];
    },
  };
}
