/**
 * @module adapters/storage/keyv-store
 * The production {@link Store}: keyv over `@keyv/sqlite`, one SQLite file in WAL mode. Plain
 * writes go through keyv; the operations keyv cannot do atomically (`setIfAbsent`, prefix
 * iteration, sweeping) run SQL on the adapter's own connection, in keyv's row format.
 */

import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Clock, Logger, Store } from '../../src/index.ts';
import { StateError } from '../../src/index.ts';

/** Options for {@link KeyvStore}. */
export interface KeyvStoreOptions {
  /** Path of the SQLite file (created if missing; its folder must exist), or `:memory:`. */
  path: string;
  /**
   * How often expired rows are deleted. SQLite never drops them by itself; reads already ignore
   * them, so this only bounds the file size. The timer is unref'd and never keeps the process up.
   * @default 86_400_000 (24 hours)
   */
  sweepIntervalMs?: number;
  /**
   * How long a statement waits for another connection's write lock before failing with
   * `SQLITE_BUSY` (several processes may share the file).
   * @default 5_000
   */
  busyTimeoutMs?: number;
  /**
   * Where sweep results and sweep failures are reported.
   * @default no logging
   */
  logger?: Logger;
  /**
   * Where "now" comes from when a TTL is set or checked (expiry, claims, the sweep); tests pass a
   * stepping clock so expiry is exercised without sleeping.
   * @default the system clock
   */
  clock?: Clock;
}

const systemClock: Clock = { now: () => new Date() };

/** The table `@keyv/sqlite` creates (`key VARCHAR(255) PRIMARY KEY, value TEXT`). */
const TABLE = 'keyv';
/** Rows read per round trip by {@link KeyvStore.entries}. */
const PAGE_SIZE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Expiry (epoch ms) of a row, or NULL when it has none or its value is not valid JSON. `CASE`
 * guarantees `json_extract` never sees malformed text (which would make the statement fail).
 */
const EXPIRES_SQL = (column: string): string =>
  `(CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.expires') END)`;

/**
 * Rows as `@keyv/sqlite` stores them: keyv wraps each value as `{ value, expires? }` and
 * serialises that with `@keyv/serialize` (JSON; strings starting with `:` get one more `:`,
 * Buffers become `":base64:…"`). `expires` is epoch milliseconds and lives inside that JSON.
 */
interface Row {
  key: string;
  value: string;
}

type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

/**
 * A {@link Store} over keyv 5 and `@keyv/sqlite` 4, created with `throwOnErrors: true` so a
 * failing store surfaces as a {@link StateError} (with the driver error as `cause`) and never as a
 * silent miss. Row keys are the store keys verbatim (keyv's namespace prefix is off, so no key
 * can collide with another through keyv's "already prefixed" shortcut).
 *
 * Why SQL beside keyv: keyv has no compare-and-set, its `get` deletes an expired row in a
 * separate statement (which could delete a fresh claim another process made in between), and it
 * reads `Date.now()` itself, so expiry could not follow an injected clock. So:
 * - `set` is an upsert of a row serialised by keyv's own serializer, expiry from the clock;
 * - `get`/`delete` read and delete the raw row through the adapter and never delete on read;
 * - `setIfAbsent` is one `INSERT … ON CONFLICT(key) DO UPDATE … WHERE <row expired> RETURNING`
 *   statement, which SQLite runs under its write lock, so exactly one caller across all
 *   processes sharing the file wins;
 * - `entries` pages through `key LIKE 'prefix%' ESCAPE '\'` (with `%`, `_` and `\` escaped);
 * - {@link KeyvStore.sweepExpired} deletes expired rows, daily on an unref'd timer.
 *
 * An entry is expired once `now >= expires`, `now` from the injected {@link Clock}.
 *
 * @example
 * ```ts
 * const store = await KeyvStore.open({ path: './data/bot.sqlite' });
 * if (await store.setIfAbsent('claim:r1', { by: 'worker-1' }, 600_000)) {
 *   // this process owns the claim
 * }
 * await store.close();
 * ```
 */
export class KeyvStore implements Store {
  readonly #keyv: Keyv;
  readonly #query: Query;
  readonly #ready: Promise<void>;
  readonly #logger: Logger | undefined;
  readonly #clock: Clock;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  /**
   * Opens the file and starts the sweep timer. Prefer {@link KeyvStore.open}, which also waits
   * until the connection and pragmas are in place, so a bad path fails at start.
   */
  constructor(options: KeyvStoreOptions) {
    const { path, sweepIntervalMs = DAY_MS, busyTimeoutMs = 5_000, logger, clock = systemClock } = options;
    this.#logger = logger;
    this.#clock = clock;
    const adapter = new KeyvSqlite({
      uri: `sqlite://${path}`,
      table: TABLE,
      busyTimeout: busyTimeoutMs,
    });
    this.#keyv = new Keyv(adapter, {
      throwOnErrors: true,
      useKeyPrefix: false,
    });
    const query: Query = adapter.query;
    this.#query = query;
    // Issued right away so a failed connection is observed (no unhandled rejection) and reported
    // by the first operation. `synchronous=NORMAL` is per connection; WAL is stored in the file.
    this.#ready = (async () => {
      await query('PRAGMA journal_mode = WAL');
      await query('PRAGMA synchronous = NORMAL');
    })();
    this.#ready.catch(() => {
      // Observed here; every operation awaits #ready and rethrows it as a StateError.
    });
    this.#timer = setInterval(() => {
      this.sweepExpired().then(
        (count) => this.#logger?.debug({ store: 'sqlite', swept: count }, 'expired rows swept'),
        (error: unknown) => this.#logger?.warn({ store: 'sqlite', err: error }, 'sweeping expired rows failed'),
      );
    }, sweepIntervalMs);
    this.#timer.unref();
  }

  /**
   * Opens a store and waits until it is usable; rejects with a {@link StateError} when the file
   * cannot be opened (the store is closed again in that case).
   */
  static async open(options: KeyvStoreOptions): Promise<KeyvStore> {
    const store = new KeyvStore(options);
    try {
      await store.#run('open', async () => undefined);
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  /** The value under `key`, or `undefined` when absent or expired; a corrupt row throws. */
  async get(key: string): Promise<unknown> {
    return this.#run('get', async () => {
      const rows = await this.#rows(`SELECT key, value FROM ${TABLE} WHERE key = ?`, [key]);
      const row = rows[0];
      if (row === undefined) return undefined;
      const data = await this.#decode(row);
      return isLive(data, this.#now()) ? data.value : undefined;
    });
  }

  /** Stores `value`; with `ttlMs` it expires that many milliseconds from now. */
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    if (ttlMs !== undefined) assertTtl(ttlMs);
    await this.#run('set', async () => {
      const serialized = await this.#encode(value, ttlMs === undefined ? undefined : this.#now() + ttlMs);
      await this.#query(
        `INSERT INTO ${TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        [key, serialized],
      );
    });
  }

  /** Removes `key`; `true` when a live entry was there. */
  async delete(key: string): Promise<boolean> {
    return this.#run('delete', async () => {
      const rows = await this.#rows(`DELETE FROM ${TABLE} WHERE key = ? RETURNING key, value`, [key]);
      const row = rows[0];
      if (row === undefined) return false;
      const data = await this.#decode(row).catch(() => undefined);
      // A corrupt row was still "something there"; it is gone now either way.
      return data === undefined || isLive(data, this.#now());
    });
  }

  /**
   * Stores `value` only when `key` is absent or expired, in one SQL statement, so it is atomic
   * across every process sharing the file; `true` when this call stored it.
   */
  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    assertTtl(ttlMs);
    return this.#run('setIfAbsent', async () => {
      const now = this.#now();
      const serialized = await this.#encode(value, now + ttlMs);
      const rows = await this.#rows(
        `INSERT INTO ${TABLE} (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value
         WHERE ${EXPIRES_SQL(`${TABLE}.value`)} <= ?
         RETURNING key, value`,
        [key, serialized, now],
      );
      return rows.length === 1;
    });
  }

  /**
   * Every live entry whose key starts with `prefix` (compared case-sensitively and literally, so
   * `%` and `_` match only themselves), read in pages of {@link PAGE_SIZE} rows by key order.
   */
  async *entries(prefix: string): AsyncIterable<[key: string, value: unknown]> {
    const pattern = `${escapeLike(prefix)}%`;
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const rows: Row[] = await this.#run('entries', () =>
        this.#rows(
          `SELECT key, value FROM ${TABLE}
           WHERE key LIKE ? ESCAPE '\\' AND (? IS NULL OR key > ?)
           ORDER BY key LIMIT ?`,
          [pattern, cursor, cursor, PAGE_SIZE],
        ),
      );
      const now = this.#now();
      for (const row of rows) {
        // LIKE is case-insensitive for ASCII in SQLite; the port's prefix match is not.
        if (!row.key.startsWith(prefix)) continue;
        const data = await this.#run('entries', () => this.#decode(row));
        if (isLive(data, now)) yield [row.key, data.value];
      }
      const last: Row | undefined = rows.at(-1);
      if (last === undefined || rows.length < PAGE_SIZE) return;
      after = last.key;
    }
  }

  /**
   * Deletes every expired row and returns how many went. Reads already ignore expired rows; this
   * keeps the file from growing. Runs by itself every `sweepIntervalMs`.
   */
  async sweepExpired(): Promise<number> {
    return this.#run('sweepExpired', async () => {
      const rows = await this.#rows(`DELETE FROM ${TABLE} WHERE ${EXPIRES_SQL('value')} <= ? RETURNING key`, [
        this.#now(),
      ]);
      return rows.length;
    });
  }

  /** Stops the sweep timer and closes the database; later calls throw a {@link StateError}. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    // A connection that never opened has nothing to close (and would reject again).
    const opened = await this.#ready.then(
      () => true,
      () => false,
    );
    if (!opened) return;
    try {
      await this.#keyv.disconnect();
    } catch (error) {
      throw new StateError(`closing the SQLite store failed: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  /** Runs `op` once the connection is ready, turning any failure into a {@link StateError}. */
  async #run<T>(op: string, body: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StateError(`SQLite store is closed (${op})`);
    try {
      await this.#ready;
      return await body();
    } catch (error) {
      if (error instanceof StateError) throw error;
      throw new StateError(`SQLite store ${op} failed: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  #now(): number {
    return this.#clock.now().getTime();
  }

  async #rows(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.#query(sql, params)) as Row[];
  }

  /** Serialises exactly as keyv's `set` does, so `get` (and keyv itself) reads it back. */
  async #encode(value: unknown, expires: number | undefined): Promise<string> {
    const serialize = this.#keyv.serialize;
    if (serialize === undefined) throw new StateError('keyv has no serializer configured');
    return serialize(expires === undefined ? { value } : { value, expires });
  }

  /** Parses a row with keyv's deserializer; anything unparsable is a corrupt-state error. */
  async #decode(row: Row): Promise<{ value: unknown; expires?: number | null }> {
    const deserialize = this.#keyv.deserialize;
    let data: unknown;
    try {
      data = deserialize === undefined ? undefined : await deserialize(row.value);
    } catch (error) {
      throw new StateError(`stored value under "${row.key}" is not valid JSON`, {
        cause: error,
        code: 'state_corrupt',
      });
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new StateError(`stored value under "${row.key}" is not a keyv record`, {
        code: 'state_corrupt',
      });
    }
    return data as { value: unknown; expires?: number | null };
  }
}

/** Whether a decoded keyv record is still live at `now` (epoch ms). */
function isLive(data: { expires?: number | null }, now: number): boolean {
  return typeof data.expires !== 'number' || now < data.expires;
}

/** Escapes `\`, `%` and `_` for `LIKE … ESCAPE '\'`, so the prefix matches literally. */
function escapeLike(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Rejects TTLs keyv would read as "forever" (0) or that make no sense. */
function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive finite number of milliseconds, got ${ttlMs}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
