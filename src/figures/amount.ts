/**
 * @module figures/amount
 * Reads a sum of money a person typed (1200万, 0.12亿, 壹仟贰佰万元, RMB 12 million, 实缴1500万) into
 * whole yuan, with what kind of capital it is and the parts the person named. It never guesses a
 * unit: 1200 typed for a 1000万 threshold probably means 万, so a small bare number is ambiguous.
 */
import { findMentions, type Mention, NOT_FINITE_WORD, pieceAround, prepare } from './mentions.ts';
import { DIGIT_CHARS, readNumeral } from './numerals.ts';

/** What {@link parseAmount} read. */
export type AmountParse =
  | {
      kind: 'amount';
      /** Integer yuan (rounded). */
      yuan: number;
      /** 'paid' when the text says 实缴/实际投入/到位, 'subscribed' when 认缴/注册资本/注册资金, undefined otherwise. */
      basis?: 'paid' | 'subscribed';
      /** True when the text says (part of) it is 知识产权/专利 作价入股; false when it says it is not. */
      includesIp?: boolean;
      /** A part named in brackets or after 含/其中, e.g. 1000万元（含研发设备200万） → {label:'研发设备', yuan: 2000000}. */
      parts?: { label: string; yuan: number }[];
    }
  /** No amount in the text. */
  | { kind: 'none' }
  /** An amount is there, but reading it would be a guess. */
  | { kind: 'ambiguous'; reason: 'no_unit' | 'several' | 'negative' | 'not_finite' };

/** A sum of yuan as people read money in Chinese: `1200万`, `999.99万`, `5000` (no unit word). */
export function formatWan(yuan: number): string {
  if (Math.abs(yuan) < 10_000) return String(yuan);
  return `${Number((yuan / 10_000).toFixed(4))}万`;
}

/** A bare number at least this large is taken as yuan: nobody means 100000万. */
export const BARE_YUAN_FROM = 100_000;

const PAID = /实缴|实际(?:投入|出资|缴纳|到位|到账|投资)|实到|实投|到位|到账/;
const SUBSCRIBED = /认缴|注册资本|注册资金/;
const IP =
  /(?:知识产权|专利|技术成果|无形资产|商标|著作权|技术)[^,;。]{0,10}?(?:作价|折价|入股|出资)|作价入股|技术入股/;
const DENIED = /(?:没有|没|不含|不包括|不包含|无|未|不是|并非)[^,;。]{0,3}$/;
/** Words that make what follows a part of the amount before. */
const PART_MARKER = /含|包含|包括|其中/g;
/** Words between two numbers that make them a range, a choice or a list (500到800万, 500或800万, 500，800万). */
const CONNECTOR = /^\s*(?:到|至|-|~|—|或者?|或是|还是|、|,|\/|or|to)\s*$/;
/** Words saying that the amounts named are added up (现金600万，再加上设备450万，一共…). */
const SUM = /加上|再加|加起来|合起来|合计|一共|总共|共计|总计|\bin total\b|\bplus\b|\+/;
/** N members each putting in the same sum (三家企业各出300万, 四家单位每家投入280万). */
const EACH = new RegExp(
  `(?<![${DIGIT_CHARS}\\d])([${DIGIT_CHARS}\\d]{1,3})\\s*(?:家|个|位)[^，,。；;]{0,12}?(?:各|每家|每个|每位|分别|\\beach\\b)`,
);
/** Filler around a part's name. */
const FILLER_EDGE = /^[\s:：的为是有约共计了用于作为]+|[\s:：的为是有约共计了]+$/g;

interface Part {
  mention: Mention;
  /** Where the part's name may start: after the bracket or the marker. */
  from: number;
}

/** The opening bracket a position is inside, if any. */
function openBracketBefore(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']' || ch === '】') depth++;
    else if (ch === '(' || ch === '[' || ch === '【') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** Where the part a mention may be starts, or undefined when it is said at the top level. */
function partStart(text: string, m: Mention): number | undefined {
  const piece = pieceAround(text, m.start);
  const bracket = openBracketBefore(text, m.start);
  let marker: number | undefined;
  const scanFrom = Math.max(piece.start, bracket ?? 0);
  for (const k of text.slice(scanFrom, m.start).matchAll(PART_MARKER)) marker = scanFrom + k.index + k[0].length;
  if (marker !== undefined) return marker;
  // Before the marker: the 含 may sit in an earlier piece of the same bracket (含设备200万, 软件100万).
  if (bracket !== undefined) return Math.max(bracket + 1, piece.start);
  return undefined;
}

/** The name of a part: the words before its number, or else the words after it. */
function partLabel(text: string, m: Mention, from: number): string {
  const before = text.slice(from, m.start).replace(FILLER_EDGE, '');
  if (before !== '') return before;
  const piece = pieceAround(text, m.start);
  const close = text.slice(m.end, piece.end).search(/[)\]】]/);
  const after = text.slice(m.end, close < 0 ? piece.end : m.end + close);
  return after.replace(FILLER_EDGE, '');
}

/** What kind of capital the amount is, from the words in its own piece, else anywhere. */
function basisOf(text: string, at: number): 'paid' | 'subscribed' | undefined {
  const piece = pieceAround(text, at);
  const own = text.slice(piece.start, piece.end);
  if (PAID.test(own)) return 'paid';
  if (SUBSCRIBED.test(own)) return 'subscribed';
  if (PAID.test(text)) return 'paid';
  if (SUBSCRIBED.test(text)) return 'subscribed';
  return undefined;
}

/** Whether the text says intellectual property is (or is not) put in as capital. */
function ipOf(text: string): boolean | undefined {
  const m = IP.exec(text);
  if (!m) return undefined;
  return !DENIED.test(text.slice(0, m.index));
}

/**
 * Reads a sum of money a person typed.
 *
 * Units: 元/块, 万, 亿, 千万, 个亿, w, RMB/¥/yuan, million/billion/k; Chinese (一千万, 壹仟贰佰万元,
 * 三万五千元), Arabic (1,200万, 0.12亿, 999.99万) and mixed (1.2千万, 3万5千元). A bare number with
 * no unit is `no_unit` unless it is at least {@link BARE_YUAN_FROM}, which can only be yuan. A part
 * in brackets or after 含/其中 is returned in `parts`, not counted as a second amount; two different
 * amounts otherwise are `several`. Never throws.
 *
 * @example
 * parseAmount('1000万元（含研发设备200万）');
 * // { kind: 'amount', yuan: 10000000, parts: [{ label: '研发设备', yuan: 2000000 }] }
 * parseAmount('1200'); // { kind: 'ambiguous', reason: 'no_unit' }
 */
export function parseAmount(text: string): AmountParse {
  const t = prepare(text);
  const notFiniteWord = NOT_FINITE_WORD.test(t);
  const money = findMentions(t).filter((m) => m.kind === 'yuan' || m.kind === 'bare');
  // 500到800万, 500或800万: the first number takes the unit of the second.
  for (const [i, m] of money.entries()) {
    const next = money[i + 1];
    if (m.kind === 'bare' && next?.kind === 'yuan' && CONNECTOR.test(t.slice(m.end, next.start))) {
      m.value *= next.scale;
      m.scale = next.scale;
      m.kind = 'yuan';
    }
  }
  const parts: Part[] = [];
  const top: Mention[] = [];
  for (const m of money) {
    const from = partStart(t, m);
    if (from !== undefined) parts.push({ mention: m, from });
    else top.push(m);
  }
  // A bracket with no total before it (注册资本（1000万）) holds the amount itself.
  if (!top.some((m) => m.kind === 'yuan')) {
    top.push(...parts.splice(0).map((p) => p.mention));
    top.sort((a, b) => a.start - b.start);
  }
  if (top.some((m) => m.negative || m.value < 0)) return { kind: 'ambiguous', reason: 'negative' };
  if (top.some((m) => !Number.isFinite(m.value))) return { kind: 'ambiguous', reason: 'not_finite' };
  let stated = top.filter((m) => m.kind === 'yuan');
  if (stated.length === 0) {
    const bare = top.filter((m) => m.kind === 'bare');
    if (bare.length === 0) return notFiniteWord ? { kind: 'ambiguous', reason: 'not_finite' } : { kind: 'none' };
    if (bare.some((m) => m.value < BARE_YUAN_FROM)) return { kind: 'ambiguous', reason: 'no_unit' };
    stated = bare;
  }
  const first = stated[0];
  if (!first) return { kind: 'none' };
  // Several sums said to add up (加上, 一共) are one total, unless one is subscribed capital, which
  // is not money put in beside the rest.
  const total = stated.length > 1 && SUM.test(t) && !SUBSCRIBED.test(t);
  if (!total && new Set(stated.map((m) => Math.round(m.value))).size > 1)
    return { kind: 'ambiguous', reason: 'several' };
  // One sum that each of N members puts in.
  const each = stated.length === 1 ? EACH.exec(t) : null;
  const members = each ? readNumeral(each[1] ?? '') : undefined;
  const all = stated.reduce((sum, m) => sum + m.value, 0);
  // The total may be said too (500万、300万，合计800万): the one that is the sum of the others.
  const said = stated.length > 2 ? stated.find((m) => Math.abs(all - m.value - m.value) < 0.5) : undefined;
  const yuan = total
    ? (said?.value ?? all)
    : first.value * (members && members > 1 && Number.isInteger(members) ? members : 1);

  const result: AmountParse & { kind: 'amount' } = { kind: 'amount', yuan: Math.round(yuan) };
  const basis = basisOf(t, first.start);
  if (basis) result.basis = basis;
  const ip = ipOf(t);
  if (ip !== undefined) result.includesIp = ip;
  const named = parts
    .filter((p) => !p.mention.negative && Number.isFinite(p.mention.value))
    .map((p) => ({
      label: partLabel(t, p.mention, p.from),
      // 1000万（含设备200）: a part with no unit is in the total's unit.
      yuan: Math.round(p.mention.kind === 'bare' ? p.mention.value * first.scale : p.mention.value),
    }));
  if (named.length > 0) result.parts = named;
  return result;
}
