import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/index.ts';
import { QA_CONTEXT_PREFIX } from '../../src/qa/index.ts';
import { createConversation, storeSnapshot as snapshot } from '../helpers/conversation.ts';

describe('bot core', () => {
  it('should answer a question with the quoted clause, its 依据 line and the source footer', async () => {
    const c = createConversation();
    await c.send('研发费用占比有什么要求');
    expect(c.text).toContain('“创新中心的年度研发费用总额占成本费用支出总额的比例应不低于30%。”');
    expect(c.text).toContain('依据：三（二）7');
    expect(c.text).toContain('渝经信发〔2017〕139号（2017年12月5日）');
    expect(c.text).toContain('以主管部门最新通知为准');
  });

  it('should put a lead cut from the clause above the quote when a figure is asked', async () => {
    const c = createConversation();
    await c.send('组建资金最少要投多少钱？');
    const first = c.text.split('\n')[0] ?? '';
    expect(first).toContain('1000万元');
  });

  it('should offer related clauses as buttons that open the clause', async () => {
    const c = createConversation();
    await c.send('创新中心的专家委员会负责什么');
    const choice = c.replies[0]?.choices?.[0];
    expect(choice).toBeDefined();
    await c.press(choice?.value ?? '');
    expect(c.text).toMatch(/依据：/);
  });

  it('should say the plan does not cover an unrelated question and quote no clause', async () => {
    const c = createConversation();
    await c.send('重庆明天会下雨吗？');
    expect(c.text).toContain('方案没有涉及');
    expect(c.text).not.toContain('依据：');
    expect(c.text).toContain('/help');
  });

  it('should answer a direct lookup by clause number', async () => {
    const c = createConversation();
    await c.send('三（二）6是什么');
    expect(c.text).toContain('依据：三（二）6');
    await c.send('3.1.4');
    expect(c.text).toContain('依据：三（一）4');
  });

  it('should show help, the welcome and the source document', async () => {
    const c = createConversation();
    await c.send('/start');
    expect(c.text).toContain('/help');
    await c.send('/help');
    expect(c.text).toContain('/source');
    await c.send('/source');
    expect(c.text).toContain('重庆市制造业创新中心建设工程实施方案');
    expect(c.text).toContain('渝经信发〔2017〕139号');
    expect(c.text).toContain('重庆市经济和信息化委员会');
    expect(c.text).toContain('2017年12月5日');
  });

  it('should answer /ask <question> like free text and explain /ask without a question', async () => {
    const c = createConversation();
    await c.send('/ask 研发人员要占多少比例');
    expect(c.text).toContain('依据：三（二）6');
    await c.send('/ask');
    expect(c.text).toContain('用法');
  });

  it('should remember /lang en for the user across cores sharing a store', async () => {
    const store = new MemoryStore();
    const a = createConversation({ store });
    await a.send('/lang en');
    expect(a.text).toContain('English');
    const b = createConversation({ store });
    await b.send('/help');
    expect(b.text).toContain('Commands');
    await b.send('/lang zh');
    await b.send('/help');
    expect(b.text).toContain('命令');
  });

  it('should reject an unknown /lang value and an unknown command politely', async () => {
    const c = createConversation();
    await c.send('/lang fr');
    expect(c.text).toContain('/lang zh');
    await c.send('/frobnicate');
    expect(c.text).toContain('/help');
  });

  it('should treat an expired or forged button as a polite no-op', async () => {
    const c = createConversation();
    await c.press('clause:99.9');
    expect(c.text).toContain('请重新提问');
    await c.press('<script>');
    expect(c.text).toContain('请重新提问');
  });

  const BAD_INPUTS: [string, string][] = [
    ['empty', ''],
    ['blank', '   \n\t  '],
    ['10 000 characters', '研'.repeat(10_000)],
    ['emoji only', '😀😀🎉'],
    ['control characters', '\u0000\u0007\u001b[31m\u0008'],
    ['HTML', '<b>研发</b><script>alert(1)</script>'],
    ['Markdown', '**研发** [x](http://e.com) `code` _a_'],
    ['1e309', '1e309'],
    ['-5', '-5'],
    ['NaN%', 'NaN%'],
    ['zero-width', '\u200b\u200b'],
  ];

  for (const [name, text] of BAD_INPUTS) {
    it(`should reply politely to ${name} input and change no stored state`, async () => {
      const store = new MemoryStore();
      const c = createConversation({ store });
      const before = await snapshot(store);
      const replies = await c.send(text);
      expect(replies.length).toBeGreaterThan(0);
      for (const r of replies) {
        expect(r.text.length).toBeGreaterThan(0);
        expect(r.text).not.toContain('<script>');
        expect(r.text).not.toContain('\u001b');
        expect(r.text).not.toContain('\u0000');
      }
      expect(await snapshot(store)).toEqual(before);
      expect(c.logger.records.filter((r) => r.level === 'error')).toEqual([]);
    });
  }

  it('should not answer a bare number that names no clause, and say what it takes', async () => {
    const c = createConversation();
    for (const text of ['1', '-5', '1e309', 'NaN%']) {
      await c.send(text);
      expect(c.text, text).not.toContain('依据：');
    }
    for (const text of ['-5', '1e309']) {
      await c.send(text);
      expect(c.text, text).toContain('3.2.6');
    }
    // A number that is a part of the plan lists that part's clauses; one that is not says which exist.
    await c.send('1');
    expect(c.replies[0]?.choices?.map((ch) => ch.label.split(' ')[0])).toEqual(['一（一）', '一（二）', '一（三）']);
    // Under those three options, 12 names no option; in a fresh chat it names no clause either.
    await c.send('12');
    expect(c.text).toContain('没有第 12 项');
    const fresh = createConversation();
    await fresh.send('12');
    expect(fresh.text).toContain('方案中没有编号为 12 的条款');
    expect(fresh.text).toContain('3.2.1–3.2.10');
  });

  it('should tell a user whose question is too long how long it may be', async () => {
    const c = createConversation();
    await c.send('研'.repeat(10_000));
    expect(c.text).toContain('500');
  });

  it('should answer with a polite fallback and log the code when the store fails', async () => {
    const failing = new MemoryStore();
    failing.get = async () => {
      throw new Error('disk gone');
    };
    const c = createConversation({ store: failing });
    await c.send('研发人员比例');
    expect(c.text).toContain('抱歉');
    expect(c.logger.records.some((r) => r.level === 'error' && r.obj.code === 'internal')).toBe(true);
    expect(JSON.stringify(c.logger.records)).not.toContain('研发人员比例');
  });
});

describe('odd input, generated', () => {
  // A fixed seed keeps the run repeatable; the alphabet mixes what chat users actually paste.
  const ALPHABET = [
    ...'研发费用占比多少钱几天谁哪些吗？，。！《》〔〕（）()[]{}<>*_`~#|\\/%$&@!?:;\'"',
    '\u0000',
    '\u001b',
    '\u200b',
    '\ufeff',
    '😀',
    '👍🏽',
    '\n',
    '\t',
    ' ',
    '1e309',
    'NaN',
    '-5',
    '３０％',
    'é',
    'ع',
  ];
  let seed = 20171205;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  it('should answer 300 generated messages without an error and without touching stored state', async () => {
    const store = new MemoryStore();
    const c = createConversation({ store });
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      if (text.trimStart().startsWith('/lang')) continue;
      const replies = await c.send(text);
      expect(replies.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(replies[0]?.text).not.toContain('抱歉');
    }
    // A message the Q&A answers keeps its context for a follow-up; nothing else is stored.
    expect((await snapshot(store)).filter(([key]) => !key.startsWith(QA_CONTEXT_PREFIX))).toEqual([]);
    expect(c.logger.records.filter((r) => r.level === 'error')).toEqual([]);
  });
});
