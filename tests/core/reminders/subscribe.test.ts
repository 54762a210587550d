import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { addCenter, findCenterByName, listCenters } from '../../../src/centers/index.ts';
import {
  type ChatRef,
  createBotCore,
  createQaFeature,
  type DeliveryResult,
  MemoryStore,
  type Reply,
  type Store,
} from '../../../src/index.ts';
import { createRemindersFeature, type ReminderEngine } from '../../../src/reminders/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { createRecordingLogger, knowledge } from '../../helpers/conversation.ts';

const CHAT = 'telegram:42';

/** A user in chat telegram:42 talking to a core with the reminders feature (ticker off). */
function setup(at = '2026-03-01T10:00:00+08:00', options: { store?: Store; chat?: ChatRef; ticker?: boolean } = {}) {
  const clock = steppingClock(at);
  const store = options.store ?? new MemoryStore({ clock });
  let engine: ReminderEngine | undefined;
  const core = createBotCore({
    knowledge: knowledge(),
    store,
    logger: createRecordingLogger(),
    clock,
    features: [
      createRemindersFeature({
        tickerEnabled: options.ticker ?? false,
        tickIntervalMs: 10,
        onEngine: (e) => {
          engine = e;
        },
      }),
      createQaFeature(),
    ],
  });
  const sent: { chat: ChatRef; reply: Reply }[] = [];
  core.registerMessenger('telegram', {
    async send(chat, reply): Promise<DeliveryResult> {
      sent.push({ chat, reply });
      return 'ok';
    },
  });
  const chat = options.chat ?? CHAT;
  const base = { platform: 'telegram', chat, user: 'telegram:7' } as const;
  let last: Reply[] = [];
  return {
    core,
    store,
    clock,
    sent,
    get engine(): ReminderEngine {
      if (!engine) throw new Error('no engine');
      return engine;
    },
    async send(text: string): Promise<string> {
      last = await core.handle({ ...base, text });
      return last.map((r) => r.text).join('\n');
    },
    async press(value: string): Promise<string> {
      last = await core.handle({ ...base, choice: value });
      return last.map((r) => r.text).join('\n');
    },
    get replies(): Reply[] {
      return last;
    },
    choice(label: string): string {
      const found = last.flatMap((r) => r.choices ?? []).find((c) => c.label === label);
      if (!found) throw new Error(`no button ${label}`);
      return found.value;
    },
  };
}

/** Everything in the store, as JSON, for before/after comparisons. */
async function snapshot(store: Store): Promise<string> {
  const entries: [string, unknown][] = [];
  for await (const entry of store.entries('')) entries.push(entry);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('reminders: /subscribe', () => {
  it('should ask name, district, date and status one at a time, then store the center unverified and confirm its next deadlines', async () => {
    const t = setup('2026-03-01T10:00:00+08:00');
    expect(await t.send('/subscribe')).toMatch(/中心的名称/);
    expect(await t.send('重庆市测试创新中心')).toMatch(/所在区县/);
    expect(await t.send('渝北')).toMatch(/认定日期/);
    expect(await t.send('去年3月15日')).toMatch(/经认定.*培育试点/s);
    expect(t.replies[0]?.choices?.map((c) => c.label)).toEqual(['经认定', '培育试点', '取消']);
    const confirmation = await t.press(t.choice('经认定'));

    const [center] = await listCenters(t.store);
    expect(center).toMatchObject({
      name: '重庆市测试创新中心',
      district: '渝北区',
      status: 'recognised',
      recognized: '2025-03-15',
      chats: [CHAT],
      verified: false,
      paused: false,
      registeredBy: 'telegram:7',
      registeredAt: '2026-03-01T02:00:00.000Z',
    });
    // Recognised 2025-03-15, registered 2026-03-01: the 2025 summary (due 2026-01-31) and its
    // overdue reminders lie before registration; next is the 2026 summary, then the third anniversary.
    expect(confirmation).toContain('已登记并订阅：重庆市测试创新中心');
    expect(confirmation).toContain('2027-01-31 年度工作总结（重庆市测试创新中心；依据：四（三）），2027-01-01 起提醒');
    expect(confirmation).toContain('2028-03-15 考核评估');
    expect(confirmation).toContain('2028-03-15 专项支持期满（重庆市测试创新中心；依据：四（二））');
    expect(confirmation).toContain('待市级工作人员核实');
    // The dialog is over: free text goes to Q&A again.
    expect(await t.send('研发费用占比有什么要求')).toContain('依据：三（二）7');
  });

  it('should take the name with the command and a typed status, and give a pilot no end of support', async () => {
    const t = setup('2026-03-01T10:00:00+08:00');
    expect(await t.send('/subscribe 试点中心')).toMatch(/所在区县/);
    await t.send('石柱');
    await t.send('2025-12-31');
    const confirmation = await t.send('培育试点');
    expect(await listCenters(t.store)).toMatchObject([
      { name: '试点中心', district: '石柱土家族自治县', status: 'pilot', recognized: '2025-12-31' },
    ]);
    expect(confirmation).toContain('2027-01-31 年度工作总结');
    expect(confirmation).toContain('2028-12-31 考核评估');
    expect(confirmation).not.toContain('专项支持期满');
  });

  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024年3月15日', '2024-03-15'],
    ['2024/3/15', '2024-03-15'],
    ['去年3月15日', '2025-03-15'],
  ])('should accept the date %s as %s', async (typed, date) => {
    const t = setup('2026-03-01T10:00:00+08:00');
    await t.send('/subscribe 日期中心');
    await t.send('渝北区');
    expect(await t.send(typed)).toMatch(/请选择类别/);
    await t.press(t.choice('经认定'));
    expect((await listCenters(t.store))[0]?.recognized).toBe(date);
  });

  it.each([
    ['a date in the future', '2026-03-02', /不能晚于今天/],
    ['a day that does not exist', '2024-02-30', /这一天不存在/],
    ['an unreadable date', '上个月', /没有读懂这个日期/],
    ['an empty date', '', /认定日期不能为空/],
  ])('should refuse %s with a clear message and store nothing', async (_, typed, message) => {
    const t = setup('2026-03-01T10:00:00+08:00');
    await t.send('/subscribe 拒绝中心');
    await t.send('渝北区');
    const before = await snapshot(t.store);
    t.clock.step(60_000);
    expect(await t.send(typed)).toMatch(message);
    expect(await snapshot(t.store)).toBe(before);
    // Still at the date: a good one is taken.
    expect(await t.send('2024-03-15')).toMatch(/请选择类别/);
  });

  it('should refuse an empty or a 500-character name, an unknown district and a status it cannot read, storing nothing', async () => {
    const t = setup();
    const long = '很'.repeat(500);
    const empty = await snapshot(t.store);
    expect(await t.send(`/subscribe ${long}`)).toMatch(/名称太长了/);
    expect(await snapshot(t.store)).toBe(empty);

    await t.send('/subscribe');
    let before = await snapshot(t.store);
    expect(await t.send('')).toMatch(/中心名称不能为空/);
    expect(await t.send('。。。')).toMatch(/中心名称不能为空/);
    expect(await t.send(long)).toMatch(/名称太长了/);
    expect(await snapshot(t.store)).toBe(before);

    await t.send('好名字中心');
    before = await snapshot(t.store);
    expect(await t.send('成都市武侯区')).toMatch(/没有找到这个区县/);
    expect(await snapshot(t.store)).toBe(before);

    await t.send('渝北');
    await t.send('2024-03-15');
    before = await snapshot(t.store);
    expect(await t.send('也许吧')).toMatch(/请选择“经认定”或“培育试点”/);
    expect(await t.press('rem:sub:status:gold')).toMatch(/按钮已经过期/);
    expect(await snapshot(t.store)).toBe(before);
    expect(await listCenters(t.store)).toEqual([]);
  });

  it('should leave the dialog on 取消, storing no center', async () => {
    const t = setup();
    await t.send('/subscribe 取消中心');
    await t.send('渝北');
    expect(await t.send('取消')).toMatch(/已取消/);
    expect(await snapshot(t.store)).toBe('[]');
    expect(await t.send('研发费用占比有什么要求')).toContain('依据：三（二）7');
    await t.send('/subscribe');
    expect(await t.press(t.choice('取消'))).toMatch(/已取消/);
  });

  it('should keep the dialog in the store with a TTL, versioned', async () => {
    const t = setup();
    await t.send('/subscribe 过期中心');
    const entries: [string, unknown][] = [];
    for await (const entry of t.store.entries('reminders:subscribe:')) entries.push(entry);
    expect(entries).toEqual([
      [`reminders:subscribe:${CHAT}:telegram:7`, expect.objectContaining({ v: 1, step: 'district', name: '过期中心' })],
    ]);
    t.clock.step(91 * 24 * 60 * 60 * 1000);
    expect(await t.send('渝北')).not.toMatch(/认定日期/);
  });

  it('should bind this chat to a registered center named in /subscribe or typed as the name', async () => {
    const store = new MemoryStore();
    await addCenter(store, {
      name: '重庆市ABC创新中心',
      recognized: '2024-03-15',
      verified: true,
      chats: ['slack:C1'],
      registeredBy: 'cli',
    });
    const t = setup('2026-03-01T10:00:00+08:00', { store });
    const bound = await t.send('/subscribe 重庆市 ａｂｃ 创新中心');
    expect(bound).toContain('本聊天已订阅“重庆市ABC创新中心”的提醒');
    expect(bound).toContain('2027-01-31 年度工作总结');
    expect((await findCenterByName(store, '重庆市ABC创新中心'))?.chats).toEqual(['slack:C1', CHAT]);
    expect(await t.send('/subscribe 重庆市ABC创新中心')).toContain('本聊天已经订阅了');

    const other = setup('2026-03-01T10:00:00+08:00', { store, chat: 'telegram:43' });
    await other.send('/subscribe');
    expect(await other.send('重庆市ABC创新中心')).toContain('本聊天已订阅');
    expect((await listCenters(store)).length).toBe(1);
    expect((await findCenterByName(store, '重庆市ABC创新中心'))?.chats).toEqual(['slack:C1', CHAT, 'telegram:43']);
  });
});

describe('reminders: /reminders, /unsubscribe, /calendar', () => {
  async function withCenters(at: string) {
    const store = new MemoryStore();
    await addCenter(store, { name: '甲中心', recognized: '2024-03-15', chats: [CHAT], registeredBy: 'cli' });
    await addCenter(store, {
      name: '乙中心',
      recognized: '2025-12-31',
      status: 'pilot',
      chats: [CHAT],
      registeredBy: 'cli',
    });
    await addCenter(store, {
      name: '别人的中心',
      recognized: '2024-01-10',
      chats: ['telegram:99'],
      registeredBy: 'cli',
    });
    return setup(at, { store });
  }

  it('should list the upcoming reminders of this chat’s centers: date, duty, center, clause', async () => {
    const t = await withCenters('2026-01-10T10:00:00+08:00');
    const text = await t.send('/reminders');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/近期提醒/);
    // Both centers' 2025 summaries are due 2026-01-31 (乙's first: recognised 2025-12-31); the 7-day stage is next.
    expect(lines.slice(1, 3).sort()).toEqual([
      '• 2026-01-24 · 年度工作总结（期限 2026-01-31）· 乙中心 · 依据：四（三）',
      '• 2026-01-24 · 年度工作总结（期限 2026-01-31）· 甲中心 · 依据：四（三）',
    ]);
    expect(text).not.toContain('别人的中心');
  });

  it('should say so when the chat has no centers', async () => {
    const t = setup();
    expect(await t.send('/reminders')).toMatch(/还没有订阅/);
    expect(await t.send('/unsubscribe')).toMatch(/还没有订阅/);
    expect(await t.send('/calendar')).toMatch(/还没有订阅/);
  });

  it('should unsubscribe by name, or offer buttons when the chat has several centers', async () => {
    const t = await withCenters('2026-01-10T10:00:00+08:00');
    expect(await t.send('/unsubscribe')).toMatch(/要取消哪一个/);
    expect(t.replies[0]?.choices?.map((c) => c.label)).toEqual(['甲中心', '乙中心']);
    expect(await t.press(t.choice('乙中心'))).toContain('已取消本聊天对“乙中心”的提醒');
    expect((await findCenterByName(t.store, '乙中心'))?.chats).toEqual([]);
    expect(await t.send('/unsubscribe 丙中心')).toContain('没有订阅名为“丙中心”');
    expect(await t.send('/unsubscribe 甲 中心')).toContain('已取消本聊天对“甲中心”的提醒');
    expect(await t.send('/reminders')).toMatch(/还没有订阅/);
    // The centers stay registered.
    expect((await listCenters(t.store)).length).toBe(3);
  });

  it('should send an .ics file of this chat’s deadlines with alarms at the reminder stages', async () => {
    const t = await withCenters('2026-01-10T10:00:00+08:00');
    expect(await t.send('/calendar')).toMatch(/日历文件见附件/);
    const doc = t.replies[0]?.document;
    expect(doc?.filename).toMatch(/\.ics$/);
    expect(doc?.mimeType).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(doc?.content)));
    const events = calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        summary: e.summary,
        start: e.startDate.toString(),
        alarms: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
      };
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { summary: '年度工作总结：甲中心', start: '2026-01-31', alarms: ['-P29DT15H', '-P6DT15H', '-PT15H', 'PT9H'] },
        { summary: '考核评估：甲中心', start: '2027-03-15', alarms: expect.any(Array) },
        { summary: '专项支持期满：甲中心', start: '2027-03-15', alarms: expect.any(Array) },
        { summary: '考核评估：乙中心', start: '2028-12-31', alarms: expect.any(Array) },
      ]),
    );
    expect(events.some((e) => e.summary.includes('别人的中心'))).toBe(false);
    expect(events.some((e) => e.summary === '专项支持期满：乙中心')).toBe(false);
  });

  it('should route the engine’s buttons to the engine and send due reminders through the chat’s messenger', async () => {
    const t = await withCenters('2025-12-31T12:00:00+08:00');
    const reports = await t.engine.tick(new Date('2026-01-01T09:00:00+08:00'));
    expect(reports.map((r) => r.chat)).toContain(CHAT);
    const reminder = t.sent.find((s) => s.chat === CHAT)?.reply;
    expect(reminder?.text).toContain('甲中心');
    const why = reminder?.choices?.find((c) => c.value.startsWith('rem:why:'));
    expect(why).toBeDefined();
    expect(await t.press(why?.value ?? '')).toContain('市经济信息委');
  });

  it('should run the ticker from core.start() until core.stop()', async () => {
    const store = new MemoryStore();
    await addCenter(store, { name: '甲中心', recognized: '2024-03-15', chats: [CHAT], registeredBy: 'cli' });
    const t = setup('2026-01-01T09:00:00+08:00', { store, ticker: true });
    await t.core.start();
    await vi.waitFor(() => expect(t.sent.map((s) => s.chat)).toEqual([CHAT]));
    await t.core.stop();
    expect(t.sent[0]?.reply.text).toContain('甲中心');
  });

  it('should speak English to a user who chose it', async () => {
    const t = setup('2026-03-01T10:00:00+08:00');
    await t.send('/lang en');
    expect(await t.send('/subscribe')).toMatch(/center's name/);
    expect(await t.send('Test Center')).toMatch(/Which district/);
    expect(await t.send('Yubei')).toMatch(/date of recognition/);
    expect(await t.send('2030-01-01')).toMatch(/cannot be later than today/);
    await t.send('2025-03-15');
    expect(t.replies[0]?.choices?.map((c) => c.label)).toEqual(['Recognised', 'Pilot', 'Cancel']);
    const confirmation = await t.press(t.choice('Pilot'));
    expect(confirmation).toContain('Registered and subscribed: Test Center');
    expect(confirmation).toContain('2027-01-31 Annual work summary (Test Center; basis: 四（三）)');
  });

  it('should list its commands in /help in both languages', async () => {
    const t = setup();
    const help = await t.send('/help');
    for (const c of ['/subscribe 订阅提醒', '/reminders', '/unsubscribe', '/calendar']) expect(help).toContain(c);
    await t.send('/lang en');
    expect(await t.send('/help')).toContain('/calendar  a calendar file (.ics)');
  });
});
