import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadFigures } from '../../../src/knowledge-base/index.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { createConversation, knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const qa = createQaEngine(kb);
const json = (q: string) => toAskJson(qa.ask(q), false);

/**
 * Pairs for every figure the plan states, written from the plan's text: the quantity the figure
 * measures keeps its lead; another quantity asked in the same words never leads with that figure.
 */
const FIGURES: { figure: string; clause: string; right: string[]; other: string[] }[] = [
  {
    // 三（一）4: 全部组建资金实际投入不低于1000万元（含研发设备投入）
    figure: '1000万',
    clause: '3.1.4',
    right: ['组建资金实际投入最少要多少', '成员单位一共要投入多少钱', '组建资金（含研发设备）最低多少'],
    // Registered capital is what the articles state, not the capital actually invested.
    other: ['研发设备要投多少钱', '创新中心的营业收入要达到多少', '创新中心的注册资本最低要求是多少'],
  },
  {
    // 三（二）6: 科技人员占企业职工总数的比例不低于30%
    figure: '30%',
    clause: '3.2.6',
    right: [
      '科技人员占职工总数的比例不低于多少',
      '搞研发的人要占员工的几成',
      'What share of the employees must be R&D staff?',
    ],
    other: [
      '职工中女性要占多少比例',
      '研发团队里博士要占多少比例',
      '研发人员里头硕士要占好多比例才达标？',
      'What share of the staff must be women?',
    ],
  },
  {
    // 三（二）7: 年度研发费用总额占成本费用支出总额的比例应不低于30%
    figure: '30%',
    clause: '3.2.7',
    right: ['研发费用占成本费用的比例要多少', '研发经费要占总支出的百分之几'],
    // 管理费用 holds 费用, a word of the base: the longer word names another quantity.
    other: ['投资里设备要占多少比例', '研发费用占营业收入的比例要多少', '管理费用占成本费用的比例上限是多少'],
  },
  {
    // 一（二）: 力争到2020年，培育…市级制造业创新中心10-15个以上
    figure: '10-15个',
    clause: '1.2',
    right: ['到2020年要培育多少个市级创新中心'],
    other: ['到2020年要培育多少个孵化企业', '到2020年市级创新中心要有多少个专家'],
  },
  {
    // 一（二）: 力争…创建1-2家国家级制造业创新中心
    figure: '1-2家',
    clause: '1.2',
    right: ['力争创建几家国家级创新中心'],
    other: ['国家级创新中心要有几家股东', '智能网联汽车领域要联合几家企业'],
  },
  {
    // 四（二）: 对经认定的制造业创新中心，前三年连续给予专项支持
    figure: '前三年',
    clause: '4.2',
    right: ['认定后专项支持连续给几年', 'For how many years is special support given?'],
    other: ['牵头企业要成立几年才行', '认定的有效期是几年', 'How many years must the lead company have existed?'],
  },
  {
    // 四（三）: 每三年定期进行考核评估
    figure: '每三年',
    clause: '4.3',
    right: ['多久进行一次考核评估', '考核评估几年一次'],
    other: ['考核评估的有效期几年', '考核评估要持续多久'],
  },
  {
    // 四（三）: 若考核评估不合格，则三年内不再纳入创新中心支持范围
    figure: '三年内',
    clause: '4.3',
    right: ['考核不合格几年内不能再纳入支持'],
    other: ['不合格的要整改多久', '认定后要运营几年才能验收'],
  },
];

/**
 * The same pairs asked in English: the quantity phrase is what follows "what share of", "how many
 * years must", "how many".
 */
const ENGLISH: { figure: string; clause: string; right: string[]; other: string[] }[] = [
  {
    figure: '1000万',
    clause: '3.1.4',
    right: ['How much is the minimum capital?', 'How much must the members invest in total?'],
    other: ['How much must be spent on R&D equipment?'],
  },
  {
    figure: '30%',
    clause: '3.2.6',
    right: ['What share of staff must be R&D personnel?'],
    other: ['What share of the staff must be women?', 'What percentage of the employees must hold a PhD?'],
  },
  {
    figure: '30%',
    clause: '3.2.7',
    right: ['What share of total costs must R&D spending be?', 'What percentage of expenses must go to R&D?'],
    other: [
      'What share of the funding comes from the municipal budget?',
      'What share of revenue must R&D spending be?',
    ],
  },
  {
    figure: '10-15个',
    clause: '1.2',
    right: ['How many municipal innovation centers will be fostered by 2020?'],
    other: ['How many experts must a municipal center have?'],
  },
  {
    figure: '前三年',
    clause: '4.2',
    right: ['For how many years is special support given?'],
    other: ['How many years must the lead company have existed?'],
  },
  {
    figure: '每三年',
    clause: '4.3',
    right: ['How often are centers evaluated?'],
    other: ['How long does a center have to rectify after a failed evaluation?'],
  },
];

describe('a figure answers only the quantity it measures, in English', () => {
  describe.each(ENGLISH)('$figure ($clause)', ({ figure, clause, right, other }) => {
    it.each(right)('should lead with the figure for the quantity it measures: %s', (q) => {
      const r = json(q);
      expect(r.abstained).toBe(false);
      expect(r.answers[0]?.clause).toBe(clause);
      expect(leadsWith(r.lead, figure)).toBe(true);
    });

    it.each(other)('should not lead with the figure for another quantity: %s', (q) => {
      const r = json(q);
      expect(r.abstained || !leadsWith(r.lead, figure)).toBe(true);
    });
  });

  it('should read the quantity after the question’s lead-in, not before it', () => {
    // "R&D staff" before the comma is background; the share asked is of women among the staff.
    const r = json('We have a strong R&D team, what share of the staff must be women?');
    expect(r.abstained || !leadsWith(r.lead, '30%')).toBe(true);
  });

  it('should still judge the asker’s own English figures', () => {
    expect(json('We have 150 staff, 40 in R&D, is that enough?').check).toMatchObject({ clause: '3.2.6', met: false });
  });
});

/** The figure as a lead shows it (三年 is folded to 3年 nowhere in a lead: it is cut from the clause). */
const leadsWith = (lead: string | undefined, figure: string): boolean => (lead ?? '').includes(figure);

describe('a figure answers only the quantity it measures', () => {
  describe.each(FIGURES)('$figure ($clause)', ({ figure, clause, right, other }) => {
    it.each(right)('should lead with the figure for the quantity it measures: %s', (q) => {
      const r = json(q);
      expect(r.abstained).toBe(false);
      expect(r.answers[0]?.clause).toBe(clause);
      expect(leadsWith(r.lead, figure)).toBe(true);
    });

    it.each(other)('should not lead with the figure for another quantity: %s', (q) => {
      const r = json(q);
      expect(r.abstained || !leadsWith(r.lead, figure)).toBe(true);
      if (r.abstained) expect(r.reason).toBe('detail_missing');
    });
  });

  it('should read what the asker did before the question as background, not as the quantity asked', () => {
    const r = json('今年扩招了一批行政人员，研发岗位在全体员工里最少要占到几成？');
    expect(r.answers[0]?.clause).toBe('3.2.6');
    expect(r.lead).toContain('30%');
    // A piece qualifying the question still counts: 兼职专家 is no part of the 30%.
    expect(json('外聘的高校兼职专家，在研发队伍里最多能占几成？').abstained).toBe(true);
  });

  it('should answer two shares asked at once, each measured by its own clause', () => {
    for (const q of ['研发人员占比和研发费用占比，分别卡好多？', '科技人员比例和年度研发费用占比各自最低要多少']) {
      const r = json(q);
      expect(r.abstained, q).toBe(false);
      expect(['3.2.6', '3.2.7'], q).toContain(r.answers[0]?.clause);
      expect(r.lead, q).toContain('30%');
    }
  });

  it('should name the gate and the clause whose figure measures another quantity', () => {
    const r = json('职工中女性要占多少比例');
    expect(r).toMatchObject({ abstained: true, reason: 'detail_missing', gate: 'other_quantity', answers: [] });
    expect(r.suggestions?.[0]).toBe('3.2.6');
    expect(r.lead).toBeUndefined();
  });

  it('should say in the chat that the plan sets no such figure and what 30% measures', async () => {
    const chat = createConversation();
    await chat.send('职工中女性要占多少比例');
    expect(chat.text).toContain('方案没有规定您问的这个数值');
    expect(chat.text).toContain('三（二）6中的“30%”指的是从事研发和相关技术创新活动的科技人员占企业职工总数的比例');
    expect(chat.text).not.toMatch(/^不低于30%/);
    expect(chat.replies[0]?.choices?.[0]?.label).toContain('三（二）6');
  });

  it('should say the same in English after /lang en', async () => {
    const chat = createConversation({ user: 'telegram:78' });
    await chat.send('/lang en');
    await chat.send('What share of the staff must be women?');
    expect(chat.text).toContain('The plan sets no figure for what you asked');
    expect(chat.text).toContain('the share of the company');
  });

  it('should not settle whether something counts toward a figure when its clause does not name it', () => {
    for (const q of [
      '兼职的研发人员能不能算进30%的科技人员比例里？',
      '人事在算研发人员占比，外聘的专家能不能算进去？',
      'Do part-time researchers count toward the 30%?',
    ]) {
      expect(json(q), q).toMatchObject({ abstained: true, reason: 'detail_missing', gate: 'not_named' });
      expect(json(q).suggestions?.[0], q).toBe('3.2.6');
    }
    // The clause names what it includes: 含研发设备投入, 资金、知识产权等入股方式.
    for (const q of [
      '研发设备能不能算进组建资金？',
      '拿专利折价入股算不算投钱？',
      'Does R&D equipment count toward the founding capital?',
    ]) {
      expect(json(q), q).toMatchObject({ abstained: false });
      expect(json(q).answers[0]?.clause, q).toBe('3.1.4');
    }
  });

  it('should keep the verdict on the asker own figure, which has its own measure', () => {
    expect(json('研发人员40个，总共150人，够不够').check).toMatchObject({ clause: '3.2.6', met: false });
  });
});

describe('knowledge/figures.json', () => {
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'figures-'));
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    return dir;
  };
  const edit = (dir: string, change: (file: { figures: Record<string, unknown>[] }) => void) => {
    const file = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8'));
    change(file);
    writeFileSync(join(dir, 'figures.json'), JSON.stringify(file));
  };

  it('should describe every figure the plan states, each stated by its clause', () => {
    const figures = loadFigures(kb);
    expect(figures.map((f) => `${f.clause.id} ${f.figure}`)).toEqual([
      '3.1.4 1000万元',
      '3.2.6 30%',
      '3.2.7 30%',
      '1.2 10-15个',
      '1.2 1-2家',
      '4.2 前三年',
      '4.3 每三年',
      '4.3 三年内',
    ]);
  });

  it('should reject a figure its clause does not state, naming where', () => {
    const dir = copy();
    edit(dir, (f) => {
      (f.figures[0] as { figure: string }).figure = '2000万元';
    });
    expect(() => loadFigures(kb, dir)).toThrow(KnowledgeError);
    expect(() => loadFigures(kb, dir)).toThrow(/figures\.json: figures\.0\.figure: clause 3\.1\.4 does not state/);
  });

  it('should reject a glossary group that does not exist', () => {
    const dir = copy();
    edit(dir, (f) => {
      (f.figures[1] as { subject: { groups: string[] } }).subject.groups = ['no-such-group'];
    });
    expect(() => loadFigures(kb, dir)).toThrow(/figures\.1\.subject\.groups\.0: no glossary group "no-such-group"/);
  });
});
