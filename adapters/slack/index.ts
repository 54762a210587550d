/**
 * @module adapters/slack
 * The Slack adapter on Bolt. Three steps per event, as every adapter: translate it
 * ({@link fromDirectMessage}, {@link fromMention}, {@link fromSlashCommand}), call `core.handle`,
 * render the replies as Block Kit ({@link renderReply}). Around them, only what Slack needs:
 *
 * - Transport: over HTTP, Bolt's own `HTTPReceiver` verifies every request's signature; its request
 *   listener is mounted on the process's one HTTP server at `POST /slack/events` behind a check
 *   that refuses timestamps from the future ({@link refuseEarly}). With an app-level token, Socket
 *   Mode replaces HTTP.
 * - Once per message: each message (`channel` + `ts`, which Slack has been seen to resend under a new
 *   `event_id`, and which a retry of its event carries too), and each other event by its `event_id`,
 *   is claimed in the store with `setIfAbsent` for `DEDUPE_TTL_HOURS`, so a retry of a handled event is dropped, also after a restart, while a
 *   retry of an event this process never saw is answered. An accepted event stays journaled in the
 *   store until handled, and one a crash interrupted is handled at the next start.
 * - Surfaces: DMs; mentions in channels, answered in the mention's thread; the slash command,
 *   acknowledged at once and answered ephemerally through `response_url`; dialogs for one person
 *   started in a channel continue in the user's DM; button presses acknowledged and their message
 *   replaced so they cannot be pressed twice; the App Home.
 * - One conversation's events are handled in order, conversations concurrently.
 *
 * @example
 * const slack = createSlackAdapter({ core, store, logger, token, signingSecret });
 * core.registerMessenger('slack', slack.messenger);
 * await slack.init();
 * http.mount('POST', '/slack/events', slack.handler);
 */
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, type webApi } from '@slack/bolt';
import {
  type BotCore,
  ConfigError,
  type Locale,
  type Logger,
  type Messenger,
  type Reply,
  readLocale,
  type Store,
  type UserRef,
} from '../../src/index.ts';
import { type HttpHandler, respond } from '../http/index.ts';
import { createSlackMessenger, deliver, slackErrorOf } from './messenger.ts';
import { CHOICE_ACTION_PREFIX, homeView, pressedBlocks, renderReply } from './render.ts';
import { MAX_SKEW_SECONDS, refuseEarly } from './request-check.ts';
import { slackTexts } from './texts.ts';
import {
  fromDirectMessage,
  fromMention,
  fromPress,
  fromSlashCommand,
  isDirectChannel,
  type SlackMessageEvent,
  type Translation,
} from './to-incoming.ts';

export { BLOCKED_ERRORS, createSlackMessenger, deliver, isBlocked, slackErrorOf } from './messenger.ts';
export { escapeSlack, homeView, pressedBlocks, renderReply, textBlocks } from './render.ts';
export { MAX_SKEW_SECONDS, refuseEarly } from './request-check.ts';
export { commandText, fromDirectMessage, fromMention, fromSlackText, fromSlashCommand } from './to-incoming.ts';

/** The path Slack posts events, the slash command and interactivity to. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Options for {@link createSlackAdapter}. */
export interface SlackAdapterOptions {
  core: BotCore;
  /** Where event IDs, message keys and presses are remembered (dedupe). */
  store: Store;
  logger: Logger;
  /** The bot token `xoxb-…` (`SLACK_BOT_TOKEN`). */
  token: string;
  /** The signing secret (`SLACK_SIGNING_SECRET`); required over HTTP. */
  signingSecret?: string;
  /** An app-level token `xapp-…` (`SLACK_APP_TOKEN`): Socket Mode instead of HTTP. */
  appToken?: string;
  /**
   * Another Web API root, ending in `/` (`SLACK_API_URL`; Bolt's `clientOptions.slackApiUrl`).
   * @default Slack's (https://slack.com/api/)
   */
  apiUrl?: string;
  /**
   * The slash command (`SLACK_COMMAND`).
   * @default '/mic'
   */
  command?: string;
  /**
   * How long an event ID or message key is remembered (`DEDUPE_TTL_HOURS`).
   * @default 86_400_000 (24 hours)
   */
  dedupeTtlMs?: number;
  /**
   * Commands that, started in a channel, continue in the user's DM because they ask for an
   * organisation's details.
   * @default the core's commands marked `personalDialog` (`check`, `subscribe`)
   */
  privateCommands?: readonly string[];
  /**
   * The language of the adapter's own words for users who never used `/lang` (`LANG_DEFAULT`).
   * @default 'zh-CN'
   */
  defaultLocale?: Locale;
  /**
   * Retries of one Web API call after the first attempt (5xx, network errors, and 429 after its
   * `Retry-After`), waiting `minTimeoutMs` doubling up to `maxTimeoutMs` between them.
   * @default { retries: 5, minTimeoutMs: 1000, maxTimeoutMs: 30_000 }
   */
  retry?: { retries?: number; minTimeoutMs?: number; maxTimeoutMs?: number };
  /**
   * Where the request check's time comes from (milliseconds since the epoch).
   * @default Date.now
   */
  now?: () => number;
}

/** A running Slack adapter. */
export interface SlackAdapter {
  /** The Bolt app (tests, tools). */
  readonly app: App;
  /** The Web API client the adapter posts with. */
  readonly client: webApi.WebClient;
  /** The core's messenger for `slack:` chats; register it before `core.start()`. */
  readonly messenger: Messenger;
  /** Mount at `POST /slack/events` (HTTP mode); refuses everything in Socket Mode. */
  readonly handler: HttpHandler;
  /** `auth.test` (the bot's own IDs, to ignore its own messages and find its mentions). */
  init(): Promise<void>;
  /**
   * Handles the events accepted before a stop or crash and not handled then (at least once: a
   * reply sent just before a crash may be sent again). Call after `core.start()`, before events
   * flow. Resolves with how many were replayed.
   */
  replayPending(): Promise<number>;
  /** Connects Socket Mode; nothing to do over HTTP (the handler is mounted). */
  start(): Promise<void>;
  /** Waits for the events in progress, then disconnects Socket Mode. */
  stop(): Promise<void>;
  /** Resolves once every event accepted so far has been handled (tests, shutdown). */
  drain(): Promise<void>;
}

const HOUR_MS = 3_600_000;
const EVENT_KEY = 'slack:event:';
const MESSAGE_KEY = 'slack:msg:';
const PRESS_KEY = 'slack:press:';
const PENDING_KEY = 'slack:pending:';
/** Pressed buttons: a core choice (`mic:3`, on the App Home `mic:3:h0`), or the App Home's own. */
const CHOICE_ACTION = new RegExp(`^${CHOICE_ACTION_PREFIX}\\d+(?::h\\d+)?$`);
const HOME_ACTION = /^home:(ask|check)$/;

/** Bolt's logger over ours: its debug output (which may quote payloads) is dropped, the rest summarised. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (msgs: unknown[]) =>
    msgs
      .map((m) => (m instanceof Error ? m.message : String(m)))
      .join(' ')
      .slice(0, 300);
  return {
    debug() {},
    info: (...msgs: unknown[]) => logger.debug({ source: 'bolt', detail: line(msgs) }),
    warn: (...msgs: unknown[]) => logger.warn({ source: 'bolt', detail: line(msgs) }, 'slack: bolt warning'),
    error: (...msgs: unknown[]) => logger.error({ source: 'bolt', detail: line(msgs) }, 'slack: bolt error'),
    setLevel(l: LogLevel) {
      level = l;
    },
    getLevel: () => level,
    setName() {},
  };
}

/** Builds the adapter; nothing is sent until {@link SlackAdapter.init}. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const {
    core,
    store,
    logger,
    token,
    signingSecret,
    appToken,
    command = '/mic',
    dedupeTtlMs = 24 * HOUR_MS,
    privateCommands = core.features.flatMap((f) =>
      (f.commands ?? []).filter((c) => c.personalDialog).map((c) => c.name),
    ),
    defaultLocale = 'zh-CN',
    now = Date.now,
  } = options;
  if (!appToken && !signingSecret) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is required for Slack over HTTP (Slack app → Basic Information → App Credentials); or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  const commands = new Set(core.features.flatMap((f) => (f.commands ?? []).map((c) => c.name)));
  const personal = new Set(privateCommands);
  const log = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: {
      retries: options.retry?.retries ?? 5,
      factor: 2,
      minTimeout: options.retry?.minTimeoutMs ?? 1000,
      maxTimeout: options.retry?.maxTimeoutMs ?? 30_000,
    },
  };
  const receiver = appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: signingSecret ?? '', endpoints: SLACK_EVENTS_PATH, logger: log });
  const app = new App({
    token,
    logger: log,
    clientOptions,
    deferInitialization: true,
    // The core keeps all conversation state; Bolt's own conversation store would be a second one.
    convoStore: false,
    ...(receiver ? { receiver } : { appToken, socketMode: true }),
  });
  const client = app.client;
  const messenger = createSlackMessenger({ client, logger });

  // Events in progress, so a stop (and a test) can wait for them.
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => {});
    return p;
  };

  // One conversation's events in order; others run concurrently.
  const queues = new Map<string, Promise<void>>();
  const serial = (key: string, work: () => Promise<void>): Promise<void> => {
    const prev = queues.get(key) ?? Promise.resolve();
    const run = prev.then(work, work);
    const tail = run.catch(() => {});
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  };

  // The user's DM with the bot (conversations.open), remembered for the life of the process.
  const dms = new Map<string, string>();
  const dmOf = async (user: string): Promise<string> => {
    const known = dms.get(user);
    if (known) return known;
    const opened = await client.conversations.open({ users: user });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    dms.set(user, id);
    return id;
  };

  const localeOf = async (user: string): Promise<Locale> =>
    (await readLocale(store, `slack:${user}` as UserRef).catch(() => undefined)) ?? defaultLocale;
  const failed = (what: string) => (error: unknown) => {
    logger.error(
      {
        code: slackErrorOf(error) ?? 'slack_event_failed',
        err: error instanceof Error ? error.message : String(error),
      },
      `slack: ${what} failed`,
    );
  };

  /** Answers an ephemeral context (the slash command, a press on an ephemeral message) via `response_url`. */
  const respondEphemeral = async (
    send: (message: Record<string, unknown>) => Promise<unknown>,
    user: string,
    replies: readonly Reply[],
  ): Promise<void> => {
    for (const reply of replies) {
      const rendered = renderReply(reply);
      for (const m of rendered.messages) {
        await send({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
      }
      if (rendered.document) {
        // A file cannot be ephemeral: it goes to the user's DM, and the answer says so.
        const dm = await dmOf(user);
        await deliver(client, dm, [{ text: '', document: rendered.document }]);
        const note = renderReply({ text: slackTexts(await localeOf(user)).documentInDm }).messages[0];
        await send({ response_type: 'ephemeral', replace_original: false, ...note });
      }
    }
  };

  /** Runs a personal dialog's command in the user's DM; `true` when it moved there from elsewhere. */
  const inDirectMessage = async (t: Extract<Translation, { kind: 'message' }>, user: string): Promise<boolean> => {
    const dm = await dmOf(user);
    await serial(dm, async () => {
      const replies = await core.handle({ ...t.message, chat: `slack:${dm}` });
      await deliver(client, dm, replies);
    });
    return dm !== t.channel;
  };

  /** The App Home of a user, published with `views.publish`. */
  const publishHome = async (user: string, dm?: string): Promise<void> => {
    const channel = dm ?? dms.get(user);
    const { locale, sections } = await core.home(`slack:${user}` as UserRef, channel ? [`slack:${channel}`] : []);
    const words = slackTexts(locale);
    await client.views.publish({
      user_id: user,
      view: homeView(sections, {
        title: words.homeTitle,
        intro: words.homeIntro(command),
        ask: words.homeAsk,
        check: words.homeCheck,
        empty: words.homeEmpty,
      }) as webApi.ViewsPublishArguments['view'],
    });
  };

  // 1. Each event once, each message once (a resend under a new event_id too), across restarts. An
  // accepted event is journaled until handled, so one a crash interrupted is handled after the
  // restart (replayPending); a replayed event skips the claims it already holds.
  const replaying = new Set<string>();
  app.use(async ({ body, next }) => {
    const b = body as { type?: string; event_id?: string; event?: SlackMessageEvent };
    const id = b.type === 'event_callback' ? b.event_id : undefined;
    if (!id) {
      await track(next());
      return;
    }
    let journaled: Promise<void> = Promise.resolve();
    if (!replaying.delete(id)) {
      // A message is claimed by its channel and ts, which also catches a retry of its event (same
      // event_id, same message) in one write; any other event by its event_id.
      const e = b.event;
      const isMessage = (e?.type === 'message' || e?.type === 'app_mention') && !e.subtype && e.channel && e.ts;
      const claim = isMessage ? `${MESSAGE_KEY}${e.channel}:${e.ts}` : `${EVENT_KEY}${id}`;
      if (!(await store.setIfAbsent(claim, 1, dedupeTtlMs))) {
        logger.info({ event: id }, 'slack: repeated event ignored');
        return;
      }
      // Journaled while the turn runs (off the reply's path); deleted once it has been handled.
      journaled = store.set(`${PENDING_KEY}${id}`, body, dedupeTtlMs);
    }
    try {
      await track(next());
    } finally {
      await journaled;
      await store.delete(`${PENDING_KEY}${id}`);
    }
  });

  // 2. DMs.
  app.event('message', async ({ event }) => {
    const t = fromDirectMessage(event as SlackMessageEvent, commands);
    if (t.kind === 'ignore') return;
    await serial(t.channel, async () => {
      const replies = await core.handle(t.message);
      await deliver(client, t.channel, replies, t.threadTs ? { threadTs: t.threadTs } : {});
    }).catch(failed('message'));
  });

  // 3. Mentions in channels, answered in the mention's thread.
  app.event('app_mention', async ({ event, context }) => {
    const t = fromMention(event as SlackMessageEvent, context.botUserId, commands);
    if (t.kind === 'ignore') return;
    const user = (event as SlackMessageEvent).user ?? '';
    const thread = t.threadTs ? { threadTs: t.threadTs } : {};
    try {
      if (t.command && personal.has(t.command) && !isDirectChannel(t.channel)) {
        if (await inDirectMessage(t, user)) {
          const words = slackTexts(await localeOf(user));
          await deliver(client, t.channel, [{ text: words.continueInDm }], thread);
        }
        return;
      }
      await serial(t.channel, async () => {
        await deliver(client, t.channel, await core.handle(t.message), thread);
      });
    } catch (error) {
      failed('mention')(error);
    }
  });

  // 4. The slash command: acknowledged at once, answered ephemerally through response_url.
  app.command(command, async ({ ack, command: body, respond: send }) => {
    await ack();
    const t = fromSlashCommand(body, commands);
    await track(
      (async () => {
        if (t.command && personal.has(t.command)) {
          if (await inDirectMessage(t, body.user_id)) {
            const words = slackTexts(await localeOf(body.user_id));
            await respondEphemeral(send, body.user_id, [{ text: words.continueInDm }]);
          }
          return;
        }
        await serial(t.channel, async () => {
          await respondEphemeral(send, body.user_id, await core.handle(t.message));
        });
      })().catch(failed('slash command')),
    );
  });

  // 5. Button presses: acknowledged, the message replaced without its buttons, then the choice handled.
  app.action(CHOICE_ACTION, async ({ ack, body, action, respond: send }) => {
    await ack();
    const b = body as {
      user: { id: string };
      channel?: { id: string };
      container?: { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
      message?: { ts: string; text?: string; thread_ts?: string; blocks?: unknown[] };
    };
    const a = action as { value?: string; text?: { text?: string } };
    const value = a.value ?? '';
    const user = b.user.id;
    await track(
      (async () => {
        if (b.container?.type === 'view') {
          // A button of the App Home: the answer goes to the user's DM, then the Home is refreshed.
          const dm = await dmOf(user);
          await serial(dm, async () => {
            await deliver(client, dm, await core.handle(fromPress(dm, user, value)));
          });
          await publishHome(user, dm);
          return;
        }
        const channel = b.channel?.id ?? b.container?.channel_id;
        const ts = b.container?.message_ts ?? b.message?.ts;
        if (!channel) return;
        if (ts && !(await store.setIfAbsent(`${PRESS_KEY}${channel}:${ts}`, 1, dedupeTtlMs))) return;
        const chosen = a.text?.text;
        const ephemeral = b.container?.is_ephemeral === true || !b.message;
        if (ephemeral) {
          await send({
            replace_original: true,
            text: b.message?.text ?? '·',
            blocks: pressedBlocks(b.message?.blocks ?? [], chosen),
          }).catch(failed('replacing an ephemeral message'));
        } else if (ts) {
          await client.chat
            .update({
              channel,
              ts,
              text: b.message?.text ?? '·',
              blocks: pressedBlocks(b.message?.blocks ?? [], chosen),
            } as webApi.ChatUpdateArguments)
            .catch(failed('chat.update'));
        }
        await serial(channel, async () => {
          const replies = await core.handle(fromPress(channel, user, value));
          if (ephemeral) await respondEphemeral(send, user, replies);
          else {
            const threadTs = b.message?.thread_ts;
            await deliver(client, channel, replies, threadTs ? { threadTs } : {});
          }
        });
      })().catch(failed('button')),
    );
  });

  app.action(HOME_ACTION, async ({ ack, body, action }) => {
    await ack();
    const user = (body as { user: { id: string } }).user.id;
    const which = (action as { action_id: string }).action_id === 'home:check' ? '/check' : '/help';
    await track(
      (async () => {
        const dm = await dmOf(user);
        await serial(dm, async () => {
          const message = { platform: 'slack', chat: `slack:${dm}`, user: `slack:${user}`, text: which } as const;
          await deliver(client, dm, await core.handle(message));
        });
        await publishHome(user, dm);
      })().catch(failed('home button')),
    );
  });

  // 6. The App Home.
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    if (event.channel) dms.set(event.user, event.channel);
    await publishHome(event.user, event.channel).catch(failed('views.publish'));
  });

  app.error(async (error) => {
    logger.error(
      { code: (error as { code?: string }).code ?? 'slack_event_failed', err: error.message },
      'slack: event failed',
    );
  });

  const listener = receiver?.requestListener;
  const handler: HttpHandler = (req, res) => {
    if (!listener) {
      respond(res, 404, 'not found');
      req.resume();
      return;
    }
    const refused = refuseEarly(req, now(), MAX_SKEW_SECONDS);
    if (refused) {
      logger.warn({ reason: refused }, 'slack: request refused');
      respond(res, 401, 'unauthorized');
      req.resume();
      return;
    }
    listener(req, res);
  };

  return {
    app,
    client,
    messenger,
    handler,
    async init() {
      await app.init();
    },
    async replayPending() {
      const pending: { event_id: string; event_time?: number }[] = [];
      for await (const [, value] of store.entries(PENDING_KEY)) {
        const v = value as { type?: unknown; event_id?: unknown; event_time?: unknown } | null;
        if (v?.type === 'event_callback' && typeof v.event_id === 'string') pending.push(v as { event_id: string });
      }
      pending.sort((a, b) => (a.event_time ?? 0) - (b.event_time ?? 0));
      for (const body of pending) {
        replaying.add(body.event_id);
        try {
          await app.processEvent({ body, ack: async () => {} });
        } catch (error) {
          failed('replaying an event')(error);
        } finally {
          replaying.delete(body.event_id);
        }
      }
      if (pending.length) logger.warn({ events: pending.length }, 'slack: replayed events a stop interrupted');
      return pending.length;
    },
    async start() {
      if (appToken) await app.start();
    },
    async stop() {
      while (inflight.size) await Promise.allSettled([...inflight]);
      if (appToken) await app.stop();
    },
    async drain() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}
