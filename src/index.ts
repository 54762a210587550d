/**
 * @module mic-policy-assistant
 * The public surface adapters import. Grouped as core, ports, knowledge, Q&A, state and errors.
 */

// core
export {
  type BotCore,
  type BotCoreOptions,
  createBotCore,
} from './bot-core.ts';
export { type Config, hasPlatformToken, loadConfig } from './config.ts';
export type { Feature, FeatureCommand, FeatureDeps, FeatureFactory, Localized, Turn } from './feature.ts';
// errors
export {
  asBotError,
  BotError,
  ConfigError,
  type ErrorCode,
  KnowledgeError,
  StateError,
} from './errors.ts';
export { cleanText, MAX_QUESTION_LENGTH } from './input.ts';
// knowledge
export {
  type Clause,
  type KnowledgeBase,
  loadKnowledge,
} from './knowledge-base/index.ts';
export { type Messages, messagesFor } from './messages/index.ts';
// ports
export type {
  ChatRef,
  Choice,
  Clock,
  DeliveryResult,
  IncomingMessage,
  Locale,
  Logger,
  Messenger,
  Platform,
  Reply,
  ReplyDocument,
  Store,
  UserRef,
} from './ports.ts';
// Q&A
export {
  type AskJson,
  createQaEngine,
  createQaFeature,
  type QaEngine,
  type QaFeatureOptions,
  type QaResult,
  toAskJson,
} from './qa/index.ts';
// state
export { MemoryStore } from './state/index.ts';
