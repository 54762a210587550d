import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { knowledge } from '../../helpers/conversation.ts';

const qa = createQaEngine(knowledge());
const json = (q: string) => toAskJson(qa.ask(q), false);
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('each abstention names the gate that decided', () => {
  it.each([
    // No close clause states an amount: the plan gives no sum for the support.
    ['专项支持给多少钱', 'no_holder', '4.2'],
    // Which form to fill in (推荐表) and which office: the plan names neither.
    ['区县经信委推荐有条件的机构，要填什么推荐表，报到市经信委哪个处室？', 'no_holder', '5.2'],
    // 一（二）'s targets are for 2020, not 2025.
    ['到2025年要建多少个市级创新中心', 'other_period', '1.2'],
    // The notice's only date is the day it was issued, which is no deadline.
    ['各区县经信委什么时候要组织申报', 'issue_date', 'notice'],
    // 四（三） leaves the evaluation's rules to a later document.
    ['考核评估具体有哪些指标，怎么打分？', 'deferred_rules', '4.3'],
    // Asked as yes or no, whether the specifics exist is left to that document as well.
    ['考核评估有评分表吗？', 'deferred_rules', '4.3'],
    // 四（三） states what follows a failed evaluation, not a late summary.
    ['没按时向市经济信息委报送年度工作总结，会受到什么处理？', 'no_consequence', '4.3'],
    // 三（二）6 does not say whether part-time staff count.
    ['外聘的专家能不能算进科技人员的比例里？', 'not_named', '3.2.6'],
    // 三（二）6's 30% is the share of 科技人员 among all 职工.
    ['职工中女性要占多少比例', 'other_quantity', '3.2.6'],
  ])('should give %s the reason detail_missing and the gate %s', (q, gate, near) => {
    const r = json(q);
    expect(r).toMatchObject({ abstained: true, reason: 'detail_missing', gate, answers: [] });
    expect(r.suggestions?.[0]).toBe(near);
  });

  it("should answer what follows in a case its clause states, in the asker's words", () => {
    for (const q of ['听说三年考一次，要是没考过会咋样？', '考评挂了会怎样', '考核合格了会怎么样']) {
      const r = json(q);
      expect(r.abstained, q).toBe(false);
      expect(r.answers[0]?.clause, q).toBe('4.3');
    }
    expect(json('公示没人反对的话会怎样').answers[0]?.clause).toBe('4.2');
  });

  it('should give other abstentions their reason and no gate, and answers neither', () => {
    expect(json('重庆明天会下雨吗？')).toMatchObject({ abstained: true, reason: 'low_confidence' });
    expect(json('重庆明天会下雨吗？').gate).toBeUndefined();
    expect(json('帮我写一份年度工作总结')).toMatchObject({ abstained: true, reason: 'task_request' });
    const answered = json('研发人员要占多少比例');
    expect(answered.abstained).toBe(false);
    expect(answered).not.toHaveProperty('reason');
    expect(answered).not.toHaveProperty('gate');
  });

  it('should print reason and gate in ask --json', { timeout: 60_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'ask', '--json'], {
      cwd: root,
      input: '专项支持给多少钱\n职工中女性要占多少比例\n',
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    expect(r.status).toBe(0);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => [d.reason, d.gate])).toEqual([
      ['detail_missing', 'no_holder'],
      ['detail_missing', 'other_quantity'],
    ]);
  });
});
