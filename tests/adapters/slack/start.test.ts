import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { composeCore } from '../../../adapters/compose.ts';
import { createHttpServer } from '../../../adapters/http/index.ts';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import { loadConfig, MemoryStore } from '../../../src/index.ts';
import { createRecordingLogger, knowledge } from '../../helpers/conversation.ts';
import { FAKE_SLACK_TOKEN, FakeSlackApi } from './fake-slack-api.ts';
import { dm, envelope, JSON_TYPE, post, SIGNING_SECRET } from './harness.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

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

describe('slack configuration', () => {
  it('should default SLACK_COMMAND to /mic and end SLACK_API_URL with a slash', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(c.SLACK_COMMAND).toBe('/mic');
    expect(c.SLACK_API_URL).toBe('http://127.0.0.1:9/api/');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is required/],
    [{ SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN is required/],
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN is invalid.*xoxb-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, /SLACK_APP_TOKEN is invalid.*xapp-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_COMMAND: 'mic' }, /SLACK_COMMAND is invalid/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL is invalid/],
  ])('should refuse %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('should accept Socket Mode without a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
  });
});

describe('socket mode', () => {
  it('should need no signing secret, and leave /slack/events unserved', async () => {
    const api = new FakeSlackApi();
    await api.start();
    cleanups.push(() => api.close());
    const store = new MemoryStore();
    const core = composeCore({ knowledge: knowledge(), store, logger: createRecordingLogger(), tickerEnabled: false });
    const slack = createSlackAdapter({
      core,
      store,
      logger: createRecordingLogger(),
      token: FAKE_SLACK_TOKEN,
      appToken: 'xapp-1-test',
      apiUrl: api.apiUrl,
    });
    await slack.init();
    expect(api.callsOf('auth.test')).toHaveLength(1);
    const http = createHttpServer();
    http.mount('POST', '/slack/events', slack.handler);
    const port = await http.listen(0, '127.0.0.1');
    cleanups.push(() => http.close());
    const body = envelope(dm('U0S', 'D0S', '谁来认定创新中心？'));
    expect((await post(`http://127.0.0.1:${port}/slack/events`, body, JSON_TYPE)).status).toBe(404);
    expect(() => createSlackAdapter({ core, store, logger: createRecordingLogger(), token: FAKE_SLACK_TOKEN })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
  });
});

describe('npm start with Slack', { timeout: 60_000 }, () => {
  it('should serve signed events at /slack/events on PORT beside /healthz, and stop on SIGTERM', async () => {
    const api = new FakeSlackApi();
    await api.start();
    cleanups.push(() => api.close());
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'mic-slack-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
        PORT: String(port),
        TELEGRAM_BOT_TOKEN: '',
        SLACK_BOT_TOKEN: FAKE_SLACK_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: api.apiUrl,
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
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    await api.waitFor(() => api.callsOf('auth.test').length >= 1, 30_000);
    let health: Response | undefined;
    for (let i = 0; i < 100 && !health; i += 1) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (!health) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status).toBe(200);
    const url = `http://127.0.0.1:${port}/slack/events`;
    expect((await post(url, envelope(dm('U0S', 'D0S', '谁来认定创新中心？')), JSON_TYPE, { secret: 'x' })).status).toBe(
      401,
    );
    expect((await post(url, envelope(dm('U0S', 'D0S', '谁来认定创新中心？')), JSON_TYPE)).status).toBe(200);
    await api.waitFor(() => api.postedTo('D0S').length === 1, 10_000);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(FAKE_SLACK_TOKEN);
    expect(stderr).not.toContain(SIGNING_SECRET);
  });
});
