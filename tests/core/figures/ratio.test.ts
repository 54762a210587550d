import { describe, expect, it } from 'vitest';
import { parseRatio, type RatioParse } from '../../../src/figures/index.ts';

const STAFF = {
  part: ['科技人员', '研发', '技术人员', 'R&D', 'research'],
  whole: ['员工', '职工', '总共', '一共', '全部', '总数', 'employees', 'staff', 'total'],
};
const SPENDING = { part: ['研发'], whole: ['成本费用', '总额', '总'] };

describe('parseRatio', () => {
  it.each([
    ['35%', 35],
    ['35％', 35],
    ['百分之三十五', 35],
    ['三成五', 35],
    ['三成', 30],
    ['3成', 30],
    ['大概三成吧', 30],
    ['35 percent', 35],
    ['30 per cent', 30],
    ['29.9%', 29.9],
    ['30%', 30],
    ['千分之五', 0.5],
    ['３０％', 30],
    ['<b>30%</b>', 30],
    ['35', 35],
  ])('should read the stated share %j as %d percent', (text, percent) => {
    expect(parseRatio(text)).toEqual({ kind: 'ratio', percent });
  });

  it('should tell 30% from 29.9% at a 30% threshold', () => {
    const at = (text: string) => {
      const r = parseRatio(text);
      return r.kind === 'ratio' ? r.percent : Number.NaN;
    };
    expect(at('30%') >= 30).toBe(true);
    expect(at('29.9%') >= 30).toBe(false);
  });

  it.each([
    ['员工120人，科技人员40人', 40, 120, 'people'],
    ['一共150个人，搞研发的40个', 40, 150, 'people'],
    ['150 employees, 40 in R&D', 40, 150, 'people'],
    ['科技人员40人，占员工总数120人', 40, 120, 'people'],
    ['研发费用900万，成本费用总额3000万', 9_000_000, 30_000_000, 'yuan'],
    ['研发费用890万，成本费用3000万', 8_900_000, 30_000_000, 'yuan'],
  ] as const)('should compute %j from its two quantities', (text, part, whole, unit) => {
    for (const hints of [undefined, unit === 'people' ? STAFF : SPENDING]) {
      const r = parseRatio(text, hints);
      expect(r).toEqual({ kind: 'ratio', percent: (part * 100) / whole, from: { part, whole, unit } });
    }
  });

  it('should compute 900/3000 as exactly 30 and 890/3000 as below 30', () => {
    const r = parseRatio('研发费用900万，成本费用总额3000万', SPENDING);
    expect(r.kind === 'ratio' && r.percent).toBe(30);
    const below = parseRatio('研发费用890万，成本费用3000万', SPENDING);
    expect(below.kind === 'ratio' && below.percent < 30).toBe(true);
    expect(parseRatio('一共150个人，搞研发的40个', STAFF)).toMatchObject({ percent: expect.closeTo(26.67, 2) });
    expect(parseRatio('员工120人，科技人员40人', STAFF)).toMatchObject({ percent: expect.closeTo(33.33, 2) });
  });

  it('should let hints, not size, say which quantity is the part', () => {
    expect(parseRatio('员工40人，科技人员120人', STAFF)).toEqual({
      kind: 'ambiguous',
      reason: 'part_exceeds_whole',
    });
    // Without hints the smaller is the part.
    expect(parseRatio('员工40人，科技人员120人')).toMatchObject({ kind: 'ratio', from: { part: 40, whole: 120 } });
  });

  it('should read a fraction written with a slash', () => {
    expect(parseRatio('40/150')).toEqual({ kind: 'ratio', percent: (40 * 100) / 150 });
    expect(parseRatio('150/40')).toEqual({ kind: 'ambiguous', reason: 'part_exceeds_whole' });
  });

  it.each<[string, RatioParse]>([
    ['0.3', { kind: 'ambiguous', reason: 'bare_fraction' }],
    ['0.35', { kind: 'ambiguous', reason: 'bare_fraction' }],
    ['1', { kind: 'ambiguous', reason: 'bare_fraction' }],
    ['40个研发人员', { kind: 'ambiguous', reason: 'no_whole' }],
    ['研发费用900万', { kind: 'ambiguous', reason: 'no_whole' }],
    ['-5%', { kind: 'ambiguous', reason: 'negative' }],
    ['负百分之五', { kind: 'ambiguous', reason: 'negative' }],
    ['-5', { kind: 'ambiguous', reason: 'negative' }],
    ['NaN%', { kind: 'ambiguous', reason: 'not_finite' }],
    ['NaN', { kind: 'ambiguous', reason: 'not_finite' }],
    ['1e309%', { kind: 'ambiguous', reason: 'not_finite' }],
    ['Infinity', { kind: 'ambiguous', reason: 'not_finite' }],
    ['员工0人，科技人员0人', { kind: 'ambiguous', reason: 'not_finite' }],
    ['', { kind: 'none' }],
    ['不清楚', { kind: 'none' }],
    ['😀', { kind: 'none' }],
    ['\u0000\u0007', { kind: 'none' }],
    ['成本太高', { kind: 'none' }],
    ['公司成立三年', { kind: 'none' }],
  ])('should read %j as %j', (text, expected) => {
    expect(parseRatio(text, STAFF)).toEqual(expected);
  });

  it('should read the quantity outside the part as the whole less the part, or the part’s complement', () => {
    expect(parseRatio('公司500人，不搞研发的有350人', STAFF)).toMatchObject({
      kind: 'ratio',
      percent: 30,
      from: { part: 150, whole: 500, unit: 'people' },
    });
    expect(parseRatio('研发费用700万，除研发以外的其他成本费用1800万', SPENDING)).toMatchObject({
      kind: 'ratio',
      percent: 28,
      from: { part: 7_000_000, whole: 25_000_000 },
    });
    expect(parseRatio('研发人员50人，其他人员100人', STAFF)).toMatchObject({ from: { part: 50, whole: 150 } });
    expect(parseRatio('员工100人，其他人员300人', STAFF)).toEqual({ kind: 'ambiguous', reason: 'part_exceeds_whole' });
  });

  it('should not throw on long input', () => {
    expect(parseRatio('a'.repeat(10_000))).toEqual({ kind: 'none' });
    expect(parseRatio('😀'.repeat(10_000))).toEqual({ kind: 'none' });
    expect(parseRatio('1'.repeat(10_000)).kind).toBe('ambiguous');
    expect(parseRatio(`${'好'.repeat(10_000)}30%`, STAFF)).toEqual({ kind: 'ratio', percent: 30 });
    expect(parseRatio('员工120人，'.repeat(2000), STAFF).kind).toBe('ratio');
  });
});
