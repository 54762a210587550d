/**
 * @module reminders/settings
 * The deployment settings the reminder schedule reads, taken once from the validated
 * configuration. The plan sets no dates; these are this system's settings, and every message says so.
 */
import type { Config } from '../config.ts';
import type { ChatRef } from '../ports.ts';

/** The IANA zone every reminder time is read in. Asia/Shanghai has kept +08:00 since 1991. */
export const REMINDER_ZONE = 'Asia/Shanghai';

/** What the schedule and the engine need from the configuration. */
export interface ReminderSettings {
  /**
   * Month and day the annual summary is due, `MM-DD` (ANNUAL_SUMMARY_DUE); `02-29` falls on
   * 28 February in other years.
   * @default '01-31'
   */
  annualSummaryDue: string;
  /**
   * Years between evaluations, counted from 认定日期 (EVALUATION_EVERY_YEARS).
   * @default 3
   */
  evaluationEveryYears: number;
  /**
   * Local time `HH:MM` in {@link REMINDER_ZONE} of every reminder (REMINDER_TIME).
   * @default '09:00'
   */
  reminderTime: string;
  /**
   * Days before the due day at which reminders go out, largest first; 0 is the due day itself
   * (REMINDER_STAGES_DAYS).
   * @default [30, 7, 1, 0]
   */
  stagesDays: number[];
  /**
   * Days between overdue annual-summary reminders (REMINDER_OVERDUE_EVERY_DAYS).
   * @default 7
   */
  overdueEveryDays: number;
  /**
   * Overdue annual-summary reminders at most (REMINDER_OVERDUE_MAX).
   * @default 4
   */
  overdueMax: number;
  /**
   * Chats that receive staff notices: the first overdue summary, a chat that blocked the bot
   * (STAFF_CHATS).
   * @default []
   */
  staffChats: ChatRef[];
}

/** The settings as the spec's defaults give them; tests and tools start from here. */
export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  annualSummaryDue: '01-31',
  evaluationEveryYears: 3,
  reminderTime: '09:00',
  stagesDays: [30, 7, 1, 0],
  overdueEveryDays: 7,
  overdueMax: 4,
  staffChats: [],
});

/** The reminder settings of a validated configuration. */
export function reminderSettingsFrom(
  config: Pick<
    Config,
    | 'ANNUAL_SUMMARY_DUE'
    | 'EVALUATION_EVERY_YEARS'
    | 'REMINDER_TIME'
    | 'REMINDER_STAGES_DAYS'
    | 'REMINDER_OVERDUE_EVERY_DAYS'
    | 'REMINDER_OVERDUE_MAX'
    | 'STAFF_CHATS'
  >,
): ReminderSettings {
  return {
    annualSummaryDue: config.ANNUAL_SUMMARY_DUE,
    evaluationEveryYears: config.EVALUATION_EVERY_YEARS,
    reminderTime: config.REMINDER_TIME,
    stagesDays: [...config.REMINDER_STAGES_DAYS],
    overdueEveryDays: config.REMINDER_OVERDUE_EVERY_DAYS,
    overdueMax: config.REMINDER_OVERDUE_MAX,
    staffChats: [...config.STAFF_CHATS],
  };
}
