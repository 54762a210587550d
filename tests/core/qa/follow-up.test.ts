import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeCore } from '../../../adapters/compose.ts';
import { createStore } from '../../../adapters/storage/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { loadFollowUpVocabulary } from '../../../src/knowledge-base/index.ts';
import {
  answerConversation,
  createContextStore,
  createConversationalQa,
  createQaEngine,
  QA_CONTEXT_PREFIX,
} from '../../../src/qa/index.ts';
import { MemoryStore } from '../../../src/state/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { createConversation, createRecordingLogger, knowledge } from '../../helpers/conversation.ts';

const MINUTE = 60_000;

/** The clause a reply quotes as its answer (its 依据 line), or undefined for an abstention. */
const basis = (text: string) => /依据：([^\s（(]+(?:（[一二三四五六七八九十]+）[0-9]*)?)/.exec(text)?.[1];
/** The clause ids behind a reply's buttons. */
const buttons = (replies: { choices?: { value: string }[] }[]) =>
  replies.flatMap((r) => r.choices ?? []).map((c) => c.value.split('/').pop());

describe('Q&A follow-ups', () => {
  it('should read 那研发经费呢 after the R&D staff figures as the R&D spending share (三（二）7)', async () => {
    const chat = createConversation();
    await chat.send('研发人员40个，总共150人');
    expect(basis(chat.text)).toBe('三（二）6');
    await chat.send('那研发经费呢？');
    expect(basis(chat.text)).toBe('三（二）7');
    expect(chat.text).toContain('不低于30%');
    // The reply says how it read the follow-up.
    expect(chat.text).toContain('接上一问');
  });

  it('should read 那研发经费呢 after a ratio question the same way', async () => {
    const chat = createConversation();
    await chat.send('研发人员要占多少比例');
    expect(basis(chat.text)).toBe('三（二）6');
    await chat.send('那研发经费呢');
    expect(basis(chat.text)).toBe('三（二）7');
  });

  it('should read 那设备能算进去吗 after the founding capital question within 三（一）4', async () => {
    const chat = createConversation();
    await chat.send('组建资金要多少');
    expect(basis(chat.text)).toBe('三（一）4');
    await chat.send('那设备能算进去吗');
    expect(basis(chat.text)).toBe('三（一）4');
    expect(chat.text).toContain('含研发设备投入');
  });

  it('should switch the subject to the lead unit and not give the center’s figure as its figure', async () => {
    const chat = createConversation();
    await chat.send('创新中心研发费用占比有什么要求');
    expect(basis(chat.text)).toBe('三（二）7');
    const replies = await chat.send('那牵头单位呢？');
    // 三（三）4 asks the lead unit for 较高或持续的研发投入 and sets no share: no 30% as its answer.
    expect(basis(chat.text)).toBeUndefined();
    expect(chat.text).not.toMatch(/^不低于30%/m);
    expect(chat.text).toContain('没有规定具体比例');
    expect(buttons(replies)[0]).toBe('3.3.4');
  });

  it('should read an English "and for the lead unit?" against the last English question', async () => {
    const chat = createConversation();
    await chat.send('/lang en');
    await chat.send('What share of R&D spending is required?');
    expect(chat.text).toMatch(/三（二）7/);
    const replies = await chat.send('and for the lead unit?');
    expect(chat.text).toContain('Read with your previous question');
    expect(buttons(replies)[0]).toBe('3.3.4');
    expect(chat.text).not.toMatch(/^不低于30%/m);
  });

  it('should answer a bare question word about the last topic', async () => {
    const chat = createConversation();
    await chat.send('专项支持给几年');
    expect(basis(chat.text)).toBe('四（二）');
    await chat.send('多少？');
    // Read as 专项支持多少: the plan gives no amount, and says so instead of "no content".
    expect(chat.text).toContain('接上一问');
    expect(chat.text).toContain('没有规定具体金额');
  });

  it('should leave a self-contained second question unaffected', async () => {
    const alone = createConversation();
    await alone.send('研发费用占比有什么要求');
    const expected = alone.text;

    const chat = createConversation();
    await chat.send('组建资金要多少');
    await chat.send('研发费用占比有什么要求');
    expect(chat.text).toBe(expected);
    expect(chat.text).not.toContain('接上一问');
  });

  it('should forget the context after QA_CONTEXT_MINUTES, measured by the injected clock', async () => {
    const clock = steppingClock();
    const chat = createConversation({ clock });
    await chat.send('研发人员要占多少比例');
    clock.step(29 * MINUTE);
    await chat.send('那研发经费呢');
    expect(basis(chat.text)).toBe('三（二）7');
    // The follow-up set a new context; after 30 more minutes it is gone.
    clock.step(30 * MINUTE);
    await chat.send('那研发经费呢');
    expect(chat.text).not.toContain('接上一问');
  });

  it('should keep the contexts of two users and of two chats apart', async () => {
    const store = new MemoryStore();
    const a = createConversation({ store, user: 'telegram:1' });
    const b = createConversation({ store, user: 'telegram:2' });
    await a.send('研发人员要占多少比例');
    await b.send('组建资金要多少');
    await a.send('那研发经费呢');
    expect(basis(a.text)).toBe('三（二）7');
    await b.send('那设备能算进去吗');
    expect(basis(b.text)).toBe('三（一）4');
    // The same user in another chat starts afresh.
    const other = await a.core.handle({
      platform: 'telegram',
      chat: 'telegram:-100',
      user: 'telegram:1',
      text: '那研发经费呢',
    });
    expect(other.map((r) => r.text).join('\n')).not.toContain('接上一问');
  });

  it('should keep the context across a restart on the same SQLite store', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qa-context-')), 'bot.sqlite');
    const clock = steppingClock();
    const first = await createStore(`sqlite://${file}`);
    await createConversation({ store: first, clock }).send('组建资金要多少');
    await first.close();

    const second = await createStore(`sqlite://${file}`);
    try {
      clock.step(5 * MINUTE);
      const chat = createConversation({ store: second, clock });
      await chat.send('那设备能算进去吗');
      expect(basis(chat.text)).toBe('三（一）4');
      expect(chat.text).toContain('接上一问');
    } finally {
      await second.close();
    }
  });

  it('should ignore a stored context that does not validate', async () => {
    const store = new MemoryStore();
    await store.set(`${QA_CONTEXT_PREFIX}telegram:42:telegram:42`, { v: 0, clause: 42 });
    const chat = createConversation({ store });
    await chat.send('那研发经费呢');
    expect(chat.text).not.toContain('接上一问');
  });

  it('should keep the previous context when a turn is not answered', async () => {
    const chat = createConversation();
    await chat.send('研发人员要占多少比例');
    await chat.send('重庆明天会下雨吗？');
    await chat.send('那研发经费呢');
    expect(basis(chat.text)).toBe('三（二）7');
  });
});

describe('follow-up reading', () => {
  const kb = knowledge();
  const reader = createConversationalQa(kb, createQaEngine(kb), loadFollowUpVocabulary(kb));

  it('should treat openers, closers, pronouns and bare question words as elliptical', () => {
    expect(reader.ellipsis('那研发经费呢？')?.form).toBe('topic');
    expect(reader.ellipsis('那牵头单位呢？')?.form).toBe('subject');
    expect(reader.ellipsis('多少？')?.form).toBe('question');
    expect(reader.ellipsis('要多久？')?.form).toBe('question');
    expect(reader.ellipsis('哪个部门？')?.form).toBe('question');
    expect(reader.ellipsis('它由谁负责')?.form).toBe('question');
    expect(reader.ellipsis('那设备能算进去吗')?.form).toBe('within');
    expect(reader.ellipsis('and for the lead unit?')?.form).toBe('subject');
    expect(reader.ellipsis('what about the alliance?')?.form).toBe('subject');
  });

  it('should treat a full question as self-contained', () => {
    for (const q of [
      '研发费用占比有什么要求',
      '创新中心要满足什么条件呢',
      '这个方案什么时候发的',
      '那些企业可以申请',
      '哪个部门负责认定',
      'What share of R&D spending is required?',
    ]) {
      expect(reader.ellipsis(q), q).toBeUndefined();
    }
  });

  it('should store the subject, the kind asked and the key terms of an answered turn', async () => {
    const store = new MemoryStore();
    const clock = steppingClock();
    const contexts = createContextStore({ store, clock, minutes: 30 });
    const turn = reader.ask('创新中心研发费用占比有什么要求');
    expect(turn.context).toMatchObject({ clause: '3.2.7', section: '3.2', kind: 'ratio', subject: 'center' });
    expect(turn.context?.terms).toContain('研发费用');
    if (turn.context) await contexts.save('telegram:1', 'telegram:1', turn.context);
    expect(await contexts.load('telegram:1', 'telegram:1')).toMatchObject({ clause: '3.2.7' });
    clock.step(30 * MINUTE);
    expect(await contexts.load('telegram:1', 'telegram:1')).toBeUndefined();
  });
});

describe('follow-ups that continue the procedure or the last topic', () => {
  const clauses = (lines: string[]) =>
    answerConversation(lines).map((d) => (d.abstained ? 'abstained' : d.answers[0]?.clause));

  it('should answer 然后呢 after a step of the procedure with the next step', () => {
    expect(clauses(['建设方案由谁来编制', '然后呢', '接下来呢？'])).toEqual(['4.1', '4.2', '4.3']);
    // The step just answered named in a word (认定以后呢) is followed by the next one.
    expect(clauses(['方案交上去以后怎么评定', '认定以后呢？'])).toEqual(['4.2', '4.3']);
    expect(clauses(['Who prepares the construction plan?', 'what happens next?', 'and then?'])).toEqual([
      '4.1',
      '4.2',
      '4.3',
    ]);
    // A next step with a topic of its own is a question of its own.
    expect(answerConversation(['建设方案由谁来编制', '然后专项资金给多少'])[1]).toMatchObject({
      abstained: true,
      reason: 'detail_missing',
    });
  });

  it('should read a short question the plan answers nowhere alone against the last topic', () => {
    const [, alone] = answerConversation(['研发人员要占多少', '几年一回？']);
    expect(alone?.abstained).toBe(true);
    const [, read] = answerConversation(['认定以后要评估吗', '几年一回？']);
    expect(read?.answers[0]?.clause).toBe('4.3');
    // An abstention for a reason of its own stands: taxes are no part of the plan.
    expect(answerConversation(['认定以后要评估吗', '税率多少？'])[1]?.abstained).toBe(true);
    // A short message asking no detail of the last topic is not read into it.
    expect(answerConversation(['认定以后要评估吗', '明天会下雨吗？'])[1]?.abstained).toBe(true);
  });

  it('should answer a question about the last topic by its clause when that ranks close', () => {
    // The annual summary (四（三）) is handed in; 四（二） (the construction plan) is handed in too.
    expect(clauses(['认定以后每年要报什么材料', '交给哪个？'])).toEqual(['4.3', '4.3']);
    // "For …" opens a follow-up in English.
    expect(clauses(['Do recognised centers receive funding?', 'For how many years?'])).toEqual(['4.2', '4.2']);
    // 这个工程 is the programme, not a pronoun for the last topic: a question of its own.
    expect(clauses(['组建资金最少多少', '市经信委在这个工程里负责什么？'])).toEqual(['3.1.4', '4']);
    // 根据啥子定 asks what the last topic is decided by.
    expect(clauses(['技术路线图是哪个来定的', '根据啥子定'])).toEqual(['3.2.8', '3.2.8']);
  });

  it('should judge the asker’s figures for the last topic’s threshold, the quantity named before', () => {
    const [, en] = answerConversation([
      "What share of the host company's workforce has to be R&D staff?",
      'We have 50 out of 200, does that pass?',
    ]);
    expect(en?.answers[0]?.clause).toBe('3.2.6');
    expect(en?.check).toMatchObject({ clause: '3.2.6', value: 25, threshold: 30, met: false });
    // The question stays as typed.
    expect(en?.question).toBe('We have 50 out of 200, does that pass?');
    // Figures of the last question are not judged again for a new one.
    const [, , next] = answerConversation(['组建资金最少要投多少', '我们凑了九百万，够不够', '到2020年要培育几个']);
    expect(next?.answers[0]?.clause).toBe('1.2');
    expect(next?.check).toBeUndefined();
  });

  it('should keep a new topic of the same subject in the last section', () => {
    // The lead unit's R&D investment (三（三）4) ranks first on the words alone.
    expect(
      clauses(["What is the minimum share of a center's employees working on R&D?", 'and for R&D costs?']),
    ).toEqual(['3.2.6', '3.2.7']);
    // Too thin as a new topic, it is read within the last one with its terms.
    expect(clauses(['Are centers evaluated regularly?', 'and if a center fails?'])).toEqual(['4.3', '4.3']);
  });
});

describe('answerConversation', () => {
  it('should give the ask --json documents of one user’s consecutive messages, each question as typed', () => {
    const docs = answerConversation([
      '研发人员40个，总共150人',
      '那研发经费呢？',
      '重庆明天会下雨吗？',
      '那设备能算进去吗',
    ]);
    expect(docs.map((d) => d.question)).toEqual([
      '研发人员40个，总共150人',
      '那研发经费呢？',
      '重庆明天会下雨吗？',
      '那设备能算进去吗',
    ]);
    expect(docs[0]?.check).toMatchObject({ clause: '3.2.6', met: false });
    expect(docs[1]?.answers[0]?.clause).toBe('3.2.7');
    expect(docs[2]?.abstained).toBe(true);
    // Each line of a plain batch is a fresh conversation; here the context of 3.2.7 is kept.
    expect(answerConversation(['那研发经费呢？'])[0]?.answers[0]?.clause).not.toBe('3.2.7');
  });
});

describe('QA_CONTEXT_MINUTES', () => {
  it('should default to 30 and reject a value that is not a whole number of minutes, naming the variable', () => {
    expect(loadConfig({}).QA_CONTEXT_MINUTES).toBe(30);
    expect(loadConfig({ QA_CONTEXT_MINUTES: '5' }).QA_CONTEXT_MINUTES).toBe(5);
    expect(() => loadConfig({ QA_CONTEXT_MINUTES: 'half an hour' })).toThrow(/QA_CONTEXT_MINUTES is invalid.*minutes/);
    expect(() => loadConfig({ QA_CONTEXT_MINUTES: '0' })).toThrow(/QA_CONTEXT_MINUTES/);
  });

  it('should keep a context for the configured minutes when composed with that setting', async () => {
    const clock = steppingClock();
    const store = new MemoryStore({ clock });
    const core = composeCore({
      knowledge: knowledge(),
      store,
      logger: createRecordingLogger(),
      clock,
      qaContextMinutes: 5,
    });
    const say = async (text: string) =>
      (await core.handle({ platform: 'telegram', chat: 'telegram:7', user: 'telegram:7', text }))
        .map((r) => r.text)
        .join('\n');
    await say('研发人员要占多少比例');
    clock.step(4 * MINUTE);
    expect(await say('那研发经费呢')).toContain('接上一问');
    clock.step(5 * MINUTE);
    expect(await say('那研发经费呢')).not.toContain('接上一问');
  });
});
