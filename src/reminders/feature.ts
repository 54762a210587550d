/**
 * @module reminders/feature
 * Deadline reminders as a feature: `/subscribe` (订阅提醒), `/reminders`, `/unsubscribe` and
 * `/calendar`; the `rem:` buttons (the subscribe dialog's own under `rem:sub:`/`rem:unsub:`,
 * the rest — 已提交, 稍后提醒, 知道了, 查看原文 — to the engine); free text while a subscribe
 * dialog is open; and the engine's ticker, started with the process and stopped on shutdown.
 *
 * @example
 * const core = createBotCore({
 *   knowledge, store, logger,
 *   features: [createRemindersFeature({ settings: reminderSettingsFrom(config) }), createQaFeature()],
 * });
 * core.registerMessenger('console', consoleMessenger);
 * await core.start(); // the ticker runs once a minute
 */
import { type Center, centersOfChat, importSeedOnce, listCenters } from '../centers/index.ts';
import { type Feature, type FeatureFactory, inEachLocale, type Turn } from '../feature.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge-base/index.ts';
import type { ChatRef, Reply } from '../ports.ts';
import { calendarFile, ICS_MIME_TYPE } from './calendar.ts';
import { loadDistricts } from './districts.ts';
import { loadDuties } from './duties.ts';
import { createReminderEngine, type ReminderEngine } from './engine.ts';
import { remindersMessages } from './messages.ts';
import { deadlinesOf, shanghaiDate } from './plan-view.ts';
import { type PlannedReminder, planReminders } from './schedule.ts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './settings.ts';
import { createSubscriptions, SUBSCRIBE_PREFIX, UNSUBSCRIBE_PREFIX } from './subscribe.ts';
import { createSubscribeStateStore } from './subscribe-state.ts';

/** The prefix of every button value of the reminders feature. */
export const REMINDERS_PREFIX = 'rem:';

/** Options for {@link createRemindersFeature}. */
export interface RemindersFeatureOptions {
  /**
   * The schedule's settings (ANNUAL_SUMMARY_DUE, REMINDER_TIME, REMINDER_STAGES_DAYS, …); build
   * them with `reminderSettingsFrom(config)`.
   * @default the spec's defaults (`DEFAULT_REMINDER_SETTINGS`)
   */
  settings?: ReminderSettings;
  /**
   * Days an untouched `/subscribe` dialog is kept (DIALOG_TTL_DAYS).
   * @default 90
   */
  dialogTtlDays?: number;
  /**
   * Milliseconds between two ticks of the reminder engine once started; tests scale it down or
   * call the engine's `tick` directly.
   * @default 60_000
   */
  tickIntervalMs?: number;
  /**
   * Whether `core.start()` starts the ticker. The CLI composes the core without it.
   * @default true
   */
  tickerEnabled?: boolean;
  /**
   * The knowledge folder holding `duties.json` and `districts.json`.
   * @default the project's `knowledge/`
   */
  knowledgeDir?: string;
  /** Receives the engine once built (tests and tools that call `tick` themselves). */
  onEngine?(engine: ReminderEngine): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deadlines the home screen lists at most, and the planned sends per chat it reads for them. */
const HOME_DEADLINES = 5;
const HOME_SENDS = 100;
/** Planned sends `/calendar` reads at most (every stage of every deadline of a chat's centers). */
const CALENDAR_LIMIT = 10_000;

/** The reminders feature. */
export function createRemindersFeature(options: RemindersFeatureOptions = {}): FeatureFactory {
  const {
    settings = DEFAULT_REMINDER_SETTINGS,
    dialogTtlDays = 90,
    tickIntervalMs = 60_000,
    tickerEnabled = true,
    knowledgeDir = DEFAULT_KNOWLEDGE_DIR,
  } = options;
  return ({ knowledge, store, clock, logger, messenger, defaultLocale }): Feature => {
    // Loaded when the core is composed, so a malformed duties.json or districts.json stops the start.
    const duties = loadDuties(knowledge, knowledgeDir);
    const districts = loadDistricts(knowledgeDir);
    const engine = createReminderEngine({
      store,
      clock,
      messenger,
      logger,
      knowledge,
      duties,
      settings: { ...settings },
      centers: () => listCenters(store),
      // A chat has no language of its own: proactive messages use the deployment's.
      locale: defaultLocale,
    });
    options.onEngine?.(engine);

    const registeredAt = (c: Center): Date | undefined => (c.registeredAt ? new Date(c.registeredAt) : undefined);
    const plan = async (centers: readonly Center[], from: Date, to: Date) =>
      planReminders(centers, duties, settings, { from, to, acknowledged: () => false, registeredAt });

    const subscriptions = createSubscriptions({
      store,
      knowledge,
      clock,
      dialogs: createSubscribeStateStore(store, dialogTtlDays * DAY_MS, logger),
      districts,
      plan,
      upcoming: (chat: ChatRef, limit: number) => engine.upcoming(chat, limit),
      changed: async () => {
        await engine.refresh();
      },
    });

    const calendar = async (turn: Turn): Promise<Reply[]> => {
      const m = remindersMessages(turn.locale);
      const centers = await centersOfChat(store, turn.chat);
      if (!centers.length) return [{ text: m.noCenters }];
      // The engine's look ahead (four years) for this chat, acknowledged periods left out.
      const file = calendarFile({
        sends: await engine.upcoming(turn.chat, CALENDAR_LIMIT),
        stagesDays: settings.stagesDays,
        reminderTime: settings.reminderTime,
        now: clock.now(),
        locale: turn.locale,
        clauseLabel: (clause) => knowledge.clause(clause)?.label ?? clause,
      });
      if (!file.events) return [{ text: m.noDeadlines }];
      return [
        {
          text: m.calendarAttached(file.events),
          document: {
            filename: `${m.calendarFileName}.ics`,
            mimeType: ICS_MIME_TYPE,
            content: new TextEncoder().encode(file.ics),
          },
        },
      ];
    };

    const help = (pick: (m: ReturnType<typeof remindersMessages>) => string) =>
      inEachLocale((locale) => pick(remindersMessages(locale)));

    return {
      name: 'reminders',
      choicePrefix: REMINDERS_PREFIX,
      commands: [
        {
          name: 'subscribe',
          personalDialog: true,
          help: help((m) => m.helpSubscribe),
          handle: (turn) => subscriptions.subscribe(turn, turn.command.arg),
        },
        {
          name: 'reminders',
          help: help((m) => m.helpReminders),
          handle: (turn) => subscriptions.reminders(turn),
        },
        {
          name: 'unsubscribe',
          help: help((m) => m.helpUnsubscribe),
          handle: (turn) => subscriptions.unsubscribe(turn, turn.command.arg),
        },
        {
          name: 'calendar',
          help: help((m) => m.helpCalendar),
          handle: (turn) => calendar(turn),
        },
      ],
      onChoice: (turn) =>
        turn.choice.startsWith(SUBSCRIBE_PREFIX) || turn.choice.startsWith(UNSUBSCRIBE_PREFIX)
          ? subscriptions.choice(turn)
          : engine.onChoice(turn),
      onText: (turn) => subscriptions.text(turn),
      activeSession: (turn) => subscriptions.session(turn),
      async home({ chats, locale }) {
        // The next deadlines of the centers the user's chats follow, earliest first.
        const sends: PlannedReminder[] = [];
        for (const chat of chats) sends.push(...(await engine.upcoming(chat, HOME_SENDS)));
        const deadlines = deadlinesOf(sends).slice(0, HOME_DEADLINES);
        if (!deadlines.length) return undefined;
        const m = remindersMessages(locale);
        const lines = deadlines.map((d) =>
          m.deadline({
            due: d.due,
            duty: d.duty,
            center: d.center,
            clause: knowledge.clause(d.clause)?.label ?? d.clause,
            next: shanghaiDate(d.firstSend),
          }),
        );
        return { feature: 'reminders', title: m.homeHeading, lines };
      },
      async start() {
        // The seed centers (if any) are reminded too, whichever feature imported them first.
        await importSeedOnce(store, knowledgeDir);
        if (tickerEnabled) engine.start(tickIntervalMs);
      },
      stop: () => engine.stop(),
    };
  };
}
