/**
 * @module reminders/calendar
 * `/calendar`'s file: the chat's centers' deadlines as an iCalendar (`.ics`) file that Outlook,
 * WPS and phone calendars import. Each deadline is an all-day event on its due day with one alarm
 * per reminder stage (REMINDER_STAGES_DAYS) at REMINDER_TIME, so the calendar reminds as the bot
 * does. Serialised by the `ics` library (line folding, escaping, CRLF), not by hand. Event UIDs
 * are stable per center, duty and period, so importing a newer file updates the same events.
 */
import { createEvents, type DurationObject, type EventAttributes } from 'ics';
import { BotError } from '../errors.ts';
import type { Locale } from '../ports.ts';
import { remindersMessages } from './messages.ts';
import { type Deadline, deadlinesOf, type PlannedSend, shanghaiDate } from './plan-view.ts';

/** The MIME type of the file. */
export const ICS_MIME_TYPE = 'text/calendar; charset=utf-8';

/** What {@link calendarFile} needs. */
export interface CalendarInput {
  /** The planned sends of the chat's centers over the horizon the file covers. */
  sends: readonly PlannedSend[];
  /** Days before the due day of each alarm (REMINDER_STAGES_DAYS). */
  stagesDays: readonly number[];
  /** Local time `HH:MM` of every alarm (REMINDER_TIME). */
  reminderTime: string;
  /** When the file is made (DTSTAMP); deadlines before this day are left out. */
  now: Date;
  locale: Locale;
  /** The clause label users see for a clause id (`4.3` → `四（三）`). */
  clauseLabel(clause: string): string;
}

/** The calendar file and how many events it holds. */
export interface CalendarFile {
  ics: string;
  events: number;
}

/**
 * The alarm `days` before an all-day event at `HH:MM`, relative to the event's start (local
 * midnight of the due day): 30 days before at 09:00 is 29 days 15 hours before the start.
 */
export function alarmTrigger(days: number, reminderTime: string): DurationObject {
  const [hh = 9, mm = 0] = reminderTime.split(':').map(Number);
  const offset = -days * 24 * 60 + hh * 60 + mm;
  const minutes = Math.abs(offset);
  return {
    days: Math.floor(minutes / (24 * 60)),
    hours: Math.floor((minutes % (24 * 60)) / 60),
    minutes: minutes % 60,
    before: offset < 0,
  };
}

const dateArray = (day: string): [number, number, number] => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m, d];
};

/** The day after `day`, `YYYY-MM-DD` (the exclusive end of an all-day event). */
const nextDay = (day: string): [number, number, number] => {
  const [y, m, d] = dateArray(day);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

/**
 * Builds the `.ics` file of the deadlines in `input.sends` that fall today or later.
 *
 * @throws BotError `internal` when the library refuses an event (a bug, not user input)
 */
export function calendarFile(input: CalendarInput): CalendarFile {
  const m = remindersMessages(input.locale);
  const today = shanghaiDate(input.now);
  const deadlines: Deadline[] = deadlinesOf(input.sends).filter((d) => d.due >= today);
  const stages = [...new Set(input.stagesDays)].sort((a, b) => b - a);
  const events = deadlines.map((d): EventAttributes => {
    const clause = input.clauseLabel(d.clause);
    const event: EventAttributes & { timestamp: number } = {
      uid: `${d.centerId}-${d.duty}-${d.period}@mic-policy-assistant`,
      // DTSTAMP from the injected clock (the library's own default is the system time).
      timestamp: input.now.getTime(),
      start: dateArray(d.due),
      end: nextDay(d.due),
      title: m.eventTitle(d.duty, d.center),
      description: m.eventDescription({ due: d.due, duty: d.duty, center: d.center, clause }),
      categories: [m.dutyName(d.duty)],
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      alarms: stages.map((days) => ({
        action: 'display',
        description: m.alarm(d.duty, d.center, d.due),
        trigger: alarmTrigger(days, input.reminderTime),
      })),
    };
    return event;
  });
  if (!events.length) return { ics: '', events: 0 };
  const { error, value } = createEvents(events, {
    productId: '-//mic-policy-assistant//reminders//CN',
    calName: m.calendarName,
    method: 'PUBLISH',
  });
  if (error || !value) throw new BotError('internal', `calendar file: ${error?.message ?? 'empty'}`, { cause: error });
  return { ics: value, events: events.length };
}
