/**
 * @module figures/ratio
 * Reads a share a person typed (35%, 百分之三十五, 三成五, 35 percent) or works it out from two
 * quantities (员工120人，科技人员40人; 研发费用900万，成本费用3000万), so that a threshold such as
 * "科技人员占职工总数不低于30%" can be checked against what the person actually said.
 */
import { findMentions, type Mention, NOT_FINITE_WORD, pieceAround, prepare } from './mentions.ts';
import { ARABIC_SOURCE, DIGIT_CHARS, readNumeral, UNIT_CHARS } from './numerals.ts';

/** What {@link parseRatio} read. */
export type RatioParse =
  | {
      kind: 'ratio';
      /** A percentage number, e.g. 26.666… (not rounded). */
      percent: number;
      /** Set when computed from two quantities with a known unit: numerator and denominator as read. */
      from?: { part: number; whole: number; unit: 'people' | 'yuan' };
    }
  /** No share in the text. */
  | { kind: 'none' }
  /** A share is there, but reading it would be a guess or is impossible. */
  | { kind: 'ambiguous'; reason: 'bare_fraction' | 'part_exceeds_whole' | 'no_whole' | 'negative' | 'not_finite' };

/** Words that tell which quantity is the part (科技人员) and which the whole (员工). */
export interface RatioHints {
  part: string[];
  whole: string[];
}

const RUN = `(?:${ARABIC_SOURCE}|[${DIGIT_CHARS}${UNIT_CHARS}]|[点點](?=[${DIGIT_CHARS}]))+`;
/** 百分之三十五, 千分之五 (a tenth of a percent each). */
const PER_HUNDRED = new RegExp(`(负)?(百分之|千分之)(负)?(${RUN})`, 'g');
/** 三成五 (35%), 三成 (30%), but not 成本, 成立, 成果 or 一成不变. */
const TENTHS = new RegExp(
  `(?<![${DIGIT_CHARS}\\d])([${DIGIT_CHARS}]|十|10|\\d)成([${DIGIT_CHARS}]|\\d)?(?![本立果员为功熟就效都交长型品绩不])`,
  'g',
);
/** 40/150, 40 out of 150: a part then its whole. */
const FRACTION = new RegExp(`(?<![\\d.,点點${DIGIT_CHARS}${UNIT_CHARS}])(${RUN})\\s*(?:/|out of|of)\\s*(${RUN})`, 'g');
/** A number someone typed alone, perhaps with "about" or a particle. */
const ALONE = /^[\s约大概差不多左右是吧啊呀哦的~≈:：,.。!?+\-−负]*$/;

interface Found {
  at: number;
  result: RatioParse;
}

/** A percentage read from a number, or why it cannot be one. */
function share(percent: number): RatioParse {
  if (!Number.isFinite(percent)) return { kind: 'ambiguous', reason: 'not_finite' };
  if (percent < 0 || Object.is(percent, -0)) return { kind: 'ambiguous', reason: 'negative' };
  return { kind: 'ratio', percent };
}

/** The first share the text states outright (35%, 百分之三十五, 三成五), if any. */
function statedShare(text: string, mentions: Mention[]): Found | undefined {
  const found: Found[] = [];
  for (const m of mentions) {
    if (m.kind === 'percent') found.push({ at: m.start, result: m.negative ? share(-1) : share(m.value) });
  }
  for (const m of text.matchAll(PER_HUNDRED)) {
    const value = readNumeral(m[4] ?? '');
    if (value === undefined) continue;
    const percent = m[2] === '千分之' ? value / 10 : value;
    found.push({ at: m.index, result: share(m[1] || m[3] ? -percent : percent) });
  }
  for (const m of text.matchAll(TENTHS)) {
    const tens = readNumeral(m[1] ?? '');
    const ones = m[2] ? readNumeral(m[2]) : 0;
    if (tens === undefined || ones === undefined || tens > 10) continue;
    found.push({ at: m.index, result: share(tens * 10 + ones) });
  }
  if (/(?:nan|infinity|inf)\s*(?:%|percent)/.test(text))
    found.push({ at: text.search(NOT_FINITE_WORD), result: share(Number.NaN) });
  return found.sort((a, b) => a.at - b.at)[0];
}

/** The words from the last boundary before a mention to it, and from it to the next boundary. */
function labels(text: string, mentions: Mention[], i: number): { before: string; after: string } {
  const m = mentions[i] as Mention;
  const piece = pieceAround(text, m.start);
  const previous = mentions[i - 1];
  const next = mentions[i + 1];
  const from = Math.max(piece.start, previous && previous.end <= m.start ? previous.end : 0);
  const to = Math.min(piece.end, next && next.start >= m.end ? next.start : text.length);
  return { before: text.slice(from, m.start), after: text.slice(m.start, Math.max(to, m.end)) };
}

/** Whether hint words name a quantity as the part or the whole; the word nearest the number wins. */
function roleOf(label: { before: string; after: string }, hints: RatioHints): 'part' | 'whole' | undefined {
  const lastIn = (s: string, words: string[]) => Math.max(-1, ...words.map((w) => s.lastIndexOf(w.toLowerCase())));
  const firstIn = (s: string, words: string[]) => {
    const at = words.map((w) => s.indexOf(w.toLowerCase())).filter((p) => p >= 0);
    return at.length > 0 ? Math.min(...at) : Number.POSITIVE_INFINITY;
  };
  const part = lastIn(label.before, hints.part);
  const whole = lastIn(label.before, hints.whole);
  if (part >= 0 || whole >= 0) return part > whole ? 'part' : 'whole';
  const partAfter = firstIn(label.after, hints.part);
  const wholeAfter = firstIn(label.after, hints.whole);
  if (partAfter === wholeAfter) return undefined;
  return partAfter < wholeAfter ? 'part' : 'whole';
}

/**
 * Words naming the quantity outside the part (不搞研发的350人, 除研发以外的其他成本费用1800万, non-R&D
 * staff): the part is then the whole less it, or the whole the part plus it.
 */
const REST =
  /(不搞|不做|不干|不从事|不是搞|不是做|不属于|非(?!常)|其他|其它|其余|剩下|剩余|以外|之外|除了|除去|\bother\b|\bnon[- ]?|\bremaining\b|\brest\b)/i;

/** The part and whole of two quantities one of which is the rest, or undefined when neither is. */
function withRest(
  text: string,
  all: Mention[],
  quantities: Mention[],
  hints?: RatioHints,
): { part: number; whole: number } | undefined {
  if (quantities.length !== 2) return undefined;
  const rests = quantities.filter((q) => REST.test(labels(text, all, all.indexOf(q)).before));
  if (rests.length !== 1) return undefined;
  const rest = rests[0] as Mention;
  const other = quantities.find((q) => q !== rest) as Mention;
  const role = hints ? roleOf(labels(text, all, all.indexOf(other)), hints) : undefined;
  // Unnamed, the other is the whole when it is the larger (公司500人，不搞研发的350人).
  const isWhole = role ? role === 'whole' : other.value >= rest.value;
  return isWhole
    ? { part: other.value - rest.value, whole: other.value }
    : { part: other.value, whole: other.value + rest.value };
}

/** Picks which two quantities are the part and the whole. */
function partAndWhole(text: string, all: Mention[], quantities: Mention[], hints?: RatioHints): [Mention, Mention] {
  const largest = quantities.reduce((a, b) => (b.value > a.value ? b : a));
  const smallest = quantities.reduce((a, b) => (b.value < a.value ? b : a));
  const fallback: [Mention, Mention] =
    quantities.length === 2 ? [smallest, largest] : [quantities.find((q) => q !== largest) ?? smallest, largest];
  if (!hints) return fallback;
  const roles = quantities.map((q) => roleOf(labels(text, all, all.indexOf(q)), hints));
  const parts = quantities.filter((_, i) => roles[i] === 'part');
  const wholes = quantities.filter((_, i) => roles[i] === 'whole');
  let part = parts[0];
  let whole = wholes.reduce<Mention | undefined>((a, b) => (a === undefined || b.value > a.value ? b : a), undefined);
  if (quantities.length === 2) {
    const [a, b] = quantities as [Mention, Mention];
    if (part && !whole) whole = part === a ? b : a;
    if (whole && !part) part = whole === a ? b : a;
  }
  return part && whole && part !== whole ? [part, whole] : fallback;
}

/**
 * Reads a share a person typed, or computes it from two quantities. `part`/`whole` hints tell which
 * quantity is which: for staff, e.g. `{ part: ['科技人员','研发','技术人员','R&D','research'], whole:
 * ['员工','职工','总共','一共','全部','总数','employees','staff','total'] }`; the hint word nearest a
 * number names it. Without hints (or when they do not decide), the smaller is the part and the
 * larger the whole.
 *
 * A share stated outright (35%, 35％, 百分之三十五, 三成五, 35 percent) wins over quantities. A lone
 * number below or equal to 1 (0.3) is `bare_fraction`, as 30% and 0.3% are both possible; a lone
 * number above 1 and up to 100 is read as a percentage. A single head count or sum (40个研发人员)
 * is `no_whole`. Never throws.
 *
 * @example
 * parseRatio('员工120人，科技人员40人'); // { kind: 'ratio', percent: 33.33…, from: { part: 40, whole: 120, unit: 'people' } }
 * parseRatio('0.3'); // { kind: 'ambiguous', reason: 'bare_fraction' }
 */
export function parseRatio(text: string, hints?: RatioHints): RatioParse {
  const t = prepare(text);
  const mentions = findMentions(t);
  const stated = statedShare(t, mentions);
  if (stated) return stated.result;

  for (const m of t.matchAll(FRACTION)) {
    const part = readNumeral(m[1] ?? '');
    const whole = readNumeral(m[2] ?? '');
    if (part === undefined || whole === undefined) continue;
    if (part < 0 || whole < 0) return { kind: 'ambiguous', reason: 'negative' };
    if (part > whole) return { kind: 'ambiguous', reason: 'part_exceeds_whole' };
    return share((part * 100) / whole);
  }

  const counted = mentions.filter((m) => m.kind === 'people' || m.kind === 'yuan' || m.kind === 'bare');
  if (counted.length === 0) return NOT_FINITE_WORD.test(t) ? share(Number.NaN) : { kind: 'none' };
  const lone = counted[0];
  if (counted.length === 1 && lone?.kind === 'bare' && ALONE.test(t.slice(0, lone.start) + t.slice(lone.end))) {
    if (lone.negative || lone.value < 0) return { kind: 'ambiguous', reason: 'negative' };
    if (!Number.isFinite(lone.value)) return { kind: 'ambiguous', reason: 'not_finite' };
    if (lone.value > 0 && lone.value <= 1) return { kind: 'ambiguous', reason: 'bare_fraction' };
    if (lone.value <= 100) return share(lone.value);
    return { kind: 'ambiguous', reason: 'no_whole' };
  }

  // 150 employees, 40 in R&D: a number with no unit counts what the others count.
  const units = new Set(counted.filter((m) => m.kind !== 'bare').map((m) => m.kind));
  const shared = units.size === 1 ? ([...units][0] as 'people' | 'yuan') : undefined;
  const quantities = counted.map((m) => (m.kind === 'bare' && shared ? { ...m, kind: shared } : m));
  const people = quantities.filter((m) => m.kind === 'people');
  const yuan = quantities.filter((m) => m.kind === 'yuan');
  const bare = quantities.filter((m) => m.kind === 'bare');
  const group = people.length >= 2 ? people : yuan.length >= 2 ? yuan : bare.length >= 2 ? bare : undefined;
  if (!group) return { kind: 'ambiguous', reason: 'no_whole' };
  if (group.some((m) => m.negative || m.value < 0)) return { kind: 'ambiguous', reason: 'negative' };
  const [partMention, wholeMention] = partAndWhole(t, quantities, group, hints);
  const { part, whole } = withRest(t, quantities, group, hints) ?? {
    part: partMention.value,
    whole: wholeMention.value,
  };
  if (part < 0 || whole < 0) return { kind: 'ambiguous', reason: 'part_exceeds_whole' };
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0)
    return { kind: 'ambiguous', reason: 'not_finite' };
  if (part > whole) return { kind: 'ambiguous', reason: 'part_exceeds_whole' };
  const percent = (part * 100) / whole;
  if (partMention.kind === 'bare') return share(percent);
  return {
    kind: 'ratio',
    percent,
    from: { part, whole, unit: partMention.kind as 'people' | 'yuan' },
  };
}
