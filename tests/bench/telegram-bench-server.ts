/**
 * The fake Bot API server of `bench:telegram`, in a worker thread so that it does not share the
 * bot's event loop (Telegram is another machine). The main thread sends `{ push: [chat, text][] }`;
 * the worker answers `{ listening: apiRoot }` once, then `{ replies: [chat, at][] }` batches with the
 * arrival time (ms since the epoch, high resolution) of each chat's first `sendMessage`.
 */
import { parentPort } from 'node:worker_threads';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.ts';

const port = parentPort;
if (!port) throw new Error('run as a worker');
const api = new FakeBotApi();
const seen = new Set<number>();
let batch: [number, number][] = [];
api.intercept = (call) => {
  if (call.method === 'sendMessage') {
    const chat = Number(call.params.chat_id);
    if (!seen.has(chat)) {
      seen.add(chat);
      if (!batch.length) setImmediate(flush);
      batch.push([chat, performance.timeOrigin + call.at]);
    }
  }
  // Recording every call is what the tests need; the benchmark keeps memory flat.
  api.calls.length = 0;
  return undefined;
};
const flush = () => {
  port.postMessage({ replies: batch });
  batch = [];
};
port.on('message', (m: { push?: [number, string][]; close?: boolean }) => {
  for (const [chat, text] of m.push ?? []) api.push(api.text({ chatId: chat, userId: chat }, text));
  if (m.close) void api.close().then(() => process.exit(0));
});
port.postMessage({ listening: await api.start() });
