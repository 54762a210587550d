/**
 * @module reminders/schedule
 * Pure computation of the reminders a set of centers is owed: which duty, for which period, due
 * when, and the instants its reminders go out. No store, no clock: the engine and the CLI pass
 * the window, the acknowledged periods and the registration times in.
 *
 * The rules (the spec's "Reminder semantics" and the reminders issue):
 * - every send is at {@link ReminderSettings.reminderTime} in Asia/Shanghai, on the due day minus
 *   each of {@link ReminderSettings.stagesDays}; a due date on a day the year lacks (29 February)
 *   moves to the last day of that month;
 * - `annual` duties (the annual summary) are due every year on `annualSummaryDue` for the
 *   calendar year before, the first for the year of recognition; with `overdue`, reminders follow
 *   every `overdueEveryDays` after the due day, at most `overdueMax`, until acknowledged;
 * - `every-years` duties (the evaluation) fall on each `evaluationEveryYears` anniversary of
 *   认定日期; `once-after-years` duties (end of support) on the given anniversary, once;
 * - a duty applies only to the statuses it lists (support-ends: recognised centers only);
 * - a paused center is owed nothing, and nothing is planned before a center was registered.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';
import type { Center } from '../centers/index.ts';
import type { ChatRef } from '../ports.ts';
import type { Duty, DutyId } from './duties.ts';
import { REMINDER_ZONE, type ReminderSettings } from './settings.ts';

/** One reminder the schedule owes: a stage of one duty's period for one center. */
export interface PlannedReminder {
  /** Stable id `centerId|duty|period|stage`. */
  key: string;
  centerId: string;
  /** The center's name. */
  center: string;
  duty: DutyId;
  /** The clause the duty comes from, e.g. `4.3`. */
  clause: string;
  /** `"2026"` (the reported year) for the annual summary, `"cycle-N"` for evaluation, `"once"` for support-ends. */
  period: string;
  /** The due day, `YYYY-MM-DD`. */
  due: string;
  /** When it goes out. */
  sendAt: Date;
  /** `"30d"` for a stage n days before, `"due"` on the day, `"overdueN"` after it. */
  stage: string;
  /** The chats it goes to (the center's chats). */
  chats: ChatRef[];
  /** 认定日期 of the center, `YYYY-MM-DD` (for messages). */
  recognized: string;
  /** How many times 稍后提醒 moved it (absent when never). */
  snoozed?: number;
}

/** The window and the state {@link planReminders} reads. */
export interface PlanOptions {
  /** Earliest send time included. */
  from: Date;
  /** Send times before this are included. */
  to: Date;
  /** Whether a period is acknowledged (已提交 / 知道了), by {@link periodKey}. */
  acknowledged: (periodKey: string) => boolean;
  /** When the center was registered; nothing earlier is planned. Absent: no lower bound. */
  registeredAt?: (center: Center) => Date | undefined;
}

const DAY_MS = 86_400_000;

/**
 * A calendar day as the epoch milliseconds of its UTC midnight: day arithmetic is then exact
 * (`± n · DAY_MS`) and independent of the machine's zone; {@link wallToInstant} turns a day and a
 * wall-clock time into the instant in Asia/Shanghai.
 */
type Day = number;

function dayOf(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `month`/`day` in `year`, the day clamped to the month's last (29 February → 28 February). */
function clampedDay(year: number, month: number, day: number): Day {
  return dayOf(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The same month and day `years` later, clamped as {@link clampedDay} does. */
function anniversary(recognized: Day, years: number): Day {
  const d = new Date(recognized);
  return clampedDay(d.getUTCFullYear() + years, d.getUTCMonth() + 1, d.getUTCDate());
}

function isoDay(day: Day): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** The instant at wall-clock `minutes` after midnight of `day` in {@link REMINDER_ZONE}. */
function wallToInstant(day: Day, minutes: number): number {
  const wall = day + minutes * 60_000;
  const guess = wall - tzOffset(REMINDER_ZONE, new Date(wall)) * 60_000;
  return wall - tzOffset(REMINDER_ZONE, new Date(guess)) * 60_000;
}

/** The key of one duty period of one center: `centerId|duty|period`. */
export function periodKey(centerId: string, duty: string, period: string): string {
  return `${centerId}|${duty}|${period}`;
}

/** The stage name of a stage `days` before the due day. */
export function stageName(days: number): string {
  return days === 0 ? 'due' : `${days}d`;
}

/** A send time as the spec prints it: ISO 8601 with `+08:00`. */
export function formatSendAt(at: Date): string {
  return formatISO(new TZDate(at.getTime(), REMINDER_ZONE));
}

/** The calendar day `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export function localDay(at: Date): string {
  return format(new TZDate(at.getTime(), REMINDER_ZONE), 'yyyy-MM-dd');
}

/** The instant `HH:MM` Asia/Shanghai on day `YYYY-MM-DD` (local midnight with `time` omitted). */
export function localInstant(day: string, time = '00:00'): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new Date(wallToInstant(dayOf(y, m, d), hh * 60 + mm));
}

interface DuePeriod {
  period: string;
  due: Day;
}

/** The periods of one duty whose reminders may fall between `fromYear` and `toYear`. */
function periodsOf(
  duty: Duty,
  recognized: Day,
  settings: ReminderSettings,
  fromYear: number,
  toYear: number,
): DuePeriod[] {
  const recYear = new Date(recognized).getUTCFullYear();
  const out: DuePeriod[] = [];
  switch (duty.schedule.type) {
    case 'annual': {
      const [month = 1, day = 1] = settings.annualSummaryDue.split('-').map(Number);
      // Reminders span at most a year before and after the due day, which falls in year + 1.
      for (let year = Math.max(recYear, fromYear - 2); year <= toYear + 1; year += 1) {
        out.push({ period: String(year), due: clampedDay(year + 1, month, day) });
      }
      return out;
    }
    case 'every-years': {
      const every = settings.evaluationEveryYears;
      const first = Math.max(1, Math.floor((fromYear - recYear) / every) - 1);
      const last = Math.ceil((toYear - recYear) / every) + 1;
      for (let n = first; n <= last; n += 1)
        out.push({ period: `cycle-${n}`, due: anniversary(recognized, n * every) });
      return out;
    }
    case 'once-after-years':
      return [{ period: 'once', due: anniversary(recognized, duty.schedule.years) }];
  }
}

/**
 * Every reminder owed to `centers` whose send time falls in `[from, to)`, sorted by send time
 * (then center, duty, period). Acknowledged periods, paused centers and send times before a
 * center's registration are left out.
 *
 * @example
 * const due = planReminders(centers, duties, settings, {
 *   from: new Date('2025-01-01T00:00:00+08:00'),
 *   to: new Date('2026-01-01T00:00:00+08:00'),
 *   acknowledged: () => false,
 * });
 */
export function planReminders(
  centers: readonly Center[],
  duties: readonly Duty[],
  settings: ReminderSettings,
  options: PlanOptions,
): PlannedReminder[] {
  const { from, to, acknowledged, registeredAt } = options;
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(fromMs < toMs)) return [];
  const [hh = 9, mm = 0] = settings.reminderTime.split(':').map(Number);
  const minutes = hh * 60 + mm;
  // A day's reminders go out within a day of its UTC midnight, so a year either side is plenty.
  const fromYear = new Date(fromMs).getUTCFullYear();
  const toYear = new Date(toMs).getUTCFullYear();
  const stages = [...new Set(settings.stagesDays)].sort((a, b) => b - a);
  const out: PlannedReminder[] = [];

  for (const center of centers) {
    if (center.paused) continue;
    const floor = Math.max(fromMs, registeredAt?.(center)?.getTime() ?? Number.NEGATIVE_INFINITY);
    if (floor >= toMs) continue;
    const [ry = 0, rm = 1, rd = 1] = center.recognized.split('-').map(Number);
    const recognized = dayOf(ry, rm, rd);
    for (const duty of duties) {
      if (!duty.statuses.includes(center.status)) continue;
      for (const { period, due } of periodsOf(duty, recognized, settings, fromYear, toYear)) {
        const sends: [string, Day][] = stages.map((days) => [stageName(days), due - days * DAY_MS]);
        if (duty.overdue) {
          for (let n = 1; n <= settings.overdueMax; n += 1) {
            sends.push([`overdue${n}`, due + n * settings.overdueEveryDays * DAY_MS]);
          }
        }
        const pk = periodKey(center.id, duty.id, period);
        let dueDay: string | undefined;
        let acked: boolean | undefined;
        for (const [stage, day] of sends) {
          // Cheap test first: a zone's offset is under a day, so a day this far out cannot match.
          if (day + 2 * DAY_MS < floor || day - 2 * DAY_MS >= toMs) continue;
          const ms = wallToInstant(day, minutes);
          if (ms < floor || ms >= toMs) continue;
          acked ??= acknowledged(pk);
          if (acked) break;
          dueDay ??= isoDay(due);
          out.push({
            key: `${pk}|${stage}`,
            centerId: center.id,
            center: center.name,
            duty: duty.id,
            clause: duty.clause,
            period,
            due: dueDay,
            sendAt: new Date(ms),
            stage,
            chats: [...center.chats] as ChatRef[],
            recognized: center.recognized,
          });
        }
      }
    }
  }
  return out.sort(compareReminders);
}

/** Orders reminders by send time, then key (a stable, locale-free order). */
export function compareReminders(a: PlannedReminder, b: PlannedReminder): number {
  const t = a.sendAt.getTime() - b.sendAt.getTime();
  if (t !== 0) return t;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
