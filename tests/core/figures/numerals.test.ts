import { describe, expect, it } from 'vitest';
import { parseNumeral } from '../../../src/figures/index.ts';

describe('parseNumeral', () => {
  it.each([
    ['二十', 20],
    ['十', 10],
    ['十一', 11],
    ['二十一', 21],
    ['一百零五', 105],
    ['一千零二十', 1020],
    ['一千二百', 1200],
    ['三万五千', 35000],
    ['壹仟贰佰', 1200],
    ['伍仟', 5000],
    ['两百', 200],
    ['两', 2],
    ['一〇二', 102],
    ['二〇一七', 2017],
    ['零', 0],
    ['一千万', 10_000_000],
    ['千万', 10_000_000],
    ['一亿两千万', 120_000_000],
    ['一万亿', 1e12],
    ['九十九万九千九百九十九', 999_999],
    ['1,200', 1200],
    ['12,000', 12000],
    ['1.2', 1.2],
    ['1200', 1200],
    ['１２００', 1200],
    ['1200万', 12_000_000],
    ['1.2千万', 12_000_000],
    ['0.12亿', 12_000_000],
    ['999.99万', 9_999_900],
    ['3万5千', 35000],
    ['三点五万', 35000],
    ['十二点五', 12.5],
    ['零点零五', 0.05],
    ['1e5', 100000],
    [' 二十 ', 20],
  ])('should read %s as %d', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it.each([
    ['三万五', 35000],
    ['一千二', 1200],
    ['两百五', 250],
    ['一亿五', 150_000_000],
  ])('should read the spoken shortening %s as %d', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it('should read a leading minus or 负 as a negative number', () => {
    expect(parseNumeral('-5')).toBe(-5);
    expect(parseNumeral('负100万')).toBe(-1_000_000);
    expect(parseNumeral('+3')).toBe(3);
  });

  it.each([
    '',
    '   ',
    'abc',
    '万',
    '十三五',
    '十四五',
    '十十',
    '一万万',
    '三五',
    '一两',
    '1,2',
    '1e309',
    'NaN',
    'Infinity',
    '二十个',
    '😀',
    '<b>20</b>',
  ])('should give undefined for %j, which is not one numeral', (text) => {
    expect(parseNumeral(text)).toBeUndefined();
  });

  it('should not throw on long or odd input', () => {
    expect(parseNumeral('1'.repeat(10_000))).toBeUndefined();
    expect(parseNumeral('一'.repeat(10_000))).toBeUndefined();
    expect(parseNumeral('\u0000\u0007')).toBeUndefined();
  });
});
