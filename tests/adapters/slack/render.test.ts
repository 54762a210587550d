import { describe, expect, it } from 'vitest';
import { pressedBlocks, renderReply, textBlocks } from '../../../adapters/slack/index.ts';

describe('slack adapter: Block Kit rendering', () => {
  it('should put the quoted clause in a section and 依据 and the source note in context', () => {
    const blocks = textBlocks('“不低于30%。”\n依据：三（二）6\n\n—— 来源：渝经信发〔2017〕139号');
    expect(blocks.map((b) => b.type)).toEqual(['section', 'context', 'context']);
  });

  it('should give buttons short stable action_ids and keep 25 to an actions block', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `选项${i}`, value: `elig:a:x:${i}` }));
    const { messages } = renderReply({ text: '请选择', choices });
    const actions = messages[0]?.blocks.filter((b) => b.type === 'actions') ?? [];
    expect(actions.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 5]);
    const ids = actions.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id) : []));
    expect(ids[0]).toBe('mic:0');
    expect(ids[29]).toBe('mic:29');
    expect(renderReply({ text: '请选择', choices }).messages[0]).toEqual(messages[0]);
  });

  it('should keep sections within 3000 escaped characters and messages within 50 blocks', () => {
    const long = Array.from({ length: 120 }, (_, i) => `第${i}段 ${'&'.repeat(200)}`).join('\n\n');
    const { messages } = renderReply({ text: long });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('should drop the buttons of a pressed message and note the choice', () => {
    const { messages } = renderReply({ text: '问题', choices: [{ label: '是', value: 'v' }] });
    const after = pressedBlocks(messages[0]?.blocks ?? [], '是');
    expect(after.map((b) => b.type)).toEqual(['section', 'context']);
  });
});
