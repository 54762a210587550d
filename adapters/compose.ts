/**
 * @module adapters/compose
 * The one place the core is composed with its features, shared by `npm start`, the CLI and the
 * tests. Adding a feature is a folder under `src/` and one line in the list below; the order is
 * the order free text is offered to them (a dialog before Q&A, Q&A last).
 */
import {
  type BotCore,
  type Clock,
  createBotCore,
  createEligibilityFeature,
  createQaFeature,
  type KnowledgeBase,
  type Locale,
  type Logger,
  type QaEngine,
  type Store,
} from '../src/index.ts';

/** What a composed core needs. */
export interface ComposeOptions {
  knowledge: KnowledgeBase;
  store: Store;
  logger: Logger;
  /** @default the system clock */
  clock?: Clock;
  /** @default 'zh-CN' */
  defaultLocale?: Locale;
  /** A prebuilt Q&A engine (the CLI, benchmarks); built from the knowledge when absent. */
  qa?: QaEngine;
  /**
   * Days an untouched self-check dialog is kept (DIALOG_TTL_DAYS).
   * @default 90
   */
  dialogTtlDays?: number;
}

/** Builds the core with every feature of the product. */
export function composeCore(options: ComposeOptions): BotCore {
  const { qa, dialogTtlDays, ...core } = options;
  return createBotCore({
    ...core,
    features: [
      createEligibilityFeature(dialogTtlDays ? { dialogTtlDays } : {}),
      createQaFeature(qa ? { engine: qa } : {}),
    ],
  });
}
