import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Center } from '../../../src/centers/index.ts';
import { alarmTrigger, calendarFile } from '../../../src/reminders/calendar.ts';
import { loadDuties } from '../../../src/reminders/duties.ts';
import { planReminders } from '../../../src/reminders/schedule.ts';
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/reminders/settings.ts';
import { knowledge } from '../../helpers/conversation.ts';

const center = (name: string, recognized: string, status: Center['status']): Center => ({
  id: `c-${name}`,
  name,
  district: '渝北区',
  field: '',
  status,
  recognized,
  chats: ['telegram:42'],
  verified: false,
  paused: false,
  registeredBy: 'telegram:42',
});

/** Parses an .ics text back into its events: summary, start day, whether all-day, alarm triggers. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      alarms: vevent.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
    };
  });
}

describe('calendar file', () => {
  const now = new Date('2026-01-01T00:00:00+08:00');
  const centers = [center('甲中心', '2024-02-29', 'recognised'), center('乙中心', '2025-12-31', 'pilot')];
  const sends = planReminders(centers, loadDuties(knowledge()), DEFAULT_REMINDER_SETTINGS, {
    from: now,
    to: new Date('2030-01-01T00:00:00+08:00'),
    acknowledged: () => false,
  });
  const file = calendarFile({
    sends,
    stagesDays: [30, 7, 1, 0],
    reminderTime: '09:00',
    now,
    locale: 'zh-CN',
    clauseLabel: (id) => knowledge().clause(id)?.label ?? id,
  });
  const events = eventsOf(file.ics);

  it('should put each deadline on its due day as an all-day event with a stable uid', () => {
    expect(file.events).toBe(events.length);
    const a = events.filter((e) => e.summary.includes('甲中心'));
    expect(a.map((e) => [e.summary, e.start])).toEqual(
      expect.arrayContaining([
        ['年度工作总结：甲中心', '2026-01-31'],
        ['年度工作总结：甲中心', '2027-01-31'],
        ['考核评估：甲中心', '2027-02-28'],
        ['专项支持期满：甲中心', '2027-02-28'],
      ]),
    );
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.find((e) => e.start === '2027-02-28' && e.summary.startsWith('考核评估'))?.uid).toBe(
      'c-甲中心-evaluation-cycle-1@mic-policy-assistant',
    );
  });

  it('should give no support-ends event to a pilot center', () => {
    const b = events.filter((e) => e.summary.includes('乙中心'));
    expect(b.length).toBeGreaterThan(0);
    expect(b.some((e) => e.summary.startsWith('专项支持期满'))).toBe(false);
  });

  it('should set one alarm per stage at 09:00: 30, 7 and 1 days before and on the day', () => {
    for (const e of events) expect(e.alarms).toEqual(['-P29DT15H', '-P6DT15H', '-PT15H', 'PT9H']);
  });

  it('should compute alarm offsets from the reminder time', () => {
    expect(alarmTrigger(30, '09:00')).toEqual({ days: 29, hours: 15, minutes: 0, before: true });
    expect(alarmTrigger(0, '09:30')).toEqual({ days: 0, hours: 9, minutes: 30, before: false });
    expect(alarmTrigger(1, '00:00')).toEqual({ days: 1, hours: 0, minutes: 0, before: true });
  });

  it('should make no file when nothing is due', () => {
    const empty = calendarFile({
      sends: [],
      stagesDays: [0],
      reminderTime: '09:00',
      now,
      locale: 'en',
      clauseLabel: (id) => id,
    });
    expect(empty).toEqual({ ics: '', events: 0 });
  });
});
