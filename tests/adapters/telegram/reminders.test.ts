import { afterEach, describe, expect, it } from 'vitest';
import { listCenters } from '../../../src/centers/index.ts';
import {
  createBotCore,
  createEligibilityFeature,
  createQaFeature,
  createRemindersFeature,
  DEFAULT_REMINDER_SETTINGS,
  MemoryStore,
  type ReminderEngine,
} from '../../../src/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { createRecordingLogger, knowledge } from '../../helpers/conversation.ts';
import { type ChatSpec, type FakeBotApi, parseTelegramHtml, type RecordedCall } from './fake-bot-api.ts';
import { startStack, type TelegramStack } from './harness.ts';

type Button = { text: string; callback_data?: string };
const buttons = (call: RecordedCall | undefined): Button[] =>
  (call?.params.reply_markup as { inline_keyboard: Button[][] } | undefined)?.inline_keyboard.flat() ?? [];
const plain = (call: RecordedCall | undefined): string => parseTelegramHtml(String(call?.params.text ?? ''));

let stack: TelegramStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const STAFF = -100999;

/** The product's features with the reminder engine handed out, over a stepping clock. */
async function remindersStack(api?: FakeBotApi) {
  const clock = steppingClock('2025-12-30T10:00:00+08:00');
  const store = new MemoryStore({ clock });
  let engine: ReminderEngine | undefined;
  const core = createBotCore({
    knowledge: knowledge(),
    store,
    clock,
    logger: createRecordingLogger(),
    features: [
      createEligibilityFeature(),
      createRemindersFeature({
        settings: { ...DEFAULT_REMINDER_SETTINGS, staffChats: [`telegram:${STAFF}`] },
        tickerEnabled: false,
        onEngine: (e) => {
          engine = e;
        },
      }),
      createQaFeature(),
    ],
  });
  const s = await startStack({ core, store, clock, ...(api ? { api } : {}) });
  if (!engine) throw new Error('no engine');
  return { s, clock, engine, store };
}

async function say(s: TelegramStack, chat: ChatSpec, text: string): Promise<RecordedCall | undefined> {
  const before = s.api.sentTo(chat.chatId).length;
  s.api.push(s.api.text(chat, text));
  await s.api.waitFor(() => s.api.sentTo(chat.chatId).length > before);
  return s.api.sentTo(chat.chatId).at(-1);
}

async function press(s: TelegramStack, chat: ChatSpec, message: RecordedCall, label: RegExp) {
  const data = buttons(message).find((b) => label.test(b.text))?.callback_data;
  const id = [...s.api.sentMessages.entries()].find(
    ([, m]) => m.chatId === chat.chatId && m.text === plain(message),
  )?.[0];
  if (!data || id === undefined) throw new Error(`no button ${label}`);
  const before = s.api.sentTo(chat.chatId).length;
  s.api.push(s.api.press(chat, id, data));
  await s.api.waitFor(() => s.api.sentTo(chat.chatId).length > before);
  return s.api.sentTo(chat.chatId).at(-1);
}

async function subscribe(s: TelegramStack, chat: ChatSpec, name: string): Promise<void> {
  await say(s, chat, '/subscribe');
  await say(s, chat, name);
  await say(s, chat, '渝北');
  const status = await say(s, chat, '2024-03-15');
  if (!status) throw new Error('no status question');
  const confirmed = await press(s, chat, status, /经认定/);
  expect(plain(confirmed)).toContain(name);
}

describe('telegram adapter: reminders', () => {
  it('should deliver a due reminder with working 稍后提醒 and 已提交 buttons', async () => {
    const { s, clock, engine } = await remindersStack();
    stack = s;
    const chat = { chatId: 5151, userId: 5151 };
    await subscribe(s, chat, '渝北测试中心');

    clock.set('2026-01-01T09:00:00+08:00');
    const reports = await engine.tick();
    expect(reports.map((r) => [r.chat, r.result])).toEqual([['telegram:5151', 'ok']]);
    const reminder = s.api.sentTo(chat.chatId).at(-1);
    expect(plain(reminder)).toContain('渝北测试中心');
    const labels = buttons(reminder).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['已提交', '稍后提醒']));

    if (!reminder) throw new Error('no reminder');
    const snoozed = await press(s, chat, reminder, /稍后提醒/);
    expect(plain(snoozed)).toContain('2026-01-02 09:00');

    clock.step(24 * 3_600_000);
    const again = await engine.tick();
    expect(again.map((r) => [r.chat, r.result])).toEqual([['telegram:5151', 'ok']]);
    const second = s.api.sentTo(chat.chatId).at(-1);
    if (!second) throw new Error('no second reminder');
    const acked = await press(s, chat, second, /已提交/);
    expect(plain(acked)).toMatch(/已/);
    clock.step(7 * 24 * 3_600_000);
    expect(await engine.tick()).toEqual([]);
  });

  it('should send /calendar as an .ics document', async () => {
    const { s } = await remindersStack();
    stack = s;
    const chat = { chatId: 5252, userId: 5252 };
    await subscribe(s, chat, '日历中心');
    s.api.push(s.api.text(chat, '/calendar'));
    await s.api.waitFor(() => s.api.callsOf('sendDocument').some((c) => Number(c.params.chat_id) === chat.chatId));
    const doc = s.api.callsOf('sendDocument').find((c) => Number(c.params.chat_id) === chat.chatId);
    expect(doc?.files[0]?.filename).toMatch(/\.ics$/);
    expect(doc?.files[0]?.content.toString('utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('should report blocked on 403, pausing the chat and telling STAFF_CHATS', async () => {
    const { s, clock, engine, store } = await remindersStack();
    stack = s;
    const chat = { chatId: 6161, userId: 6161 };
    await subscribe(s, chat, '被屏蔽中心');
    s.api.intercept = (call) =>
      call.method === 'sendMessage' && Number(call.params.chat_id) === chat.chatId
        ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }
        : undefined;

    clock.set('2026-01-01T09:00:00+08:00');
    const reports = await engine.tick();
    expect(reports.find((r) => r.chat === 'telegram:6161')?.result).toBe('blocked');
    await s.api.waitFor(() => s.api.sentTo(STAFF).length > 0);
    expect(plain(s.api.sentTo(STAFF)[0])).toContain('被屏蔽中心');
    const center = (await listCenters(store)).find((c) => c.name === '被屏蔽中心');
    expect(center?.chats ?? []).not.toContain('telegram:6161');
  });
});
