/**
 * `npm run bench:reminders`: the reminder engine with 10 000 centers in an in-memory store and a
 * fake platform that accepts every message. Prints the time to build the index, the ms per tick
 * with nothing due, the ms of one tick with 1 000 reminders due (1 000 pilot centers whose first
 * evaluation's 30-day stage falls at one instant), the same for 10 000 due (every center's annual
 * summary in January, the busiest instant of the year), the tick that moves the planning window
 * on (it plans the next stretch for a slice of 500 centers), and the peak RSS. Targets: < 50 ms,
 * < 500 ms, < 200 MB.
 */
import { addCenter, listCenters } from '../../src/centers/index.ts';
import { loadKnowledge } from '../../src/knowledge-base/index.ts';
import type { ChatRef, Logger, Messenger } from '../../src/ports.ts';
import { createReminderEngine, DEFAULT_REMINDER_SETTINGS, loadDuties } from '../../src/reminders/index.ts';
import { MemoryStore } from '../../src/state/index.ts';
import { steppingClock } from '../helpers/clock.ts';

const CENTERS = 10_000;
const DUE = 1_000;
const IDLE_TICKS = 1_000;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const knowledge = loadKnowledge();
const duties = loadDuties(knowledge);

/**
 * 10 000 centers, each with its own chat: the first {@link DUE} are pilots recognised on
 * 2023-07-01 (first evaluation 2026-07-01, 30-day stage 2026-06-01 09:00); the rest are
 * recognised between August and December of 2018–2024, so nothing else falls on that instant.
 */
async function populate(store: MemoryStore): Promise<void> {
  for (let i = 0; i < CENTERS; i += 1) {
    const special = i < DUE;
    const year = 2018 + (i % 7);
    const month = 8 + (i % 5);
    const day = 1 + (i % 28);
    const recognized = special
      ? '2023-07-01'
      : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    await addCenter(store, {
      id: `bench-${i}`,
      name: `基准中心${i}`,
      recognized,
      status: special ? 'pilot' : i % 3 === 0 ? 'pilot' : 'recognised',
      chats: [`telegram:-${100_000 + i}` as ChatRef],
      verified: true,
      registeredBy: 'cli',
      registeredAt: '2018-01-01T00:00:00+08:00',
    });
  }
}

async function scenario(start: string) {
  const clock = steppingClock(start);
  const store = new MemoryStore({ clock });
  await populate(store);
  let messages = 0;
  const messenger: Messenger = {
    async send() {
      messages += 1;
      return 'ok';
    },
  };
  const engine = createReminderEngine({
    store,
    clock,
    messenger,
    logger: silent,
    knowledge,
    duties,
    settings: { ...DEFAULT_REMINDER_SETTINGS },
    centers: () => listCenters(store),
  });
  return { clock, store, engine, messages: () => messages };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The scenario the targets are about: build, idle ticks, 1 000 due, the window moving on. */
async function targets() {
  // Build, then idle ticks a minute apart (2026-05-20 10:00 onwards: no reminder is due).
  const s = await scenario('2026-05-20T10:00:00+08:00');
  let t0 = performance.now();
  await s.engine.refresh();
  const buildMs = performance.now() - t0;
  await s.engine.tick(); // warm-up
  t0 = performance.now();
  for (let i = 0; i < IDLE_TICKS; i += 1) {
    s.clock.step(60_000);
    const sent = await s.engine.tick();
    if (sent.length) throw new Error(`an idle tick sent ${sent.length} messages`);
  }
  const idleMs = (performance.now() - t0) / IDLE_TICKS;

  // 1 000 due at 2026-06-01 09:00 +08:00.
  s.clock.set('2026-06-01T08:59:00+08:00');
  await s.engine.tick();
  s.clock.set('2026-06-01T09:00:00+08:00');
  t0 = performance.now();
  const due = await s.engine.tick();
  const dueMs = performance.now() - t0;
  const reminders = due.reduce((n, r) => n + r.reminders.length, 0);
  if (reminders !== DUE) throw new Error(`expected ${DUE} reminders due, got ${reminders}`);

  // A tick that moves the planning window on (every ~17 days, 500 centers a tick until all are planned).
  s.clock.set('2026-06-10T10:00:00+08:00');
  t0 = performance.now();
  const moved = await s.engine.tick();
  const windowMs = performance.now() - t0;
  if (moved.length) throw new Error('the window tick sent something');

  return {
    buildMs,
    idleMs,
    dueMs,
    dueMessages: due.length,
    windowMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Every center's annual summary at 2026-01-01 09:00 +08:00 (30 days before 01-31). */
async function january() {
  const jan = await scenario('2025-12-31T10:00:00+08:00');
  await jan.engine.refresh();
  await jan.engine.tick();
  jan.clock.set('2026-01-01T09:00:00+08:00');
  const t0 = performance.now();
  const all = await jan.engine.tick();
  const allMs = performance.now() - t0;
  const allReminders = all.reduce((n, r) => n + r.reminders.length, 0);
  return { allMs, allReminders, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main(): Promise<void> {
  const { buildMs, idleMs, dueMs, dueMessages, windowMs, peakRssMb } = await targets();
  // Started with --expose-gc (npm run bench:reminders), the first scenario's store is freed first.
  (globalThis as { gc?: () => void }).gc?.();
  const { allMs, allReminders, peakRssMb: januaryRssMb } = await january();
  const figures = {
    centers: CENTERS,
    buildMs: round(buildMs),
    idleTickMs: round(idleMs),
    due1000TickMs: round(dueMs),
    due1000Messages: dueMessages,
    windowMoveTickMs: round(windowMs),
    januaryTickMs: round(allMs),
    januaryReminders: allReminders,
    peakRssMb: round(peakRssMb),
    peakRssWithJanuaryMb: round(januaryRssMb),
  };
  process.stdout.write(
    [
      `centers                         ${CENTERS}`,
      `build the index (start)         ${figures.buildMs} ms`,
      `tick, nothing due (mean of ${IDLE_TICKS})  ${figures.idleTickMs} ms   target < 50 ms`,
      `tick, ${DUE} due                  ${figures.due1000TickMs} ms   target < 500 ms (${dueMessages} messages)`,
      `tick moving the window on       ${figures.windowMoveTickMs} ms   (500 centers planned; ~20 such ticks every ~17 days)`,
      `tick, every center due (January) ${figures.januaryTickMs} ms   (${allReminders} reminders)`,
      `peak RSS                        ${figures.peakRssMb} MB   target < 200 MB`,
      `peak RSS with the January run   ${figures.peakRssWithJanuaryMb} MB   (after it, in the same process)`,
      JSON.stringify(figures),
      '',
    ].join('\n'),
  );
  const ok = idleMs < 50 && dueMs < 500 && peakRssMb < 200;
  if (!ok) process.exitCode = 1;
}

await main();
