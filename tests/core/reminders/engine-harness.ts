/**
 * A harness for the reminder engine: a recording messenger, the three centers of the acceptance
 * simulation, and a loop that steps a clock hour by hour, registering each center at 10:00 on its
 * 认定日期 and ticking the engine.
 */
import { addCenter, type Center, listCenters } from '../../../src/centers/index.ts';
import type { ChatRef, DeliveryResult, Logger, Messenger, Reply, Store } from '../../../src/index.ts';
import {
  createReminderEngine,
  DEFAULT_REMINDER_SETTINGS,
  loadDuties,
  type ReminderEngine,
  type ReminderSettings,
} from '../../../src/reminders/index.ts';
import type { SteppingClock } from '../../helpers/clock.ts';
import { knowledge } from '../../helpers/conversation.ts';

/** One message the fake platform received. */
export interface Delivered {
  chat: ChatRef;
  reply: Reply;
  /** The clock's instant, ISO in UTC. */
  at: string;
}

/** A messenger that records every send and answers `result(chat)` (default `ok`). */
export function recordingMessenger(clock: SteppingClock, result: (chat: ChatRef) => DeliveryResult = () => 'ok') {
  const sent: Delivered[] = [];
  const messenger: Messenger = {
    async send(chat, reply) {
      const r = result(chat);
      if (r === 'ok') sent.push({ chat, reply, at: clock.now().toISOString() });
      return r;
    },
  };
  return { sent, messenger };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The acceptance centers: name, 认定日期, status, chat. */
export const ACCEPTANCE_CENTERS = [
  { name: '闰日中心', recognized: '2024-02-29', status: 'recognised', chat: 'telegram:-1001' },
  { name: '三月中心', recognized: '2024-03-15', status: 'recognised', chat: 'telegram:-1002' },
  { name: '试点中心', recognized: '2025-12-31', status: 'pilot', chat: 'slack:C0003' },
] as const;

export const duties = () => loadDuties(knowledge());

/** Builds an engine over `store` reading the centers from it. */
export function engineFor(
  store: Store,
  clock: SteppingClock,
  messenger: Messenger,
  settings: Partial<ReminderSettings> = {},
  extra: { extendSlice?: number } = {},
): ReminderEngine {
  return createReminderEngine({
    store,
    clock,
    messenger,
    logger: silentLogger,
    knowledge: knowledge(),
    duties: duties(),
    settings: { ...DEFAULT_REMINDER_SETTINGS, ...settings },
    centers: () => listCenters(store),
    ...extra,
  });
}

/** Registers the acceptance center `i` at 10:00 +08:00 on its 认定日期. */
export async function registerAcceptanceCenter(store: Store, i: number): Promise<Center> {
  const c = ACCEPTANCE_CENTERS[i];
  if (!c) throw new Error(`no center ${i}`);
  return addCenter(store, {
    name: c.name,
    recognized: c.recognized,
    status: c.status,
    chats: [c.chat],
    verified: true,
    registeredBy: 'cli',
    registeredAt: new Date(`${c.recognized}T10:00:00+08:00`).toISOString(),
  });
}

const HOUR_MS = 3_600_000;

/**
 * Steps `clock` hour by hour over `[from, to)`, registering the acceptance centers when their
 * registration instant comes (then `onRegistered`), and calling `tick` at every hour.
 */
export async function simulate(options: {
  clock: SteppingClock;
  store: () => Store;
  from: string;
  to: string;
  tick: () => Promise<unknown>;
  onRegistered: () => Promise<void>;
  /** Called before each tick (restarts, button presses). */
  before?: (now: Date) => Promise<void>;
}): Promise<void> {
  const { clock, from, to } = options;
  clock.set(from);
  const end = new Date(to).getTime();
  const registrations = ACCEPTANCE_CENTERS.map((c) => new Date(`${c.recognized}T10:00:00+08:00`).getTime());
  while (clock.now().getTime() < end) {
    const now = clock.now().getTime();
    let registered = false;
    for (const [i, at] of registrations.entries()) {
      if (at === now) {
        await registerAcceptanceCenter(options.store(), i);
        registered = true;
      }
    }
    if (registered) await options.onRegistered();
    await options.before?.(clock.now());
    await options.tick();
    clock.step(HOUR_MS);
  }
}

/** The reminders a delivered message holds, as `center|duty title` lines (its 【…】 headlines). */
export function headlines(reply: Reply): string[] {
  return reply.text.split('\n').filter((l) => l.startsWith('【'));
}
