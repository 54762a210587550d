/**
 * @module adapters/telegram/messenger
 * Delivery to Telegram: one function that sends rendered replies through a grammY `Api` (with
 * `@grammyjs/auto-retry` installed by the adapter: `retry_after` on 429 honoured, 5xx and network
 * errors retried a bounded number of times), and the {@link Messenger} the core uses for proactive
 * sends, paced by a {@link Pacer} and reporting `blocked` for a 403 (blocked, kicked, deactivated).
 */
import { type Api, GrammyError, InputFile } from 'grammy';
import type { ChatRef, DeliveryResult, Logger, Messenger, Reply } from '../../src/index.ts';
import type { Pacer } from './pacer.ts';
import { renderReply } from './render.ts';

/** How replies are sent into one chat. */
export interface DeliverOptions {
  /** Reply to this message (groups: the message that asked). */
  replyTo?: number;
  /** Runs each Bot API call in its slot (proactive sends); immediate when absent. */
  pacer?: Pacer;
  /** Maps a choice value to its `callback_data`. @default the value itself */
  encode?: (value: string) => string;
}

/**
 * Sends replies to a chat in order: each reply's text messages (its keyboard on the last), then its
 * document via `sendDocument`. Throws the Bot API's error.
 */
export async function deliver(
  api: Api,
  chatId: number | string,
  replies: readonly Reply[],
  options: DeliverOptions = {},
): Promise<void> {
  const { pacer, replyTo, encode } = options;
  const paced = <T>(call: () => Promise<T>): Promise<T> => (pacer ? pacer.run(chatId, call) : call());
  let first = true;
  const replyParameters = () => {
    // Only the first message answers the asking message; the rest follow it.
    if (!first || replyTo === undefined) return {};
    return { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } };
  };
  for (const reply of replies) {
    const rendered = renderReply(reply, encode);
    for (const m of rendered.messages) {
      const extra = replyParameters();
      await paced(() =>
        api.sendMessage(chatId, m.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(m.keyboard ? { reply_markup: m.keyboard } : {}),
          ...extra,
        }),
      );
      first = false;
    }
    const doc = rendered.document;
    if (doc) {
      const extra = replyParameters();
      await paced(() => api.sendDocument(chatId, new InputFile(Buffer.from(doc.content), doc.filename), extra));
      first = false;
    }
  }
}

/** True for the Bot API's answer when the bot may not write to a chat any more. */
export function isBlocked(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

/** Options for {@link createTelegramMessenger}. */
export interface TelegramMessengerOptions {
  api: Api;
  pacer: Pacer;
  logger: Logger;
  /** Maps a choice value to its `callback_data`; may store a long value first. @default identity */
  prepare?: (replies: readonly Reply[]) => Promise<(value: string) => string>;
}

/**
 * The core's {@link Messenger} for `telegram:<chatId>` chats: `ok` when every message went out,
 * `blocked` on a 403, `failed` otherwise (the caller keeps the send pending).
 */
export function createTelegramMessenger(options: TelegramMessengerOptions): Messenger {
  const { api, pacer, logger, prepare } = options;
  return {
    async send(chat: ChatRef, reply: Reply): Promise<DeliveryResult> {
      if (!chat.startsWith('telegram:')) return 'failed';
      const chatId = chat.slice('telegram:'.length);
      if (!/^-?\d+$/.test(chatId)) return 'failed';
      try {
        const encode = prepare ? await prepare([reply]) : undefined;
        await deliver(api, chatId, [reply], encode ? { pacer, encode } : { pacer });
        return 'ok';
      } catch (error) {
        if (isBlocked(error)) {
          logger.warn({ chat }, 'telegram: the chat refuses the bot (403)');
          return 'blocked';
        }
        const e = error instanceof GrammyError ? { code: error.error_code, method: error.method } : {};
        logger.warn(
          { chat, ...e, err: error instanceof Error ? error.message : String(error) },
          'telegram: send failed',
        );
        return 'failed';
      }
    },
  };
}
