/**
 * @module figures/mentions
 * Finds the quantities a person typed (900万, 120人, 12 million yuan, 一千万, 35%) with what they
 * count, and the pieces of text around them. Shared by the amount and ratio readers; not part of the
 * public face.
 */
import { ARABIC_SOURCE, bigUnitValue, DIGIT_CHARS, readNumeral, UNIT_CHARS } from './numerals.ts';

/** What a quantity counts, from the words around it; `bare` when nothing says. */
export type MentionKind = 'yuan' | 'people' | 'percent' | 'other' | 'bare';

/** A quantity found in prepared text. */
export interface Mention {
  /** The value with the text's multiplier applied (900万 → 9 000 000, 12 million → 12 000 000). */
  value: number;
  /** The multiplier the text used (万 → 10⁴, million → 10⁶), 1 when none: 500 in 500到800万 takes it. */
  scale: number;
  kind: MentionKind;
  /** Signed by a minus or 负 (a minus between two numbers is a range, not a sign). */
  negative: boolean;
  /** Where the number starts in the prepared text. */
  start: number;
  /** Where the quantity, its multiplier and its unit end. */
  end: number;
}

/** Inputs longer than this are cut: no answer to one question is that long. */
const LONGEST_INPUT = 20_000;
/** Mentions beyond this many are not read: they bound the work on pathological input. */
const MOST_MENTIONS = 100;
/** How far around a number its unit and money words are looked for. */
const NEAR = 24;

/**
 * Prepares typed text for reading: markup, control and zero-width characters become spaces, a Chinese
 * comma stays a list separator (so 500，800万 is not 500800万), then NFKC (full width → ASCII) and
 * lower case.
 */
export function prepare(text: string): string {
  return String(text)
    .slice(0, LONGEST_INPUT)
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060\ufeff]/g, ' ')
    .replace(/，/g, ', ')
    .normalize('NFKC')
    .toLowerCase();
}

/** A word for a quantity that cannot be held: NaN, Infinity, ∞. */
export const NOT_FINITE_WORD = /(?<![a-z])(?:nan|infinity|inf)(?![a-z])|∞/;

/** Separators between the pieces of a sentence: each piece usually says one thing. */
const SEPARATOR_CHARS = ',;。!?\n、';
const SEPARATOR_WORDS = [' and ', ' but '];

const HAN_NUMERAL = new RegExp(`[${DIGIT_CHARS}${UNIT_CHARS}]`);
const RUN = `(?:${ARABIC_SOURCE}|[${DIGIT_CHARS}${UNIT_CHARS}]|[点點](?=[${DIGIT_CHARS}]))+`;
const MULTIPLIER = '个亿|million|mln|mn|billion|bn|thousand|k(?![a-z])|m(?![a-z])|w(?![a-z])';
const UNIT =
  '%|percent|per\\s*cent|pct(?![a-z])|元|块钱|块|圆|yuan|rmb|cny|人民币|号人|个人|人|名|位|people|persons?|employees?|staff|workers?|个';
/** A number, then an optional multiplier, then an optional unit. */
const MENTION = new RegExp(`(负|-|−)?\\s*(${RUN})(?:\\s*(${MULTIPLIER}))?(?:\\s*(${UNIT}))?`, 'gi');
const MULTIPLIERS: Readonly<Record<string, number>> = {
  个亿: 1e8,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  thousand: 1e3,
  k: 1e3,
  w: 1e4,
};
const PERCENT_UNIT = /^(?:%|percent|per\s*cent|pct)$/;
const MONEY_UNIT = /^(?:元|块钱|块|圆|yuan|rmb|cny|人民币)$/;
/** Words before a number that make it money (RMB 12 million, ¥500). */
const MONEY_BEFORE = /(?:rmb|cny|¥|人民币)\s*$/;
/** Nouns after 个 that are not people (3个项目, 6个月). */
const NOT_PEOPLE = /^\s*(?:项目|月|季度|工作日|企业|公司|单位|平台|中心|专利|百分点|点|亿)/;
/** Units of things that are neither money, heads nor shares: the number counts those. */
const OTHER_UNIT =
  /^\s*(?:[年月天日次倍岁期项条家号届级周点分股台套件成]|个月|years?|months?|days?|times|projects?|patents?)/;

/** The kind a unit, the multiplier and the words around a number give it. */
function kindOf(run: string, multiplier: string, unit: string, before: string, after: string): MentionKind {
  if (PERCENT_UNIT.test(unit)) return 'percent';
  if (MONEY_UNIT.test(unit)) return 'yuan';
  if (unit === '个') return NOT_PEOPLE.test(after) ? 'other' : 'people';
  if (unit !== '') return 'people';
  // 900万, 一千万, 12 million: a magnitude word is stated money, not a bare number.
  if (/[万萬亿億]/.test(run) || multiplier !== '') return OTHER_UNIT.test(after) ? 'other' : 'yuan';
  if (MONEY_BEFORE.test(before)) return 'yuan';
  if (OTHER_UNIT.test(after)) return 'other';
  return 'bare';
}

/** The mentions of quantities in prepared text, in order. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const [whole, sign, run = '', multiplierText, unitText] = m;
    const multiplier = (multiplierText ?? '').toLowerCase();
    const unit = (unitText ?? '').replace(/\s+/g, ' ');
    const start = m.index + whole.indexOf(run);
    const end = m.index + whole.length;
    const before = text.slice(Math.max(0, m.index - NEAR), m.index);
    const after = text.slice(end, end + NEAR);
    const han = HAN_NUMERAL.test(run);
    // 一共, 统一, 一一对应: Chinese digits with no unit, multiplier or place value are words.
    if (han && !/\d/.test(run) && unit === '' && multiplier === '' && !/[十拾百佰千仟万萬亿億]/.test(run)) continue;
    // 千万别, 万一: a leading 千 or 万 with no digit before it is an adverb here, unless money follows.
    if (/^[百佰千仟万萬亿億]/.test(run) && !MONEY_UNIT.test(unit)) continue;
    const read = readNumeral(run);
    if (read === undefined) continue;
    const negative = sign === '负' || (sign !== undefined && !/[\d一二两三四五六七八九十百千万亿]\s*$/.test(before));
    const bigInRun = bigUnitValue(run.at(-1) ?? '') ?? 1;
    const factor = MULTIPLIERS[multiplier] ?? 1;
    if (out.length >= MOST_MENTIONS) break;
    out.push({
      value: (negative ? -1 : 1) * read * factor,
      scale: bigInRun * factor,
      kind: kindOf(run, multiplier, unit, before, after),
      negative,
      start,
      end,
    });
  }
  return out;
}

/** Whether a piece of the sentence ends at `i` (the separator starts there), and how long the separator is. */
function separatorAt(text: string, i: number): number {
  if (SEPARATOR_CHARS.includes(text[i] ?? '')) return 1;
  for (const w of SEPARATOR_WORDS) if (text.startsWith(w, i)) return w.length;
  return 0;
}

/**
 * The piece of the sentence around a position: from just after the separator before it (a comma,
 * 、, ;, 。, "and") to the separator after it. Each piece usually says one thing (员工120人).
 */
export function pieceAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  for (let i = at - 1; i >= 0; i--) {
    const len = separatorAt(text, i);
    if (len > 0 && i + len <= at) {
      start = i + len;
      break;
    }
  }
  let end = at;
  while (end < text.length && separatorAt(text, end) === 0) end++;
  return { start, end };
}
