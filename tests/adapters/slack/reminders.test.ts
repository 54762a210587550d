import { afterEach, describe, expect, it } from 'vitest';
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
import { buttonsOf, shown } from './fake-slack-api.ts';
import { blockAction, FORM_TYPE, post, postedMessage, type SlackStack, say, startStack } from './harness.ts';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const STAFF = 'C0STAFF';

/** The product's features with the reminder engine handed out, over a stepping clock. */
async function remindersStack() {
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
        settings: { ...DEFAULT_REMINDER_SETTINGS, staffChats: [`slack:${STAFF}`] },
        tickerEnabled: false,
        onEngine: (e) => {
          engine = e;
        },
      }),
      createQaFeature(),
    ],
  });
  const s = await startStack({ core, store, clock });
  if (!engine) throw new Error('no engine');
  return { s, clock, engine, store };
}

/** Presses the button labelled `label` on the last message in `channel`; resolves with the next reply. */
async function press(s: SlackStack, user: string, channel: string, label: RegExp) {
  const message = postedMessage(s, channel);
  const button = buttonsOf(message).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${label}`);
  const before = s.api.postedTo(channel).length;
  const updates = s.api.callsOf('chat.update').length;
  await post(s.url, blockAction(user, button, { channel, message }), FORM_TYPE);
  await s.api.waitFor(() => s.api.postedTo(channel).length > before);
  // The pressed message lost its buttons.
  expect(s.api.callsOf('chat.update')).toHaveLength(updates + 1);
  expect(buttonsOf(postedMessage(s, channel, -2))).toEqual([]);
  return s.api.postedTo(channel).at(-1)?.params;
}

async function subscribe(s: SlackStack, user: string, channel: string, name: string): Promise<void> {
  await say(s, user, channel, 'subscribe');
  await say(s, user, channel, name);
  await say(s, user, channel, '渝北');
  await say(s, user, channel, '2024-03-15');
  const confirmed = await press(s, user, channel, /经认定/);
  expect(shown(confirmed)).toContain(name);
}

describe('slack adapter: reminders', { timeout: 30_000 }, () => {
  it('should deliver a due reminder whose 稍后提醒 and 已提交 buttons work', async () => {
    const { s, clock, engine } = await remindersStack();
    stack = s;
    const [user, channel] = ['U0REM', 'D0REM'];
    await subscribe(s, user, channel, '渝北测试中心');

    clock.set('2026-01-01T09:00:00+08:00');
    const reports = await engine.tick();
    expect(reports.map((r) => [r.chat, r.result])).toEqual([[`slack:${channel}`, 'ok']]);
    const reminder = s.api.postedTo(channel).at(-1)?.params;
    expect(shown(reminder)).toContain('渝北测试中心');
    expect(buttonsOf(reminder).map((b) => b.label)).toEqual(expect.arrayContaining(['已提交', '稍后提醒']));

    const snoozed = await press(s, user, channel, /稍后提醒/);
    expect(shown(snoozed)).toContain('2026-01-02 09:00');

    clock.step(24 * 3_600_000);
    const again = await engine.tick();
    expect(again.map((r) => [r.chat, r.result])).toEqual([[`slack:${channel}`, 'ok']]);
    const acked = await press(s, user, channel, /已提交/);
    expect(shown(acked)).toMatch(/已/);
    clock.step(7 * 24 * 3_600_000);
    expect(await engine.tick()).toEqual([]);
  });

  it('should report blocked for channel_not_found and tell STAFF_CHATS', async () => {
    const { s, clock, engine } = await remindersStack();
    stack = s;
    const [user, channel] = ['U0GONE', 'D0GONE'];
    await subscribe(s, user, channel, '被移除中心');
    s.api.intercept = (call) =>
      call.method === 'chat.postMessage' && call.params.channel === channel
        ? { body: { ok: false, error: 'channel_not_found' } }
        : undefined;
    clock.set('2026-01-01T09:00:00+08:00');
    const reports = await engine.tick();
    expect(reports.find((r) => r.chat === `slack:${channel}`)?.result).toBe('blocked');
    await s.api.waitFor(() => s.api.postedTo(STAFF).length > 0);
    expect(shown(s.api.postedTo(STAFF)[0]?.params)).toContain('被移除中心');
  });
});
