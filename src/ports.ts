/**
 * @module ports
 * The small interfaces the core depends on. Adapters (Telegram, Slack, console, storage) implement
 * them; the core never imports a platform SDK or a storage library.
 */

/** A surface the bot lives on. */
export type Platform = 'telegram' | 'slack' | 'console';

/** A chat reference `<platform>:<id>`, e.g. `telegram:-1001234`, `slack:C0123`, `console:local`. */
export type ChatRef = `${Platform}:${string}`;

/** A user reference `<platform>:<id>`, e.g. `telegram:42`, `slack:U0ABC`. */
export type UserRef = `${Platform}:${string}`;

/** A language the bot speaks. */
export type Locale = 'zh-CN' | 'en';

/** A button offered under a reply; `value` comes back as {@link IncomingMessage.choice}. */
export interface Choice {
  /** What the user sees. */
  label: string;
  /** What the core receives when the button is pressed (opaque to adapters). */
  value: string;
}

/** A file attached to a reply (e.g. a checklist); adapters upload it as they can. */
export interface ReplyDocument {
  filename: string;
  mimeType: string;
  content: Uint8Array;
}

/**
 * One message from the bot. `text` is plain text (no markup): adapters escape it for their
 * surface, so nothing a user typed can inject formatting.
 */
export interface Reply {
  text: string;
  choices?: Choice[];
  document?: ReplyDocument;
}

/** One message to the bot, as an adapter translated it. */
export interface IncomingMessage {
  platform: Platform;
  chat: ChatRef;
  user: UserRef;
  /** Typed text, when the user typed. */
  text?: string;
  /** A pressed button's {@link Choice.value}. */
  choice?: string;
  /** The platform's idea of the user's language (e.g. Telegram `language_code`), if any. */
  locale?: string;
}

/** What became of a proactive send. */
export type DeliveryResult = 'ok' | 'blocked' | 'failed';

/** Sends a reply to a chat outside a request/response turn (reminders, notices). */
export interface Messenger {
  send(chat: ChatRef, reply: Reply): Promise<DeliveryResult>;
}

/**
 * Key-value storage with TTLs. Values are JSON-serialisable; callers validate what they read back
 * (zod) because a store is a boundary. Any failure throws a `StateError`, never reads as a miss.
 */
export interface Store {
  /** The value under `key`, or `undefined` when absent or expired. */
  get(key: string): Promise<unknown>;
  /** Stores `value`; with `ttlMs` it expires that many milliseconds from now. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Removes `key`; `true` when something was there. */
  delete(key: string): Promise<boolean>;
  /**
   * Stores `value` only when `key` is absent or expired; `true` when this call stored it. Atomic
   * across processes sharing the store: locks, claims and dedupe rely on it.
   */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /** Every live entry whose key starts with `prefix`, in no particular order. */
  entries(prefix: string): AsyncIterable<[key: string, value: unknown]>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** The source of the current time; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

/** Structured logging. Never log message text, answers or secrets. */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}
