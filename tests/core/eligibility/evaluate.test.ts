import { describe, expect, it } from 'vitest';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { evaluate, evaluationForJson } from '../../../src/eligibility/evaluate.ts';
import { knowledge } from '../../helpers/conversation.ts';
import { ALL_MET } from './answers.ts';

const criteria = loadCriteria(knowledge());
const zh = { verifiedFields: [], locale: 'zh-CN' } as const;

function statusOf(e: ReturnType<typeof evaluate>, id: string) {
  return e.criteria.find((c) => c.id === id);
}

describe('evaluate', () => {
  it('should find a center meeting every criterion eligible', () => {
    const e = evaluate(criteria, ALL_MET, zh);
    expect(e.verdict).toBe('eligible');
    expect(e.criteria.map((c) => c.status)).toEqual(criteria.map(() => 'met'));
    expect(e.criteria.map((c) => c.id)).toEqual(criteria.map((c) => c.id));
  });

  it('should report values as the spec says: integer yuan, percentage numbers, booleans, canonical names, arrays', () => {
    const e = evaluate(criteria, ALL_MET, zh);
    expect(statusOf(e, '3.1.4')?.value).toBe(12_000_000);
    expect(statusOf(e, '3.2.6')?.value).toBe(33.33);
    expect(statusOf(e, '3.2.7')?.value).toBe(35);
    expect(statusOf(e, '3.1.1')?.value).toBe(true);
    expect(statusOf(e, '3.4')?.value).toBe('集成电路');
    expect(statusOf(e, '5.2')?.value).toBe('集成电路');
    expect(statusOf(e, '3.1.3')?.value).toEqual([
      'users-enterprises',
      'research-institutes',
      'universities',
      'platforms',
    ]);
  });

  it('should find three failures not_yet, with exactly those three unmet and their reasons', () => {
    const answers = { ...ALL_MET, '3.1.4': '800万', '3.2.6': '员工150人，科技人员40人', '3.2.9': '没有' };
    const e = evaluate(criteria, answers, zh);
    expect(e.verdict).toBe('not_yet');
    expect(e.criteria.filter((c) => c.status === 'unmet').map((c) => c.id)).toEqual(['3.1.4', '3.2.6', '3.2.9']);
    expect(statusOf(e, '3.1.4')?.reason).toBe('800万元，未达到“不低于1000万元”');
    expect(statusOf(e, '3.2.6')?.reason).toBe('40÷150≈26.7%，未达到“不低于30%”');
    expect(statusOf(e, '3.2.9')?.reason).toBe('回答：否');
  });

  it('should pass exactly at the boundaries and fail just below them', () => {
    const at = (id: string, raw: string) => statusOf(evaluate(criteria, { [id]: raw }, zh), id)?.status;
    expect(at('3.1.4', '1000万')).toBe('met');
    expect(at('3.1.4', '10000000元')).toBe('met');
    expect(at('3.1.4', '999.99万')).toBe('unmet');
    expect(at('3.1.4', '9999999元')).toBe('unmet');
    expect(at('3.2.6', '30%')).toBe('met');
    expect(at('3.2.6', '29.9%')).toBe('unmet');
    expect(at('3.2.6', '29.99%')).toBe('unmet');
    expect(at('3.2.6', '职工总数100人，科技人员30人')).toBe('met');
    expect(at('3.2.6', '职工总数1000人，科技人员299人')).toBe('unmet');
    expect(at('3.2.7', '研发费用900万，成本费用3000万')).toBe('met');
    expect(at('3.2.7', '研发费用890万，成本费用3000万')).toBe('unmet');
    expect(at('3.2.7', '研发费用0.3亿，成本费用1亿')).toBe('met');
  });

  it('should never show a rounded value at the threshold for a ratio that misses it', () => {
    const e = evaluate(criteria, { '3.2.6': '职工总数10000人，科技人员2999人' }, zh);
    const r = statusOf(e, '3.2.6');
    expect(r?.status).toBe('unmet');
    expect(r?.value).toBeLessThan(30);
    expect(r?.reason).toContain('≈29.9%');
  });

  it('should find missing answers undetermined and mark each unknown', () => {
    const e = evaluate(criteria, { '3.1.1': '是' }, zh);
    expect(e.verdict).toBe('undetermined');
    expect(e.criteria).toHaveLength(criteria.length);
    expect(statusOf(e, '3.1.4')).toMatchObject({ status: 'unknown', value: null, reason: '未回答' });
  });

  it('should keep unknown apart from unmet: 筹建中, 不清楚 and an unreadable answer', () => {
    const e = evaluate(criteria, { ...ALL_MET, '3.2.1': '筹建中', '3.2.5': '不清楚', '3.2.7': '0.3' }, zh);
    expect(e.verdict).toBe('undetermined');
    expect(statusOf(e, '3.2.1')).toMatchObject({ status: 'unknown', value: null, reason: '尚在筹建' });
    expect(statusOf(e, '3.2.5')).toMatchObject({ status: 'unknown', reason: '回答为不清楚' });
    expect(statusOf(e, '3.2.7')?.status).toBe('unknown');
    expect(statusOf(e, '3.2.7')?.reason).toContain('30%还是0.3%');
  });

  it('should let one unmet win over unknowns', () => {
    const e = evaluate(criteria, { '3.1.4': '500万' }, zh);
    expect(e.verdict).toBe('not_yet');
  });

  it('should give advisory shortfalls as warnings, never unmet, and keep the verdict eligible', () => {
    const answers = { ...ALL_MET, '3.3.1': '否', '3.3.2': '没有', '3.4': '其他' };
    const e = evaluate(criteria, answers, zh);
    expect(e.verdict).toBe('eligible');
    expect(statusOf(e, '3.3.1')?.status).toBe('warning');
    expect(statusOf(e, '3.3.2')?.status).toBe('warning');
    expect(statusOf(e, '3.4')).toMatchObject({ status: 'warning', value: '其他' });
    expect(e.criteria.some((c) => c.status === 'unmet')).toBe(false);
  });

  it('should warn under 5.2 only when a verified center works in the answered field', () => {
    const warned = evaluate(criteria, ALL_MET, { verifiedFields: ['集成电路'], locale: 'zh-CN' });
    expect(statusOf(warned, '5.2')?.status).toBe('warning');
    expect(statusOf(warned, '5.2')?.reason).toContain('一行业（领域）一中心');
    expect(warned.verdict).toBe('eligible');
    // A center registered under a synonym counts as the same field.
    const synonym = evaluate(criteria, ALL_MET, { verifiedFields: ['芯片'], locale: 'zh-CN' });
    expect(statusOf(synonym, '5.2')?.status).toBe('warning');
    const other = evaluate(criteria, ALL_MET, { verifiedFields: ['物联网', '生物医药'], locale: 'zh-CN' });
    expect(statusOf(other, '5.2')?.status).toBe('met');
    const none = evaluate(criteria, ALL_MET, zh);
    expect(statusOf(none, '5.2')?.status).toBe('met');
  });

  it('should read 5.2 from the 3.4 answer unless it has its own', () => {
    const own = evaluate(criteria, { ...ALL_MET, '5.2': '物联网' }, { verifiedFields: ['物联网'], locale: 'zh-CN' });
    expect(statusOf(own, '5.2')).toMatchObject({ status: 'warning', value: '物联网' });
    const unanswered = evaluate(criteria, {}, zh);
    expect(statusOf(unanswered, '5.2')?.status).toBe('unknown');
  });

  it('should report multichoice gaps by name', () => {
    const e = evaluate(criteria, { '3.1.3': '企业、高校' }, zh);
    expect(statusOf(e, '3.1.3')).toMatchObject({
      status: 'unmet',
      value: ['users-enterprises', 'universities'],
      reason: '已包括：包括用户在内的企业、高校；缺少：科研院所、本领域市级及以上创新平台',
    });
  });

  it('should carry the 知识产权作价 note into the reason without changing the status', () => {
    const e = evaluate(criteria, { '3.1.4': '实缴1200万，其中知识产权作价300万' }, zh);
    const r = statusOf(e, '3.1.4');
    expect(r?.status).toBe('met');
    expect(r?.reason).toContain('⚠️');
    expect(r?.note).toContain('市经济信息委');
  });

  it('should give reasons in English with locale en', () => {
    const e = evaluate(criteria, { '3.1.4': '800万' }, { verifiedFields: [], locale: 'en' });
    expect(statusOf(e, '3.1.4')?.reason).toBe('8,000,000 yuan, below “at least 10,000,000 yuan”');
    expect(statusOf(e, '3.1.1')?.reason).toBe('not answered');
  });

  it('should ignore inherited properties of the answers object', () => {
    const answers = Object.create({ '3.1.1': '是' }) as Record<string, string>;
    expect(statusOf(evaluate(criteria, answers, zh), '3.1.1')?.status).toBe('unknown');
  });

  it('should shape the JSON as the spec: verdict and criteria with id, clause, status, value, reason', () => {
    const json = evaluationForJson(evaluate(criteria, { '3.1.4': '实缴1200万，其中知识产权作价300万' }, zh));
    expect(Object.keys(json)).toEqual(['verdict', 'criteria']);
    for (const c of json.criteria) expect(Object.keys(c)).toEqual(['id', 'clause', 'status', 'value', 'reason']);
  });
});
