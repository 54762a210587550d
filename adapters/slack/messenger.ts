/**
 * @module adapters/slack/messenger
 * Delivery to Slack: one function that posts rendered replies with `chat.postMessage` (in a thread
 * when asked) and uploads documents with `files.uploadV2`, through Bolt's Web API client (which
 * waits out a 429's `Retry-After` and retries), and the {@link Messenger} the core uses for
 * proactive sends, reporting `blocked` when Slack says the bot can no longer post there.
 */
import { webApi } from '@slack/bolt';
import type { ChatRef, DeliveryResult, Logger, Messenger, Reply } from '../../src/index.ts';
import { renderReply } from './render.ts';

/** The Web API errors that mean the bot may not post to a conversation any more. */
export const BLOCKED_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
]);

/** Where in a conversation replies go. */
export interface DeliverOptions {
  /** Post into this thread (a mention is answered in its thread). */
  threadTs?: string;
}

/**
 * Sends replies to a conversation in order: each reply's messages (its buttons on the last), then
 * its document. Throws the Web API's error.
 */
export async function deliver(
  client: webApi.WebClient,
  channel: string,
  replies: readonly Reply[],
  options: DeliverOptions = {},
): Promise<void> {
  const thread = options.threadTs ? { thread_ts: options.threadTs } : {};
  for (const reply of replies) {
    const rendered = renderReply(reply);
    for (const m of rendered.messages) {
      await client.chat.postMessage({
        channel,
        text: m.text,
        blocks: m.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...thread,
      });
    }
    const doc = rendered.document;
    if (doc) {
      await client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(doc.content),
        filename: doc.filename,
        title: doc.filename,
        ...thread,
      });
    }
  }
}

/** The Web API's error code of a failed call (`channel_not_found`, …), if it is a platform error. */
export function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown } } | null;
  if (e?.code !== webApi.ErrorCode.PlatformError) return undefined;
  return typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** True when Slack refuses the bot in that conversation for good (see {@link BLOCKED_ERRORS}). */
export function isBlocked(error: unknown): boolean {
  const code = slackErrorOf(error);
  return code !== undefined && BLOCKED_ERRORS.has(code);
}

/** A Slack conversation or user ID (`C0123`, `D0123`, `G0123`, `U0ABC`). */
const CONVERSATION_ID = /^[A-Z0-9]{2,30}$/;

/**
 * The core's {@link Messenger} for `slack:<channel>` chats: `ok` when everything went out,
 * `blocked` for {@link BLOCKED_ERRORS}, `failed` otherwise (the caller keeps the send pending).
 */
export function createSlackMessenger(options: { client: webApi.WebClient; logger: Logger }): Messenger {
  const { client, logger } = options;
  return {
    async send(chat: ChatRef, reply: Reply): Promise<DeliveryResult> {
      if (!chat.startsWith('slack:')) return 'failed';
      const channel = chat.slice('slack:'.length);
      if (!CONVERSATION_ID.test(channel)) return 'failed';
      try {
        await deliver(client, channel, [reply]);
        return 'ok';
      } catch (error) {
        const code = slackErrorOf(error);
        if (isBlocked(error)) {
          logger.warn({ chat, code }, 'slack: the conversation refuses the bot');
          return 'blocked';
        }
        logger.warn({ chat, code, err: error instanceof Error ? error.message : String(error) }, 'slack: send failed');
        return 'failed';
      }
    },
  };
}
