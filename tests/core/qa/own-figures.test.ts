import { describe, expect, it } from 'vitest';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { evaluate } from '../../../src/eligibility/evaluate.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { withoutQuotedFigures } from '../../../src/qa/own-figures.ts';
import { qaReply } from '../../../src/qa/reply.ts';
import { loadThresholds } from '../../../src/thresholds/index.ts';
import { createConversation, knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const qa = createQaEngine(kb);
const json = (q: string) => toAskJson(qa.ask(q), false);

type Check = { clause: string; value: number; threshold: number; met: boolean };
const staff = (value: number, met: boolean): Check => ({ clause: '3.2.6', value, threshold: 30, met });
const spending = (value: number, met: boolean): Check => ({ clause: '3.2.7', value, threshold: 30, met });
const capital = (value: number): Check => ({ clause: '3.1.4', value, threshold: 10_000_000, met: value >= 10_000_000 });

/** Questions stating the asker's own figures, with the verdict `ask --json` must give. */
const VERDICTS: [string, Check][] = [
  ['研发人员40个，总共150人，够不够', staff(26.67, false)],
  // The quantity outside the part, sums added up and one sum put in by each of several members.
  ['全公司500人，不搞研发的有350人，科技人员比例够不够', staff(30, true)],
  ['我们三家企业各出300万组建，组建资金够不够', capital(9_000_000)],
  ['现金600万，再加上设备折价450万，一共投入的组建资金够吗', capital(10_500_000)],
  ['我们研发人员40个，总共150人', staff(26.67, false)],
  ['一共150个人，搞研发的40个，达标吗', staff(26.67, false)],
  ['我司职工总数120人，科技人员40人，符合要求吗？', staff(33.33, true)],
  ['我们有200名员工，研发的有60个，符合要求吗', staff(30, true)],
  ['我们一共200号人，搞研发的50个，人员这块过关不？', staff(25, false)],
  ['我们研发人员占三成五，够不够', staff(35, true)],
  ['我们研发人员占比35%，还需要满足什么条件', staff(35, true)],
  ['我们公司150人，其中研发人员40个，研发人员比例有什么要求', staff(26.67, false)],
  ['我们是做智能装备的，员工500人，研发人员160人，想申报市级创新中心，科技人员比例达标吗', staff(32, true)],
  ['职工总数三百人，科技人员九十九人，行不行', staff(33, true)],
  // 总人数200人 states the total, it does not ask a count; 莫得好多人 is "not many people".
  ['研发人员66人，职工总人数200人，该比例是否合规？', staff(33, true)],
  ['我们公司莫得好多人，一共45个，搞研发的有12个，这个比例得不得行哦？', staff(26.67, false)],
  ['We have 150 staff, 40 in R&D — enough?', staff(26.67, false)],
  ['R&D staff are 45 out of 120 employees. Do we qualify?', staff(37.5, true)],
  ['我们研发费用900万，成本费用3000万，达标吗', spending(30, true)],
  ['研发经费九百万，成本费用支出总额三千万，达标没得', spending(30, true)],
  ['研发投入4500万，总支出2亿，够30%没', spending(22.5, false)],
  ['我们研发投入占总成本25%，行不行', spending(25, false)],
  ['研发花的钱占总开销三成多一点，行不行？', spending(30, true)],
  ['我们研发费用占成本费用的百分之二十九点九，够吗', spending(29.9, false)],
  ['Our R&D spending is 9 million yuan against total costs of 30 million. Is that enough?', spending(30, true)],
  ['Our annual R&D spending is 28% of total costs and expenses. Is that enough?', spending(28, false)],
  ['实缴900万够吗', capital(9_000_000)],
  ['组建资金我们几个股东凑了900万，够不够', capital(9_000_000)],
  ['股东凑了900万够不够', capital(9_000_000)],
  ['股东们一共投了0.12亿，够不够', capital(12_000_000)],
  ['我们几家企业合计出资壹仟贰佰万元，达标吗', capital(12_000_000)],
  ['一千二百万实缴到位了，达标没', capital(12_000_000)],
  ['组建资金实缴1200万（含研发设备200万），可以申请吗', capital(12_000_000)],
  ['我们投了1000万，含研发设备300万，够吗', capital(10_000_000)],
  ['注册资本2000万，实缴800万，能申请吗', capital(8_000_000)],
  ['认缴1200万，实缴600万，够不够', capital(6_000_000)],
  ['组建资金900万，差多少', capital(9_000_000)],
  ['实缴的话要多少才够，我们现在900万', capital(9_000_000)],
  ['启动资金凑了八百万，还差多少？', capital(8_000_000)],
  ['实缴1000万能不能申请', capital(10_000_000)],
  ['我们研发人员比例达到30%了，够吗', staff(30, true)],
  ['Our R&D staff are 30% of employees, is that enough?', staff(30, true)],
  // Figures of two quantities: each threshold reads the pieces that speak of its own.
  ['我们年营收3亿，研发费用2000万，成本费用5000万，够不够', spending(40, true)],
  ['我们有300个员工，其中博士30人，研发人员100人，够不够', staff(33.33, true)],
  ['We have paid in RMB 12 million of founding capital. Does that meet the requirement?', capital(12_000_000)],
  ['Our shareholders put in 8 million yuan. Enough?', capital(8_000_000)],
];

/** Questions with figures that measure another quantity, or only quote the plan's: no verdict. */
const NO_VERDICT: string[] = [
  '我们公司150人，女职工40人，够30%吗',
  '研发人员中女性占40%，符合吗',
  'Women make up 40% of our staff. Is that enough?',
  '我们有300个员工，其中博士30人，够不够',
  '设备投入占总投资的40%，可以吗',
  '研发费用占营收的35%够不够',
  '我们年营收3亿，研发费用2000万，够不够',
  '我们公司利润500万，够申报吗',
  '认缴1200万够不够',
  '研发人员30个，够不够',
  '组建资金一千万包括设备吗',
  '研发人员比例不到25%会怎样',
  '兼职的研发人员能不能算进30%的科技人员比例里？',
  '研发的人得占多少才达标啊？不到三成是不是就不行',
  '科技人员比例 30%',
  '组建资金 1000万 研发设备',
  '我们研发人员40个，总共150人，研发经费呢',
  '研发人员占比要求是多少',
  '一千万必须全是现金吗 设备能不能算进去',
  '我们准备投入2000万，够不够',
  '我们研发人员比例要达到30%吗',
  'Do we need 30% R&D staff?',
  'What if our R&D share is below 30%?',
  '30% of our staff are women. Is that enough?',
  '计划出资1500万，行不行',
  '我们投了2000万做厂房，能算组建资金吗',
  '专项支持100万够不够我们用',
];

describe("the asker's own figures (`check` in ask --json)", () => {
  it.each(VERDICTS)('%s', (q, check) => {
    const out = json(q);
    expect(out.abstained).toBe(false);
    expect(out.answers[0]?.clause).toBe(check.clause);
    expect(out.check?.clause).toBe(check.clause);
    expect(out.check?.met).toBe(check.met);
    expect(out.check?.threshold).toBe(check.threshold);
    if (check.threshold > 100) expect(out.check?.value).toBe(check.value);
    else expect(Math.abs((out.check?.value ?? Number.NaN) - check.value)).toBeLessThanOrEqual(0.01);
  });

  it.each(NO_VERDICT)('%s → no verdict', (q) => {
    expect(json(q)).not.toHaveProperty('check');
  });

  it('should have at least 30 verdict cases in Chinese and English', () => {
    expect(VERDICTS.length).toBeGreaterThanOrEqual(30);
    expect(VERDICTS.filter(([q]) => /^[A-Za-z]/.test(q)).length).toBeGreaterThanOrEqual(5);
  });

  it('should answer a background figure with the clause that sets its threshold, not its neighbour', () => {
    // 股东 alone would rank 三（二）3 (股东投资应满足基本运行需要) first.
    const out = json('股东凑了900万够不够');
    expect(out.answers[0]?.clause).toBe('3.1.4');
    expect(out.lead).toBe('不低于1000万元（含研发设备投入）');
  });

  it('should keep exactly at the boundary: 900 ÷ 3000 is 30% and meets it, 299 ÷ 1000 does not', () => {
    expect(json('研发费用900万，成本费用3000万，够吗').check).toMatchObject({ value: 30, met: true });
    const below = json('研发费用299万，成本费用1000万，够吗').check;
    expect(below).toMatchObject({ clause: '3.2.7', met: false });
    expect(below?.value).toBeLessThan(30);
    expect(json('科技人员1999人，职工总数6667人，够吗').check).toMatchObject({ met: false, value: 29.98 });
  });

  it('should give the same values as the self-check reads from the same words', () => {
    const thresholds = loadThresholds(kb);
    expect(thresholds.map((t) => [t.clause, t.type, t.threshold])).toEqual([
      ['3.1.4', 'amount', 10_000_000],
      ['3.2.6', 'ratio', 30],
      ['3.2.7', 'ratio', 30],
    ]);
  });

  it("should take out figures that are limits or the plan quoted, and keep the asker's", () => {
    const thresholds = loadThresholds(kb);
    expect(withoutQuotedFigures('不到三成会怎样', thresholds)).not.toContain('三成');
    expect(withoutQuotedFigures('能算进30%的比例吗', thresholds)).not.toContain('30%');
    expect(withoutQuotedFigures('至少1000万吗', thresholds)).not.toContain('1000万');
    expect(withoutQuotedFigures('我们研发人员占30%，够吗', thresholds)).toContain('30%');
    expect(withoutQuotedFigures('研发人员比例达到35%了', thresholds)).toContain('35%');
  });

  it('should leave lookups and questions without figures as they were', () => {
    expect(json('3.2.6')).not.toHaveProperty('check');
    expect(json('研发费用占比有什么要求')).not.toHaveProperty('check');
  });
});

describe('the verdict in the chat reply', () => {
  const zh = messagesFor('zh-CN');
  const en = messagesFor('en');

  it('should open with the verdict in words and 仅供参考, then quote the clause', () => {
    const text = qaReply(kb, zh, qa.ask('研发人员40个，总共150人，够不够')).text;
    const [first] = text.split('\n');
    expect(first).toContain('40÷150≈26.7%，未达到“不低于30%”');
    expect(first).toContain('仅供参考');
    expect(text).toContain('依据：三（二）6');
    expect(text).toContain(kb.clause('3.2.6')?.text ?? '—');
  });

  it('should say 达到 when the figure reaches the threshold, with amounts in 万元', () => {
    expect(qaReply(kb, zh, qa.ask('实缴1200万够吗')).text.split('\n')[0]).toContain('1200万元，达到“不低于1000万元”');
    expect(qaReply(kb, zh, qa.ask('研发费用900万，成本费用3000万，够吗')).text.split('\n')[0]).toContain(
      '900万÷3000万=30%，达到“不低于30%”',
    );
  });

  it('should say that a subscribed or planned sum is not what the plan counts, with no verdict', () => {
    for (const q of ['认缴1200万够不够', '我们准备投入2000万，够不够']) {
      const r = qa.ask(q);
      expect(toAskJson(r, false)).not.toHaveProperty('check');
      expect(r.answers[0]?.clause.id).toBe('3.1.4');
      const [first] = qaReply(kb, zh, r).text.split('\n');
      expect(first).toContain('实际投入');
      expect(first).toContain('仅供参考');
      expect(first).not.toContain('未达到');
    }
  });

  it('should say it in English for an English user', () => {
    const first = qaReply(kb, en, qa.ask('We have 150 staff, 40 in R&D — enough?')).text.split('\n')[0];
    expect(first).toContain('40÷150≈26.7%, below “at least 30%”');
    expect(first).toContain('For reference only');
  });
});

describe('the verdict through the chat conversation', () => {
  it('should give the verdict for a staff share typed as two head counts', async () => {
    const chat = createConversation();
    await chat.send('研发人员40个，总共150人，够不够');
    expect(chat.text).toContain('40÷150≈26.7%，未达到“不低于30%”');
    expect(chat.text).toContain('仅供参考');
    expect(chat.text).toContain('依据：三（二）6');
  });

  it('should answer 股东凑了900万 with 三（一）4 and its verdict', async () => {
    const chat = createConversation();
    await chat.send('组建资金我们几个股东凑了900万，够不够');
    expect(chat.text.split('\n')[0]).toContain('900万元，未达到“不低于1000万元”');
    expect(chat.text).toContain('依据：三（一）4');
  });

  it('should give the verdict in English after /lang en', async () => {
    const chat = createConversation({ user: 'telegram:77' });
    await chat.send('/lang en');
    await chat.send('We have 150 staff, 40 in R&D — enough?');
    expect(chat.text).toContain('40÷150≈26.7%, below “at least 30%”');
    expect(chat.text).toContain('For reference only');
  });

  it('should give no verdict on a figure of another quantity', async () => {
    const chat = createConversation();
    await chat.send('我们公司150人，女职工40人，够30%吗');
    expect(chat.text).not.toContain('按您给出的数字');
    expect(chat.text).not.toContain('未达到');
  });
});

describe('one rule for the self-check and the Q&A', () => {
  const criteria = loadCriteria(kb);
  const cases: [string, string][] = [
    ['3.2.6', '一共150个人，搞研发的40个'],
    ['3.2.6', '职工总数三百人，科技人员九十九人'],
    ['3.2.6', '科技人员1999人，职工总数6667人'],
    ['3.2.7', '研发费用900万，成本费用3000万'],
    ['3.2.7', '研发费用299万，成本费用1000万'],
    ['3.1.4', '实缴900万'],
    ['3.1.4', '实缴壹仟贰佰万元'],
  ];
  it.each(cases)('%s %s: the dialog and ask --json give the same value and verdict', (id, answer) => {
    const dialog = evaluate(criteria, { [id]: answer }, { verifiedFields: [], locale: 'zh-CN' }).criteria.find(
      (c) => c.id === id,
    );
    const check = json(`${answer}，够不够`).check;
    expect(check?.clause).toBe(id);
    expect(check?.value).toBe(dialog?.value);
    expect(check?.met).toBe(dialog?.status === 'met');
  });
});
