import { describe, expect, it } from 'vitest';
import type { Center } from '../../../src/centers/index.ts';
import { loadConfig } from '../../../src/index.ts';
import {
  DEFAULT_REMINDER_SETTINGS,
  formatSendAt,
  loadDuties,
  localInstant,
  type PlannedReminder,
  planReminders,
  type ReminderSettings,
  reminderSettingsFrom,
} from '../../../src/reminders/index.ts';
import { knowledge } from '../../helpers/conversation.ts';

const duties = loadDuties(knowledge());

function center(overrides: Partial<Center> = {}): Center {
  return {
    id: 'c-test',
    name: '测试中心',
    district: '',
    field: '',
    status: 'recognised',
    recognized: '2024-03-15',
    chats: ['telegram:-1'],
    verified: true,
    paused: false,
    registeredBy: 'cli',
    ...overrides,
  };
}

function plan(
  centers: Center[],
  from: string,
  to: string,
  settings: Partial<ReminderSettings> = {},
  extra: { acknowledged?: (k: string) => boolean; registeredAt?: (c: Center) => Date | undefined } = {},
): PlannedReminder[] {
  return planReminders(
    centers,
    duties,
    { ...DEFAULT_REMINDER_SETTINGS, ...settings },
    {
      from: new Date(from),
      to: new Date(to),
      acknowledged: extra.acknowledged ?? (() => false),
      ...(extra.registeredAt ? { registeredAt: extra.registeredAt } : {}),
    },
  );
}

const brief = (r: PlannedReminder) => `${r.duty}|${r.period}|${r.due}|${r.stage}|${formatSendAt(r.sendAt)}`;

describe('planReminders', () => {
  it('should move a 02-29 due day to 28 February in years without it', () => {
    const rows = plan([center()], '2025-02-28T00:00:00+08:00', '2025-03-01T00:00:00+08:00', {
      annualSummaryDue: '02-29',
    });
    expect(rows.map(brief)).toEqual(['annual-summary|2024|2025-02-28|due|2025-02-28T09:00:00+08:00']);
    const leap = plan([center()], '2028-02-29T00:00:00+08:00', '2028-03-01T00:00:00+08:00', {
      annualSummaryDue: '02-29',
    });
    expect(leap.map(brief)).toEqual(['annual-summary|2027|2028-02-29|due|2028-02-29T09:00:00+08:00']);
  });

  it('should follow the configured time, stages, overdue cadence and evaluation cycle', () => {
    const settings = {
      reminderTime: '18:30',
      stagesDays: [14, 0],
      overdueEveryDays: 10,
      overdueMax: 2,
      evaluationEveryYears: 2,
    };
    const rows = plan(
      [center({ status: 'pilot' })],
      '2025-01-01T00:00:00+08:00',
      '2026-04-01T00:00:00+08:00',
      settings,
    );
    // By hand: the 2024 summary due 2025-01-31 (stages 01-17, 01-31; overdue 02-10, 02-20), the
    // first evaluation on the 2nd anniversary 2026-03-15 (03-01, 03-15), the 2025 summary due 2026-01-31.
    expect(rows.map(brief)).toEqual([
      'annual-summary|2024|2025-01-31|14d|2025-01-17T18:30:00+08:00',
      'annual-summary|2024|2025-01-31|due|2025-01-31T18:30:00+08:00',
      'annual-summary|2024|2025-01-31|overdue1|2025-02-10T18:30:00+08:00',
      'annual-summary|2024|2025-01-31|overdue2|2025-02-20T18:30:00+08:00',
      'annual-summary|2025|2026-01-31|14d|2026-01-17T18:30:00+08:00',
      'annual-summary|2025|2026-01-31|due|2026-01-31T18:30:00+08:00',
      'annual-summary|2025|2026-01-31|overdue1|2026-02-10T18:30:00+08:00',
      'annual-summary|2025|2026-01-31|overdue2|2026-02-20T18:30:00+08:00',
      'evaluation|cycle-1|2026-03-15|14d|2026-03-01T18:30:00+08:00',
      'evaluation|cycle-1|2026-03-15|due|2026-03-15T18:30:00+08:00',
    ]);
  });

  it('should include the window start and exclude its end', () => {
    const at = '2025-01-24T09:00:00+08:00';
    expect(plan([center()], at, '2025-01-24T09:00:01+08:00').map((r) => r.stage)).toEqual(['7d']);
    expect(plan([center()], '2025-01-24T00:00:00+08:00', at)).toEqual([]);
  });

  it('should leave out acknowledged periods, paused centers and send times before registration', () => {
    const window = ['2025-01-01T00:00:00+08:00', '2025-03-01T00:00:00+08:00'] as const;
    expect(plan([center({ paused: true })], ...window)).toEqual([]);
    expect(plan([center()], ...window, {}, { acknowledged: (k) => k === 'c-test|annual-summary|2024' })).toEqual([]);
    const late = plan([center()], ...window, {}, { registeredAt: () => new Date('2025-01-30T09:00:00+08:00') });
    expect(late.map((r) => r.stage)).toEqual(['1d', 'due', 'overdue1', 'overdue2', 'overdue3', 'overdue4']);
  });

  it('should give support-ends to recognised centers only, on the third anniversary', () => {
    const window = ['2027-02-01T00:00:00+08:00', '2027-04-01T00:00:00+08:00'] as const;
    const recognised = plan([center()], ...window).filter((r) => r.duty === 'support-ends');
    expect(recognised.map((r) => `${r.due}|${r.stage}`)).toEqual([
      '2027-03-15|30d',
      '2027-03-15|7d',
      '2027-03-15|1d',
      '2027-03-15|due',
    ]);
    expect(plan([center({ status: 'pilot' })], ...window).filter((r) => r.duty === 'support-ends')).toEqual([]);
  });

  it('should sort by send time and give every reminder a stable key and its chats', () => {
    const rows = plan(
      [center(), center({ id: 'c-two', name: '二号', recognized: '2023-03-15', chats: [] })],
      '2026-01-01T00:00:00+08:00',
      '2026-04-01T00:00:00+08:00',
    );
    const times = rows.map((r) => r.sendAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows[0]?.key).toMatch(/^c-(test|two)\|annual-summary\|2025\|30d$/);
    expect(rows.find((r) => r.centerId === 'c-two')?.chats).toEqual([]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('should read instants in Asia/Shanghai', () => {
    expect(localInstant('2025-01-01', '09:00').toISOString()).toBe('2025-01-01T01:00:00.000Z');
    expect(formatSendAt(new Date('2025-01-01T01:00:00Z'))).toBe('2025-01-01T09:00:00+08:00');
  });
});

describe('reminderSettingsFrom', () => {
  it('should carry the configuration over', () => {
    const settings = reminderSettingsFrom(
      loadConfig({ ANNUAL_SUMMARY_DUE: '03-31', REMINDER_STAGES_DAYS: '7,0', STAFF_CHATS: 'slack:C1' }),
    );
    expect(settings).toEqual({
      annualSummaryDue: '03-31',
      evaluationEveryYears: 3,
      reminderTime: '09:00',
      stagesDays: [7, 0],
      overdueEveryDays: 7,
      overdueMax: 4,
      staffChats: ['slack:C1'],
    });
    expect(reminderSettingsFrom(loadConfig({}))).toEqual(DEFAULT_REMINDER_SETTINGS);
  });
});
