/**
 * @module reminders
 * Deadline reminders for centers (四（二）, 四（三）): the duties as data, the pure schedule, the
 * engine that sends them, and the settings they read.
 */

export { type CalendarFile, type CalendarInput, calendarFile, ICS_MIME_TYPE } from './calendar.ts';
export { type District, type Districts, loadDistricts } from './districts.ts';
export { DUTIES_FILE, DUTY_IDS, type Duty, type DutyId, dutiesFileSchema, loadDuties, parseDuties } from './duties.ts';
export {
  CLAIM_TTL_MS,
  createReminderEngine,
  REMINDER_KEYS,
  type ReminderEngine,
  type ReminderEngineOptions,
  type SentReport,
} from './engine.ts';
export { type EngineMessages, engineMessages } from './engine-messages.ts';
export { createRemindersFeature, REMINDERS_PREFIX, type RemindersFeatureOptions } from './feature.ts';
export { type RemindersMessages, remindersMessages } from './messages.ts';
export { type DateParse, type DateRefusal, parseRecognitionDate } from './recognition-date.ts';
export {
  compareReminders,
  formatSendAt,
  localDay,
  localInstant,
  type PlannedReminder,
  type PlanOptions,
  periodKey,
  planReminders,
  stageName,
} from './schedule.ts';
export { DEFAULT_REMINDER_SETTINGS, REMINDER_ZONE, type ReminderSettings, reminderSettingsFrom } from './settings.ts';
