import { describe, expect, it } from 'vitest';
import { addCenter, listCenters } from '../../../src/centers/index.ts';
import type { ChatRef, DeliveryResult, FeatureDeps, Messenger, Turn } from '../../../src/index.ts';
import { createBotCore, MemoryStore } from '../../../src/index.ts';
import {
  createReminderEngine,
  DEFAULT_REMINDER_SETTINGS,
  loadDuties,
  REMINDER_KEYS,
  type ReminderEngine,
} from '../../../src/reminders/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { knowledge } from '../../helpers/conversation.ts';
import { engineFor, recordingMessenger, silentLogger } from './engine-harness.ts';

const HOUR = 3_600_000;
const at9 = (day: string) => new Date(`${day}T09:00:00+08:00`);

/** A turn pressing `choice` in `chat`. */
function press(chat: ChatRef, choice: string): Turn & { choice: string } {
  return {
    message: { platform: 'telegram', chat, user: 'telegram:42', choice },
    chat,
    user: 'telegram:42',
    locale: 'zh-CN',
    text: '',
    choice,
    askPolicy: async () => undefined,
  };
}

/** A store with one recognised center (认定 2024-03-15, registered then), an engine, and a clock. */
async function setup(
  options: {
    chats?: ChatRef[];
    result?: (chat: ChatRef) => DeliveryResult;
    staffChats?: ChatRef[];
    start?: string;
  } = {},
) {
  const clock = steppingClock(options.start ?? '2024-03-15T10:00:00+08:00');
  const store = new MemoryStore({ clock });
  const { sent, messenger } = recordingMessenger(clock, options.result);
  const center = await addCenter(store, {
    name: '三月中心',
    recognized: '2024-03-15',
    chats: options.chats ?? ['telegram:-1002'],
    verified: true,
    registeredBy: 'cli',
    registeredAt: new Date('2024-03-15T10:00:00+08:00').toISOString(),
  });
  const engine = engineFor(store, clock, messenger, { staffChats: options.staffChats ?? [] });
  await engine.refresh();
  return { clock, store, sent, engine, center };
}

/** Ticks at each of `days` at 09:00 +08:00 and returns what was sent at each. */
async function tickDays(engine: ReminderEngine, clock: ReturnType<typeof steppingClock>, days: string[]) {
  const out: Record<string, string[]> = {};
  for (const day of days) {
    clock.set(at9(day));
    const reports = await engine.tick();
    out[day] = reports.flatMap((r) => r.reminders.map((x) => `${x.duty}:${x.period}:${x.stage}`));
  }
  return out;
}

describe('reminder engine', () => {
  it('should stop the rest of a period once 已提交 is pressed, and keep the next period', async () => {
    const { clock, sent, engine } = await setup();
    clock.set(at9('2025-01-01'));
    await engine.tick();
    const done = sent[0]?.reply.choices?.find((c) => c.label === '已提交');
    expect(done?.value).toMatch(/^rem:done:/);
    const reply = await engine.onChoice(press('telegram:-1002', done?.value ?? ''));
    expect(reply[0]?.text).toContain('2024');
    const later = await tickDays(engine, clock, ['2025-01-24', '2025-01-30', '2025-01-31', '2025-02-07', '2026-01-01']);
    expect(later).toEqual({
      '2025-01-24': [],
      '2025-01-30': [],
      '2025-01-31': [],
      '2025-02-07': [],
      '2026-01-01': ['annual-summary:2025:30d'],
    });
  });

  it('should move one reminder by 24 hours when 稍后提醒 is pressed', async () => {
    const { clock, sent, engine } = await setup();
    clock.set(at9('2025-01-01'));
    await engine.tick();
    const later = sent[0]?.reply.choices?.find((c) => c.label === '稍后提醒');
    await engine.onChoice(press('telegram:-1002', later?.value ?? ''));
    // Nothing one hour before the 24 hours are up; the same stage at 09:00 the next day.
    clock.set(new Date(at9('2025-01-02').getTime() - HOUR));
    expect(await engine.tick()).toEqual([]);
    clock.set(at9('2025-01-02'));
    const again = await engine.tick();
    expect(again.flatMap((r) => r.reminders.map((x) => [x.stage, x.snoozed]))).toEqual([['30d', 1]]);
    expect(sent.at(-1)?.reply.text).toContain('稍后提醒');
    // Once only; pressed again on the moved message, it moves once more.
    clock.set(at9('2025-01-03'));
    expect(await engine.tick()).toEqual([]);
    const again2 = sent.at(-1)?.reply.choices?.find((c) => c.label === '稍后提醒');
    await engine.onChoice(press('telegram:-1002', again2?.value ?? ''));
    clock.set(at9('2025-01-04'));
    expect((await engine.tick()).flatMap((r) => r.reminders.map((x) => [x.stage, x.snoozed]))).toEqual([['30d', 2]]);
    expect(await tickDays(engine, clock, ['2025-01-24'])).toEqual({ '2025-01-24': ['annual-summary:2024:7d'] });
  });

  it('should end notices with 知道了 and show the clause with 查看原文', async () => {
    const { clock, sent, engine } = await setup();
    clock.set(at9('2027-02-13'));
    await engine.tick();
    const choices = sent[0]?.reply.choices ?? [];
    const why = choices.find((c) => c.value.startsWith('rem:why:') && c.label.includes('四（二）'));
    const clause = await engine.onChoice(press('telegram:-1002', why?.value ?? ''));
    expect(clause[0]?.text).toContain('前三年连续给予专项支持');
    // The clause comes with the reminder's own button again: a platform may have removed the keyboard.
    expect(clause[0]?.choices?.map((c) => c.value.split(':')[1])).toEqual(['ok']);
    for (const c of choices.filter((x) => x.value.startsWith('rem:ok:'))) {
      await engine.onChoice(press('telegram:-1002', c.value));
    }
    const after = await tickDays(engine, clock, ['2027-03-08', '2027-03-14', '2027-03-15']);
    const notices = Object.values(after)
      .flat()
      .filter((x) => !x.startsWith('annual-summary:'));
    expect(notices).toEqual([]);
  });

  it('should merge the reminders of two centers for one chat at one instant into one message', async () => {
    const { clock, store, sent, engine } = await setup();
    await addCenter(store, {
      name: '另一中心',
      recognized: '2023-06-01',
      chats: ['telegram:-1002'],
      verified: true,
      registeredBy: 'cli',
      registeredAt: new Date('2024-03-15T10:00:00+08:00').toISOString(),
    });
    await engine.refresh();
    clock.set(at9('2025-01-01'));
    const reports = await engine.tick();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.reminders.map((r) => `${r.center}:${r.period}`).sort()).toEqual([
      '三月中心:2024',
      '另一中心:2024',
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.reply.text).toContain('您有 2 项提醒');
  });

  it('should send only the latest passed stage after downtime, and nothing from before registration', async () => {
    const { clock, engine } = await setup();
    // Down from before 2025-01-01 until 2025-01-30 10:00: 30d, 7d and 1d have passed; only 1d goes.
    clock.set(new Date('2025-01-30T10:00:00+08:00'));
    const reports = await engine.tick();
    expect(reports.flatMap((r) => r.reminders.map((x) => x.stage))).toEqual(['1d']);
    expect(await tickDays(engine, clock, ['2025-01-31'])).toEqual({ '2025-01-31': ['annual-summary:2024:due'] });

    // A center registered on 2025-01-20 gets nothing of the 30d stage of 2025-01-01.
    const late = await setup({ start: '2025-01-20T12:00:00+08:00', chats: ['telegram:-7'] });
    late.clock.set(new Date('2025-01-20T12:00:00+08:00'));
    await late.store.delete(`center:${late.center.id}`);
    await addCenter(late.store, {
      name: '晚到中心',
      recognized: '2020-05-01',
      chats: ['telegram:-7'],
      verified: true,
      registeredBy: 'cli',
      registeredAt: new Date('2025-01-20T12:00:00+08:00').toISOString(),
    });
    await late.engine.refresh();
    expect(await late.engine.tick()).toEqual([]);
    expect(await tickDays(late.engine, late.clock, ['2025-01-24'])).toEqual({
      '2025-01-24': ['annual-summary:2024:7d'],
    });
  });

  it('should pause a chat that blocked the bot and tell the staff chats', async () => {
    const { clock, store, sent, engine, center } = await setup({
      chats: ['telegram:-1002', 'telegram:-666'],
      staffChats: ['slack:CSTAFF'],
      result: (chat) => (chat === 'telegram:-666' ? 'blocked' : 'ok'),
    });
    clock.set(at9('2025-01-01'));
    const reports = await engine.tick();
    expect(reports.map((r) => [r.chat, r.result])).toEqual([
      ['telegram:-1002', 'ok'],
      ['telegram:-666', 'blocked'],
    ]);
    const stored = (await listCenters(store)).find((c) => c.id === center.id);
    expect(stored?.chats).toEqual(['telegram:-1002']);
    const staff = sent.filter((s) => s.chat === 'slack:CSTAFF');
    expect(staff).toHaveLength(1);
    expect(staff[0]?.reply.text).toContain('telegram:-666');
    const next = await tickDays(engine, clock, ['2025-01-24']);
    expect(next['2025-01-24']).toEqual(['annual-summary:2024:7d']);
    expect(sent.filter((s) => s.chat === 'telegram:-666')).toEqual([]);
  });

  it('should retry a failed send with backoff and keep a reminder for a platform not running pending', async () => {
    let up = false;
    const { clock, store, sent, engine } = await setup({ result: () => (up ? 'ok' : 'failed') });
    clock.set(at9('2025-01-01'));
    expect((await engine.tick()).map((r) => r.result)).toEqual(['failed']);
    expect(sent).toEqual([]);
    // Kept in the store, so a restart would find it.
    const pending: string[] = [];
    for await (const [key] of store.entries(REMINDER_KEYS.pending)) pending.push(key);
    expect(pending).toHaveLength(1);
    // Retried after 1, then 2 more minutes; still failing, it waits.
    clock.step(60_000);
    expect((await engine.tick()).map((r) => r.result)).toEqual(['failed']);
    clock.step(60_000);
    expect(await engine.tick()).toEqual([]);
    clock.step(60_000);
    expect((await engine.tick()).map((r) => r.result)).toEqual(['failed']);
    up = true;
    clock.step(10 * 60_000);
    const ok = await engine.tick();
    expect(ok.map((r) => [r.result, r.reminders[0]?.stage])).toEqual([['ok', '30d']]);
    expect(sent).toHaveLength(1);
    const left: string[] = [];
    for await (const [key] of store.entries(REMINDER_KEYS.pending)) left.push(key);
    expect(left).toEqual([]);
  });

  it('should tell the staff chats once when an annual summary becomes overdue', async () => {
    const { clock, sent, engine } = await setup({ staffChats: ['telegram:-900', 'slack:CSTAFF'] });
    await tickDays(engine, clock, ['2025-01-31', '2025-02-07', '2025-02-14']);
    const staff = sent.filter((s) => s.chat === 'telegram:-900' || s.chat === 'slack:CSTAFF');
    expect(staff.map((s) => s.chat).sort()).toEqual(['slack:CSTAFF', 'telegram:-900']);
    expect(staff[0]?.reply.text).toContain('三月中心');
    expect(staff[0]?.reply.text).toContain('2025-01-31');
  });

  it('should list upcoming reminders of a chat and the pending ones of a window', async () => {
    const { clock, engine } = await setup();
    clock.set(new Date('2024-12-31T12:00:00+08:00'));
    const next = await engine.upcoming('telegram:-1002', 3);
    expect(next.map((r) => [r.duty, r.stage, r.sendAt.toISOString()])).toEqual([
      ['annual-summary', '30d', at9('2025-01-01').toISOString()],
      ['annual-summary', '7d', at9('2025-01-24').toISOString()],
      ['annual-summary', '1d', at9('2025-01-30').toISOString()],
    ]);
    expect(await engine.upcoming('telegram:-404')).toEqual([]);
    clock.set(at9('2025-01-01'));
    await engine.tick();
    const pending = await engine.pending(new Date('2025-01-01T00:00:00+08:00'), new Date('2025-01-25T00:00:00+08:00'));
    expect(pending.map((r) => r.stage)).toEqual(['7d']);
  });

  it('should keep a reminder pending while its platform is not running, and send it once the platform registers', async () => {
    const clock = steppingClock('2024-03-15T10:00:00+08:00');
    const store = new MemoryStore({ clock });
    await addCenter(store, {
      name: '三月中心',
      recognized: '2024-03-15',
      chats: ['slack:C0002'],
      verified: true,
      registeredBy: 'cli',
      registeredAt: new Date('2024-03-15T10:00:00+08:00').toISOString(),
    });
    let deps: FeatureDeps | undefined;
    const core = createBotCore({
      knowledge: knowledge(),
      store,
      clock,
      logger: silentLogger,
      features: [
        (d) => {
          deps = d;
          return { name: 'probe' };
        },
      ],
    });
    if (!deps) throw new Error('the core did not compose the probe');
    const engine = createReminderEngine({
      ...deps,
      duties: loadDuties(knowledge()),
      settings: { ...DEFAULT_REMINDER_SETTINGS },
      centers: () => listCenters(store),
    });
    await engine.refresh();
    clock.set(at9('2025-01-01'));
    expect((await engine.tick()).map((r) => r.result)).toEqual(['failed']);
    for (let i = 0; i < 5; i += 1) {
      clock.step(HOUR);
      await engine.tick();
    }
    const got: string[] = [];
    const slack: Messenger = {
      async send(chat, reply) {
        got.push(`${chat} ${reply.text.split('\n')[0]}`);
        return 'ok';
      },
    };
    core.registerMessenger('slack', slack);
    clock.step(HOUR);
    expect((await engine.tick()).map((r) => r.result)).toEqual(['ok']);
    expect(got).toEqual(['slack:C0002 【年度工作总结】还有 30 天到期（2025-01-31）']);
    clock.step(HOUR);
    expect(await engine.tick()).toEqual([]);
  });

  it('should keep every button value within 64 bytes, even for a long center id, and still act on it', async () => {
    const { clock, store, sent, engine } = await setup({ chats: ['telegram:-1'] });
    const id = `a${'0123456789'.repeat(6)}`.slice(0, 64);
    await addCenter(store, {
      id,
      name: '长编号中心',
      recognized: '2024-03-15',
      chats: ['slack:C0LONG'],
      verified: true,
      registeredBy: 'cli',
      registeredAt: new Date('2024-03-15T10:00:00+08:00').toISOString(),
    });
    await engine.refresh();
    clock.set(at9('2025-01-01'));
    await engine.tick();
    const message = sent.find((m) => m.chat === 'slack:C0LONG');
    for (const c of message?.reply.choices ?? []) expect(Buffer.byteLength(c.value), c.value).toBeLessThanOrEqual(64);
    const done = message?.reply.choices?.find((c) => c.label === '已提交');
    expect((await engine.onChoice(press('slack:C0LONG', done?.value ?? '')))[0]?.text).toContain('长编号中心');
    expect(await store.get(`${REMINDER_KEYS.ack}${id}|annual-summary|2024`)).toMatchObject({ by: 'telegram:42' });
    expect((await engine.onChoice(press('slack:C0LONG', 'rem:done:nobody:a:2024')))[0]?.text).toContain('失效');
  });
});
