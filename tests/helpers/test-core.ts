/**
 * The core a platform adapter's tests run against: the product's composition with the ticker off (tests
 * tick by hand), an in-memory store on the test's clock unless one is given, and a logger that records.
 */
import { composeCore } from '../../adapters/compose.ts';
import { type BotCore, type Clock, MemoryStore, type ReminderSettings, type Store } from '../../src/index.ts';
import { createRecordingLogger, knowledge } from './conversation.ts';

/** What an adapter test may give instead of the defaults. */
export interface TestCoreOptions {
  store?: Store;
  clock?: Clock;
  reminders?: ReminderSettings;
  /** A core built by the test (its own features); else the product's composition. */
  core?: BotCore;
}

/** Builds the store, logger and core an adapter stack shares. */
export function createTestCore(options: TestCoreOptions = {}) {
  const store = options.store ?? new MemoryStore(options.clock ? { clock: options.clock } : {});
  const logger = createRecordingLogger();
  const core =
    options.core ??
    composeCore({
      knowledge: knowledge(),
      store,
      logger,
      tickerEnabled: false,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.reminders ? { reminders: options.reminders } : {}),
    });
  return { store, logger, core };
}
