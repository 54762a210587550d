/**
 * @module figures
 * Numbers, amounts and ratios as people type them, in Chinese or English: one reader for the whole
 * bot, outside any feature, so that the Q&A, the plan parser and the eligibility dialog agree on what
 * 二十, 一千万, 三万五千元 or 三成五 mean.
 *
 * - {@link parseNumeral}: one numeral (二十 → 20, 壹仟贰佰 → 1200, 1,200 → 1200).
 * - {@link parseAmount}: a sum of money in whole yuan, with its basis and named parts.
 * - {@link parseRatio}: a share in percent, stated or computed from two quantities.
 * - {@link foldNumerals}: running text with counted Chinese numerals written as digits.
 * - {@link formatWan}: a sum of yuan written back as people read it (1200万).
 *
 * Every reader returns `undefined` or an `ambiguous` result rather than a guess, and none throws.
 */
export { type AmountParse, BARE_YUAN_FROM, formatWan, parseAmount } from './amount.ts';
export { COUNT_UNITS, foldNumerals } from './fold.ts';
export { parseNumeral } from './numerals.ts';
export { parseRatio, type RatioHints, type RatioParse } from './ratio.ts';
