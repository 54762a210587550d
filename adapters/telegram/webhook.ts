/**
 * @module adapters/telegram/webhook
 * Webhook mode: the handler mounted on the process's HTTP server at the path of
 * `TELEGRAM_WEBHOOK_URL`. A request whose `X-Telegram-Bot-Api-Secret-Token` is missing or wrong
 * gets 401 and is not read further (the secret is compared in constant time). A valid update is
 * claimed and journaled in the store (one quick write), answered 200, and handled afterwards, so
 * Telegram never waits on slow work and never redelivers because of it; a repeated delivery is
 * answered 200 and dropped (`update_id` dedupe), and one a crash interrupted is replayed at start.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../src/index.ts';
import { type HttpHandler, readBody, respond } from '../http/index.ts';

/** Options for {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** `TELEGRAM_WEBHOOK_SECRET`, as given to `setWebhook`'s `secret_token`. */
  secret: string;
  /**
   * Claims and journals an update before Telegram gets its answer; `false` for one seen before
   * (answered 200 and not handled again).
   */
  accept(update: { update_id: number }): Promise<boolean>;
  /** Handles one accepted update; called after the response is sent. */
  handleUpdate(update: unknown): Promise<void>;
  logger: Logger;
  /**
   * Largest body accepted, in bytes.
   * @default 1_000_000
   */
  maxBodyBytes?: number;
}

/** A webhook handler and the updates it is still handling. */
export interface WebhookHandler {
  readonly handler: HttpHandler;
  /** Resolves once every update accepted so far has been handled (shutdown, tests). */
  drain(): Promise<void>;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** True when `given` equals `secret`, compared in constant time (the digests hide the length too). */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(secret));
}

/** Builds the webhook handler. */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { secret, accept, handleUpdate, logger, maxBodyBytes = 1_000_000 } = options;
  const inflight = new Set<Promise<void>>();
  const handler: HttpHandler = async (req, res) => {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    if (!secretMatches(Array.isArray(header) ? header[0] : header, secret)) {
      logger.warn({ path: req.url?.split('?')[0] }, 'telegram webhook: wrong or missing secret token');
      respond(res, 401, 'unauthorized');
      req.resume();
      return;
    }
    let update: unknown;
    try {
      update = JSON.parse((await readBody(req, maxBodyBytes)).toString('utf8'));
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'too_large';
      respond(res, tooLarge ? 413 : 400, tooLarge ? 'too large' : 'bad request');
      return;
    }
    if (
      typeof update !== 'object' ||
      update === null ||
      typeof (update as { update_id?: unknown }).update_id !== 'number'
    ) {
      respond(res, 400, 'not an update');
      return;
    }
    // Journaled before the answer, so an update Telegram considers delivered survives a crash.
    const fresh = await accept(update as { update_id: number });
    respond(res, 200);
    if (!fresh) return;
    const task = handleUpdate(update)
      .catch((error: unknown) => {
        logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'telegram webhook: update failed',
        );
      })
      .finally(() => inflight.delete(task));
    inflight.add(task);
  };
  return {
    handler,
    async drain() {
      while (inflight.size) await Promise.all([...inflight]);
    },
  };
}
