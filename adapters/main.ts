/**
 * @module adapters/main
 * `npm start`: one process with the core, the store, the reminder ticker, the HTTP server on `PORT`
 * (`/healthz`, `/readyz`, the Telegram webhook path, `POST /slack/events`) and every platform whose token is set; the
 * console chat when none is. The only place (with the CLI) that reads `process.env`.
 */
import {
  asBotError,
  type BotCore,
  type Config,
  ConfigError,
  hasPlatformToken,
  type Logger,
  loadConfig,
  loadKnowledge,
  reminderSettingsFrom,
  type Store,
} from '../src/index.ts';
import { composeCore } from './compose.ts';
import { createConsoleChat } from './console/index.ts';
import { createHttpServer, type HttpServer, storeReachable } from './http/index.ts';
import { createLogger } from './logger.ts';
import { createSlackAdapter, SLACK_EVENTS_PATH } from './slack/index.ts';
import { createStore } from './storage/index.ts';
import { createTelegramAdapter, createWebhookHandler } from './telegram/index.ts';

/** The shape of a token @BotFather issues: the bot's numeric ID, a colon, the secret part. */
const TELEGRAM_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{30,100}$/;

/** A platform prepared for the start: its messenger is registered, nothing flows yet. */
interface PreparedPlatform {
  /** Starts receiving (after `core.start()`); resolves with how to stop. */
  begin(): Promise<() => Promise<void>>;
}

/**
 * Prepares Telegram: checks the token, builds the adapter, registers its messenger with the core,
 * fetches `getMe` and sets the command menu. `begin` replays updates a previous stop interrupted, then
 * starts long polling, or mounts the webhook on the HTTP server and calls `setWebhook`.
 */
async function prepareTelegram(
  config: Config,
  token: string,
  core: BotCore,
  store: Store,
  logger: Logger,
  http: HttpServer,
): Promise<PreparedPlatform> {
  // Checked before any request, so a mistyped token stops the start without a network round trip.
  if (!TELEGRAM_TOKEN.test(token)) {
    throw new ConfigError(
      'TELEGRAM_BOT_TOKEN is not a bot token: expected <bot id>:<secret> as @BotFather gives it (/token), e.g. 123456789:AA…',
    );
  }
  const telegram = createTelegramAdapter({
    core,
    store,
    logger,
    token,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    dedupeTtlMs: config.DEDUPE_TTL_HOURS * 3_600_000,
    defaultLocale: config.LANG_DEFAULT,
  });
  // Registered before core.start(), so the first reminder tick can reach Telegram chats.
  core.registerMessenger('telegram', telegram.messenger);
  await telegram.init();
  const url = config.TELEGRAM_WEBHOOK_URL;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  return {
    async begin() {
      await telegram.replayPending();
      if (url && secret) {
        const webhook = createWebhookHandler({
          secret,
          logger,
          accept: (u) => telegram.accept(u),
          handleUpdate: (u) => telegram.handleUpdate(u),
        });
        const path = new URL(url).pathname;
        http.mount('POST', path, webhook.handler);
        await telegram.bot.api.setWebhook(url, {
          secret_token: secret,
          allowed_updates: ['message', 'callback_query'],
        });
        logger.info({ mode: 'webhook', path }, 'telegram started');
        return () => webhook.drain();
      }
      await telegram.startPolling();
      logger.info({ mode: 'polling' }, 'telegram started');
      return () => telegram.stop();
    },
  };
}

/**
 * Prepares Slack: builds the Bolt app, registers its messenger with the core and calls `auth.test`.
 * `begin` mounts `POST /slack/events` on the HTTP server, or connects Socket Mode with an app token.
 */
async function prepareSlack(
  config: Config,
  token: string,
  core: BotCore,
  store: Store,
  logger: Logger,
  http: HttpServer,
): Promise<PreparedPlatform> {
  const slack = createSlackAdapter({
    core,
    store,
    logger,
    token,
    command: config.SLACK_COMMAND,
    defaultLocale: config.LANG_DEFAULT,
    dedupeTtlMs: config.DEDUPE_TTL_HOURS * 3_600_000,
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
  });
  // Registered before core.start(), so the first reminder tick can reach Slack conversations.
  core.registerMessenger('slack', slack.messenger);
  try {
    await slack.init();
  } catch (error) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN was refused by Slack (auth.test: ${error instanceof Error ? error.message : String(error)}); copy the Bot User OAuth Token from the Slack app → OAuth & Permissions`,
      { cause: error },
    );
  }
  return {
    async begin() {
      await slack.replayPending();
      if (config.SLACK_APP_TOKEN) {
        await slack.start();
        logger.info({ mode: 'socket' }, 'slack started');
      } else {
        http.mount('POST', SLACK_EVENTS_PATH, slack.handler);
        logger.info({ mode: 'http', path: SLACK_EVENTS_PATH }, 'slack started');
      }
      return () => slack.stop();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const platform = hasPlatformToken(config);
  // In the terminal chat, informational logs would interleave with the conversation.
  const logger = createLogger(config.LOG_LEVEL ?? (platform ? 'info' : 'warn'));
  const store = await createStore(config.STORE_URL, { logger });
  const knowledge = loadKnowledge();
  const core = composeCore({
    knowledge,
    store,
    logger,
    defaultLocale: config.LANG_DEFAULT,
    dialogTtlDays: config.DIALOG_TTL_DAYS,
    qaContextMinutes: config.QA_CONTEXT_MINUTES,
    reminders: reminderSettingsFrom(config),
  });
  logger.info({ clauses: knowledge.clauses.length, store: config.STORE_URL.split(':')[0] }, 'started');

  if (!platform) {
    // The console registers its messenger before the ticker starts, so a due reminder prints into the chat.
    const consoleChat = createConsoleChat({ core });
    core.registerMessenger('console', consoleChat.messenger);
    await core.start();
    const stop = async (): Promise<void> => {
      await core.stop();
      await store.close();
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void stop().finally(() => process.exit(0));
      });
    }
    await consoleChat.run();
    await stop();
    return;
  }

  const http = createHttpServer({ ready: storeReachable(store), logger });
  const platforms: PreparedPlatform[] = [];
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token) platforms.push(await prepareTelegram(config, token, core, store, logger, http));
  const slackToken = config.SLACK_BOT_TOKEN;
  if (slackToken) platforms.push(await prepareSlack(config, slackToken, core, store, logger, http));
  // Every platform's messenger is registered now, so the ticker's first tick reaches them all.
  await core.start();
  const stoppers: (() => Promise<void>)[] = [];
  for (const p of platforms) stoppers.push(await p.begin());
  const port = await http.listen(config.PORT);
  logger.info({ port }, 'http listening');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // New requests first, then the platforms (updates in progress finish), then the ticker, then the store.
    await http.close();
    for (const s of stoppers.reverse()) await s().catch((e: unknown) => logger.error({ err: String(e) }, 'stop'));
    await core.stop();
    await store.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop(signal).finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  const e = asBotError(error);
  process.stderr.write(`启动失败 / failed to start: [${e.code}] ${e.message}\n`);
  process.exit(1);
});
