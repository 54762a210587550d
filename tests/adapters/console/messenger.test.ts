import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CHAT, createConsoleChat } from '../../../adapters/console/index.ts';
import { addCenter } from '../../../src/centers/index.ts';
import {
  type BotCore,
  createBotCore,
  createQaFeature,
  type IncomingMessage,
  MemoryStore,
  type Reply,
} from '../../../src/index.ts';
import { createRemindersFeature, type ReminderEngine } from '../../../src/reminders/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { createRecordingLogger, knowledge } from '../../helpers/conversation.ts';

/** A core that records what it is given and answers every message with its text or pressed value. */
function echoCore(): BotCore & { seen: IncomingMessage[] } {
  const seen: IncomingMessage[] = [];
  return {
    seen,
    features: [],
    async handle(message) {
      seen.push(message);
      return [{ text: `got ${message.choice ?? message.text}` }];
    },
    registerMessenger() {},
    async home() {
      return { locale: 'zh-CN' as const, sections: [] };
    },
    async start() {},
    async stop() {},
  };
}

const reminder: Reply = {
  text: '甲中心：请于 2025-01-31 前报送 2024 年度工作总结。',
  choices: [
    { label: '已提交', value: 'rem:ack:k1' },
    { label: '稍后提醒', value: 'rem:snooze:k1' },
    { label: '查看原文', value: 'rem:why:4.3' },
  ],
};

describe('console messenger', () => {
  it('should print a due reminder into the chat with numbered buttons that typing a number presses', async () => {
    const core = echoCore();
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    const chat = createConsoleChat({ core, input, output, interactive: false });
    const running = chat.run();

    expect(await chat.messenger.send(CONSOLE_CHAT, reminder)).toBe('ok');
    expect(out).toContain('甲中心：请于 2025-01-31 前报送 2024 年度工作总结。');
    expect(out).toContain('[1] 已提交');
    expect(out).toContain('[2] 稍后提醒');
    expect(out).toContain('[3] 查看原文');

    input.end('2\n');
    await running;
    expect(core.seen).toEqual([
      { platform: 'console', chat: CONSOLE_CHAT, user: CONSOLE_CHAT, choice: 'rem:snooze:k1' },
    ]);
    expect(out).toContain('got rem:snooze:k1');
  });

  it('should fail a send to another chat, and any send once the chat has ended', async () => {
    const core = echoCore();
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const chat = createConsoleChat({ core, input, output, interactive: false });
    const running = chat.run();
    expect(await chat.messenger.send('console:other', reminder)).toBe('failed');
    input.end();
    await running;
    expect(await chat.messenger.send(CONSOLE_CHAT, reminder)).toBe('failed');
  });

  it('should print a reminder the engine sends to the terminal chat, and take a typed number as its button', async () => {
    const clock = steppingClock('2025-12-31T12:00:00+08:00');
    const store = new MemoryStore({ clock });
    await addCenter(store, { name: '终端中心', recognized: '2024-03-15', chats: [CONSOLE_CHAT], registeredBy: 'cli' });
    let engine: ReminderEngine | undefined;
    const core = createBotCore({
      knowledge: knowledge(),
      store,
      clock,
      logger: createRecordingLogger(),
      features: [
        createRemindersFeature({
          tickerEnabled: false,
          onEngine: (e) => {
            engine = e;
          },
        }),
        createQaFeature(),
      ],
    });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    const chat = createConsoleChat({ core, input, output, interactive: false });
    core.registerMessenger('console', chat.messenger);
    const running = chat.run();

    clock.set('2026-01-01T09:00:00+08:00');
    const reports = await engine?.tick();
    expect(reports?.map((r) => [r.chat, r.result])).toEqual([[CONSOLE_CHAT, 'ok']]);
    expect(out).toContain('终端中心');
    const numbered = [...out.matchAll(/\[(\d)\] (.+)/g)].map((m) => m[2]);
    expect(numbered.length).toBeGreaterThan(1);
    const why = numbered.findIndex((label) => /原文/.test(label ?? ''));
    expect(why).toBeGreaterThanOrEqual(0);

    input.end(`${why + 1}\n`);
    await running;
    expect(out).toContain('市经济信息委');
  });
});
