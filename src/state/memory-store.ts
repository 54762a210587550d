/**
 * @module state/memory-store
 * An in-memory {@link Store} with TTLs. Unit tests and the console use it; production uses the
 * keyv-backed store in `adapters/storage/`, which passes the same contract suite.
 */

import { StateError } from '../errors.ts';
import type { Clock, Store } from '../ports.ts';

/** Options for {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Where "now" comes from when a TTL is set or checked; tests pass a stepping clock so expiry
   * can be exercised without sleeping.
   * @default the system clock (`new Date()`)
   */
  clock?: Clock;
}

interface MemoryEntry {
  value: unknown;
  /** Epoch milliseconds at which the entry stops being live; absent means never. */
  expiresAt?: number;
}

const systemClock: Clock = { now: () => new Date() };

/** A copy as a serialising store would give it back: Dates become strings, Maps and undefined vanish. */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * A {@link Store} that keeps entries in a `Map` inside the process. It exists so every storage
 * port has a dependency-free twin (as grammY's `MemorySessionStorage` and bolt's `MemoryStore`),
 * which makes the core testable without I/O. Values are copied through JSON (as a real store serialises them) on the
 * way in and out, so a caller mutating an object after `set` (or after `get`) cannot change what
 * is stored. An entry is expired once `now >= expiresAt`; expired entries read as absent and are
 * dropped lazily when touched. `setIfAbsent` is atomic because the check and the write happen in
 * one synchronous step of a single-threaded process; it is not shared between processes.
 *
 * @example
 * ```ts
 * const store = new MemoryStore();
 * await store.setIfAbsent('lock:tick', { by: 'me' }, 60_000); // true
 * await store.setIfAbsent('lock:tick', { by: 'you' }, 60_000); // false
 * ```
 */
export class MemoryStore implements Store {
  readonly #clock: Clock;
  readonly #entries = new Map<string, MemoryEntry>();
  #closed = false;

  /** Creates an empty store; see {@link MemoryStoreOptions}. */
  constructor(options: MemoryStoreOptions = {}) {
    const { clock = systemClock } = options;
    this.#clock = clock;
  }

  /** The value under `key` (a deep copy), or `undefined` when absent or expired. */
  async get(key: string): Promise<unknown> {
    this.#assertOpen();
    const entry = this.#live(key);
    return entry === undefined ? undefined : jsonCopy(entry.value);
  }

  /** Stores a deep copy of `value`; with `ttlMs` it expires that many milliseconds from now. */
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.#assertOpen();
    this.#write(key, value, ttlMs);
  }

  /** Removes `key`; `true` when a live entry was there. */
  async delete(key: string): Promise<boolean> {
    this.#assertOpen();
    const wasLive = this.#live(key) !== undefined;
    this.#entries.delete(key);
    return wasLive;
  }

  /** Stores `value` only when `key` is absent or expired; `true` when this call stored it. */
  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    this.#assertOpen();
    assertTtl(ttlMs);
    if (this.#live(key) !== undefined) return false;
    this.#write(key, value, ttlMs);
    return true;
  }

  /** Every live entry whose key starts with `prefix` (deep copies), in insertion order. */
  async *entries(prefix: string): AsyncIterable<[key: string, value: unknown]> {
    this.#assertOpen();
    // Snapshot the keys so writes made by the consumer while iterating do not disturb the loop.
    for (const key of [...this.#entries.keys()]) {
      if (!key.startsWith(prefix)) continue;
      const entry = this.#live(key);
      if (entry !== undefined) yield [key, jsonCopy(entry.value)];
    }
  }

  /** Drops every entry; the store is unusable afterwards (operations throw a `StateError`). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#entries.clear();
  }

  #write(key: string, value: unknown, ttlMs: number | undefined): void {
    const entry: MemoryEntry = { value: jsonCopy(value) };
    if (ttlMs !== undefined) {
      assertTtl(ttlMs);
      entry.expiresAt = this.#nowMs() + ttlMs;
    }
    this.#entries.set(key, entry);
  }

  /** The entry under `key` when live; an expired one is removed on the way. */
  #live(key: string): MemoryEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && this.#nowMs() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #nowMs(): number {
    return this.#clock.now().getTime();
  }

  #assertOpen(): void {
    if (this.#closed) throw new StateError('MemoryStore is closed');
  }
}

/** Rejects TTLs that would silently mean "forever" or "already gone" in some backends. */
function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive finite number of milliseconds, got ${ttlMs}`);
  }
}
