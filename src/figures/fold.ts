/**
 * @module figures/fold
 * Writes the Chinese numerals of running text as digits, so that a question's 一千万 meets the plan's
 * 1000万. Only numerals that count something are touched: 一行业一中心, 第三方, 十三五 and the 一、
 * of a heading are words or labels, not quantities.
 */
import { bigUnitValue, DIGIT_CHARS, FINANCIAL_CHARS, readApproximation, readNumeral, UNIT_CHARS } from './numerals.ts';

/**
 * Words a numeral counts: a lone numeral before one of these is a quantity (三年, 五个, 十家), while
 * before any other character it is usually part of a word (一般, 统一).
 */
export const COUNT_UNITS = '年个家名天月元倍次回遍人位项条成岁期';

const BIG = '万萬亿億';
const ORDINARY_DIGITS = DIGIT_CHARS.replace(/[壹贰貳叁肆伍陆陸柒捌玖]/g, '');
const ORDINARY = `${ORDINARY_DIGITS}十百千${BIG}`;
/** A run of ordinary numerals, Arabic digits before a unit (3万5千), and an optional decimal part. */
const ORDINARY_RUN = `(?:\\d+(?:\\.\\d+)?(?=[${UNIT_CHARS}])|[${ORDINARY}])+(?:[点點][${ORDINARY_DIGITS}]+[${BIG}]?)?`;
/** A run of financial (大写) numerals: 壹仟贰佰万. */
const FINANCIAL_RUN = `[${FINANCIAL_CHARS}][${FINANCIAL_CHARS}零〇${BIG}]*`;
const RUN = new RegExp(`百分之(${ORDINARY_RUN})|${FINANCIAL_RUN}|${ORDINARY_RUN}`, 'g');

/** Digits for a value, or undefined when only an exponent would say it (1e+21). */
function digits(value: number): string | undefined {
  const s = String(value);
  return /e/i.test(s) ? undefined : s;
}

/** A run with its value written in digits, keeping a closing 万 or 亿 as the unit the text used. */
function written(run: string): string | undefined {
  const value = readNumeral(run);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const last = run.at(-1) ?? '';
  const big = bigUnitValue(last);
  if (big === undefined) return digits(value);
  const head = digits(Number((value / big).toPrecision(15)));
  return head === undefined ? undefined : `${head}${big === 1e4 ? '万' : '亿'}`;
}

/** The digits for one run of numerals followed by `next`, or undefined to leave the run as it is. */
function foldRun(run: string, next: string): string | undefined {
  // Arabic digits with 万 or 亿 (1000万) are already written as the plan writes them.
  if (!new RegExp(`[${DIGIT_CHARS}十拾百佰千仟点點]`).test(run)) return undefined;
  const counted = next !== '' && COUNT_UNITS.includes(next);
  const hasUnit = new RegExp(`[${UNIT_CHARS}]`).test(run);
  if (!hasUnit) {
    const range = readApproximation(run);
    if (range) return counted ? `${range[0]}-${range[1]}` : undefined;
    // 二〇一七 and 一〇二 are digit strings; a lone digit, or two such as 一一 (one by one), only
    // count when a unit follows.
    const digitString = run.length >= 3 || /[零〇]/.test(run);
    if (!counted && (run.length < 2 || !digitString || /[点點]/.test(run))) return undefined;
    return written(run);
  }
  if (
    new RegExp(`[${FINANCIAL_CHARS}]`).test(run) &&
    (run.match(new RegExp(`[${FINANCIAL_CHARS}]`, 'g'))?.length ?? 0) < 2
  )
    return undefined;
  if (run.length < 2 && !counted) return undefined;
  // 三千万一次性: the last digit counts the unit after it, not a shortened 三千万一千.
  const lastDigit = new RegExp(`[${UNIT_CHARS.replace(/[十拾]/g, '')}][${DIGIT_CHARS}]$`).test(run);
  if (counted && lastDigit) {
    const head = written(run.slice(0, -1));
    const tail = written(run.slice(-1));
    return head === undefined || tail === undefined ? undefined : head + tail;
  }
  return written(run);
}

/**
 * Replaces the Chinese numerals that count something in running text by digits, keeping 万 and 亿 as
 * units where the text has them: 一千万 → 1000万, 三年 → 3年, 三万五千元 → 35000元, 二十 → 20,
 * 百分之三十 → 30%, 三五个 → 3-5个.
 *
 * A run counts when a counting unit follows it ({@link COUNT_UNITS}), when it is built with units
 * (二十, 一千二) or when it is a digit string (二〇一七). Words and labels keep their numerals:
 * 一行业一中心, 统一, 第三方, 十三五 (not a well-formed numeral) and the 一、 of a heading. Everything
 * else in the text is left exactly as it was.
 *
 * @example
 * foldNumerals('投入一千万，三年内'); // '投入1000万，3年内'
 */
export function foldNumerals(text: string): string {
  return text.replace(RUN, (run: string, percent: string | undefined, offset: number) => {
    if (percent !== undefined) {
      const value = readNumeral(percent);
      const shown = value === undefined || !Number.isFinite(value) ? undefined : digits(value);
      return shown === undefined ? run : `${shown}%`;
    }
    return foldRun(run, text[offset + run.length] ?? '') ?? run;
  });
}
