/**
 * @module adapters/telegram
 * The Telegram adapter on grammY. Three steps per update, as every adapter: translate the update
 * ({@link toIncoming}), call `core.handle`, render the replies ({@link renderReply}). Around them,
 * only what Telegram needs: each update's `update_id` is remembered in the store so a redelivered
 * update is handled once (also across a restart), updates of one chat are handled in order while
 * chats run concurrently (`sequentialize`), a press is answered (`answerCallbackQuery`) and its
 * keyboard edited away, groups are answered only when addressed, the command menu is set in zh-CN
 * and English, and the core's proactive sends go through a paced {@link Messenger}. Long polling runs
 * on `@grammyjs/runner`; webhook mode is a handler for the one HTTP server ({@link createWebhookHandler}).
 *
 * @example
 * const telegram = createTelegramAdapter({ core, store, logger, token: config.TELEGRAM_BOT_TOKEN });
 * core.registerMessenger('telegram', telegram.messenger);
 * await telegram.init();
 * await core.start();
 * telegram.startPolling();
 */
import { createHash } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { Bot, BotError, type Context, HttpError } from 'grammy';
import type { BotCommand, UserFromGetMe } from 'grammy/types';
import type { BotCore, Locale, Logger, Messenger, Reply, Store } from '../../src/index.ts';
import { createTelegramMessenger, deliver, isBlocked } from './messenger.ts';
import { createPacer, type PacerOptions } from './pacer.ts';
import { MAX_CALLBACK_DATA_BYTES, utf8Length } from './render.ts';
import { localeOf, telegramTexts } from './texts.ts';
import { toIncoming } from './to-incoming.ts';

export { createTelegramMessenger, deliver, isBlocked } from './messenger.ts';
export { createPacer, type Pacer, type PacerOptions } from './pacer.ts';
export { escapeHtml, MAX_MESSAGE_LENGTH, renderKeyboard, renderReply, splitText } from './render.ts';
export { toIncoming } from './to-incoming.ts';
export { createWebhookHandler, type WebhookHandlerOptions } from './webhook.ts';

/** Options for {@link createTelegramAdapter}. */
export interface TelegramAdapterOptions {
  core: BotCore;
  /** The bot token from @BotFather (`TELEGRAM_BOT_TOKEN`). */
  token: string;
  /** Where update IDs (dedupe) and long button values are remembered. */
  store: Store;
  logger: Logger;
  /**
   * Another Bot API server, without a trailing slash (`TELEGRAM_API_ROOT`): a self-hosted
   * `telegram-bot-api`, or the tests' fake server.
   * @default Telegram's (https://api.telegram.org)
   */
  apiRoot?: string;
  /** The bot's `getMe`, to skip that call (tests, benchmarks). @default fetched by {@link TelegramAdapter.init} */
  botInfo?: UserFromGetMe;
  /**
   * How long an update ID is remembered (`DEDUPE_TTL_HOURS`).
   * @default 86_400_000 (24 hours)
   */
  dedupeTtlMs?: number;
  /**
   * The broadcast limits of proactive sends.
   * @default 30 per second overall, 1 per second per chat, 20 per minute per group
   */
  pacer?: PacerOptions;
  /**
   * Retries of one Bot API call: at most this many after the first attempt (429 with
   * `retry_after`, 5xx, network errors), and a 429 asking for longer than `maxDelaySeconds` fails.
   * Network errors are retried after `networkDelayMs`, doubling each time.
   * @default { maxRetryAttempts: 3, maxDelaySeconds: 60, networkDelayMs: 1000 }
   */
  retry?: { maxRetryAttempts?: number; maxDelaySeconds?: number; networkDelayMs?: number };
  /**
   * Commands that in a group continue in the private chat through a deep-link button, because
   * they ask for an organisation's details.
   * @default the core's commands marked `personalDialog` (`check`, `subscribe`)
   */
  privateCommands?: readonly string[];
  /**
   * The language of the adapter's own words for users whose Telegram language is neither zh nor en.
   * @default 'zh-CN'
   */
  defaultLocale?: Locale;
  /**
   * Timeout of one Bot API request in seconds.
   * @default 500 (grammY's)
   */
  timeoutSeconds?: number;
}

/** Options of {@link TelegramAdapter.startPolling}. */
export interface PollingOptions {
  /**
   * Seconds a `getUpdates` call waits for updates.
   * @default 30
   */
  timeoutSeconds?: number;
  /**
   * Updates handled at once (over all chats; one chat's are always in order).
   * @default 500
   */
  concurrency?: number;
}

/** A running Telegram adapter. */
export interface TelegramAdapter {
  /** The grammY bot (tests, tools). */
  readonly bot: Bot;
  /** The core's messenger for `telegram:` chats; register it before `core.start()`. */
  readonly messenger: Messenger;
  /** Fetches `getMe` (unless given) and sets the command menu in zh-CN and English. */
  init(): Promise<void>;
  /** Sets the command menu (`setMyCommands`), default language zh-CN and `language_code: 'en'`. */
  setCommands(): Promise<void>;
  /** Starts long polling (removes a webhook first, as `getUpdates` requires). */
  startPolling(options?: PollingOptions): Promise<void>;
  /**
   * Claims an update for this process (`update_id` dedupe) and journals it until handled; `false`
   * for an update seen before. Webhook mode calls it before answering Telegram, then
   * {@link handleUpdate}; long polling claims in the middleware.
   */
  accept(update: { update_id: number }): Promise<boolean>;
  /** Handles one update (claiming it first unless {@link accept}ed); resolves when it is handled. */
  handleUpdate(update: unknown): Promise<void>;
  /**
   * Handles the updates accepted before a stop or crash and not handled then (at least once: a
   * reply sent just before a crash may be sent again). Call after `core.start()`, before updates flow.
   * Resolves with how many were replayed.
   */
  replayPending(): Promise<number>;
  /** Stops polling and waits for updates in progress. */
  stop(): Promise<void>;
}

/** The order of the command menu; other commands with a help line follow. */
const MENU_ORDER = ['start', 'help', 'ask', 'check', 'subscribe', 'reminders', 'calendar', 'source', 'lang'];
const HOUR_MS = 3_600_000;
/** How long a shortened button value stays pressable. */
const LONG_CHOICE_TTL_MS = 90 * 24 * HOUR_MS;
const LONG_CHOICE_MARK = '~';
/** Store key prefixes: update IDs seen (dedupe), and updates accepted but not yet handled. */
const UPDATE_KEY = 'tg:update:';
const PENDING_KEY = 'tg:pending:';

/** The command menu in one language, built from the features' help lines. */
export function commandMenu(core: BotCore, locale: Locale): BotCommand[] {
  const described = new Map<string, string>();
  for (const f of core.features) {
    for (const c of f.commands ?? []) {
      if (!/^[a-z0-9_]{1,32}$/.test(c.name)) continue;
      const help = c.help?.[locale];
      if (help) described.set(c.name, help.replace(/^\/\S+\s*/, '').trim());
      else if (c.name === 'start') described.set(c.name, telegramTexts(locale).startCommand);
    }
  }
  const names = [
    ...MENU_ORDER.filter((n) => described.has(n)),
    ...[...described.keys()].filter((n) => !MENU_ORDER.includes(n)),
  ];
  return names.map((command) => ({ command, description: (described.get(command) || command).slice(0, 256) }));
}

/** Builds the adapter; nothing is sent until {@link TelegramAdapter.init}. */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const {
    core,
    token,
    store,
    logger,
    dedupeTtlMs = 24 * HOUR_MS,
    privateCommands = core.features.flatMap((f) =>
      (f.commands ?? []).filter((c) => c.personalDialog).map((c) => c.name),
    ),
    defaultLocale = 'zh-CN',
  } = options;
  const bot = new Bot(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : {}),
      ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    },
  });
  const maxRetryAttempts = options.retry?.maxRetryAttempts ?? 3;
  // auto-retry bounds its retries of 429 and 5xx, but would retry network errors without end; those
  // are bounded here instead, with the same number of attempts.
  bot.api.config.use(
    autoRetry({ maxRetryAttempts, maxDelaySeconds: options.retry?.maxDelaySeconds ?? 60, rethrowHttpErrors: true }),
  );
  bot.api.config.use(async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= maxRetryAttempts || signal?.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, (options.retry?.networkDelayMs ?? 1000) * 2 ** attempt));
      }
    }
  });
  const api = bot.api;
  const pacer = createPacer(options.pacer);

  /** Stores values too long for `callback_data` under a short token; returns the encoder. */
  const prepare = async (replies: readonly Reply[]): Promise<(value: string) => string> => {
    const tokens = new Map<string, string>();
    for (const r of replies) {
      for (const c of r.choices ?? []) {
        if (utf8Length(c.value) <= MAX_CALLBACK_DATA_BYTES && !c.value.startsWith(LONG_CHOICE_MARK)) continue;
        const t = LONG_CHOICE_MARK + createHash('sha256').update(c.value).digest('base64url').slice(0, 24);
        await store.set(`tg:cb:${t}`, c.value, LONG_CHOICE_TTL_MS);
        tokens.set(c.value, t);
      }
    }
    return (value) => tokens.get(value) ?? value;
  };
  const decode = async (data: string): Promise<string | undefined> => {
    if (!data.startsWith(LONG_CHOICE_MARK)) return data;
    const v = await store.get(`tg:cb:${data}`);
    return typeof v === 'string' ? v : undefined;
  };

  const messenger = createTelegramMessenger({ api, pacer, logger, prepare });

  const send = async (chatId: number, replies: Reply[], replyTo?: number): Promise<void> => {
    if (!replies.length) return;
    const encode = await prepare(replies);
    await deliver(api, chatId, replies, replyTo === undefined ? { encode } : { encode, replyTo });
  };

  // 1. Each update once: a redelivered or repeated update_id is dropped here. An accepted update is
  // journaled until handled, so one a crash interrupted is handled after the restart (replayPending).
  const accepted = new Set<number>();
  const accept = async (update: { update_id: number }): Promise<boolean> => {
    const id = update.update_id;
    if (!(await store.setIfAbsent(`${UPDATE_KEY}${id}`, 1, dedupeTtlMs))) return false;
    await store.set(`${PENDING_KEY}${id}`, update, dedupeTtlMs);
    accepted.add(id);
    return true;
  };
  bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    if (!accepted.has(id) && !(await accept(ctx.update))) {
      logger.info({ update: id }, 'telegram: repeated update ignored');
      return;
    }
    try {
      await next();
    } finally {
      accepted.delete(id);
      await store.delete(`${PENDING_KEY}${id}`);
    }
  });
  // 2. One chat's updates in order; other chats concurrently.
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  // 3. Translate → handle → render.
  bot.use(async (ctx) => {
    const t = toIncoming(ctx.update, ctx.me);
    switch (t.kind) {
      case 'ignore':
        return;
      case 'stale-press':
        await api.answerCallbackQuery(t.callbackQueryId);
        return;
      case 'press': {
        await api.answerCallbackQuery(t.callbackQueryId);
        // One press per keyboard: a second press on the same message (a double tap, before the
        // edit reached the user) is answered and dropped.
        if (t.messageId !== undefined) {
          const first = await store.setIfAbsent(`tg:press:${t.chatId}:${t.messageId}`, 1, dedupeTtlMs);
          if (!first) return;
          await api.editMessageReplyMarkup(t.chatId, t.messageId).catch((error: unknown) => {
            // "message is not modified" or too old to edit: the press still counts.
            logger.debug({ err: error instanceof Error ? error.message : String(error) }, 'telegram: keyboard edit');
          });
        }
        const choice = await decode(t.message.choice ?? '');
        if (choice === undefined) return;
        await send(t.chatId, await core.handle({ ...t.message, choice }));
        return;
      }
      case 'message': {
        if (t.group && t.command && privateCommands.includes(t.command) && ctx.me.username) {
          const words = telegramTexts(localeOf(ctx.from?.language_code, defaultLocale));
          await api.sendMessage(t.chatId, words.continueInPrivate, {
            ...(t.replyTo !== undefined
              ? { reply_parameters: { message_id: t.replyTo, allow_sending_without_reply: true } }
              : {}),
            reply_markup: {
              inline_keyboard: [
                [{ text: words.continueButton, url: `https://t.me/${ctx.me.username}?start=${t.command}` }],
              ],
            },
          });
          return;
        }
        await send(t.chatId, await core.handle(t.message), t.replyTo);
        return;
      }
    }
  });
  bot.catch((err) => {
    const e = err.error;
    logger.error(
      {
        code: isBlocked(e) ? 'telegram_blocked' : 'telegram_update_failed',
        update: err.ctx.update.update_id,
        chat: err.ctx.chat ? `telegram:${err.ctx.chat.id}` : undefined,
        err: e instanceof Error ? e.message : String(e),
      },
      'telegram: update failed',
    );
  });

  let runner: RunnerHandle | undefined;

  const setCommands = async (): Promise<void> => {
    await api.setMyCommands(commandMenu(core, 'zh-CN'));
    await api.setMyCommands(commandMenu(core, 'en'), { language_code: 'en' });
  };

  return {
    bot,
    messenger,
    async init() {
      await bot.init();
      await setCommands();
    },
    setCommands,
    async startPolling(polling = {}) {
      await bot.init();
      await api.deleteWebhook();
      runner = run(bot, {
        runner: {
          fetch: { timeout: polling.timeoutSeconds ?? 30, allowed_updates: ['message', 'callback_query'] },
          silent: true,
          retryInterval: 'exponential',
        },
        sink: { concurrency: polling.concurrency ?? 500 },
      });
    },
    accept,
    async handleUpdate(update) {
      try {
        await bot.handleUpdate(update as Parameters<Bot['handleUpdate']>[0]);
      } catch (error) {
        if (error instanceof BotError) await bot.errorHandler(error);
        else throw error;
      }
    },
    async replayPending() {
      await bot.init();
      const pending: { update_id: number }[] = [];
      for await (const [, value] of store.entries(PENDING_KEY)) {
        const id = (value as { update_id?: unknown } | null)?.update_id;
        if (typeof id === 'number') pending.push(value as { update_id: number });
      }
      pending.sort((a, b) => a.update_id - b.update_id);
      for (const update of pending) {
        accepted.add(update.update_id);
        await this.handleUpdate(update);
      }
      if (pending.length) logger.warn({ updates: pending.length }, 'telegram: replayed updates a stop interrupted');
      return pending.length;
    },
    async stop() {
      const r = runner;
      runner = undefined;
      if (r?.isRunning()) await r.stop();
    },
  };
}
