/**
 * @module adapters/telegram/to-incoming
 * Translates a Telegram `Update` into the core's {@link IncomingMessage}, or into nothing when the
 * bot should stay silent (a group message not addressed to it, a non-text message). Pure: tests feed
 * recorded updates and assert on the result.
 */
import type { Update, UserFromGetMe } from 'grammy/types';
import type { ChatRef, IncomingMessage, UserRef } from '../../src/index.ts';

/** What the adapter does with one update. */
export type Translation =
  | {
      kind: 'message';
      message: IncomingMessage;
      chatId: number;
      /** The message to answer (set in groups, where the reply quotes the message that asked). */
      replyTo?: number;
      /** A group chat (group, supergroup, channel). */
      group: boolean;
      /** The command named, lower-case, when the text is one (`check` for `/check@bot x`). */
      command?: string;
    }
  | {
      kind: 'press';
      message: IncomingMessage;
      chatId: number;
      callbackQueryId: string;
      /** The message carrying the pressed keyboard (to edit the keyboard away). */
      messageId?: number;
      group: boolean;
    }
  /** A press on a message too old to reach (no chat): answer the query, do nothing else. */
  | { kind: 'stale-press'; callbackQueryId: string }
  | { kind: 'ignore' };

const COMMAND = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/;

/**
 * `/start <payload>` from a deep link (`t.me/<bot>?start=check`) becomes the command it names, so
 * the link opens that flow; Telegram allows `[A-Za-z0-9_-]` in payloads.
 */
function expandDeepLink(text: string): string {
  const m = /^\/start(?:@\w+)?\s+([a-z_]{1,32})$/.exec(text.trim());
  return m ? `/${m[1]}` : text;
}

/**
 * Translates an update. In private chats every text is for the bot; in groups only a command
 * (`/cmd` or `/cmd@thisbot`), a message mentioning `@thisbot`, or a reply to one of the bot's
 * messages is, and the mention is removed from the text the core reads. Button presses are always
 * translated (only the bot's own keyboards produce them).
 */
export function toIncoming(update: Update, me: Pick<UserFromGetMe, 'id' | 'username'>): Translation {
  const cq = update.callback_query;
  if (cq) {
    if (!cq.message || cq.data === undefined) return { kind: 'stale-press', callbackQueryId: cq.id };
    const chat = cq.message.chat;
    const message: IncomingMessage = {
      platform: 'telegram',
      chat: `telegram:${chat.id}` as ChatRef,
      user: `telegram:${cq.from.id}` as UserRef,
      choice: cq.data,
      ...(cq.from.language_code ? { locale: cq.from.language_code } : {}),
    };
    return {
      kind: 'press',
      message,
      chatId: chat.id,
      callbackQueryId: cq.id,
      messageId: cq.message.message_id,
      group: chat.type !== 'private',
    };
  }

  const msg = update.message;
  if (!msg?.text || !msg.from || msg.from.is_bot) return { kind: 'ignore' };
  const group = msg.chat.type !== 'private';
  let text = msg.text;
  const username = me.username.toLowerCase();
  const cmd = COMMAND.exec(text);
  let command = cmd?.[1]?.toLowerCase();
  if (cmd?.[2] && cmd[2].toLowerCase() !== username) return { kind: 'ignore' };

  if (group && !cmd) {
    const mentions = (msg.entities ?? []).filter(
      (e) => e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === username,
    );
    const repliesToBot = msg.reply_to_message?.from?.id === me.id;
    if (!mentions.length && !repliesToBot) return { kind: 'ignore' };
    // Remove the mentions, last first so the offsets stay right.
    for (const e of [...mentions].reverse()) text = text.slice(0, e.offset) + text.slice(e.offset + e.length);
    text = text.trim();
    const inner = COMMAND.exec(text);
    if (inner?.[1]) command = inner[1].toLowerCase();
  }
  if (!group) text = expandDeepLink(text);
  const expanded = COMMAND.exec(text);
  if (expanded?.[1]) command = expanded[1].toLowerCase();

  const message: IncomingMessage = {
    platform: 'telegram',
    chat: `telegram:${msg.chat.id}` as ChatRef,
    user: `telegram:${msg.from.id}` as UserRef,
    text,
    ...(msg.from.language_code ? { locale: msg.from.language_code } : {}),
  };
  return {
    kind: 'message',
    message,
    chatId: msg.chat.id,
    group,
    ...(group ? { replyTo: msg.message_id } : {}),
    ...(command ? { command } : {}),
  };
}
