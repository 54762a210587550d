/**
 * @module adapters/telegram/pacer
 * A pacing queue for proactive sends (reminders, notices) within Telegram's broadcast limits:
 * about 30 messages per second overall, one per second to one chat, 20 per minute to one group.
 * Each call reserves the earliest slot that keeps every limit, in the order calls arrive, and
 * runs when its slot comes; the rates are options so tests run it fast.
 */

/** Options for {@link createPacer}; every rate is a lower bound on the spacing of calls. */
export interface PacerOptions {
  /**
   * Calls per second over all chats.
   * @default 30
   */
  perSecond?: number;
  /**
   * Minimum milliseconds between two calls to one private chat.
   * @default 1000
   */
  perChatIntervalMs?: number;
  /**
   * Calls per minute to one group or channel.
   * @default 20
   */
  perGroupPerMinute?: number;
  /** Where time comes from (tests). @default Date.now */
  now?: () => number;
}

/** Runs calls no faster than the configured rates. */
export interface Pacer {
  /**
   * Runs `call` once its slot for `chatId` comes (negative ids are groups and channels) and
   * resolves or rejects with its result.
   */
  run<T>(chatId: number | string, call: () => Promise<T>): Promise<T>;
  /** Calls waiting for their slot. */
  readonly pending: number;
}

/** Builds a pacer. */
export function createPacer(options: PacerOptions = {}): Pacer {
  const { perSecond = 30, perChatIntervalMs = 1000, perGroupPerMinute = 20, now = Date.now } = options;
  const globalInterval = 1000 / perSecond;
  const groupInterval = 60_000 / perGroupPerMinute;
  let globalNext = 0;
  const chatNext = new Map<string, number>();
  let pending = 0;

  const prune = (t: number): void => {
    if (chatNext.size < 10_000) return;
    for (const [k, v] of chatNext) if (v <= t) chatNext.delete(k);
  };

  return {
    get pending() {
      return pending;
    },
    run<T>(chatId: number | string, call: () => Promise<T>): Promise<T> {
      const key = String(chatId);
      const t0 = now();
      prune(t0);
      const slot = Math.max(t0, globalNext, chatNext.get(key) ?? 0);
      globalNext = slot + globalInterval;
      chatNext.set(key, slot + (key.startsWith('-') ? groupInterval : perChatIntervalMs));
      const wait = slot - t0;
      if (wait <= 0) return call();
      pending += 1;
      return new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => {
        pending -= 1;
        return call();
      });
    },
  };
}
