/**
 * `npm run bench:slack`: the Slack adapter end to end — signed `message.im` events through Bolt's
 * HTTP receiver on the process's HTTP server, signature verification, event and message dedupe in
 * the store, the composed core, Block Kit rendering and `chat.postMessage` to a fake Slack Web API
 * on 127.0.0.1. The fake API and the load generator run in a worker thread
 * (`slack-bench-client.ts`), as Slack is another machine. Prints events per second for a burst (64
 * requests in flight until every reply reached the fake API) and the p50/p99 ms from sending an
 * event to its `chat.postMessage` arriving under a steady load. Targets: ≥ 300 events/s, p99 < 50 ms.
 *
 * Options: `--store sqlite|memory` (default sqlite, a temporary file, as in production),
 * `--core full|echo` (default full, the product's core; `echo` answers every message with a fixed
 * cited reply, to measure the adapter apart from the Q&A),
 * `--events N` (burst size, default 3000), `--rate N` (events/s of the steady phase, default 300),
 * `--seconds N` (its length, default 4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { composeCore } from '../../adapters/compose.ts';
import { createHttpServer } from '../../adapters/http/index.ts';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../../adapters/slack/index.ts';
import { KeyvStore } from '../../adapters/storage/index.ts';
import { type BotCore, type Logger, loadKnowledge, MemoryStore, type Store } from '../../src/index.ts';
import { FAKE_SLACK_TOKEN } from '../adapters/slack/fake-slack-api.ts';
import { SIGNING_SECRET } from '../adapters/slack/harness.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const storeKind = arg('store', 'sqlite');
const coreKind = arg('core', 'full');
const BURST = Number(arg('events', '3000'));
const RATE = Number(arg('rate', '300'));
const SECONDS = Number(arg('seconds', '4'));
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mic-slack-bench-'));
  const store: Store =
    storeKind === 'memory' ? new MemoryStore() : await KeyvStore.open({ path: join(dir, 'bench.sqlite') });
  // Node 20 does not carry tsx's loader into workers, so the worker loads the TypeScript through tsx's API.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./slack-bench-client.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true },
  );
  let pending: ((r: { ms?: number; latencies?: number[] }) => void) | undefined;
  const apiUrl = await new Promise<string>((resolve) => {
    worker.on('message', (m: { listening?: string; result?: { ms?: number; latencies?: number[] } }) => {
      if (m.listening) resolve(m.listening);
      if (m.result) pending?.(m.result);
    });
  });
  const run = (r: { kind: 'burst' | 'steady'; count?: number; rate?: number; seconds?: number }) =>
    new Promise<{ ms?: number; latencies?: number[] }>((resolve) => {
      pending = resolve;
      worker.postMessage({ run: r });
    });

  const core: BotCore =
    coreKind === 'echo'
      ? {
          features: [],
          async handle() {
            return [
              {
                text: '“……比例不低于30%。”\n依据：三（二）6',
                choices: [{ label: '三（二）7', value: 'clause:3.2.7' }],
              },
            ];
          },
          async home() {
            return { locale: 'zh-CN', sections: [] };
          },
          registerMessenger() {},
          async start() {},
          async stop() {},
        }
      : composeCore({ knowledge: loadKnowledge(), store, logger: silent, tickerEnabled: false });
  const slack = createSlackAdapter({
    core,
    store,
    logger: silent,
    token: FAKE_SLACK_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl,
  });
  core.registerMessenger('slack', slack.messenger);
  await slack.init();
  await core.start();
  const http = createHttpServer({ logger: silent });
  http.mount('POST', SLACK_EVENTS_PATH, slack.handler);
  const port = await http.listen(0, '127.0.0.1');
  worker.postMessage({ target: `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}` });

  // Warm-up (JIT, the Q&A index, the store, the connections).
  await run({ kind: 'burst', count: 300 });
  const burstMs = (await run({ kind: 'burst', count: BURST })).ms ?? Number.NaN;
  const latencies = ((await run({ kind: 'steady', rate: RATE, seconds: SECONDS })).latencies ?? []).sort(
    (a, b) => a - b,
  );

  await http.close();
  await slack.stop();
  await core.stop();
  worker.postMessage({ close: true });
  await new Promise((resolve) => worker.once('exit', resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `slack bench (store: ${storeKind}, core: ${coreKind}, signed events through Bolt's HTTP receiver, fake Web API on 127.0.0.1)`,
  );
  console.log(
    `  burst: ${BURST} events in ${fmt(burstMs)} ms → ${Math.round((BURST / burstMs) * 1000)} events/s (target ≥ 300)`,
  );
  console.log(
    `  steady ${RATE}/s for ${SECONDS} s: p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(latencies.at(-1) ?? Number.NaN)} ms to chat.postMessage (target p99 < 50 ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
