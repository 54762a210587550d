/**
 * Starts the real stack for the Slack tests: a fake Slack Web API on 127.0.0.1, the composed core,
 * the Bolt adapter pointed at the fake server through `apiUrl`, and the process's HTTP server with
 * `POST /slack/events` mounted. Requests are signed as Slack signs them (HMAC-SHA256 over
 * `v0:timestamp:body` with the signing secret), and builders shape events, slash commands and
 * button presses like Slack's.
 */
import { createHmac } from 'node:crypto';
import { createHttpServer, type HttpServer } from '../../../adapters/http/index.ts';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../adapters/slack/index.ts';
import type { BotCore, Clock, ReminderSettings, Store } from '../../../src/index.ts';
import type { createRecordingLogger } from '../../helpers/conversation.ts';
import { createTestCore } from '../../helpers/test-core.ts';
import { FAKE_BOT, FAKE_SLACK_TOKEN, FakeSlackApi } from './fake-slack-api.ts';

/** The signing secret of the tests' app. */
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** What a test gets. */
export interface SlackStack {
  api: FakeSlackApi;
  core: BotCore;
  slack: SlackAdapter;
  store: Store;
  http: HttpServer;
  /** `http://127.0.0.1:<port>/slack/events`. */
  url: string;
  logger: ReturnType<typeof createRecordingLogger>;
  /** Stops the HTTP server, the adapter, the core and (unless `closeApi: false`) the fake API. */
  stop(options?: { closeApi?: boolean }): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  store?: Store;
  clock?: Clock;
  api?: FakeSlackApi;
  reminders?: ReminderSettings;
  core?: BotCore;
  adapter?: Partial<SlackAdapterOptions>;
}

/** Starts the fake API (unless given), the core, the adapter and the HTTP server on a free port. */
export async function startStack(options: StackOptions = {}): Promise<SlackStack> {
  const api = options.api ?? new FakeSlackApi();
  if (!options.api) await api.start();
  const { store, logger, core } = createTestCore(options);
  const slack = createSlackAdapter({
    core,
    store,
    logger,
    token: FAKE_SLACK_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    retry: { retries: 2, minTimeoutMs: 10, maxTimeoutMs: 50 },
    ...options.adapter,
  });
  core.registerMessenger('slack', slack.messenger);
  await slack.init();
  await core.start();
  const http = createHttpServer({ logger });
  http.mount('POST', '/slack/events', slack.handler);
  const port = await http.listen(0, '127.0.0.1');
  return {
    api,
    core,
    slack,
    store,
    http,
    url: `http://127.0.0.1:${port}/slack/events`,
    logger,
    async stop(stopOptions = {}) {
      await http.close();
      await slack.stop();
      await core.stop();
      if (stopOptions.closeApi !== false) await api.close();
    },
  };
}

/** How a request is signed (each field lets a test break one thing). */
export interface SignOptions {
  /** Seconds since the epoch. @default now */
  timestamp?: number;
  secret?: string;
  /** `X-Slack-Retry-Num` (and a `http_timeout` reason). */
  retryNum?: number;
  /** Leave out the signature headers. */
  unsigned?: boolean;
  /** Change the body after signing. */
  tamper?: (body: string) => string;
}

/** The headers Slack sends with `body`. */
export function signedHeaders(body: string, contentType: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return {
    'content-type': contentType,
    ...(options.unsigned ? {} : { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }),
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
  };
}

/** Posts a signed request; resolves with the status and body text. */
export async function post(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<{ status: number; text: string; ms: number }> {
  const headers = signedHeaders(body, contentType, options);
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: options.tamper ? options.tamper(body) : body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - t0 };
}

let nextEvent = 1;
let nextTs = 1;

/** A fresh message `ts`. */
export const newTs = (): string => `1800000000.${String(nextTs++).padStart(6, '0')}`;

/** An Events API envelope around `event`. */
export function envelope(
  event: Record<string, unknown>,
  eventId = `Ev${String(nextEvent++).padStart(8, '0')}`,
): string {
  return JSON.stringify({
    token: 'verification-token',
    team_id: FAKE_BOT.teamId,
    api_app_id: 'A0TEST01',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true, is_enterprise_install: false },
    ],
  });
}

/** Escapes text as Slack does in what a user typed. */
export const slackEscaped = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DM (`message.im`) from `user` in `channel`. */
export function dm(user: string, channel: string, text: string, ts = newTs()): Record<string, unknown> {
  return {
    type: 'message',
    channel,
    channel_type: 'im',
    user,
    text: slackEscaped(text),
    ts,
    event_ts: ts,
    team: FAKE_BOT.teamId,
  };
}

/** An `app_mention` of the bot by `user` in `channel`. */
export function mention(user: string, channel: string, text: string, ts = newTs()): Record<string, unknown> {
  return {
    type: 'app_mention',
    channel,
    user,
    text: `<@${FAKE_BOT.userId}> ${slackEscaped(text)}`,
    ts,
    event_ts: ts,
    team: FAKE_BOT.teamId,
  };
}

/** A slash command body (form-encoded). */
export function slashCommand(
  user: string,
  channel: string,
  text: string,
  responseUrl: string,
  command = '/mic',
): string {
  return new URLSearchParams({
    token: 'verification-token',
    team_id: FAKE_BOT.teamId,
    team_domain: 'test',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: user,
    user_name: 'user',
    command,
    text: slackEscaped(text),
    api_app_id: 'A0TEST01',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** A `block_actions` body (form-encoded `payload`) pressing `button` on a message. */
export function blockAction(
  user: string,
  button: { actionId: string; value: string; label: string },
  where:
    | { channel: string; message: Record<string, unknown> }
    | { channel: string; ephemeralTs: string; responseUrl: string }
    | { home: true },
  responseUrl = 'http://127.0.0.1:9/unused',
): string {
  const action = {
    type: 'button',
    action_id: button.actionId,
    block_id: 'b1',
    text: { type: 'plain_text', text: button.label, emoji: true },
    value: button.value,
    action_ts: newTs(),
  };
  const base = {
    type: 'block_actions',
    user: { id: user, username: 'user', name: 'user', team_id: FAKE_BOT.teamId },
    api_app_id: 'A0TEST01',
    token: 'verification-token',
    trigger_id: '1.2.3',
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    actions: [action],
  };
  let payload: Record<string, unknown>;
  if ('home' in where) {
    payload = {
      ...base,
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home' },
      response_url: responseUrl,
    };
  } else if ('message' in where) {
    payload = {
      ...base,
      container: { type: 'message', message_ts: where.message.ts, channel_id: where.channel, is_ephemeral: false },
      channel: { id: where.channel, name: 'c' },
      message: where.message,
      response_url: responseUrl,
    };
  } else {
    payload = {
      ...base,
      container: { type: 'message', message_ts: where.ephemeralTs, channel_id: where.channel, is_ephemeral: true },
      channel: { id: where.channel, name: 'c' },
      response_url: where.responseUrl,
    };
  }
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Sends a signed event; resolves once the HTTP answer came back. */
export function sendEvent(
  stack: SlackStack,
  event: Record<string, unknown>,
  options: SignOptions & { eventId?: string } = {},
) {
  return post(stack.url, envelope(event, options.eventId), JSON_TYPE, options);
}

/** Sends a DM and waits until the bot posted `count` more messages to that channel. */
export async function say(stack: SlackStack, user: string, channel: string, text: string, count = 1) {
  const before = stack.api.postedTo(channel).length;
  const res = await sendEvent(stack, dm(user, channel, text));
  if (res.status !== 200) throw new Error(`event refused: ${res.status}`);
  await stack.api.waitFor(() => stack.api.postedTo(channel).length >= before + count);
  return stack.api.postedTo(channel).slice(before);
}

/** The message a call posted, as the fake server keeps it (with its `ts`), for pressing its buttons. */
export function postedMessage(stack: SlackStack, channel: string, index = -1): Record<string, unknown> {
  const all = [...stack.api.messages.entries()].filter(([k]) => k.startsWith(`${channel}:`));
  const found = all.at(index)?.[1];
  if (!found) throw new Error(`no message in ${channel}`);
  return found;
}
