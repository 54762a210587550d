import { describe, expect, it } from 'vitest';
import { foldNumerals, parseAmount, parseNumeral, parseRatio } from '../../../src/figures/index.ts';

/** A fixed-seed generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  ...'0123456789零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点.,，、%％-+/元块人个名位成年',
  '百分之',
  '千分之',
  '含',
  '其中',
  '（',
  '）',
  '实缴',
  '认缴',
  '注册资本',
  '专利作价入股',
  '员工',
  '科技人员',
  '研发',
  'million',
  'RMB',
  'percent',
  'employees',
  'NaN',
  'Infinity',
  'e309',
  ' ',
  '😀',
  '\u0000',
  '\u200b',
  '<b>',
  '</b>',
  '１２',
];

describe('figures on arbitrary input', () => {
  it('should never throw and always give a well-formed result', () => {
    const next = random(20_240_601);
    const hints = { part: ['科技人员', '研发'], whole: ['员工'] };
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 12);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '').join('');
      const numeral = parseNumeral(text);
      expect(numeral === undefined || Number.isFinite(numeral), text).toBe(true);
      const amount = parseAmount(text);
      if (amount.kind === 'amount') {
        expect(Number.isSafeInteger(amount.yuan) || Number.isFinite(amount.yuan), text).toBe(true);
        expect(amount.yuan, text).toBeGreaterThanOrEqual(0);
      } else expect(['none', 'ambiguous'], text).toContain(amount.kind);
      const ratio = parseRatio(text, next() < 0.5 ? hints : undefined);
      if (ratio.kind === 'ratio') {
        expect(Number.isFinite(ratio.percent), text).toBe(true);
        expect(ratio.percent, text).toBeGreaterThanOrEqual(0);
      } else expect(['none', 'ambiguous'], text).toContain(ratio.kind);
      expect(typeof foldNumerals(text)).toBe('string');
    }
  });
});
