/**
 * @module figures/numerals
 * Reads one numeral, Chinese, Arabic or both mixed: 二十, 一千二百, 三万五千, 壹仟贰佰, 两百, 一〇二,
 * 1,200, 1.2千万, 3万5千. Written here rather than taken from `nzh`: that package turns text that is
 * not a numeral into 0 and misreads 两百, 一〇二 and 十三五, and a reader that cannot say "this is not
 * a number" would let an eligibility answer rest on a guess.
 */

/** Chinese digits, ordinary and financial (大写) forms, by value. */
const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Units inside a section of four places. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Units that close a section: 万 (10⁴) and 亿 (10⁸). */
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Every Chinese digit character, for character classes. */
export const DIGIT_CHARS = Object.keys(DIGIT_VALUES).join('');
/** Every Chinese unit character (十 … 亿), for character classes. */
export const UNIT_CHARS = Object.keys(SMALL_UNITS).join('') + Object.keys(BIG_UNITS).join('');
/** The financial (大写) forms only: they never mix with ordinary digits in real text. */
export const FINANCIAL_CHARS = '壹贰貳叁肆伍陆陸柒捌玖拾佰仟';
/**
 * An Arabic number: 1200, 1,200 (groups of three), 1.2, 1e5. Each digit run ends where the digits do,
 * so a run of numbers can be split only one way (no runaway backtracking on long input).
 */
export const ARABIC_SOURCE = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?!\\d)(?:\\.\\d+(?!\\d))?(?:e[+-]?\\d+(?!\\d))?';

/** The value of a big unit character (万, 亿), or undefined. */
export function bigUnitValue(ch: string): number | undefined {
  return BIG_UNITS[ch];
}

/** Two neighbouring digits that give a rough count rather than a number: 三五个 is "three to five". */
const APPROXIMATION = /^(?:一两|一二|两三|二三|三两|三四|三五|四五|五六|五七|六七|七八|八九)$/;

/**
 * Reads 三五, 两三 or 一两 as the range it gives, or undefined when the text is not such a pair.
 * A person writing 三五个 means "three to five", not 35.
 */
export function readApproximation(text: string): [number, number] | undefined {
  if (!APPROXIMATION.test(text)) return undefined;
  const [a, b] = [...text].map((ch) => DIGIT_VALUES[ch] ?? 0);
  return a === undefined || b === undefined ? undefined : [a, b];
}

type Token =
  | { kind: 'number'; value: number; arabic: boolean }
  | { kind: 'zero' }
  | { kind: 'small'; value: number }
  | { kind: 'big'; value: number }
  | { kind: 'fraction'; value: number };

const ARABIC_AT = new RegExp(ARABIC_SOURCE, 'iy');

/** Splits a numeral into tokens; undefined when a character is not part of a numeral. */
function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    ARABIC_AT.lastIndex = i;
    const arabic = ARABIC_AT.exec(text);
    if (arabic) {
      out.push({ kind: 'number', value: Number(arabic[0].replaceAll(',', '')), arabic: true });
      i += arabic[0].length;
      continue;
    }
    const ch = text[i] ?? '';
    if (ch === '点' || ch === '點') {
      // A decimal point must be followed by digits read one by one: 三点一四 is 3.14.
      let digits = '';
      let j = i + 1;
      for (; j < text.length; j++) {
        const d = DIGIT_VALUES[text[j] ?? ''];
        if (d === undefined || text[j] === '两' || text[j] === '兩') break;
        digits += String(d);
      }
      if (digits === '') return undefined;
      out.push({ kind: 'fraction', value: Number(`0.${digits}`) });
      i = j;
      continue;
    }
    const digit = DIGIT_VALUES[ch];
    if (digit === 0) out.push({ kind: 'zero' });
    else if (digit !== undefined) out.push({ kind: 'number', value: digit, arabic: false });
    else if (SMALL_UNITS[ch] !== undefined) out.push({ kind: 'small', value: SMALL_UNITS[ch] });
    else if (BIG_UNITS[ch] !== undefined) out.push({ kind: 'big', value: BIG_UNITS[ch] });
    else return undefined;
    i += 1;
  }
  return out;
}

/** Reads digits place by place (一〇二 → 102, 二〇一七 → 2017, 零点五 → 0.5). */
function readPositional(text: string, tokens: Token[]): number | undefined {
  // 两 counts things (两个) but is never a place in a digit string (二〇二二).
  if ((text.length > 1 && /[两兩]/.test(text)) || readApproximation(text)) return undefined;
  let digits = '';
  let fraction = 0;
  for (const t of tokens) {
    if (t.kind === 'zero') digits += '0';
    else if (t.kind === 'number' && !t.arabic) digits += String(t.value);
    else if (t.kind === 'fraction') fraction = t.value;
    else return undefined;
  }
  return digits === '' ? undefined : Number(digits) + fraction;
}

/**
 * Reads a numeral built with units (一千零五, 三万五千, 1.2千万, 3万5千), including the spoken
 * shortening 三万五 (35000) and 一千二 (1200). Undefined when the units are out of order or two
 * digits meet without one (十三五, the plan period, is not a number).
 */
function readStructured(tokens: Token[]): number | undefined {
  let high = 0; // the part at or above 亿, already multiplied
  let low = 0; // the 万 part below 亿, already multiplied
  let lowHasWan = false;
  let section = 0; // below 万
  let pending: number | undefined;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastUnit = 0;
  let zeroSinceUnit = false;
  let afterPoint = false;
  for (const [index, t] of tokens.entries()) {
    if (afterPoint && t.kind !== 'big') return undefined;
    switch (t.kind) {
      case 'number':
        if (pending !== undefined) return undefined;
        pending = t.value;
        break;
      case 'zero':
        if (pending !== undefined) return undefined;
        zeroSinceUnit = true;
        break;
      case 'fraction':
        if (pending === undefined) return undefined;
        pending = section + pending + t.value;
        section = 0;
        afterPoint = true;
        break;
      case 'small': {
        if (t.value >= lastSmall) return undefined;
        // A bare 十 is 一十 anywhere (一百十); a bare 百 or 千 only opens a numeral (百万, 千万).
        if (pending === undefined && t.value !== 10 && index !== 0) return undefined;
        section += (pending ?? 1) * t.value;
        pending = undefined;
        lastSmall = t.value;
        lastUnit = t.value;
        zeroSinceUnit = false;
        break;
      }
      case 'big': {
        const below = section + (pending ?? 0);
        if (t.value === 1e4) {
          if (below === 0 || lowHasWan) return undefined;
          low += below * 1e4;
          lowHasWan = true;
        } else {
          const group = low + below;
          if (group === 0 || high !== 0) return undefined;
          high = group * 1e8;
          low = 0;
          lowHasWan = false;
        }
        section = 0;
        pending = undefined;
        lastSmall = Number.POSITIVE_INFINITY;
        lastUnit = t.value;
        zeroSinceUnit = false;
        afterPoint = false;
        break;
      }
    }
  }
  let tail = 0;
  if (pending !== undefined) {
    // 三万五 is 35000 and 一千二 is 1200: a last lone digit stands one place below the unit before it.
    const digit = Number.isInteger(pending) && pending >= 1 && pending <= 9;
    tail = digit && !zeroSinceUnit && !afterPoint && lastUnit >= 100 ? (pending * lastUnit) / 10 : pending;
  }
  return high + low + section + tail;
}

/**
 * Reads a numeral and returns its value, which may be infinite (1e309); undefined when the text is
 * not one numeral. Shared by {@link parseNumeral} and the amount and ratio readers, which need to
 * tell "too large" from "not a number".
 */
export function readNumeral(text: string): number | undefined {
  let t = text.normalize('NFKC').trim();
  let sign = 1;
  const signed = /^([-+−]|负)\s*/.exec(t);
  if (signed) {
    sign = signed[1] === '+' ? 1 : -1;
    t = t.slice(signed[0].length);
  }
  if (t === '') return undefined;
  const tokens = tokenize(t);
  if (!tokens || tokens.length === 0) return undefined;
  const hasUnit = tokens.some((k) => k.kind === 'small' || k.kind === 'big');
  const onlyArabic = tokens.length === 1 && tokens[0]?.kind === 'number' && tokens[0].arabic;
  let value: number | undefined;
  if (onlyArabic) value = tokens[0]?.kind === 'number' ? tokens[0].value : undefined;
  else if (!hasUnit && tokens.every((k) => k.kind !== 'number' || !k.arabic)) value = readPositional(t, tokens);
  else value = readStructured(tokens);
  if (value === undefined || Number.isNaN(value)) return undefined;
  // 999.99 × 10⁴ is 9999899.999999998 in floating point; people type at most 15 significant digits.
  const clean = Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
  return sign * clean;
}

/**
 * Reads a Chinese or Arabic integer/decimal numeral: 二十→20, 一千二百→1200, 三万五千→35000,
 * 壹仟贰佰→1200, 两百→200, 一〇二→102, 十→10, 1,200→1200, 1.2→1.2; undefined when it is not one.
 *
 * The whole text must be the numeral (surrounding spaces aside). Mixed forms (1.2千万, 3万5千) and
 * the spoken shortening (三万五 = 35000) are read too; a leading `-` or 负 makes it negative.
 * Malformed numerals (十三五, 万, 三五 meaning "three to five") and values too large to hold
 * (1e309) give undefined rather than a guess.
 *
 * @example
 * parseNumeral('一千二百'); // 1200
 * parseNumeral('十三五'); // undefined
 */
export function parseNumeral(text: string): number | undefined {
  const value = readNumeral(text);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}
