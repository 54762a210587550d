import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { dialogQuestions } from '../../../src/eligibility/dialog.ts';
import { MemoryStore, type Store } from '../../../src/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { createConversation, knowledge, storeSnapshot } from '../../helpers/conversation.ts';

const criteria = dialogQuestions(loadCriteria(knowledge()));

/** An answer that meets each criterion, as a user would type it. */
function goodAnswer(c: (typeof criteria)[number]): string {
  switch (c.type) {
    case 'amount':
      return '实缴1200万元';
    case 'ratio':
      return '35%';
    case 'yesno':
      return '是';
    case 'field':
      return c.options?.[0]?.label['zh-CN'] ?? '集成电路';
    case 'multichoice':
      return '都有';
  }
}

const snapshot = async (store: Store): Promise<string> => JSON.stringify(await storeSnapshot(store));

/** The question number `（i/n）` the last reply shows, or undefined at the summary. */
const stepShown = (text: string): number | undefined => {
  const m = /（(\d+)\/(\d+)）/.exec(text);
  return m ? Number(m[1]) : undefined;
};

describe('eligibility dialog', () => {
  it('should ask one question at a time, each citing its clause, and end eligible when every condition is met', async () => {
    const c = createConversation();
    await c.send('/check');
    expect(c.text).toContain('自测结果仅供参考，不代表认定结论');
    for (const [i, q] of criteria.entries()) {
      expect(stepShown(c.text)).toBe(i + 1);
      const label = knowledge().clause(q.clause)?.label;
      expect(c.text).toContain(`依据：${label}`);
      await c.send(goodAnswer(q));
    }
    expect(c.text).toContain('符合基本条件');
    expect(c.text).toContain('自测结果仅供参考，不代表认定结论');
  });

  it('should cite each of three failed conditions in the result', async () => {
    const c = createConversation();
    await c.send('/check');
    const failing: Record<string, string> = {
      '3.1.4': '实缴900万',
      '3.2.6': '员工150人，科技人员40人',
      '3.2.7': '研发费用890万，成本费用3000万',
    };
    for (const q of criteria) await c.send(failing[q.id] ?? goodAnswer(q));
    expect(c.text).toContain('暂不符合');
    for (const label of ['三（一）4', '三（二）6', '三（二）7'])
      expect(c.text).toMatch(new RegExp(`❌[^\\n]*[\\s\\S]*${label.replace(/[（）]/g, '.')}`));
    expect(c.text).toContain('26.7%');
  });

  it('should go back, skip, show the clause text and restart', async () => {
    const c = createConversation();
    await c.send('/check');
    await c.send(goodAnswer(criteria[0] as (typeof criteria)[number]));
    expect(stepShown(c.text)).toBe(2);
    await c.send('上一步');
    expect(stepShown(c.text)).toBe(1);
    await c.send('跳过');
    expect(c.text).toContain('已跳过');
    expect(stepShown(c.text)).toBe(2);
    await c.send('原文');
    const clause = knowledge().clause((criteria[1] as (typeof criteria)[number]).clause);
    expect(c.text).toContain(`“${clause?.text}”`);
    expect(stepShown(c.text)).toBe(2);
    await c.send('重新开始');
    expect(c.text).toContain('已清空回答');
    expect(stepShown(c.text)).toBe(1);
  });

  it('should answer a policy question asked mid-dialog and then ask the pending question again', async () => {
    const c = createConversation();
    await c.send('/check');
    await c.send(goodAnswer(criteria[0] as (typeof criteria)[number]));
    await c.send('研发费用占比有什么要求？');
    expect(c.replies).toHaveLength(2);
    expect(c.replies[0]?.text).toContain('依据：三（二）7');
    expect(stepShown(c.replies[1]?.text ?? '')).toBe(2);
  });

  it('should re-ask with an example when an answer cannot be read, without advancing', async () => {
    const c = createConversation();
    await c.send('/check');
    const amountStep = criteria.findIndex((q) => q.type === 'amount');
    for (const q of criteria.slice(0, amountStep)) await c.send(goodAnswer(q));
    const before = await snapshot(c.store);
    for (const bad of ['0.3', '认缴2000万', '-5', '1e309', '🙂🙂', '<b>很多</b>']) {
      await c.send(bad);
      expect(stepShown(c.text), bad).toBe(amountStep + 1);
      expect(c.text).toContain('没有读懂');
    }
    expect(await snapshot(c.store)).toBe(before);
  });

  it('should let the user change an answer from the summary and come back to the summary', async () => {
    const c = createConversation();
    await c.send('/check');
    for (const q of criteria) await c.send(q.id === '3.2.6' ? '20%' : goodAnswer(q));
    expect(c.text).toContain('暂不符合');
    const edit = c.replies[0]?.choices?.find((ch) => ch.label.includes('修改'));
    await c.press(edit?.value ?? '');
    const pick = c.replies[0]?.choices?.find((ch) => ch.value.endsWith(':3.2.6'));
    expect(pick).toBeDefined();
    await c.press(pick?.value ?? '');
    expect(c.text).toContain('依据：三（二）6');
    await c.send('40%');
    expect(c.text).toContain('符合基本条件');
  });

  it('should resume an unfinished dialog with /check, and leave free text to Q&A after 退出', async () => {
    const c = createConversation();
    await c.send('/check');
    await c.send(goodAnswer(criteria[0] as (typeof criteria)[number]));
    await c.send('退出');
    expect(c.text).toContain('已退出自测');
    await c.send('研发人员要占多少比例');
    expect(c.text).toContain('依据：三（二）6');
    await c.send('/check');
    expect(c.text).toContain('继续上次未完成的自测（已回答 1/');
    expect(stepShown(c.text)).toBe(2);
  });

  it('should forget a dialog left untouched for DIALOG_TTL_DAYS (90 by default), and keep one touched in time', async () => {
    const clock = steppingClock('2026-03-01T02:00:00Z');
    const c = createConversation({ store: new MemoryStore({ clock }), clock });
    const day = 24 * 60 * 60 * 1000;
    await c.send('/check');
    await c.send(goodAnswer(criteria[0] as (typeof criteria)[number]));
    clock.step(89 * day);
    await c.send('/check');
    expect(c.text).toContain('继续上次未完成的自测（已回答 1/');
    clock.step(90 * day);
    await c.send('/check');
    expect(c.text).not.toContain('继续上次');
    expect(stepShown(c.text)).toBe(1);
  });

  it('should ignore a button of an earlier question', async () => {
    const c = createConversation();
    await c.send('/check');
    const first = c.replies[0]?.choices?.[0];
    await c.send(goodAnswer(criteria[0] as (typeof criteria)[number]));
    await c.send(goodAnswer(criteria[1] as (typeof criteria)[number]));
    const before = await snapshot(c.store);
    await c.press(first?.value ?? '');
    expect(c.text).toContain('已经过去');
    expect(stepShown(c.text)).toBe(3);
    expect(await snapshot(c.store)).toBe(before);
  });

  it('should delete the answers and the report with /check delete', async () => {
    const c = createConversation();
    await c.send('/check');
    for (const q of criteria) await c.send(goodAnswer(q));
    expect((await snapshot(c.store)).length).toBeGreaterThan(2);
    await c.send('/check delete');
    expect(c.text).toContain('已删除');
    expect(await snapshot(c.store)).not.toContain('eligibility:');
    await c.send('/check delete');
    expect(c.text).toContain('没有可删除');
  });

  it('should never throw, advance on, or store an input it cannot read, whatever is typed at any step', async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        ' ',
        '\u0000\u0007',
        'NaN%',
        '1e309',
        '-5',
        '0.3',
        '<script>x</script>',
        '**粗体**',
        '😀'.repeat(50),
        'x'.repeat(10_000),
        '认缴',
        '注册资本5000万',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: criteria.length - 1 }), hostile, async (step, input) => {
        const store = new MemoryStore();
        const c = createConversation({ store });
        await c.send('/check');
        for (const q of criteria.slice(0, step)) await c.send(goodAnswer(q));
        const before = await snapshot(store);
        const replies = await c.send(input);
        expect(replies.length).toBeGreaterThan(0);
        expect(c.text).not.toContain('抱歉，处理您的消息时出了问题');
        const after = await snapshot(store);
        const shown = stepShown(replies.at(-1)?.text ?? '');
        if (shown === step + 1) {
          // Not taken as an answer: nothing stored changed.
          expect(after).toBe(before);
        } else {
          // Taken as an answer (or navigation): the stored dialog still validates and moved by one.
          expect(shown === undefined || shown === step + 2 || shown === step).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  }, 120_000);
});
