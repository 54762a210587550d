import { describe, expect, it } from 'vitest';
import { type Criterion, loadCriteria } from '../../../src/eligibility/criteria.ts';
import { parseAnswer } from '../../../src/eligibility/parse-answer.ts';
import type { AnswerValue } from '../../../src/eligibility/types.ts';
import { knowledge } from '../../helpers/conversation.ts';

const criteria = loadCriteria(knowledge());
function criterion(id: string): Criterion {
  const c = criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
}

const ALL_PARTNERS = ['users-enterprises', 'research-institutes', 'universities', 'platforms'];

/** [criterion id, what a user types, the value understood (null = unknown), what is shown back (zh-CN), when checked]. */
const accepted: [string, string, AnswerValue, string?][] = [
  // yes / no / unsure / skip / still being set up
  ['3.1.1', '是', true, '是'],
  ['3.1.1', '是的', true],
  ['3.1.1', '有', true],
  ['3.1.1', '对', true],
  ['3.1.1', '已经', true],
  ['3.1.1', '建了', true],
  ['3.2.1', '已设立董事会和经营管理团队', true],
  ['3.1.1', 'yes', true],
  ['3.1.1', 'Y', true],
  ['3.1.1', ' Yes ', true],
  ['3.1.1', '没问题', true],
  ['3.1.1', '否', false, '否'],
  ['3.1.1', '没有', false],
  ['3.1.1', '无', false],
  ['3.1.1', '还没', false],
  ['3.1.1', '不是', false],
  ['3.2.5', '尚未设立专家委员会', false],
  ['3.1.1', 'no', false],
  ['3.1.1', 'N', false],
  ['3.1.1', 'not yet', false],
  ['3.1.1', '不清楚', null, '回答为不清楚'],
  ['3.1.1', '不知道', null],
  ['3.1.1', '不太确定', null],
  ['3.1.1', '跳过', null, '已跳过'],
  ['3.1.1', 'skip', null],
  ['3.1.1', "don't know", null],
  ['3.1.1', '筹建中', null, '尚在筹建'],
  ['3.1.1', '计划中', null, '尚在筹建'],
  ['3.1.1', '正在建', null, '尚在筹建'],
  ['3.1.1', '还没有，计划明年成立', null, '尚在筹建'],
  ['3.1.1', 'planned', null],
  // amounts (3.1.4)
  ['3.1.4', '1200万', 12_000_000, '1200万元'],
  ['3.1.4', '1,200万元', 12_000_000],
  ['3.1.4', '0.12亿', 12_000_000],
  ['3.1.4', '1.2千万', 12_000_000],
  ['3.1.4', '一千二百万', 12_000_000],
  ['3.1.4', '壹仟贰佰万元', 12_000_000],
  ['3.1.4', '12000000元', 12_000_000],
  ['3.1.4', '12 million yuan', 12_000_000],
  ['3.1.4', '１２００万', 12_000_000],
  ['3.1.4', '实缴1200万', 12_000_000],
  ['3.1.4', '1000万元（含研发设备200万）', 10_000_000, '1000万元（含研发设备200万元）'],
  ['3.1.4', '1000万', 10_000_000],
  ['3.1.4', '999.99万', 9_999_900, '999.99万元'],
  ['3.1.4', '三万五千元', 35_000],
  ['3.1.4', '还没有投入', 0],
  ['3.1.4', '不清楚', null],
  // ratios (3.2.6: people; 3.2.7: money)
  ['3.2.6', '35%', 35, '35%'],
  ['3.2.6', '35％', 35],
  ['3.2.6', '百分之三十五', 35],
  ['3.2.6', '三成五', 35],
  ['3.2.6', '35 percent', 35],
  ['3.2.6', '30%', 30],
  ['3.2.6', '29.9%', 29.9],
  ['3.2.6', '员工120人，科技人员40人', 33.33, '40÷120≈33.3%'],
  ['3.2.6', '科技人员40人，员工120人', 33.33, '40÷120≈33.3%'],
  ['3.2.6', '一共150个人，搞研发的40个', 26.67, '40÷150≈26.7%'],
  ['3.2.6', '职工总数100人，科技人员30人', 30, '30÷100=30%'],
  ['3.2.7', '研发费用900万，成本费用总额3000万', 30, '900万÷3000万=30%'],
  ['3.2.7', '研发费用890万，成本费用3000万', 29.67, '890万÷3000万≈29.7%'],
  ['3.2.7', '不清楚', null],
  // field (3.4)
  ['3.4', '集成电路', '集成电路', '集成电路'],
  ['3.4', '芯片', '集成电路'],
  ['3.4', '芯片设计', '集成电路'],
  ['3.4', '新能源车', '新能源汽车及智能网联汽车'],
  ['3.4', '智能网联汽车', '新能源汽车及智能网联汽车'],
  ['3.4', '数控机床', '高档数控机床'],
  ['3.4', 'VR', '虚拟现实'],
  ['3.4', '医药', '生物医药'],
  ['3.4', '智能制造装备', '智能装备'],
  ['3.4', 'integrated circuits', '集成电路'],
  ['3.4', '3', '集成电路'],
  ['3.4', '第3个', '集成电路'],
  ['3.4', '十四', '生物医药'],
  ['3.4', '绿色制造', '绿色化'],
  ['3.4', '环保', '能源及环保装备'],
  ['3.4', '其他', '其他'],
  ['3.4', 'other', '其他'],
  // multichoice (3.1.3)
  ['3.1.3', '都有', ALL_PARTNERS],
  ['3.1.3', '全部', ALL_PARTNERS],
  ['3.1.3', 'all', ALL_PARTNERS],
  ['3.1.3', '1、2、3、4', ALL_PARTNERS],
  ['3.1.3', '1,2,3', ['users-enterprises', 'research-institutes', 'universities']],
  ['3.1.3', '企业、科研院所、高校、市级创新平台', ALL_PARTNERS],
  ['3.1.3', '企业，高校', ['users-enterprises', 'universities']],
  ['3.1.3', '重庆大学和中科院', ['research-institutes', 'universities']],
  ['3.1.3', '企业/高校/重点实验室', ['users-enterprises', 'universities', 'platforms']],
  ['3.1.3', 'companies and universities', ['users-enterprises', 'universities']],
  ['3.1.3', '有企业和高校，没有科研院所', ['users-enterprises', 'universities']],
  ['3.1.3', '都没有', []],
];

/** [criterion id, what a user types, a fragment the zh-CN re-ask must hold]. */
const rejected: [string, string, string][] = [
  ['3.1.1', '', '没有收到回答'],
  ['3.1.1', '   ', '没有收到回答'],
  ['3.1.1', 'x'.repeat(10_000), '太长'],
  ['3.1.1', '😀😀', '没能看懂'],
  ['3.1.1', '\u0000\u0001\u0007', '没有收到回答'],
  ['3.1.1', '<script>alert(1)</script>', '网页标记'],
  ['3.1.1', '<b>是</b>', '网页标记'],
  ['3.1.1', '有董事会，但没有经营团队', '既有肯定也有否定'],
  ['3.1.1', '也许吧', '请回答“是”或“否”'],
  ['3.1.4', '1200', '请写明单位'],
  ['3.1.4', '认缴2000万', '实际投入'],
  ['3.1.4', '注册资本2000万', '实际投入'],
  ['3.1.4', '计划投入1200万', '实际投入'],
  ['3.1.4', '-5', '负数'],
  ['3.1.4', '-500万', '负数'],
  ['3.1.4', '1e309', '看不懂'],
  ['3.1.4', '500万或800万', '几个金额'],
  ['3.2.6', '0.3', '30%还是0.3%'],
  ['3.2.6', 'NaN%', '看不懂'],
  ['3.2.6', '-5', '负数'],
  ['3.2.6', '1e309', '看不懂'],
  ['3.2.6', '科技人员200人，员工100人', '不能大于总数'],
  ['3.2.6', '40个研发人员', '只看到一个数字'],
  ['3.2.6', '150%', '不能超过100%'],
  ['3.4', '纺织', '没有找到这个领域'],
  ['3.4', '99', '没有找到这个领域'],
  ['3.4', '集成电路和物联网', '只选一个'],
  ['3.1.3', '医院', '没有识别出选项'],
  ['3.1.3', '1、7', '没有识别出选项'],
];

describe('parseAnswer', () => {
  it('should hold a table of at least 60 answers and 10 rejections', () => {
    expect(accepted.length + rejected.length).toBeGreaterThanOrEqual(60);
    expect(rejected.length).toBeGreaterThanOrEqual(10);
  });

  it.each(accepted)('should read %s %j as %j', (id, raw, value, shown) => {
    const r = parseAnswer(criterion(id), raw);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(value);
    if (shown !== undefined) expect(r.understood['zh-CN']).toBe(shown);
    expect(r.understood.en.length).toBeGreaterThan(0);
    if (value === null) expect(r.reason?.['zh-CN']).toBeTruthy();
  });

  it.each(rejected)('should re-ask %s %j with an example', (id, raw, fragment) => {
    const c = criterion(id);
    const r = parseAnswer(c, raw);
    expect(r.ok, JSON.stringify(r)).toBe(false);
    if (r.ok) return;
    expect(r.retry['zh-CN']).toContain(fragment);
    expect(r.retry['zh-CN']).toContain(`例如：“${c.example['zh-CN']}”`);
    expect(r.retry.en).toContain(`For example: “${c.example.en}”`);
  });

  it('should accept every criterion’s own example, in both languages', () => {
    for (const c of criteria) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const r = parseAnswer(c, c.example[locale]);
        expect(r.ok && r.value !== null, `${c.id} ${locale}: ${JSON.stringify(r)}`).toBe(true);
      }
    }
  });

  it('should accept every option’s label, typed in either language, as that option', () => {
    for (const c of criteria) {
      if (c.type !== 'field' && c.type !== 'multichoice') continue;
      for (const o of c.options) {
        for (const label of [o.label['zh-CN'], o.label.en]) {
          const r = parseAnswer(c, label);
          expect(r.ok && r.value, `${c.id} ${label}`).toEqual(c.type === 'field' ? o.value : [o.value]);
        }
      }
    }
  });

  it('should never read 筹建中 as no', () => {
    for (const raw of ['筹建中', '正在筹建', '计划中', '还没，正在建', 'in progress']) {
      const r = parseAnswer(criterion('3.2.1'), raw);
      expect(r.ok && r.value === null && r.reason?.['zh-CN'] === '尚在筹建', raw).toBe(true);
    }
  });

  it('should accept 知识产权作价 with a warning note to confirm with 市经济信息委', () => {
    const r = parseAnswer(criterion('3.1.4'), '实缴1200万，其中知识产权作价300万');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(12_000_000);
    expect(r.note?.['zh-CN']).toMatch(/^⚠️/);
    expect(r.note?.['zh-CN']).toContain('市经济信息委');
    expect(r.note?.en).toContain('intellectual property');
  });

  it('should add no note when the answer says intellectual property is not included', () => {
    const r = parseAnswer(criterion('3.1.4'), '1200万元，不含知识产权');
    expect(r.ok && r.note === undefined).toBe(true);
  });

  it('should ask for the paid-in amount when an answer gives 认缴 or 注册资本', () => {
    const r = parseAnswer(criterion('3.1.4'), '注册资本2000万');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.retry['zh-CN']).toContain('实缴');
    expect(r.retry.en).toContain('paid in');
  });

  it('should ask whether 0.3 means 30% or 0.3%', () => {
    const r = parseAnswer(criterion('3.2.7'), '0.3');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.retry['zh-CN']).toContain('“0.3”是指30%还是0.3%');
    expect(r.retry.en).toContain('30% or 0.3%');
  });

  it('should read the list number of a field in the order of its options', () => {
    const c = criterion('3.4');
    if (c.type !== 'field') throw new Error('3.4 is a field question');
    c.options.forEach((o, i) => {
      const r = parseAnswer(c, String(i + 1));
      expect(r.ok && r.value).toBe(o.value);
    });
  });

  it('should never throw, whatever is typed', () => {
    const hostile = [
      '\u202e是',
      '𠀀𠀁',
      '%'.repeat(400),
      '1'.repeat(400),
      '9'.repeat(310),
      '万万万亿',
      '(((((',
      '\\u0000',
      'constructor',
      '__proto__',
      '0/0',
      '1/0',
      '0人，0人',
    ];
    for (const c of criteria) {
      for (const raw of hostile) expect(() => parseAnswer(c, raw)).not.toThrow();
      expect(parseAnswer(c, undefined as unknown as string).ok).toBe(false);
    }
  });
});
