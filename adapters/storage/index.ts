/**
 * @module adapters/storage
 * Builds the {@link Store} named by `STORE_URL`. Only SQLite exists today; Redis and PostgreSQL
 * URLs are recognised and refused with a clear message until their stores land.
 */

import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Clock, Logger, Store } from '../../src/index.ts';
import { ConfigError, StateError } from '../../src/index.ts';
import { KeyvStore } from './keyv-store.ts';

export type { KeyvStoreOptions } from './keyv-store.ts';
export { KeyvStore } from './keyv-store.ts';

/** Options for {@link createStore}. */
export interface CreateStoreOptions {
  /**
   * Receives store housekeeping events (the daily sweep of expired rows).
   * @default no logging
   */
  logger?: Logger;
  /**
   * Where "now" comes from for TTLs.
   * @default the system clock
   */
  clock?: Clock;
}

const ACCEPTED = 'sqlite://<path> (e.g. sqlite://./data/bot.sqlite or sqlite:///var/lib/bot/bot.sqlite)';
const RESERVED = new Set(['redis', 'rediss', 'postgres', 'postgresql']);

/**
 * Opens the store a `STORE_URL` names, creating the SQLite file's folder when missing. It is
 * the one place that maps configuration to a storage backend, so composition files (`main.ts`)
 * stay free of backend details.
 *
 * Accepted forms: `sqlite://./relative/path.sqlite` (relative to the working directory),
 * `sqlite:///absolute/path.sqlite` and `sqlite://:memory:`. `redis://…` and `postgresql://…`
 * throw a {@link ConfigError} (not supported yet), as does any other scheme. The URL itself is
 * never echoed, because Redis and PostgreSQL URLs carry passwords.
 *
 * @throws {ConfigError} when the URL is not a supported `STORE_URL`.
 * @throws {StateError} when the folder cannot be created or the database cannot be opened.
 *
 * @example
 * ```ts
 * const store = await createStore(config.storeUrl, { logger });
 * ```
 */
export async function createStore(url: string, options: CreateStoreOptions = {}): Promise<Store> {
  const { logger, clock } = options;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new ConfigError(`STORE_URL is not a URL; use ${ACCEPTED}`);
  }
  if (RESERVED.has(scheme)) {
    throw new ConfigError(`STORE_URL scheme ${scheme}:// is not supported yet; use ${ACCEPTED}`);
  }
  if (scheme !== 'sqlite') {
    throw new ConfigError(
      `STORE_URL scheme ${scheme}:// is unknown; use ${ACCEPTED} (redis:// and postgresql:// are planned)`,
    );
  }

  const rawPath = url.slice('sqlite://'.length);
  if (rawPath === '') {
    throw new ConfigError(`STORE_URL has no database path; use ${ACCEPTED}`);
  }
  if (rawPath === ':memory:') {
    return KeyvStore.open({ path: rawPath, logger, clock });
  }

  const path = resolve(rawPath);
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new StateError(`cannot create the store folder ${folder} (from STORE_URL)`, {
      cause: error,
    });
  }
  return KeyvStore.open({ path, logger, clock });
}
