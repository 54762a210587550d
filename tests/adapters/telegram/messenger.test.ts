import { afterEach, describe, expect, it } from 'vitest';
import { createPacer } from '../../../adapters/telegram/index.ts';
import { parseTelegramHtml } from './fake-bot-api.ts';
import { startStack, type TelegramStack } from './harness.ts';

let stack: TelegramStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

describe('telegram messenger', () => {
  it('should honour retry_after on a 429 and deliver the message exactly once after that wait', async () => {
    stack = await startStack({ polling: false });
    const api = stack.api;
    let refused = 0;
    api.intercept = (call) => {
      if (call.method !== 'sendMessage' || refused) return undefined;
      refused += 1;
      return {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      };
    };
    const result = await stack.telegram.messenger.send('telegram:700', { text: '甲中心：请报送年度工作总结。' });
    expect(result).toBe('ok');
    const sends = api.callsOf('sendMessage');
    expect(sends).toHaveLength(2);
    const [first, second] = sends;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
    // The fake server recorded the refused attempt and the delivered one: one message reached the chat.
    expect([...api.sentMessages.values()].filter((m) => m.chatId === 700)).toHaveLength(1);
  });

  it('should retry a dropped connection a bounded number of times', async () => {
    stack = await startStack({ polling: false, adapter: { retry: { networkDelayMs: 10 } } });
    const api = stack.api;
    let drops = 1;
    api.intercept = (call) => {
      if (call.method !== 'sendMessage' || drops <= 0) return undefined;
      drops -= 1;
      return { ok: false, error_code: -1 };
    };
    expect(await stack.telegram.messenger.send('telegram:710', { text: '一' })).toBe('ok');
    expect(api.callsOf('sendMessage')).toHaveLength(2);
    drops = 100;
    expect(await stack.telegram.messenger.send('telegram:711', { text: '二' })).toBe('failed');
    // The first attempt and three retries.
    expect(api.sentTo(711)).toHaveLength(4);
  });

  it('should return blocked on 403 and failed on another error, without retrying either', async () => {
    stack = await startStack({ polling: false });
    const api = stack.api;
    api.intercept = (call) => {
      if (call.method !== 'sendMessage') return undefined;
      const chat = Number(call.params.chat_id);
      if (chat === 1)
        return { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' };
      if (chat === 2) return { ok: false, error_code: 400, description: 'Bad Request: chat not found' };
      return undefined;
    };
    expect(await stack.telegram.messenger.send('telegram:1', { text: 'x' })).toBe('blocked');
    expect(await stack.telegram.messenger.send('telegram:2', { text: 'x' })).toBe('failed');
    expect(await stack.telegram.messenger.send('slack:C1', { text: 'x' })).toBe('failed');
    expect(await stack.telegram.messenger.send('telegram:3', { text: 'x' })).toBe('ok');
    expect(api.callsOf('sendMessage')).toHaveLength(3);
  });

  it('should send a reply with a document as a message and a sendDocument upload', async () => {
    stack = await startStack({ polling: false });
    const content = new TextEncoder().encode('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const r = await stack.telegram.messenger.send('telegram:800', {
      text: '日历文件 <1> & 2',
      document: { filename: 'reminders.ics', mimeType: 'text/calendar', content },
    });
    expect(r).toBe('ok');
    const [msg, doc] = stack.api.sentTo(800);
    expect(parseTelegramHtml(String(msg?.params.text))).toBe('日历文件 <1> & 2');
    expect(doc?.method).toBe('sendDocument');
    expect(doc?.files[0]?.filename).toBe('reminders.ics');
    expect(doc?.files[0]?.content.toString('utf8')).toContain('VCALENDAR');
  });

  it('should shorten a button value over 64 bytes and route its press back to the full value', async () => {
    stack = await startStack();
    const long = `clause:${'x'.repeat(80)}`;
    await stack.telegram.messenger.send('telegram:900', { text: '选择', choices: [{ label: '长', value: long }] });
    const markup = stack.api.sentTo(900)[0]?.params.reply_markup as
      | { inline_keyboard: { callback_data: string }[][] }
      | undefined;
    const data = markup?.inline_keyboard[0]?.[0]?.callback_data;
    expect(Buffer.byteLength(data ?? '')).toBeLessThanOrEqual(64);
    expect(await stack.store.get(`tg:cb:${data}`)).toBe(long);
  });
});

describe('pacer', () => {
  it('should space calls at the fake server by the configured rates (lower bounds)', async () => {
    stack = await startStack({
      polling: false,
      adapter: { pacer: { perSecond: 50, perChatIntervalMs: 100, perGroupPerMinute: 1200 } },
    });
    const api = stack.api;
    const chats = ['telegram:11', 'telegram:12', 'telegram:13', 'telegram:-1004'] as const;
    const sends = chats.flatMap((chat) =>
      [1, 2, 3].map((n) => stack?.telegram.messenger.send(chat, { text: `第${n}条` }) ?? Promise.resolve('failed')),
    );
    expect(await Promise.all(sends)).toEqual(Array(12).fill('ok'));
    const calls = api.callsOf('sendMessage');
    expect(calls).toHaveLength(12);
    // Arrival times carry the jitter of the loopback and of this busy process (the fake server shares its
    // event loop; under the full suite a request can arrive some ms late): each gap may fall short of the
    // configured spacing by at most JITTER, and the span of n calls is at least (n − 1) spacings minus
    // JITTER. Unpaced, all twelve calls would arrive within a few ms of each other.
    const JITTER = 25;
    const spaced = (at: number[], spacing: number) => {
      for (let i = 1; i < at.length; i += 1)
        expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(spacing - JITTER);
      expect((at.at(-1) ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual((at.length - 1) * spacing - JITTER);
    };
    // Overall: 50/s → 20 ms between consecutive calls.
    spaced(
      calls.map((c) => c.at).sort((a, b) => a - b),
      20,
    );
    // Per chat: 100 ms in a private chat, 60 000 / 1200 = 50 ms in a group.
    for (const chat of chats) {
      const id = Number(chat.slice('telegram:'.length));
      spaced(
        calls.filter((c) => Number(c.params.chat_id) === id).map((c) => c.at),
        id < 0 ? 50 : 100,
      );
    }
  });

  it('should reserve slots in arrival order with an injected clock', async () => {
    let now = 0;
    const pacer = createPacer({ perSecond: 10, perChatIntervalMs: 1000, now: () => now });
    const ran: string[] = [];
    const a = pacer.run(1, async () => ran.push('a'));
    expect(ran).toEqual(['a']);
    now = 0;
    const b = pacer.run(2, async () => ran.push('b'));
    expect(pacer.pending).toBe(1);
    await Promise.all([a, b]);
    expect(ran).toEqual(['a', 'b']);
  });
});
