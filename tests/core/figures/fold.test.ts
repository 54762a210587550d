import { describe, expect, it } from 'vitest';
import { foldNumerals } from '../../../src/figures/index.ts';

describe('foldNumerals', () => {
  it.each([
    ['一千万', '1000万'],
    ['两千万', '2000万'],
    ['五百万元', '500万元'],
    ['三年', '3年'],
    ['每三年', '每3年'],
    ['三万五千元', '35000元'],
    ['3万5千元', '35000元'],
    ['1千万', '1000万'],
    ['一亿', '1亿'],
    ['二十', '20'],
    ['十五个', '15个'],
    ['十个', '10个'],
    ['一百零五', '105'],
    ['二〇一七年', '2017年'],
    ['二零年', '20年'],
    ['壹仟贰佰万元', '1200万元'],
    ['百分之三十', '30%'],
    ['百分之十五点五', '15.5%'],
    ['一点五倍', '1.5倍'],
    ['三五个', '3-5个'],
    ['一两年', '1-2年'],
    ['三千万一次性', '3000万1次性'],
    ['投入一千万，三年内', '投入1000万，3年内'],
  ])('should fold %s to %s', (text, folded) => {
    expect(foldNumerals(text)).toBe(folded);
  });

  it.each([
    '一行业一中心',
    '统一',
    '第一',
    '第三方',
    '十',
    '十三五',
    '“十四五”规划',
    '三（一）',
    '一、总体要求',
    '一一对应',
    '万盛经开区',
    '万一',
    '人才队伍',
    '十几个',
    '百分比',
    '快一点',
    '1000万',
    '2017年',
    '3.2.6',
  ])('should leave %s as it is', (text) => {
    expect(foldNumerals(text)).toBe(text);
  });

  it('should fold the amount in a heading line but not its number', () => {
    expect(foldNumerals('一、组建资金一千万元')).toBe('一、组建资金1000万元');
  });

  it('should not throw on odd input and leave it as it is', () => {
    for (const text of ['', '😀', '\u0000\u0007', '<b>1000万</b>', 'NaN%', '1e309']) {
      expect(foldNumerals(text)).toBe(text);
    }
    expect(foldNumerals('一'.repeat(10_000))).toBe('一'.repeat(10_000));
    expect(foldNumerals('<b>一千万</b>')).toBe('<b>1000万</b>');
  });
});
