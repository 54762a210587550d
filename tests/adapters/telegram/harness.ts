/**
 * Starts the real stack for the Telegram tests: a fake Bot API server on 127.0.0.1, the composed
 * core, and the grammY adapter pointed at the fake server through `apiRoot`.
 */
import {
  createTelegramAdapter,
  type TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../adapters/telegram/index.ts';
import type { BotCore, Clock, ReminderSettings, Store } from '../../../src/index.ts';
import type { createRecordingLogger } from '../../helpers/conversation.ts';
import { createTestCore } from '../../helpers/test-core.ts';
import { FAKE_TOKEN, FakeBotApi } from './fake-bot-api.ts';

/** What a test gets. */
export interface TelegramStack {
  api: FakeBotApi;
  core: BotCore;
  telegram: TelegramAdapter;
  store: Store;
  logger: ReturnType<typeof createRecordingLogger>;
  /** Stops polling, the core and the fake server (the store stays open unless `closeStore`). */
  stop(options?: { closeStore?: boolean; closeApi?: boolean }): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  store?: Store;
  clock?: Clock;
  api?: FakeBotApi;
  reminders?: ReminderSettings;
  /** A core built by the test (its own features); else the product's composition. */
  core?: BotCore;
  /** Start long polling. @default true */
  polling?: boolean;
  adapter?: Partial<TelegramAdapterOptions>;
}

/** Starts the fake server (unless given), the core and the adapter, long polling by default. */
export async function startStack(options: StackOptions = {}): Promise<TelegramStack> {
  const api = options.api ?? new FakeBotApi();
  if (!options.api) await api.start();
  const { store, logger, core } = createTestCore(options);
  const telegram = createTelegramAdapter({
    core,
    store,
    logger,
    token: FAKE_TOKEN,
    apiRoot: api.apiRoot,
    pacer: { perSecond: 10_000, perChatIntervalMs: 0, perGroupPerMinute: 600_000 },
    ...options.adapter,
  });
  core.registerMessenger('telegram', telegram.messenger);
  await telegram.init();
  await core.start();
  if (options.polling !== false) await telegram.startPolling({ timeoutSeconds: 1 });
  return {
    api,
    core,
    telegram,
    store,
    logger,
    async stop(stopOptions = {}) {
      await telegram.stop();
      await core.stop();
      if (stopOptions.closeStore) await store.close();
      if (stopOptions.closeApi !== false) await api.close();
    },
  };
}
