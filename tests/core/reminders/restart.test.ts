/**
 * The acceptance simulation again, on one SQLite file, with the process "killed" and restarted at
 * 50 seeded-random instants. Half the kills fall inside a platform call (the fake platform has
 * delivered, the engine has not marked it): only there may a reminder be doubled, and the test
 * counts those. The other half fall between ticks. Nothing may be lost.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyvStore } from '../../../adapters/storage/index.ts';
import type { ChatRef, Messenger, Reply, Store } from '../../../src/index.ts';
import { MemoryStore } from '../../../src/index.ts';
import type { ReminderEngine } from '../../../src/reminders/index.ts';
import { type SteppingClock, steppingClock } from '../../helpers/clock.ts';
import { engineFor, simulate } from './engine-harness.ts';

const FROM = '2024-01-01T00:00:00+08:00';
const TO = '2032-01-01T00:00:00+08:00';
const HOUR = 3_600_000;
const SEED = 20_240_229;

/** A small seeded PRNG (mulberry32), so the kill instants are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Delivery {
  chat: ChatRef;
  /** The message as the platform received it: the same text twice is the same reminder twice. */
  text: string;
  at: number;
}

/**
 * One process's view of the platform. Armed, its next send delivers and then never returns: the
 * process dies inside the platform call. After that every send hangs undelivered (the process is gone).
 */
function platform(deliveries: Delivery[], clock: SteppingClock) {
  let armed = false;
  let dead = false;
  let died: () => void = () => {};
  const death = new Promise<void>((resolve) => {
    died = resolve;
  });
  const messenger: Messenger = {
    send(chat: ChatRef, reply: Reply) {
      if (dead) return new Promise(() => {});
      deliveries.push({ chat, text: reply.text, at: clock.now().getTime() });
      if (armed) {
        dead = true;
        died();
        return new Promise(() => {});
      }
      return Promise.resolve('ok');
    },
  };
  return {
    messenger,
    death,
    arm: () => {
      armed = true;
    },
  };
}

/** Lets every pending promise callback and I/O callback run (no timers, no waiting on the clock). */
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function cleanRun(): Promise<Delivery[]> {
  const clock = steppingClock(FROM);
  const store = new MemoryStore({ clock });
  const deliveries: Delivery[] = [];
  const engine = engineFor(store, clock, platform(deliveries, clock).messenger);
  await simulate({
    clock,
    store: () => store,
    from: FROM,
    to: TO,
    tick: () => engine.tick(),
    onRegistered: () => engine.refresh(),
  });
  return deliveries;
}

describe('reminders: kill and restart on one SQLite file', { timeout: 120_000 }, () => {
  it('should lose nothing and double a reminder only where a kill fell between the platform call and the mark', async () => {
    const expected = await cleanRun();
    const rand = random(SEED);

    // 25 kills inside a send (at instants where something is sent) and 25 between ticks.
    const sendInstants = [...new Set(expected.map((d) => d.at))];
    const inSend = new Set<number>();
    while (inSend.size < 25) inSend.add(sendInstants[Math.floor(rand() * sendInstants.length)] ?? 0);
    const start = new Date(FROM).getTime();
    const hours = (new Date(TO).getTime() - start) / HOUR;
    const between = new Set<number>();
    while (between.size < 25) {
      const at = start + Math.floor(rand() * hours) * HOUR;
      if (!inSend.has(at)) between.add(at);
    }

    const path = join(mkdtempSync(join(tmpdir(), 'mic-reminders-')), 'bot.sqlite');
    const clock = steppingClock(FROM);
    const deliveries: Delivery[] = [];
    let store: Store = await KeyvStore.open({ path, clock });
    let proc = platform(deliveries, clock);
    let engine: ReminderEngine = engineFor(store, clock, proc.messenger);
    let killsInSend = 0;
    let restarts = 0;

    const restart = async () => {
      await settle();
      await store.close();
      store = await KeyvStore.open({ path, clock });
      proc = platform(deliveries, clock);
      engine = engineFor(store, clock, proc.messenger);
      await engine.refresh();
      restarts += 1;
    };

    await simulate({
      clock,
      store: () => store,
      from: FROM,
      to: TO,
      onRegistered: () => engine.refresh(),
      before: async (now) => {
        if (between.has(now.getTime())) await restart();
      },
      tick: async () => {
        if (!inSend.has(clock.now().getTime())) {
          await engine.tick();
          return;
        }
        proc.arm();
        const finished = engine.tick().then(() => 'finished' as const);
        const outcome = await Promise.race([finished, proc.death.then(() => 'killed' as const)]);
        if (outcome === 'killed') {
          killsInSend += 1;
          // The dead process's tick never returns; its store is closed under it.
          await restart();
        }
      },
    });
    await store.close();

    expect(restarts).toBe(50);
    expect(killsInSend).toBe(25);
    const count = (list: Delivery[]) => {
      const m = new Map<string, number>();
      for (const d of list) m.set(`${d.chat}\n${d.text}`, (m.get(`${d.chat}\n${d.text}`) ?? 0) + 1);
      return m;
    };
    const want = count(expected);
    const got = count(deliveries);
    // Nothing lost: every expected message arrived.
    const lost = [...want.keys()].filter((k) => !got.has(k));
    expect(lost).toEqual([]);
    // Nothing unexpected, and duplicates only where a kill fell inside the platform call.
    expect([...got.keys()].filter((k) => !want.has(k))).toEqual([]);
    const duplicates = [...got.entries()].reduce((n, [k, v]) => n + v - (want.get(k) ?? 0), 0);
    expect(duplicates).toBe(killsInSend);
    // Each message arrived first at its planned instant, or, where the process died at that
    // instant before reaching it, on the first tick after its claim lapsed (the next hour).
    const firstAt = new Map<string, number>();
    for (const d of deliveries) if (!firstAt.has(`${d.chat}\n${d.text}`)) firstAt.set(`${d.chat}\n${d.text}`, d.at);
    for (const d of expected) {
      const first = firstAt.get(`${d.chat}\n${d.text}`);
      if (first !== d.at) expect([inSend.has(d.at), first]).toEqual([true, d.at + HOUR]);
    }
  });
});
