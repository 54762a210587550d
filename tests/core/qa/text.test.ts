import { describe, expect, it } from 'vitest';
import type { Clause } from '../../../src/knowledge-base/index.ts';
import { features, normalize, segment } from '../../../src/qa/index.ts';
import { lookupClause } from '../../../src/qa/lookup.ts';
import { createRetriever } from '../../../src/qa/retriever.ts';
import { knowledge } from '../../helpers/conversation.ts';

describe('normalize', () => {
  it('should turn counted Chinese numerals and 百分之 into digits so 一千万 meets 1000万', () => {
    expect(normalize('一千万')).toBe('1000万');
    expect(normalize('百分之三十')).toBe('30%');
    expect(normalize('每三年')).toBe('每3年');
    expect(normalize('十五个')).toBe('15个');
    // A range is spelt as the plan spells it.
    expect(normalize('10到15个')).toBe('10-15个');
    expect(normalize('1～2家')).toBe('1-2家');
  });

  it('should read Chongqing question words as the standard ones, and 好多 before a noun as "many"', () => {
    expect(normalize('补贴给好多钱嘛')).toBe('补贴给多少钱嘛');
    expect(normalize('比例是好多？')).toBe('比例是多少?');
    expect(normalize('啷个申报，莫得材料咋办')).toBe('怎么申报,没有材料咋办');
    expect(normalize('哪个来评审')).toBe('谁来评审');
    expect(normalize('好多企业想申请')).toBe('好多企业想申请');
    // Before a share, or before a short noun closing a question, 好多 asks.
    expect(normalize('研发人员要占好多比例')).toBe('研发人员要占多少比例');
    expect(normalize('引进的人才能拿到好多安家补贴？')).toBe('引进的人才能拿到多少安家补贴?');
    expect(normalize('好多企业都在问，咋个申报？')).toBe('好多企业都在问,咋个申报?');
    // 好大 asks only before a share (按好大比例), 好久 only at the end of a phrase (要好久嘛).
    expect(normalize('按好大比例配套')).toBe('按多大比例配套');
    expect(normalize('这个项目好大')).toBe('这个项目好大');
    expect(normalize('评审要好久嘛')).toBe('评审要多久嘛');
    expect(normalize('好久没申报了')).toBe('好久没申报了');
    // 区头, 中心头: "in the district", "in the center"; 牵头 and 带头 stay.
    expect(normalize('我在区头搞产业，中心头有高校')).toBe('我在区里搞产业,中心里有高校');
    expect(normalize('谁来牵头，谁带头')).toBe('谁来牵头,谁带头');
  });

  it('should leave numerals that do not count alone', () => {
    expect(normalize('统一')).toBe('统一');
    expect(normalize('一行业一中心')).toBe('一行业一中心');
  });

  it('should read 万 inside a numeral, so 三万五千元 is 35000元 and not 3万5000元', () => {
    expect(normalize('三万五千元')).toBe('35000元');
    expect(normalize('3万5千元')).toBe('35000元');
    expect(normalize('1千万')).toBe('1000万');
    expect(normalize('二十')).toBe('20');
    expect(normalize('一亿')).toBe('1亿');
    expect(normalize('二〇一七年')).toBe('2017年');
  });

  it('should leave plan periods and clause labels alone instead of reading them as numbers', () => {
    expect(normalize('十三五')).toBe('十三五');
    expect(normalize('三（一）')).not.toMatch(/\d/);
    expect(normalize('一、总体要求')).toBe('一、总体要求');
  });

  it('should fold full-width forms and 区（县） to one spelling', () => {
    expect(normalize('３０％')).toBe('30%');
    expect(normalize('区（县）级')).toBe('区县级');
  });
});

describe('lookupClause', () => {
  it('should read a clause label through the shared numeral reader', () => {
    const kb = knowledge();
    expect(lookupClause(kb, '三（二）6是什么')?.id).toBe('3.2.6');
    expect(lookupClause(kb, '四（三）')?.id).toBe('4.3');
  });

  it('should read 二十 as 20, not 0', () => {
    const kb = knowledge();
    const twenty: Clause = { doc: 'test', id: '20.1', label: '二十（一）', title: '', path: '', text: '…' };
    const withTwenty = { ...kb, clause: (id: string) => (id === '20.1' ? twenty : kb.clause(id)) };
    expect(lookupClause(withTwenty, '二十（一）')).toBe(twenty);
    expect(lookupClause(withTwenty, '十（一）')).toBeUndefined();
  });
});

describe('segment and features', () => {
  it('should segment Chinese into words and mark question words as function words', () => {
    const words = segment('研发人员要占多少比例');
    expect(words.map((w) => w.word)).toContain('比例');
    expect(words.find((w) => w.word === '多少')?.stop).toBe(true);
    expect(words.find((w) => w.word === '比例')?.stop).toBe(false);
  });

  it('should treat particles the segmenter glues together (才够, 就行) as function words', () => {
    const words = segment('研发费用要占多少才够');
    expect(words.find((w) => w.word.includes('够'))?.stop).toBe(true);
    expect(segment('这样就行了吗').every((w) => w.stop)).toBe(true);
    expect(segment('研发费用').every((w) => !w.stop)).toBe(true);
  });

  it('should give a pinyin-input typo the same sound features as the right word', () => {
    const keys = (s: string) => new Set(features(normalize(s)).map((f) => f.key));
    const typo = keys('考核评古');
    const right = keys('考核评估');
    expect(typo.has('评古')).toBe(true);
    expect(right.has('评古')).toBe(false);
    expect([...typo].filter((k) => k.startsWith('p:') && right.has(k)).length).toBe(
      [...typo].filter((k) => k.startsWith('p:')).length,
    );
  });

  it('should keep a number with its unit whole', () => {
    const keys = features(normalize('不低于30%，1000万元')).map((f) => f.key);
    expect(keys).toContain('l:30%');
    expect(keys).toContain('l:1000万');
  });
});

describe('synonym expansion', () => {
  it('should let a colloquial word reach the plan word of its glossary group', () => {
    const kb = knowledge();
    const group = kb.glossary.find((g) => g.zh.includes('职工') && g.zh.includes('员工'));
    expect(group, 'the glossary groups 职工 with 员工').toBeDefined();
    const r = createRetriever(kb);
    const plain = r.analyse('职工');
    const colloquial = r.analyse('员工');
    const clause = kb.clause('3.2.6');
    const cover = (q: ReturnType<typeof r.analyse>) => r.rank(q).find((s) => s.clause === clause)?.coverage ?? 0;
    expect(cover(plain)).toBeGreaterThan(0.9);
    expect(cover(colloquial)).toBeGreaterThan(0.9);
  });

  it('should read a one-character verb standing alone (投多少) as its group, but not inside another word (投诉)', () => {
    const kb = knowledge();
    const money = kb.glossary.findIndex((g) => g.zh.includes('投入') && g.alone.includes('投'));
    expect(money, 'the glossary lets 投 alone stand for 投入').toBeGreaterThanOrEqual(0);
    const r = createRetriever(kb);
    const groups = (q: string) => r.analyse(q).features.flatMap((f) => f.groups);
    expect(groups('大家一共得投多少')).toContain(money);
    expect(groups('我要投诉')).not.toContain(money);
  });

  it('should not find a term that starts inside another word (目的 in 项目的)', () => {
    const kb = knowledge();
    const purpose = kb.glossary.findIndex((g) => g.zh.includes('目的'));
    const r = createRetriever(kb);
    const groups = (q: string) => r.analyse(q).features.flatMap((f) => f.groups);
    expect(groups('制定的目的是什么')).toContain(purpose);
    expect(groups('做过好多项目的经历')).not.toContain(purpose);
  });
});
