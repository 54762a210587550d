/**
 * The reminders issue's acceptance simulation: 2024-01-01 → 2031-12-31 on a stepping clock, three
 * centers registered at 10:00 on their 认定日期. Every expected date below was computed by hand
 * from the rules (due dates, stages 30/7/1/0 days before, overdue every 7 days up to 4), not by
 * the code under test.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/index.ts';
import type { SentReport } from '../../../src/reminders/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { ACCEPTANCE_CENTERS, engineFor, recordingMessenger, simulate } from './engine-harness.ts';

const FROM = '2024-01-01T00:00:00+08:00';
const TO = '2032-01-01T00:00:00+08:00';

/** `YYYY-MM-DD` → that day at 09:00 +08:00, as the UTC ISO string the clock reports. */
const at9 = (day: string) => new Date(`${day}T09:00:00+08:00`).toISOString();

interface Row {
  at: string;
  chat: string;
  center: string;
  duty: string;
  period: string;
  stage: string;
  due: string;
}

async function runSimulation(extendSlice?: number) {
  const clock = steppingClock(FROM);
  const store = new MemoryStore({ clock });
  const { sent, messenger } = recordingMessenger(clock);
  const engine = engineFor(store, clock, messenger, {}, extendSlice ? { extendSlice } : {});
  const reports: SentReport[] = [];
  await simulate({
    clock,
    store: () => store,
    from: FROM,
    to: TO,
    tick: async () => reports.push(...(await engine.tick())),
    onRegistered: () => engine.refresh(),
  });
  const rows: Row[] = reports.flatMap((r) =>
    r.reminders.map((x) => ({
      at: r.at.toISOString(),
      chat: r.chat,
      center: x.center,
      duty: x.duty,
      period: x.period,
      stage: x.stage,
      due: x.due,
    })),
  );
  return { sent, reports, rows };
}

const [leap, march, pilot] = ACCEPTANCE_CENTERS;

describe('reminders: the acceptance simulation 2024-01-01 → 2031-12-31', { timeout: 60_000 }, () => {
  it('should send the 2024-02-29 center its 2024 summary on 2025-01-01, 01-24, 01-30 and 01-31, then overdue', async () => {
    const { rows } = await runSimulation();
    const summary2024 = rows.filter(
      (r) => r.center === leap.name && r.duty === 'annual-summary' && r.period === '2024',
    );
    expect(summary2024.map((r) => [r.stage, r.at])).toEqual([
      ['30d', at9('2025-01-01')],
      ['7d', at9('2025-01-24')],
      ['1d', at9('2025-01-30')],
      ['due', at9('2025-01-31')],
      ['overdue1', at9('2025-02-07')],
      ['overdue2', at9('2025-02-14')],
      ['overdue3', at9('2025-02-21')],
      ['overdue4', at9('2025-02-28')],
    ]);
    expect(new Set(summary2024.map((r) => r.due))).toEqual(new Set(['2025-01-31']));
  });

  it('should put the first evaluation and the end of support of the 2024-02-29 center on 2027-02-28, merged per instant', async () => {
    const { rows, reports } = await runSimulation();
    for (const duty of ['evaluation', 'support-ends']) {
      const first = rows.filter((r) => r.center === leap.name && r.duty === duty && r.due === '2027-02-28');
      expect(
        first.map((r) => r.at),
        duty,
      ).toEqual([at9('2027-01-29'), at9('2027-02-21'), at9('2027-02-27'), at9('2027-02-28')]);
    }
    for (const day of ['2027-01-29', '2027-02-21', '2027-02-27', '2027-02-28']) {
      const messages = reports.filter((r) => r.chat === leap.chat && r.at.toISOString() === at9(day));
      expect(messages, day).toHaveLength(1);
      const duties = messages[0]?.reminders.map((x) => x.duty) ?? [];
      expect(duties, day).toEqual(expect.arrayContaining(['evaluation', 'support-ends']));
    }
    // 2027-02-21 and 02-28 are also overdue days of the 2026 summary (due 2027-01-31 + 21 and + 28 days).
    const feb21 = reports.find((r) => r.chat === leap.chat && r.at.toISOString() === at9('2027-02-21'));
    expect(feb21?.reminders.map((x) => `${x.duty}:${x.stage}`).sort()).toEqual([
      'annual-summary:overdue3',
      'evaluation:7d',
      'support-ends:7d',
    ]);
    expect(feb21?.reminders.every((x) => feb21.reminders.length === 3 && x.center === leap.name)).toBe(true);
  });

  it('should give the pilot center no support-ends, and its first summary for 2025 due 2026-01-31', async () => {
    const { rows } = await runSimulation();
    const mine = rows.filter((r) => r.center === pilot.name);
    expect(mine.filter((r) => r.duty === 'support-ends')).toEqual([]);
    expect(mine[0]).toMatchObject({ duty: 'annual-summary', period: '2025', due: '2026-01-31', at: at9('2026-01-01') });
    // Evaluations on the 3rd and 6th anniversaries: 2028-12-31 and 2031-12-31 (the last inside the window).
    const evaluations = mine.filter((r) => r.duty === 'evaluation');
    expect(evaluations.map((r) => r.at)).toEqual(
      [
        '2028-12-01',
        '2028-12-24',
        '2028-12-30',
        '2028-12-31',
        '2031-12-01',
        '2031-12-24',
        '2031-12-30',
        '2031-12-31',
      ].map(at9),
    );
  });

  it('should send every expected reminder exactly once, at 09:00 +08:00', async () => {
    const { rows, sent } = await runSimulation();
    const keys = rows.map((r) => `${r.chat}|${r.center}|${r.duty}|${r.period}|${r.stage}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rows) expect(new Date(r.at).getUTCHours(), r.at).toBe(1); // 09:00 +08:00
    // By hand: per period of the summary 4 stages + 4 overdue = 8.
    // 2024-02-29: summaries 2024–2030 (7 × 8 = 56), evaluations 2027-02-28 and 2030-02-28 (8), support end (4) = 68.
    // 2024-03-15: the same shape: 56 + 8 + 4 = 68.
    // 2025-12-31 (pilot): summaries 2025–2030 (6 × 8 = 48), evaluations 2028-12-31 and 2031-12-31 (8) = 56.
    const count = (name: string) => rows.filter((r) => r.center === name).length;
    expect([count(leap.name), count(march.name), count(pilot.name)]).toEqual([68, 68, 56]);
    // Messages: the 2024-02-29 center's evaluation/support sends merge with each other and, on
    // Feb 21 and 28, with overdue summaries: 56 summary instants + 4 evaluation-only instants = 60.
    // 2024-03-15: 56 + 8 evaluation instants (support merged into the first 4) = 64. Pilot: 56.
    const messages = (chat: string) => sent.filter((s) => s.chat === chat).length;
    expect([messages(leap.chat), messages(march.chat), messages(pilot.chat)]).toEqual([60, 64, 56]);
    // Nothing before registration: the first message of each center follows its registration.
    expect(rows.find((r) => r.center === march.name)?.at).toBe(at9('2025-01-01'));
  });

  it('should word a reminder with the duty, the center, the due date, the clause and where the date comes from', async () => {
    const { sent } = await runSimulation();
    const first = sent.find((s) => s.chat === leap.chat);
    expect(first?.reply.text).toContain('年度工作总结');
    expect(first?.reply.text).toContain(leap.name);
    expect(first?.reply.text).toContain('2025-01-31');
    expect(first?.reply.text).toContain('依据：四（三）');
    expect(first?.reply.text).toContain('本系统设置，以主管部门通知为准');
    const labels = first?.reply.choices?.map((c) => c.label);
    expect(labels).toEqual(['已提交', '稍后提醒', '查看原文 四（三）']);
    for (const c of first?.reply.choices ?? []) {
      expect(c.value.startsWith('rem:')).toBe(true);
      expect(Buffer.byteLength(c.value)).toBeLessThanOrEqual(64);
    }
    const support = sent.find((s) => s.chat === leap.chat && s.reply.text.includes('专项支持期满'));
    expect(support?.reply.text).toContain('依据：四（二）');
    expect(support?.reply.text).toContain('三年内不再纳入创新中心支持范围');
    expect(support?.reply.choices?.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        '知道了：考核评估',
        '知道了：专项支持期满',
        '查看原文 四（二）：专项支持期满',
        '查看原文 四（三）：考核评估',
      ]),
    );
  });

  it('should send the same when the window moves on one center per tick', async () => {
    const whole = await runSimulation();
    const sliced = await runSimulation(1);
    expect(sliced.rows).toEqual(whole.rows);
  });
});
