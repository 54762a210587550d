/**
 * @module reminders/engine
 * The reminder engine: keeps the pending reminders of every center indexed by send time, sends
 * what is due through the {@link Messenger}, and records acknowledgements (已提交, 知道了) and
 * snoozes (稍后提醒). Time comes only from the {@link Clock}; tests step it and call `tick`.
 *
 * How it keeps its promises:
 * - **A tick never scans every center.** Reminders due in the planning window (now … now + 35
 *   days) sit in a min-heap by send time, built at start and by `refresh()`; a tick with nothing
 *   due looks at the heap's top and returns. When half the window has passed, the next stretch is
 *   planned a slice of centers per tick (500 by default), well before any of it is due; only a
 *   clock that jumps into an unplanned stretch makes one tick plan the rest at once.
 * - **At-least-once, nothing lost.** Each delivery (a reminder to one chat) is claimed with
 *   `setIfAbsent` (10 minutes) before the platform call and marked sent after it; a claim older
 *   than 10 minutes without its mark is sent again. Anything due but not done when a tick ends (a
 *   failed send, a claim held elsewhere) is written down as pending before the tick's cursor moves,
 *   and a restart plans again from that cursor, so only a kill between the platform call and the
 *   mark can double a reminder.
 * - **Catch-up sends the latest only.** Of the due reminders of one duty period for one chat, only
 *   the latest stage goes out (a bot down for a week sends 1 day before, not 7 days and 1 day).
 * - **Nothing from before registration.** A center's registration time is its record's
 *   `registeredAt`, else the first time the engine saw it.
 * - **Merged.** The reminders due for one chat at one tick go out as one message.
 * - **Blocked chats pause.** `blocked` from the messenger unbinds that chat from the center and
 *   tells the staff chats; `failed` (including a platform that is not running) is retried with
 *   backoff on later ticks.
 *
 * @example
 * const engine = createReminderEngine({ store, clock, messenger, logger, knowledge, duties, settings,
 *   centers: () => listCenters(store) });
 * engine.start(); // ticks once a minute
 * await engine.stop();
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Center, unbindChat } from '../centers/index.ts';
import { asBotError } from '../errors.ts';
import type { Turn } from '../feature.ts';
import type { KnowledgeBase } from '../knowledge-base/index.ts';
import type { ChatRef, Choice, Clock, DeliveryResult, Locale, Logger, Messenger, Reply, Store } from '../ports.ts';
import type { Duty, DutyId } from './duties.ts';
import { engineMessages } from './engine-messages.ts';
import {
  compareReminders,
  formatSendAt,
  localDay,
  type PlannedReminder,
  periodKey,
  planReminders,
} from './schedule.ts';
import type { ReminderSettings } from './settings.ts';

/** Store key prefixes the engine owns. */
export const REMINDER_KEYS = {
  ack: 'rem:ack:',
  snooze: 'rem:snooze:',
  claim: 'rem:claim:',
  sent: 'rem:sent:',
  pending: 'rem:pending:',
  seen: 'rem:seen:',
  staff: 'rem:staff:',
  cursor: 'rem:cursor',
} as const;

/** How long a claim holds a delivery before another tick may send it again. */
export const CLAIM_TTL_MS = 10 * 60_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How long sent marks, acknowledgements and staff marks are kept: longer than any catch-up. */
const KEEP_MS = 3 * 366 * DAY_MS;
/** How long a pending (failed) delivery is retried before it is given up. */
const PENDING_TTL_MS = 90 * DAY_MS;
/** The longest wait between two retries of a failed delivery. */
const MAX_BACKOFF_MS = 60 * MINUTE_MS;
/** The delay of 稍后提醒. */
const SNOOZE_MS = DAY_MS;
/** Without a cursor (first start), how far back registration times are honoured. */
const FIRST_START_LOOKBACK_MS = 400 * DAY_MS;
/** Deliveries of one tick sent at once. */
const CONCURRENCY = 8;
/** Center ids up to this length go into button values as they are; longer ones as a short hash. */
const MAX_ID_IN_BUTTON = 20;

/** What {@link createReminderEngine} needs. */
export interface ReminderEngineOptions {
  store: Store;
  clock: Clock;
  /** Sends to a chat of any running platform; `failed` for a platform that is not running. */
  messenger: Messenger;
  logger: Logger;
  /** For the clause labels and texts (依据, 查看原文). */
  knowledge: KnowledgeBase;
  duties: readonly Duty[];
  settings: ReminderSettings;
  /** The registered centers (the registry); read at start, on `refresh()` and when the window moves. */
  centers: () => Promise<Center[]>;
  /**
   * The language of proactive messages (a chat has no language of its own).
   * @default 'zh-CN'
   */
  locale?: Locale;
  /**
   * How far ahead reminders are indexed.
   * @default 35 days
   */
  horizonMs?: number;
  /**
   * How often a started engine re-reads the centers by itself (centers added by another process,
   * e.g. the CLI).
   * @default 1 hour
   */
  refreshEveryMs?: number;
  /**
   * How many centers a tick plans while the window moves on (see the module documentation).
   * @default 500
   */
  extendSlice?: number;
}

/** One message a tick sent (or tried to send): the reminders merged for one chat. */
export interface SentReport {
  chat: ChatRef;
  /** The tick's instant. */
  at: Date;
  result: DeliveryResult;
  reminders: PlannedReminder[];
}

/** The reminder engine; see the module documentation. */
export interface ReminderEngine {
  /** Sends what is due at `now` (default: the clock) and not yet sent; the messages it sent or tried. */
  tick(now?: Date): Promise<SentReport[]>;
  /** Starts ticking every `intervalMs` (default one minute); the first tick runs at once. */
  start(intervalMs?: number): void;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
  /** Re-reads the centers, acknowledgements, snoozes and pending deliveries; call after centers change. */
  refresh(): Promise<void>;
  /** The next reminders of the centers bound to `chat`, soonest first (default 5). */
  upcoming(chat: ChatRef, limit?: number): Promise<PlannedReminder[]>;
  /**
   * Every reminder not yet sent whose send time falls in `[from, to)`, one per center and period
   * stage, with `chats` narrowed to the chats it has not reached; acknowledged periods left out,
   * moved (稍后提醒) ones at their new time.
   */
  pending(from: Date, to: Date): Promise<PlannedReminder[]>;
  /** Handles a press of an engine button (`rem:done:`, `rem:ok:`, `rem:later:`, `rem:why:`). */
  onChoice(turn: Turn & { choice: string }): Promise<Reply[]>;
  /** Records that a duty period is done or noted: no more reminders for it. */
  acknowledge(centerId: string, duty: DutyId, period: string, by: string): Promise<void>;
  /** The message of the reminders due for one chat at one instant, with their buttons. */
  render(reminders: readonly PlannedReminder[], locale: Locale): Reply;
}

/** One delivery waiting in the index: a reminder to one chat, considered at `at`. */
interface Entry {
  at: number;
  id: string;
  chat: ChatRef;
  r: PlannedReminder;
  attempts: number;
  /** Whether a pending record exists in the store for it. */
  pending: boolean;
}

const storedReminder = z.object({
  key: z.string(),
  centerId: z.string(),
  center: z.string(),
  duty: z.enum(['annual-summary', 'evaluation', 'support-ends']),
  clause: z.string(),
  period: z.string(),
  due: z.string(),
  sendAt: z.string(),
  stage: z.string(),
  recognized: z.string(),
  snoozed: z.number().int().optional(),
});
const pendingSchema = z.object({
  r: storedReminder,
  chat: z.string(),
  next: z.number(),
  attempts: z.number().int(),
});
/** A reminder moved by 稍后提醒; `done` once it went out or was dropped (kept to number the next move). */
const snoozeSchema = z.object({
  n: z.number().int().min(1),
  at: z.number(),
  r: storedReminder,
  done: z.boolean().optional(),
});
const atSchema = z.object({ at: z.number() });

/** A min-heap of entries by `at`, then id. */
class EntryHeap {
  readonly #items: Entry[] = [];
  get size(): number {
    return this.#items.length;
  }
  peek(): Entry | undefined {
    return this.#items[0];
  }
  push(e: Entry): void {
    const a = this.#items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i] as Entry, a[p] as Entry)) break;
      [a[i], a[p]] = [a[p] as Entry, a[i] as Entry];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l] as Entry, a[m] as Entry)) m = l;
        if (r < a.length && before(a[r] as Entry, a[m] as Entry)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Entry, a[i] as Entry];
        i = m;
      }
    }
    return top;
  }
  clear(): void {
    this.#items.length = 0;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

const DUTY_CODES: Record<DutyId, string> = { 'annual-summary': 'a', evaluation: 'e', 'support-ends': 's' };
const DUTY_BY_CODE: Record<string, DutyId> = { a: 'annual-summary', e: 'evaluation', s: 'support-ends' };

/** The delivery id of a reminder to one chat (a moved reminder is a delivery of its own). */
function deliveryId(r: PlannedReminder, chat: ChatRef): string {
  return `${r.key}${r.snoozed ? `~s${r.snoozed}` : ''}|${chat}`;
}

/** The group whose due entries only the latest is sent of: one duty period in one chat. */
function groupOf(e: Entry): string {
  return `${periodKey(e.r.centerId, e.r.duty, e.r.period)}|${e.chat}`;
}

function toStored(r: PlannedReminder): z.infer<typeof storedReminder> {
  const { chats: _chats, sendAt, ...rest } = r;
  return { ...rest, sendAt: sendAt.toISOString() };
}

function fromStored(s: z.infer<typeof storedReminder>, chats: ChatRef[]): PlannedReminder {
  const { sendAt, snoozed, ...rest } = s;
  return { ...rest, sendAt: new Date(sendAt), chats, ...(snoozed ? { snoozed } : {}) };
}

/**
 * How a center is named in a button value, so that every value stays within Telegram's 64-byte
 * callback data: its id (`c-` and 12 hex digits for ids derived from names), or `#` and a hash of
 * an id longer than {@link MAX_ID_IN_BUTTON}.
 */
function centerToken(id: string): string {
  return id.length <= MAX_ID_IN_BUTTON ? id : `#${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Builds a reminder engine; see {@link ReminderEngine}. */
export function createReminderEngine(options: ReminderEngineOptions): ReminderEngine {
  const {
    store,
    clock,
    messenger,
    logger,
    knowledge,
    duties,
    settings,
    locale: defaultLocale = 'zh-CN',
    horizonMs = 35 * DAY_MS,
    refreshEveryMs = 60 * MINUTE_MS,
    extendSlice = 500,
  } = options;
  const dutyById = new Map(duties.map((d) => [d.id, d]));

  const heap = new EntryHeap();
  /** Delivery ids in the heap, so re-planning a stretch does not add one twice. */
  const indexed = new Set<string>();
  const acks = new Set<string>();
  /** The latest send time done per group (sent, or dropped as older), for lazy supersession. */
  const lastDone = new Map<string, number>();
  /** Pending-record ids per group, deleted when a later stage of the group is done. */
  const pendingByGroup = new Map<string, Set<string>>();
  let centers: Center[] = [];
  let registered = new Map<string, number>();
  let plannedTo = Number.NEGATIVE_INFINITY;
  /** The next stretch of the window while it is being planned, slice by slice. */
  let extension: { from: number; to: number; next: number } | undefined;
  let built: Promise<void> | undefined;
  let lastRefresh = Number.NEGATIVE_INFINITY;
  /** Staff notices that failed, tried again on the next tick. */
  let staffRetry: { id: string; chat: ChatRef; reply: Reply }[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const registeredAtOf = (c: Center): Date | undefined => {
    const ms = registered.get(c.id);
    return ms === undefined ? undefined : new Date(ms);
  };

  const trackPending = (group: string, id: string): void => {
    const ids = pendingByGroup.get(group) ?? new Set<string>();
    ids.add(id);
    pendingByGroup.set(group, ids);
  };

  const add = (r: PlannedReminder, chat: ChatRef, at: number, attempts = 0, pending = false): void => {
    const id = deliveryId(r, chat);
    if (indexed.has(id)) return;
    indexed.add(id);
    heap.push({ at, id, chat, r, attempts, pending });
    if (pending) {
      trackPending(`${periodKey(r.centerId, r.duty, r.period)}|${chat}`, id);
    }
  };

  /** Indexes the reminders of `[from, to)` for `some` centers (default all). */
  const planStretch = (from: number, to: number, some: readonly Center[] = centers): void => {
    if (!(from < to)) return;
    const planned = planReminders(some, duties, settings, {
      from: new Date(from),
      to: new Date(to),
      acknowledged: (k) => acks.has(k),
      registeredAt: registeredAtOf,
    });
    for (const r of planned) for (const chat of r.chats) add(r, chat, r.sendAt.getTime());
    if (some === centers) plannedTo = Math.max(plannedTo, to);
  };

  /**
   * Moves the planning window on once half of it has passed: the next stretch is planned a slice
   * of `extendSlice` centers per tick, so no tick plans for every center; only when the
   * clock has reached the stretch (a jump, a long pause) is the rest planned at once.
   */
  const extendWindow = (now: number): void => {
    if (!extension) {
      if (now + horizonMs / 2 < plannedTo) return;
      extension = { from: plannedTo, to: now + horizonMs, next: 0 };
    }
    const ext = extension;
    const count = now >= ext.from - MINUTE_MS ? centers.length : Math.max(1, extendSlice);
    planStretch(ext.from, ext.to, centers.slice(ext.next, ext.next + count));
    ext.next += count;
    if (ext.next >= centers.length) {
      plannedTo = Math.max(plannedTo, ext.to);
      extension = undefined;
    }
  };

  const readAt = async (key: string): Promise<number | undefined> => {
    const parsed = atSchema.safeParse(await store.get(key));
    return parsed.success ? parsed.data.at : undefined;
  };

  /** (Re)builds the index from the store: centers, registration, acks, snoozes, pending, cursor. */
  const rebuild = async (): Promise<void> => {
    const now = clock.now().getTime();
    centers = await options.centers();
    const seen = new Map<string, number>();
    for await (const [key, value] of store.entries(REMINDER_KEYS.seen)) {
      const parsed = atSchema.safeParse(value);
      if (parsed.success) seen.set(key.slice(REMINDER_KEYS.seen.length), parsed.data.at);
    }
    const nextRegistered = new Map<string, number>();
    for (const c of centers) {
      const own = c.registeredAt ? Date.parse(c.registeredAt) : Number.NaN;
      if (Number.isFinite(own)) {
        nextRegistered.set(c.id, own);
        continue;
      }
      let at = seen.get(c.id);
      if (at === undefined) {
        const key = `${REMINDER_KEYS.seen}${c.id}`;
        if (!(await store.setIfAbsent(key, { at: now }, KEEP_MS))) at = await readAt(key);
        at ??= now;
      }
      nextRegistered.set(c.id, at);
    }
    registered = nextRegistered;

    acks.clear();
    for await (const [key] of store.entries(REMINDER_KEYS.ack)) acks.add(key.slice(REMINDER_KEYS.ack.length));

    heap.clear();
    indexed.clear();
    pendingByGroup.clear();
    lastDone.clear();
    const active = new Map(centers.filter((c) => !c.paused).map((c) => [c.id, c]));
    const stillBound = (centerId: string, chat: string) => active.get(centerId)?.chats.includes(chat) ?? false;

    for await (const [key, value] of store.entries(REMINDER_KEYS.pending)) {
      const parsed = pendingSchema.safeParse(value);
      if (!parsed.success) {
        logger.warn({ key }, 'dropping an unreadable pending reminder');
        await store.delete(key);
        continue;
      }
      const { r, chat, next, attempts } = parsed.data;
      if (!stillBound(r.centerId, chat)) {
        await store.delete(key);
        continue;
      }
      add(fromStored(r, [chat as ChatRef]), chat as ChatRef, next, attempts, true);
    }
    for await (const [key, value] of store.entries(REMINDER_KEYS.snooze)) {
      const parsed = snoozeSchema.safeParse(value);
      if (!parsed.success || parsed.data.done) continue;
      const chat = key.slice(key.lastIndexOf('|') + 1) as ChatRef;
      const { r, at } = parsed.data;
      if (!stillBound(r.centerId, chat)) continue;
      add(fromStored(r, [chat]), chat, at);
    }

    const cursor = await readAt(REMINDER_KEYS.cursor);
    let from: number;
    if (cursor !== undefined) from = Math.min(cursor + 1, now);
    else {
      // First start: from the earliest registration (bounded); registration filters the rest.
      const earliest = Math.min(now, ...[...registered.values()].filter((t) => t > now - FIRST_START_LOOKBACK_MS));
      from = earliest;
    }
    plannedTo = from;
    extension = undefined;
    planStretch(from, now + horizonMs);
    lastRefresh = now;
  };

  const ensureBuilt = (): Promise<void> => {
    built ??= rebuild().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };

  const clauseLabel = (id: string) => knowledge.clause(id)?.label ?? id;

  const whenText = (r: PlannedReminder, locale: Locale): string => {
    const m = engineMessages(locale);
    // Counted from when it goes out: its planned time, or now for one sent late (a retry, a catch-up).
    const from = Math.max(r.sendAt.getTime(), clock.now().getTime());
    const days = daysBetween(localDay(new Date(from)), r.due);
    if (days > 1) return m.daysLeft(days, r.due);
    if (days === 1) return m.dueTomorrow(r.due);
    if (days === 0) return m.dueToday(r.due);
    return m.overdue(-days, r.due);
  };

  const fill = (template: string, r: PlannedReminder): string =>
    template.replace(/\{(center|period|due|recognized|cycle|years)\}/g, (_, name: string) => {
      switch (name) {
        case 'center':
          return r.center;
        case 'period':
          return r.period;
        case 'due':
          return r.due;
        case 'recognized':
          return r.recognized;
        case 'cycle':
          return r.period.replace(/^cycle-/, '');
        default:
          return String(settings.evaluationEveryYears);
      }
    });

  const renderText = (reminders: readonly PlannedReminder[], locale: Locale): string => {
    const m = engineMessages(locale);
    const blocks = reminders.map((r) => {
      const duty = dutyById.get(r.duty);
      const title = duty?.title[locale] ?? r.duty;
      const lines = [m.headline(title, whenText(r, locale)) + (r.snoozed ? m.snoozedNote : '')];
      if (duty) lines.push(fill(duty.message[locale], r), fill(duty.dateSource[locale], r));
      lines.push(m.citation(clauseLabel(r.clause)));
      return lines.join('\n');
    });
    return reminders.length > 1 ? [m.merged(reminders.length), ...blocks].join('\n\n') : (blocks[0] ?? '');
  };

  const render = (reminders: readonly PlannedReminder[], locale: Locale): Reply => {
    const m = engineMessages(locale);
    const several = reminders.length > 1;
    const choices: Choice[] = [];
    for (const r of reminders) choices.push(...actionChoices(r, locale, several));
    // One 查看原文 per reminder: its reply offers that reminder's buttons again, because a platform
    // may take the keyboard away once any of its buttons is pressed.
    for (const r of reminders) {
      const title = dutyById.get(r.duty)?.title[locale] ?? r.duty;
      const label = m.source(clauseLabel(r.clause));
      choices.push({ label: several ? m.forDuty(label, title) : label, value: `rem:why:${payloadOf(r)}:${r.stage}` });
    }
    return { text: renderText(reminders, locale), choices };
  };

  /** `centerToken:dutyCode:period`, what the engine's buttons carry (≤ 64 bytes with the prefix). */
  const payloadOf = (r: { centerId: string; duty: DutyId; period: string }): string =>
    `${centerToken(r.centerId)}:${DUTY_CODES[r.duty]}:${r.period}`;

  /** 已提交 and 稍后提醒 for a task, 知道了 for a notice. */
  const actionChoices = (
    r: { centerId: string; duty: DutyId; period: string; stage: string },
    locale: Locale,
    several: boolean,
  ): Choice[] => {
    const m = engineMessages(locale);
    const duty = dutyById.get(r.duty);
    const title = duty?.title[locale] ?? r.duty;
    const label = (l: string) => (several ? m.forDuty(l, title) : l);
    const payload = payloadOf(r);
    return duty?.kind === 'task'
      ? [
          { label: label(m.submitted), value: `rem:done:${payload}` },
          { label: label(m.later), value: `rem:later:${payload}:${r.stage}` },
        ]
      : [{ label: label(m.noted), value: `rem:ok:${payload}` }];
  };

  /** Sends one staff notice to every staff chat, once per notice id. */
  const notifyStaff = async (noticeId: string, reply: Reply): Promise<void> => {
    for (const chat of settings.staffChats) await sendStaff(`${noticeId}|${chat}`, chat, reply);
  };

  const sendStaff = async (id: string, chat: ChatRef, reply: Reply): Promise<void> => {
    const key = `${REMINDER_KEYS.staff}${id}`;
    if (!(await store.setIfAbsent(key, { at: clock.now().getTime() }, KEEP_MS))) return;
    let result: DeliveryResult;
    try {
      result = await messenger.send(chat, reply);
    } catch (error) {
      logger.warn({ err: asBotError(error), chat }, 'staff notice failed');
      result = 'failed';
    }
    if (result === 'ok') return;
    await store.delete(key);
    if (result === 'failed') staffRetry.push({ id, chat, reply });
    else logger.warn({ chat }, 'a staff chat has blocked the bot');
  };

  const forget = async (e: Entry): Promise<void> => {
    indexed.delete(e.id);
    // A moved reminder that is done, dropped or superseded must not come back after a restart.
    if (e.r.snoozed) {
      const key = `${REMINDER_KEYS.snooze}${e.r.key}|${e.chat}`;
      const record = snoozeSchema.safeParse(await store.get(key));
      if (record.success && record.data.n === e.r.snoozed)
        await store.set(key, { ...record.data, done: true }, KEEP_MS);
    }
    if (e.pending) {
      await store.delete(`${REMINDER_KEYS.pending}${e.id}`);
      pendingByGroup.get(groupOf(e))?.delete(e.id);
    }
  };

  /** Marks a group done up to `sendAt` and drops pending records of its earlier stages. */
  const groupDone = async (e: Entry): Promise<void> => {
    const g = groupOf(e);
    const t = e.r.sendAt.getTime();
    lastDone.set(g, Math.max(lastDone.get(g) ?? Number.NEGATIVE_INFINITY, t));
    const ids = pendingByGroup.get(g);
    if (!ids) return;
    for (const id of [...ids]) {
      if (id === e.id) continue;
      // Earlier stages of this group are superseded; their records go with them.
      ids.delete(id);
      await store.delete(`${REMINDER_KEYS.pending}${id}`);
    }
  };

  const keepPending = async (e: Entry, next: number, attempts: number): Promise<void> => {
    await store.set(
      `${REMINDER_KEYS.pending}${e.id}`,
      { r: toStored(e.r), chat: e.chat, next, attempts },
      PENDING_TTL_MS,
    );
    trackPending(groupOf(e), e.id);
    indexed.add(e.id);
    heap.push({ ...e, at: next, attempts, pending: true });
  };

  /** Delivers the reminders due for one chat as one message. */
  const deliver = async (chat: ChatRef, entries: Entry[], now: number): Promise<SentReport | undefined> => {
    const claimed: Entry[] = [];
    for (const e of entries) {
      if (await store.get(`${REMINDER_KEYS.sent}${e.id}`)) {
        await groupDone(e);
        await forget(e);
        continue;
      }
      const claimKey = `${REMINDER_KEYS.claim}${e.id}`;
      if (await store.setIfAbsent(claimKey, { at: now }, CLAIM_TTL_MS)) {
        claimed.push(e);
        continue;
      }
      // Claimed by a tick that has not marked it (in flight, or killed): look again when the claim lapses.
      const at = (await readAt(claimKey)) ?? now;
      indexed.delete(e.id);
      await keepPending(e, Math.max(at + CLAIM_TTL_MS, now + MINUTE_MS), e.attempts);
    }
    if (claimed.length === 0) return undefined;
    const reminders = claimed.map((e) => ({ ...e.r, chats: [chat] }));
    let result: DeliveryResult;
    try {
      result = await messenger.send(chat, render(reminders, defaultLocale));
    } catch (error) {
      logger.warn({ err: asBotError(error), chat }, 'sending a reminder failed');
      result = 'failed';
    }
    if (result === 'ok') {
      for (const e of claimed) {
        await store.set(`${REMINDER_KEYS.sent}${e.id}`, { at: now }, KEEP_MS);
        await groupDone(e);
        await forget(e);
      }
      for (const e of claimed) {
        if (dutyById.get(e.r.duty)?.overdue && e.r.stage.startsWith('overdue')) await staffOverdue(e.r);
      }
    } else if (result === 'blocked') {
      for (const e of claimed) {
        await store.delete(`${REMINDER_KEYS.claim}${e.id}`);
        await forget(e);
      }
      for (const centerId of new Set(claimed.map((e) => e.r.centerId))) await blocked(centerId, chat);
    } else {
      for (const e of claimed) {
        await store.delete(`${REMINDER_KEYS.claim}${e.id}`);
        indexed.delete(e.id);
        const wait = Math.min(MINUTE_MS * 2 ** e.attempts, MAX_BACKOFF_MS);
        await keepPending(e, now + wait, e.attempts + 1);
      }
      logger.warn({ chat, reminders: claimed.length }, 'reminder delivery failed; will retry');
    }
    return { chat, at: new Date(now), result, reminders };
  };

  const staffOverdue = async (r: PlannedReminder): Promise<void> => {
    if (settings.staffChats.length === 0) return;
    const center = centers.find((c) => c.id === r.centerId);
    const m = engineMessages(defaultLocale);
    const title = dutyById.get(r.duty)?.title[defaultLocale] ?? r.duty;
    const text = m.staffOverdue(r.center, title, r.period, r.due, (center?.chats ?? []).join(', ') || '—');
    await notifyStaff(`overdue:${periodKey(r.centerId, r.duty, r.period)}`, { text });
  };

  const blocked = async (centerId: string, chat: ChatRef): Promise<void> => {
    const change = await unbindChat(store, centerId, chat);
    const name = change?.center.name ?? centerId;
    logger.warn({ center: centerId, chat }, 'a chat blocked the bot; its reminders are paused');
    if (change) centers = centers.map((x) => (x.id === centerId ? change.center : x));
    // Whatever else of this center is indexed for the chat is dropped by the next tick (`bound`).
    await notifyStaff(`blocked:${centerId}|${chat}|${clock.now().getTime()}`, {
      text: engineMessages(defaultLocale).staffBlocked(name, chat),
    });
  };

  const bound = (centerId: string, chat: string): boolean => {
    const c = centers.find((x) => x.id === centerId);
    return c !== undefined && !c.paused && c.chats.includes(chat);
  };

  const runTick = async (nowDate: Date): Promise<SentReport[]> => {
    await ensureBuilt();
    const now = nowDate.getTime();
    if (now - lastRefresh >= refreshEveryMs && timer !== undefined) await rebuild();
    // The window moves on with the centers as last read (a refresh reads them again).
    extendWindow(now);
    const reports: SentReport[] = [];
    if (staffRetry.length) {
      const retry = staffRetry;
      staffRetry = [];
      for (const s of retry) await sendStaff(s.id, s.chat, s.reply);
    }
    const top = heap.peek();
    if (top === undefined || top.at > now) return reports;

    const due: Entry[] = [];
    while ((heap.peek()?.at ?? Number.POSITIVE_INFINITY) <= now) {
      const e = heap.pop();
      if (e) due.push(e);
    }
    // Drop acknowledged periods, chats no longer bound, and stages older than one already done.
    const live: Entry[] = [];
    for (const e of due) {
      const gone =
        acks.has(periodKey(e.r.centerId, e.r.duty, e.r.period)) ||
        !bound(e.r.centerId, e.chat) ||
        e.r.sendAt.getTime() < (lastDone.get(groupOf(e)) ?? Number.NEGATIVE_INFINITY);
      if (gone) await forget(e);
      else live.push(e);
    }
    // Of one duty period for one chat, only the latest due stage goes out.
    const latest = new Map<string, Entry>();
    for (const e of live) {
      const g = groupOf(e);
      const held = latest.get(g);
      if (!held || compareReminders(held.r, e.r) < 0) latest.set(g, e);
    }
    for (const e of live) {
      if (latest.get(groupOf(e)) !== e) await forget(e);
    }
    const byChat = new Map<ChatRef, Entry[]>();
    for (const e of latest.values()) {
      const list = byChat.get(e.chat) ?? [];
      list.push(e);
      byChat.set(e.chat, list);
    }
    const jobs = [...byChat.entries()].map(([chat, entries]) => ({
      chat,
      entries: entries.sort((a, b) => compareReminders(a.r, b.r)),
    }));
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (!job) break;
        const report = await deliver(job.chat, job.entries, now);
        if (report) reports.push(report);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
    await store.set(REMINDER_KEYS.cursor, { at: now }, KEEP_MS);
    return reports.sort((a, b) => (a.chat < b.chat ? -1 : a.chat > b.chat ? 1 : 0));
  };

  /** Runs `task` after whatever the engine is doing, so ticks and rebuilds never overlap. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  const tick = (now?: Date): Promise<SentReport[]> => serial(() => runTick(now ?? clock.now()));

  const refresh = (): Promise<void> =>
    serial(async () => {
      built = rebuild();
      await built;
    });

  const acknowledge = async (centerId: string, duty: DutyId, period: string, by: string): Promise<void> => {
    const key = periodKey(centerId, duty, period);
    await store.set(`${REMINDER_KEYS.ack}${key}`, { by, at: clock.now().toISOString() }, KEEP_MS);
    acks.add(key);
  };

  const pending = async (from: Date, to: Date): Promise<PlannedReminder[]> => {
    // Reads the store as it is and writes nothing (the CLI's plan is a look, not a start).
    const all = await options.centers();
    const acked = new Set<string>();
    for await (const [key] of store.entries(REMINDER_KEYS.ack)) acked.add(key.slice(REMINDER_KEYS.ack.length));
    const seen = new Map<string, number>();
    for await (const [key, value] of store.entries(REMINDER_KEYS.seen)) {
      const parsed = atSchema.safeParse(value);
      if (parsed.success) seen.set(key.slice(REMINDER_KEYS.seen.length), parsed.data.at);
    }
    // Whatever was due up to the cursor is done (sent, superseded, or kept as pending below).
    const cursor = await readAt(REMINDER_KEYS.cursor);
    const planned = planReminders(all, duties, settings, {
      from: cursor === undefined ? from : new Date(Math.max(from.getTime(), cursor + 1)),
      to,
      acknowledged: (k) => acked.has(k),
      registeredAt: (c) => {
        const own = c.registeredAt ? Date.parse(c.registeredAt) : Number.NaN;
        if (Number.isFinite(own)) return new Date(own);
        const at = seen.get(c.id);
        return at === undefined ? undefined : new Date(at);
      },
    });
    const inWindow = (at: number) => at >= from.getTime() && at < to.getTime();
    // Deliveries that failed or were interrupted, at their planned time.
    for await (const [, value] of store.entries(REMINDER_KEYS.pending)) {
      const parsed = pendingSchema.safeParse(value);
      if (!parsed.success) continue;
      const r = fromStored(parsed.data.r, [parsed.data.chat as ChatRef]);
      if (inWindow(r.sendAt.getTime()) && !acked.has(periodKey(r.centerId, r.duty, r.period))) planned.push(r);
    }
    for await (const [key, value] of store.entries(REMINDER_KEYS.snooze)) {
      const parsed = snoozeSchema.safeParse(value);
      if (!parsed.success || parsed.data.done || !inWindow(parsed.data.at)) continue;
      const chat = key.slice(key.lastIndexOf('|') + 1) as ChatRef;
      planned.push({ ...fromStored(parsed.data.r, [chat]), sendAt: new Date(parsed.data.at) });
    }
    const out: PlannedReminder[] = [];
    const listed = new Set<string>();
    for (const r of planned.sort(compareReminders)) {
      const chats: ChatRef[] = [];
      for (const chat of r.chats) {
        const id = deliveryId(r, chat);
        if (listed.has(id)) continue;
        listed.add(id);
        if (!(await store.get(`${REMINDER_KEYS.sent}${id}`))) chats.push(chat);
      }
      if (r.chats.length === 0 || chats.length > 0) out.push({ ...r, chats });
    }
    return out;
  };

  const upcoming = async (chat: ChatRef, limit = 5): Promise<PlannedReminder[]> => {
    await ensureBuilt();
    const mine = (await options.centers()).filter((c) => c.chats.includes(chat));
    const now = clock.now();
    const planned = planReminders(mine, duties, settings, {
      from: now,
      to: new Date(now.getTime() + 4 * 366 * DAY_MS),
      acknowledged: (k) => acks.has(k),
    });
    return planned.slice(0, limit).map((r) => ({ ...r, chats: [chat] }));
  };

  const parsePayload = (payload: string) => {
    // centerId:dutyCode:period[:stage]; a center id has no colon.
    const [centerId = '', code = '', period = '', stage] = payload.split(':');
    const duty = DUTY_BY_CODE[code];
    return duty ? { centerId, duty, period, stage } : undefined;
  };

  const onChoice = async (turn: Turn & { choice: string }): Promise<Reply[]> => {
    const m = engineMessages(turn.locale);
    const value = turn.choice;
    const match = /^rem:(done|ok|later|why):(.*)$/.exec(value);
    if (!match) return [{ text: m.unknownButton }];
    const [, action, payload = ''] = match;
    const p = parsePayload(payload);
    if (!p) return [{ text: m.unknownButton }];
    if (action === 'why') {
      const duty = dutyById.get(p.duty);
      const clause = duty && knowledge.clause(`${duty.doc}/${duty.clause}`);
      if (!clause) return [{ text: m.unknownButton }];
      const text = m.clauseText(clause.label, clause.title, clause.text);
      return [{ text, choices: actionChoices({ ...p, stage: p.stage ?? '' }, turn.locale, false) }];
    }
    await ensureBuilt();
    const center = (await options.centers()).find((c) => centerToken(c.id) === p.centerId);
    const duty = dutyById.get(p.duty);
    if (!center || !duty) return [{ text: m.unknownButton }];
    const title = duty.title[turn.locale];
    if (action === 'done' || action === 'ok') {
      await acknowledge(center.id, p.duty, p.period, turn.user);
      return [
        { text: action === 'done' ? m.submittedReply(center.name, title, p.period) : m.notedReply(center.name, title) },
      ];
    }
    // 稍后提醒: the same stage again, 24 hours from now, in this chat.
    if (!p.stage) return [{ text: m.unknownButton }];
    const key = `${periodKey(center.id, p.duty, p.period)}|${p.stage}`;
    const snoozeKey = `${REMINDER_KEYS.snooze}${key}|${turn.chat}`;
    const previous = snoozeSchema.safeParse(await store.get(snoozeKey));
    const nowMs = clock.now().getTime();
    const at = nowMs + SNOOZE_MS;
    // The stage went out already (its button was pressed), so it lies behind, within the longest span of a duty.
    const base = planReminders([center], [duty], settings, {
      from: new Date(nowMs - 2 * 366 * DAY_MS),
      to: new Date(nowMs + DAY_MS),
      acknowledged: () => false,
    }).find((r) => r.key === key);
    const source = previous.success ? fromStored(previous.data.r, [turn.chat]) : base;
    if (!source) return [{ text: m.unknownButton }];
    const n = (previous.success ? previous.data.n : 0) + 1;
    const moved: PlannedReminder = { ...source, chats: [turn.chat], sendAt: new Date(at), snoozed: n };
    await store.set(snoozeKey, { n, at, r: toStored(moved) }, KEEP_MS);
    await serial(async () => {
      await ensureBuilt();
      add(moved, turn.chat, at);
    });
    return [{ text: m.laterReply(formatSendAt(new Date(at)).slice(0, 16).replace('T', ' ')) }];
  };

  return {
    tick,
    start(intervalMs = MINUTE_MS) {
      if (timer) return;
      const run = () => {
        tick().catch((error: unknown) => {
          const e = asBotError(error);
          logger.error({ code: e.code, err: e.cause ?? e }, 'reminder tick failed');
        });
      };
      timer = setInterval(run, intervalMs);
      timer.unref();
      run();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await chain;
    },
    refresh,
    upcoming,
    pending,
    onChoice,
    acknowledge,
    render,
  };
}
