/**
 * @module reminders/subscribe-state
 * Where an unfinished `/subscribe` dialog lives between messages: one versioned record per user
 * and chat in the store, with a TTL renewed on every write (DIALOG_TTL_DAYS), so an abandoned
 * dialog disappears by itself. Records are validated on read; one that no longer validates is
 * dropped (the user starts over) rather than failing every turn.
 */
import { z } from 'zod';
import type { ChatRef, Logger, Store, UserRef } from '../ports.ts';

/** The longest center name the dialog takes, in characters. */
export const MAX_CENTER_NAME = 100;

const stateV1 = z.object({
  v: z.literal(1),
  /** The question being asked. */
  step: z.enum(['name', 'district', 'recognized', 'status']),
  name: z.string().min(1).max(MAX_CENTER_NAME).optional(),
  /** The district's official name. */
  district: z.string().min(1).max(100).optional(),
  /** 认定日期 `YYYY-MM-DD`. */
  recognized: z.iso.date().optional(),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A `/subscribe` dialog as stored. */
export type SubscribeState = z.infer<typeof stateV1>;

/** The store key prefix of subscribe dialogs. */
export const SUBSCRIBE_DIALOG_PREFIX = 'reminders:subscribe:';

const key = (chat: ChatRef, user: UserRef): string => `${SUBSCRIBE_DIALOG_PREFIX}${chat}:${user}`;

/** Reads and writes the subscribe dialogs. */
export interface SubscribeStateStore {
  read(chat: ChatRef, user: UserRef): Promise<SubscribeState | undefined>;
  write(chat: ChatRef, user: UserRef, state: SubscribeState): Promise<void>;
  remove(chat: ChatRef, user: UserRef): Promise<boolean>;
}

/**
 * Builds the dialog store over the `Store` port.
 *
 * @param ttlMs how long an untouched dialog is kept (DIALOG_TTL_DAYS)
 */
export function createSubscribeStateStore(store: Store, ttlMs: number, logger: Logger): SubscribeStateStore {
  return {
    async read(chat, user) {
      const raw = await store.get(key(chat, user));
      if (raw === undefined) return undefined;
      const parsed = stateV1.safeParse(raw);
      if (parsed.success) return parsed.data;
      logger.warn(
        { key: SUBSCRIBE_DIALOG_PREFIX, issues: parsed.error.issues.length },
        'dropping a stored record that does not validate',
      );
      await store.delete(key(chat, user));
      return undefined;
    },
    write: (chat, user, state) => store.set(key(chat, user), stateV1.parse(state), ttlMs),
    remove: (chat, user) => store.delete(key(chat, user)),
  };
}
