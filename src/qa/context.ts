/**
 * @module qa/context
 * The last answered turn of a Q&A conversation, kept per chat and user in the {@link Store} for a
 * short while (`QA_CONTEXT_MINUTES`), so that a follow-up (那研发经费呢？) can be read against it. The
 * record is validated when read back: a bad or older record is ignored, never a crash. Age is
 * measured with the injected {@link Clock}, so tests step time instead of sleeping.
 */
import { z } from 'zod';
import type { ChatRef, Clock, Store, UserRef } from '../ports.ts';

/** The prefix of every context key in the store. */
export const QA_CONTEXT_PREFIX = 'qa:context:';

/** How long a context is kept by default, in minutes. */
export const DEFAULT_QA_CONTEXT_MINUTES = 30;

const detailKinds = [
  'amount',
  'ratio',
  'date',
  'duration',
  'count',
  'number',
  'contact',
  'form',
  'definition',
  'body',
  'list',
] as const;

/** The stored shape of a context (version 1). */
export const qaContextSchema = z.object({
  v: z.literal(1),
  /** The question as it was read (a follow-up merged with the turn before), capped. */
  question: z.string().min(1).max(600),
  /** The language the question was asked in. */
  lang: z.enum(['zh', 'en']),
  /** The clause that answered it, its document and its section (`3.2` for `3.2.7`). */
  doc: z.string().min(1),
  clause: z.string().min(1),
  section: z.string().min(1),
  /** The kind of detail asked (ratio, amount, …), when one was. */
  kind: z.enum(detailKinds).optional(),
  /** The subject the question named (`lead-unit`, `center`, …), when it named one. */
  subject: z.string().min(1).optional(),
  /** The question's key terms (glossary terms, in the plan's wording). */
  terms: z.array(z.string().min(1)).max(20),
  /** When the turn was answered (ISO 8601). */
  at: z.iso.datetime(),
});

/** The last answered turn of a conversation. */
export type QaContext = z.infer<typeof qaContextSchema>;

/** Options for {@link createContextStore}. */
export interface ContextStoreOptions {
  store: Store;
  clock: Clock;
  /**
   * Minutes a context is kept after the turn that set it (QA_CONTEXT_MINUTES).
   * @default 30
   */
  minutes?: number;
}

/** Reads and writes the context of each chat and user. */
export interface ContextStore {
  /** The live context of this user in this chat, or `undefined` (none, expired or unreadable). */
  load(chat: ChatRef, user: UserRef): Promise<QaContext | undefined>;
  /** Keeps `context` as the last answered turn, stamped with the clock's time. */
  save(chat: ChatRef, user: UserRef, context: Omit<QaContext, 'v' | 'at'>): Promise<void>;
}

/** Builds the context store over a {@link Store}. */
export function createContextStore(options: ContextStoreOptions): ContextStore {
  const { store, clock, minutes = DEFAULT_QA_CONTEXT_MINUTES } = options;
  const ttlMs = minutes * 60_000;
  const key = (chat: ChatRef, user: UserRef) => `${QA_CONTEXT_PREFIX}${chat}:${user}`;
  return {
    async load(chat, user) {
      const parsed = qaContextSchema.safeParse(await store.get(key(chat, user)));
      if (!parsed.success) return undefined;
      const age = clock.now().getTime() - Date.parse(parsed.data.at);
      return age >= 0 && age < ttlMs ? parsed.data : undefined;
    },
    async save(chat, user, context) {
      const record: QaContext = { v: 1, ...context, at: clock.now().toISOString() };
      await store.set(key(chat, user), record, ttlMs);
    },
  };
}
