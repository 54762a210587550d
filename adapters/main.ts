/**
 * @module adapters/main
 * `npm start`: one process with the core, the store and every platform whose token is set; the
 * console chat when none is. The only place (with the CLI) that reads `process.env`.
 */
import {
  asBotError,
  ConfigError,
  hasPlatformToken,
  loadConfig,
  loadKnowledge,
  reminderSettingsFrom,
} from '../src/index.ts';
import { composeCore } from './compose.ts';
import { createConsoleChat } from './console/index.ts';
import { createLogger } from './logger.ts';
import { createStore } from './storage/index.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (hasPlatformToken(config)) {
    throw new ConfigError(
      'a Telegram or Slack token is set, but this build has no Telegram or Slack adapter yet; unset the token to use the terminal chat',
    );
  }
  // In the terminal chat, informational logs would interleave with the conversation.
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const store = await createStore(config.STORE_URL, { logger });
  const knowledge = loadKnowledge();
  const core = composeCore({
    knowledge,
    store,
    logger,
    defaultLocale: config.LANG_DEFAULT,
    dialogTtlDays: config.DIALOG_TTL_DAYS,
    reminders: reminderSettingsFrom(config),
  });
  logger.info(
    {
      clauses: knowledge.clauses.length,
      store: config.STORE_URL.split(':')[0],
    },
    'started',
  );
  // The console registers its messenger before the ticker starts, so a due reminder prints into the chat.
  const consoleChat = createConsoleChat({ core });
  core.registerMessenger('console', consoleChat.messenger);
  await core.start();
  const stop = async (): Promise<void> => {
    await core.stop();
    await store.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(0));
    });
  }
  await consoleChat.run();
  await stop();
}

main().catch((error: unknown) => {
  const e = asBotError(error);
  process.stderr.write(`启动失败 / failed to start: [${e.code}] ${e.message}\n`);
  process.exit(1);
});
