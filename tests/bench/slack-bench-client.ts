/**
 * The other side of `bench:slack`, in a worker thread so that it does not share the bot's event
 * loop (Slack is another machine): the fake Slack Web API, and the load generator that signs events
 * and posts them to the bot's `/slack/events`. The main thread sends `{ target: url }` once it
 * listens, then `{ run: { kind, count | rate+seconds } }`; the worker answers `{ listening: apiUrl }`
 * at start and `{ result }` after each run: the wall time of a burst, or the latencies of a steady
 * run from an event's send to its reply's `chat.postMessage` arriving.
 */
import { parentPort } from 'node:worker_threads';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { dm, envelope, JSON_TYPE, signedHeaders } from '../adapters/slack/harness.ts';

const port = parentPort;
if (!port) throw new Error('run as a worker');

const QUESTIONS = [
  '研发费用占比有什么要求',
  '谁来认定创新中心？',
  '3.2.6',
  'help',
  '组建资金一千万包括设备吗',
  'source',
];
const api = new FakeSlackApi();
const arrived = new Map<string, number>();
const waiting = new Map<string, () => void>();
api.intercept = (call) => {
  if (call.method === 'chat.postMessage') {
    const channel = String(call.params.channel);
    if (!arrived.has(channel)) {
      arrived.set(channel, call.at);
      waiting.get(channel)?.();
      waiting.delete(channel);
    }
  }
  // Recording every call is what the tests need; the benchmark keeps memory flat.
  api.calls.length = 0;
  api.messages.clear();
  return undefined;
};

let target = '';
let seq = 0;

/** Sends one signed DM in a fresh channel; resolves with [sent at, reply at]. */
async function one(): Promise<[number, number]> {
  const n = seq++;
  const channel = `DB${String(n).padStart(8, '0')}`;
  const body = envelope(dm(`UB${String(n).padStart(8, '0')}`, channel, QUESTIONS[n % QUESTIONS.length] ?? ''));
  const replied = new Promise<void>((resolve) => waiting.set(channel, resolve));
  const t0 = performance.now();
  const res = await fetch(target, { method: 'POST', headers: signedHeaders(body, JSON_TYPE), body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`event refused: ${res.status}`);
  await replied;
  return [t0, arrived.get(channel) ?? Number.NaN];
}

async function burst(count: number, concurrency = 64): Promise<number> {
  const t0 = performance.now();
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left -= 1;
        await one();
      }
    }),
  );
  return performance.now() - t0;
}

async function steady(rate: number, seconds: number): Promise<number[]> {
  const total = Math.round(rate * seconds);
  const runs: Promise<[number, number]>[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (runs.length < due) runs.push(one());
      if (runs.length >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  return (await Promise.all(runs)).map(([sent, got]) => got - sent);
}

port.on(
  'message',
  (m: {
    target?: string;
    run?: { kind: 'burst' | 'steady'; count?: number; rate?: number; seconds?: number };
    close?: boolean;
  }) => {
    if (m.target) target = m.target;
    if (m.run?.kind === 'burst') void burst(m.run.count ?? 1000).then((ms) => port.postMessage({ result: { ms } }));
    if (m.run?.kind === 'steady') {
      void steady(m.run.rate ?? 300, m.run.seconds ?? 4).then((latencies) =>
        port.postMessage({ result: { latencies } }),
      );
    }
    if (m.close) void api.close().then(() => process.exit(0));
  },
);
port.postMessage({ listening: await api.start() });
