/**
 * @module adapters/compose
 * The one place the core is composed with its features, shared by `npm start`, the CLI and the
 * tests. Adding a feature is a folder under `src/` and one line in the list below; the order is
 * the order free text is offered to them (a dialog before Q&A, Q&A last).
 */
import {
  type BotCore,
  type Clock,
  createBotCore,
  createEligibilityFeature,
  createQaFeature,
  createRemindersFeature,
  type KnowledgeBase,
  type Locale,
  type Logger,
  type QaEngine,
  type ReminderSettings,
  type Store,
} from '../src/index.ts';

/** What a composed core needs. */
export interface ComposeOptions {
  knowledge: KnowledgeBase;
  store: Store;
  logger: Logger;
  /** @default the system clock */
  clock?: Clock;
  /** @default 'zh-CN' */
  defaultLocale?: Locale;
  /** A prebuilt Q&A engine (the CLI, benchmarks); built from the knowledge when absent. */
  qa?: QaEngine;
  /**
   * Days an untouched self-check dialog is kept (DIALOG_TTL_DAYS).
   * @default 90
   */
  dialogTtlDays?: number;
  /**
   * Minutes a follow-up is read against the last answered question (QA_CONTEXT_MINUTES).
   * @default 30
   */
  qaContextMinutes?: number;
  /**
   * The reminder schedule's settings (ANNUAL_SUMMARY_DUE, REMINDER_TIME, stages, STAFF_CHATS …).
   * @default the documented defaults
   */
  reminders?: ReminderSettings;
  /**
   * Run the reminder ticker once `core.start()` is called; tests and the CLI drive ticks themselves.
   * @default true
   */
  tickerEnabled?: boolean;
}

/** Builds the core with every feature of the product. */
export function composeCore(options: ComposeOptions): BotCore {
  const { qa, dialogTtlDays, qaContextMinutes, reminders, tickerEnabled = true, ...core } = options;
  return createBotCore({
    ...core,
    features: [
      createEligibilityFeature(dialogTtlDays ? { dialogTtlDays } : {}),
      createRemindersFeature({
        ...(reminders ? { settings: reminders } : {}),
        ...(dialogTtlDays ? { dialogTtlDays } : {}),
        tickerEnabled,
      }),
      createQaFeature({
        ...(qa ? { engine: qa } : {}),
        ...(qaContextMinutes ? { contextMinutes: qaContextMinutes } : {}),
      }),
    ],
  });
}
