/**
 * `npm run bench:telegram`: the Telegram adapter end to end through a fake Bot API server on
 * 127.0.0.1 (in a worker thread, `telegram-bench-server.ts`) — long polling with `@grammyjs/runner`, update dedupe in the store, the composed core
 * and rendering — with policy questions and `/help` from many users. Prints updates per second for
 * a burst (every update queued at once, until the last reply reached the fake server) and the
 * p50/p99 ms from queueing an update to its reply's arrival under a steady load. The pacer is not on
 * this path (it paces proactive sends only). Targets: ≥ 500 updates/s, p99 < 50 ms.
 *
 * Options: `--store sqlite|memory` (default sqlite, a temporary file, as in production),
 * `--updates N` (burst size, default 5000), `--rate N` (updates/s of the steady phase, default 500),
 * `--seconds N` (its length, default 4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { composeCore } from '../../adapters/compose.ts';
import { KeyvStore } from '../../adapters/storage/index.ts';
import { createTelegramAdapter } from '../../adapters/telegram/index.ts';
import { type Logger, loadKnowledge, MemoryStore, type Store } from '../../src/index.ts';
import { FAKE_TOKEN } from '../adapters/telegram/fake-bot-api.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const storeKind = arg('store', 'sqlite');
const BURST = Number(arg('updates', '5000'));
const RATE = Number(arg('rate', '500'));
const SECONDS = Number(arg('seconds', '4'));

const QUESTIONS = [
  '研发费用占比有什么要求',
  '谁来认定创新中心？',
  '3.2.6',
  '/help',
  '组建资金一千万包括设备吗',
  '/source',
];
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mic-tg-bench-'));
  const store: Store =
    storeKind === 'memory' ? new MemoryStore() : await KeyvStore.open({ path: join(dir, 'bench.sqlite') });
  // The fake Bot API runs in a worker thread: its own event loop, as Telegram is its own machine.
  // Node 20 does not carry tsx's loader into workers, so the worker loads the TypeScript through tsx's API.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./telegram-bench-server.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true },
  );
  const firstReply = new Map<number, number>();
  let waiting: { chats: Set<number>; resolve: () => void } | undefined;
  const apiRoot = await new Promise<string>((resolve) => {
    worker.on('message', (m: { listening?: string; replies?: [number, number][] }) => {
      if (m.listening) resolve(m.listening);
      for (const [chat, at] of m.replies ?? []) {
        firstReply.set(chat, at);
        if (waiting?.chats.delete(chat) && waiting.chats.size === 0) waiting.resolve();
      }
    });
  });
  const push = (items: [number, string][]) => worker.postMessage({ push: items });
  const core = composeCore({ knowledge: loadKnowledge(), store, logger: silent, tickerEnabled: false });
  const telegram = createTelegramAdapter({ core, store, logger: silent, token: FAKE_TOKEN, apiRoot });
  core.registerMessenger('telegram', telegram.messenger);
  await telegram.init();
  await core.start();
  await telegram.startPolling({ timeoutSeconds: 1 });

  /** Resolves once the fake server has received a reply in every chat given. */
  const until = (chats: number[]) =>
    new Promise<void>((resolve) => {
      const left = new Set(chats.filter((c) => !firstReply.has(c)));
      if (!left.size) resolve();
      else waiting = { chats: left, resolve };
    });
  const question = (i: number) => QUESTIONS[i % QUESTIONS.length] ?? '';

  // Warm-up (JIT, the Q&A index, the store).
  const warm = Array.from({ length: 200 }, (_, i) => 1_000_000 + i);
  push(warm.map((chat, i) => [chat, question(i)]));
  await until(warm);

  // Burst: one update per chat, all queued at once.
  const burst = Array.from({ length: BURST }, (_, i) => 2_000_000 + i);
  const t0 = performance.now();
  push(burst.map((chat, i) => [chat, question(i)]));
  await until(burst);
  const burstMs = performance.now() - t0;

  // Steady load: RATE updates per second for SECONDS, latency from queueing to the reply's arrival.
  const pushedAt = new Map<number, number>();
  const steady = Array.from({ length: Math.round(RATE * SECONDS) }, (_, i) => 3_000_000 + i);
  const start = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(steady.length, Math.floor(((performance.now() - start) / 1000) * RATE));
      const items: [number, string][] = [];
      for (; next < due; next += 1) {
        const chat = steady[next] ?? 0;
        pushedAt.set(chat, performance.timeOrigin + performance.now());
        items.push([chat, question(next)]);
      }
      if (items.length) push(items);
      if (next >= steady.length) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await until(steady);
  const latencies = steady.map((c) => (firstReply.get(c) ?? Number.NaN) - (pushedAt.get(c) ?? 0)).sort((a, b) => a - b);

  await telegram.stop();
  await core.stop();
  worker.postMessage({ close: true });
  await new Promise((resolve) => worker.once('exit', resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const fmt = (n: number) => n.toFixed(1);
  console.log(`telegram bench (store: ${storeKind}, long polling through a fake Bot API on 127.0.0.1)`);
  console.log(
    `  burst: ${BURST} updates in ${fmt(burstMs)} ms → ${Math.round((BURST / burstMs) * 1000)} updates/s (target ≥ 500)`,
  );
  console.log(
    `  steady ${RATE}/s for ${SECONDS} s: p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(latencies.at(-1) ?? Number.NaN)} ms (target p99 < 50 ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
