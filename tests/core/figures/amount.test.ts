import { describe, expect, it } from 'vitest';
import { type AmountParse, parseAmount } from '../../../src/figures/index.ts';

describe('parseAmount', () => {
  it.each([
    ['1200万', 12_000_000],
    ['1,200万元', 12_000_000],
    ['0.12亿', 12_000_000],
    ['1.2千万', 12_000_000],
    ['一千二百万', 12_000_000],
    ['壹仟贰佰万元', 12_000_000],
    ['12000000元', 12_000_000],
    ['12 million yuan', 12_000_000],
    ['RMB 12 million', 12_000_000],
    ['1000万', 10_000_000],
    ['999.99万', 9_999_900],
    ['我们几个股东凑了900万', 9_000_000],
    ['一千万', 10_000_000],
    ['1千万', 10_000_000],
    ['10,000,000', 10_000_000],
    ['五百万元', 5_000_000],
    ['3万5千元', 35_000],
    ['三万五千元', 35_000],
    ['一个亿', 100_000_000],
    ['1200w', 12_000_000],
    ['100000', 100_000],
    ['１２００万', 12_000_000],
    ['<b>1000万</b>', 10_000_000],
    ['\u0007 1000万\u0000', 10_000_000],
    ['2023年投了1000万', 10_000_000],
    ['员工120人，投入1000万', 10_000_000],
  ])('should read %j as %d yuan', (text, yuan) => {
    expect(parseAmount(text)).toEqual({ kind: 'amount', yuan });
  });

  it('should read the boundary figures exactly', () => {
    expect(parseAmount('1000万')).toEqual({ kind: 'amount', yuan: 10_000_000 });
    expect(parseAmount('999.99万')).toEqual({ kind: 'amount', yuan: 9_999_900 });
    expect(parseAmount('999.999999万')).toEqual({ kind: 'amount', yuan: 10_000_000 });
  });

  it.each([
    ['实缴1500万', 15_000_000, 'paid'],
    ['实际投入了1500万', 15_000_000, 'paid'],
    ['资金到位1500万', 15_000_000, 'paid'],
    ['实缴注册资本1500万', 15_000_000, 'paid'],
    ['认缴2000万', 20_000_000, 'subscribed'],
    ['注册资本3000万元', 30_000_000, 'subscribed'],
    ['注册资金3000万', 30_000_000, 'subscribed'],
    ['认缴1000万，还没实缴', 10_000_000, 'subscribed'],
  ] as const)('should read the basis of %j', (text, yuan, basis) => {
    expect(parseAmount(text)).toEqual({ kind: 'amount', yuan, basis });
  });

  it('should return a part named in brackets or after 含/其中 instead of a second amount', () => {
    expect(parseAmount('1000万元（含研发设备200万）')).toEqual({
      kind: 'amount',
      yuan: 10_000_000,
      parts: [{ label: '研发设备', yuan: 2_000_000 }],
    });
    expect(parseAmount('1000万（含设备200，软件100万）')).toEqual({
      kind: 'amount',
      yuan: 10_000_000,
      parts: [
        { label: '设备', yuan: 2_000_000 },
        { label: '软件', yuan: 1_000_000 },
      ],
    });
    expect(parseAmount('1000万，其中200万是专利作价入股')).toEqual({
      kind: 'amount',
      yuan: 10_000_000,
      includesIp: true,
      parts: [{ label: '专利作价入股', yuan: 2_000_000 }],
    });
  });

  it('should say whether intellectual property is put in as capital', () => {
    expect(parseAmount('1000万，部分是知识产权作价入股')).toMatchObject({ includesIp: true });
    expect(parseAmount('注册资本1000万，没有知识产权作价入股')).toMatchObject({ includesIp: false });
    expect(parseAmount('1000万')).not.toHaveProperty('includesIp');
  });

  it('should read an amount in brackets with no total before it as the amount', () => {
    expect(parseAmount('注册资本（1000万）')).toEqual({ kind: 'amount', yuan: 10_000_000, basis: 'subscribed' });
  });

  it.each<[string, AmountParse]>([
    ['1200', { kind: 'ambiguous', reason: 'no_unit' }],
    ['0.3', { kind: 'ambiguous', reason: 'no_unit' }],
    ['1,200', { kind: 'ambiguous', reason: 'no_unit' }],
    ['一千二百', { kind: 'ambiguous', reason: 'no_unit' }],
    ['-5', { kind: 'ambiguous', reason: 'negative' }],
    ['负100万', { kind: 'ambiguous', reason: 'negative' }],
    ['-1000万元', { kind: 'ambiguous', reason: 'negative' }],
    ['1e309', { kind: 'ambiguous', reason: 'not_finite' }],
    ['1e309元', { kind: 'ambiguous', reason: 'not_finite' }],
    ['NaN', { kind: 'ambiguous', reason: 'not_finite' }],
    ['NaN%', { kind: 'ambiguous', reason: 'not_finite' }],
    ['Infinity', { kind: 'ambiguous', reason: 'not_finite' }],
    ['500万或者800万', { kind: 'ambiguous', reason: 'several' }],
    ['500或800万', { kind: 'ambiguous', reason: 'several' }],
    ['500到800万', { kind: 'ambiguous', reason: 'several' }],
    ['500，800万', { kind: 'ambiguous', reason: 'several' }],
    ['', { kind: 'none' }],
    ['还没想好', { kind: 'none' }],
    ['😀', { kind: 'none' }],
    ['\u0000\u0007\u001b', { kind: 'none' }],
    ['千万别写错', { kind: 'none' }],
    ['一般般', { kind: 'none' }],
  ])('should read %j as %j', (text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });

  it.each([
    ['现金600万，再加上设备折价450万，一共多少', 10_500_000],
    ['资金500万、知识产权作价300万，合计800万', 8_000_000],
    ['甲出500万，乙出500万，加起来', 10_000_000],
    ['三家企业各出300万', 9_000_000],
    ['四家成员单位每家投入280万', 11_200_000],
  ])('should add up the sums of %j to %d yuan', (text, yuan) => {
    expect(parseAmount(text)).toMatchObject({ kind: 'amount', yuan });
  });

  it('should not add subscribed capital to money paid in, nor sums with no word adding them', () => {
    expect(parseAmount('注册资本2000万，实缴800万，一共')).toEqual({ kind: 'ambiguous', reason: 'several' });
    expect(parseAmount('500万，800万')).toEqual({ kind: 'ambiguous', reason: 'several' });
  });

  it('should not throw on long input', () => {
    expect(parseAmount('a'.repeat(10_000))).toEqual({ kind: 'none' });
    expect(parseAmount('😀'.repeat(10_000))).toEqual({ kind: 'none' });
    expect(parseAmount('1'.repeat(10_000))).toEqual({ kind: 'ambiguous', reason: 'not_finite' });
    expect(parseAmount(`${'好'.repeat(10_000)}1000万`)).toEqual({ kind: 'amount', yuan: 10_000_000 });
    expect(parseAmount(`1000万${'，'.repeat(5000)}`)).toEqual({ kind: 'amount', yuan: 10_000_000 });
  });
});
