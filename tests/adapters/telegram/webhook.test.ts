import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/index.ts';
import { KeyvStore } from '../../../adapters/storage/index.ts';
import { createWebhookHandler } from '../../../adapters/telegram/index.ts';
import { secretMatches } from '../../../adapters/telegram/webhook.ts';
import { FAKE_TOKEN, FakeBotApi } from './fake-bot-api.ts';
import { startStack, type TelegramStack } from './harness.ts';

const SECRET = 'test_secret-0123456789';
const root = fileURLToPath(new URL('../../..', import.meta.url));

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A stack in webhook mode: the adapter behind the HTTP server's webhook path on a free port. */
async function webhookStack(options: { store?: KeyvStore; api?: FakeBotApi } = {}) {
  const stack: TelegramStack = await startStack({ polling: false, ...options });
  const http: HttpServer = createHttpServer();
  const webhook = createWebhookHandler({
    secret: SECRET,
    logger: stack.logger,
    accept: (u) => stack.telegram.accept(u),
    handleUpdate: (u) => stack.telegram.handleUpdate(u),
  });
  http.mount('POST', '/telegram/hook', webhook.handler);
  const port = await http.listen(0, '127.0.0.1');
  const post = (body: unknown, secret?: string) =>
    fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(body),
    });
  const stop = async (closeStore = true) => {
    await http.close();
    await webhook.drain();
    await stack.stop({ closeStore, closeApi: !options.api });
  };
  return { stack, http, webhook, post, port, stop };
}

describe('telegram webhook', () => {
  it('should compare the secret token exactly', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(`${SECRET}x`, SECRET)).toBe(false);
    expect(secretMatches('', SECRET)).toBe(false);
    expect(secretMatches(undefined, SECRET)).toBe(false);
  });

  it('should answer 401 to a wrong or missing secret and handle nothing, and handle a correct one', async () => {
    const w = await webhookStack();
    cleanups.push(() => w.stop());
    const api = w.stack.api;
    const update = { update_id: 1, ...api.text({ chatId: 42, userId: 42 }, '研发费用占比') };
    expect((await w.post(update)).status).toBe(401);
    expect((await w.post(update, 'wrong')).status).toBe(401);
    await w.webhook.drain();
    expect(api.sentTo(42)).toHaveLength(0);

    const ok = await w.post(update, SECRET);
    expect(ok.status).toBe(200);
    await api.waitFor(() => api.sentTo(42).length === 1);
    expect(String(api.sentTo(42)[0]?.params.text)).toContain('依据：三（二）7');

    expect((await w.post({ nonsense: true }, SECRET)).status).toBe(400);
    const health = await fetch(`http://127.0.0.1:${w.port}/healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${w.port}/readyz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${w.port}/telegram/hook`)).status).toBe(405);
  });

  it('should answer at once and handle slow work afterwards', async () => {
    const w = await webhookStack();
    cleanups.push(() => w.stop());
    const api = w.stack.api;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    // The Bot API is slow to take the reply; the webhook answer must not wait for it.
    w.stack.telegram.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === 'sendMessage') await gate;
      return prev(method, payload, signal);
    });
    const t0 = performance.now();
    const res = await w.post({ update_id: 5, ...api.text({ chatId: 43, userId: 43 }, '研发费用占比') }, SECRET);
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(api.sentTo(43)).toHaveLength(0);
    release();
    await api.waitFor(() => api.sentTo(43).length === 1);
  });

  it('should handle the same update once, also when posted again after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-tg-webhook-'));
    const path = join(dir, 'bot.sqlite');
    const api = new FakeBotApi();
    await api.start();
    cleanups.push(() => api.close());
    const update = { update_id: 777, ...api.text({ chatId: 44, userId: 44 }, '研发费用占比') };

    const first = await webhookStack({ store: await KeyvStore.open({ path }), api });
    expect((await first.post(update, SECRET)).status).toBe(200);
    expect((await first.post(update, SECRET)).status).toBe(200);
    await first.webhook.drain();
    expect(api.sentTo(44)).toHaveLength(1);
    await first.stop(true);

    const second = await webhookStack({ store: await KeyvStore.open({ path }), api });
    cleanups.push(() => second.stop(true));
    expect((await second.post(update, SECRET)).status).toBe(200);
    await second.webhook.drain();
    expect(api.sentTo(44)).toHaveLength(1);
    // A new update is handled by the restarted process.
    expect((await second.post({ ...update, update_id: 778 }, SECRET)).status).toBe(200);
    await api.waitFor(() => api.sentTo(44).length === 2);
  });

  it('should handle after a restart an update answered 200 but not handled before a crash, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-tg-replay-'));
    const path = join(dir, 'bot.sqlite');
    const api = new FakeBotApi();
    await api.start();
    cleanups.push(() => api.close());
    const update = { update_id: 901, ...api.text({ chatId: 46, userId: 46 }, '研发费用占比') };

    // The first process accepts the update (Telegram got its 200) and dies before handling it.
    const first = await startStack({ polling: false, api, store: await KeyvStore.open({ path }) });
    expect(await first.telegram.accept(update)).toBe(true);
    await first.stop({ closeStore: true, closeApi: false });
    expect(api.sentTo(46)).toHaveLength(0);

    const second = await webhookStack({ store: await KeyvStore.open({ path }), api });
    cleanups.push(() => second.stop(true));
    expect(await second.stack.telegram.replayPending()).toBe(1);
    expect(api.sentTo(46)).toHaveLength(1);
    // Telegram's own redelivery of it is dropped, and nothing is left to replay.
    expect((await second.post(update, SECRET)).status).toBe(200);
    await second.webhook.drain();
    expect(api.sentTo(46)).toHaveLength(1);
    expect(await second.stack.telegram.replayPending()).toBe(0);
  });
});

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

describe('npm start with Telegram', { timeout: 60_000 }, () => {
  it('should set the webhook with its secret, serve it on PORT with /healthz and /readyz, and stop on SIGTERM', async () => {
    const api = new FakeBotApi();
    await api.start();
    cleanups.push(() => api.close());
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'mic-tg-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
        PORT: String(port),
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        SLACK_BOT_TOKEN: '',
        SLACK_APP_TOKEN: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    await api.waitFor(() => api.callsOf('setWebhook').length === 1, 30_000);
    expect(api.callsOf('setWebhook')[0]?.params).toMatchObject({
      url: `http://127.0.0.1:${port}/telegram/hook`,
      secret_token: SECRET,
    });
    expect(api.callsOf('setMyCommands')).toHaveLength(2);
    let health: Response | undefined;
    for (let i = 0; i < 100 && !health; i += 1) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (!health) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: 1, ...api.text({ chatId: 55, userId: 55 }, '谁来认定创新中心？') }),
    });
    expect(res.status).toBe(200);
    await api.waitFor(() => api.sentTo(55).length === 1, 10_000);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(FAKE_TOKEN);
  });

  it('should refuse a malformed Telegram token before any request, without echoing it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: root,
      env: { ...process.env, TELEGRAM_BOT_TOKEN: 'not-a-token', STORE_URL: 'sqlite://:memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(stderr).not.toContain('not-a-token');
  });
});
