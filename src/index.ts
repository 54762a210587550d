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
// centers (the registry of recognised and pilot centers)
export {
  addCenter,
  type Center,
  type CenterInput,
  importSeedOnce,
  listCenters,
  verifiedFields,
} from './centers/index.ts';
export { type Config, hasPlatformToken, loadConfig } from './config.ts';
// eligibility (the self-check: criteria, one evaluation path, report, dialog)
export {
  type Criterion,
  type CriterionResult,
  type CriterionStatus,
  createEligibilityFeature,
  DOCX_MIME_TYPE,
  type EligibilityFeatureOptions,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationDetail,
  eligibilityMessages,
  evaluate,
  evaluationForJson,
  loadCriteria,
  type ParsedAnswer,
  parseAnswer,
  type QuestionJson,
  questionsForJson,
  reportDocx,
  reportMarkdown,
  type Verdict,
} from './eligibility/index.ts';
// errors
export {
  asBotError,
  BotError,
  ConfigError,
  type ErrorCode,
  KnowledgeError,
  StateError,
} from './errors.ts';
export type {
  Feature,
  FeatureCommand,
  FeatureDeps,
  FeatureFactory,
  HomeContext,
  HomeSection,
  Localized,
  Turn,
} from './feature.ts';
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
// preferences (a user's /lang choice, for adapters' own words)
export { readLocale } from './preferences.ts';
// Q&A
export {
  type AskJson,
  createQaConversation,
  createQaEngine,
  createQaFeature,
  type QaConversation,
  type QaEngine,
  type QaFeatureOptions,
  type QaResult,
  toAskJson,
  tooLongAskJson,
} from './qa/index.ts';
// reminders (duties as data, the pure schedule, the engine, the chat feature, the settings)
export {
  createReminderEngine,
  createRemindersFeature,
  DEFAULT_REMINDER_SETTINGS,
  type Duty,
  type DutyId,
  formatSendAt,
  loadDuties,
  localInstant,
  type PlannedReminder,
  planReminders,
  type ReminderEngine,
  type ReminderEngineOptions,
  type ReminderSettings,
  type RemindersFeatureOptions,
  reminderSettingsFrom,
  type SentReport,
} from './reminders/index.ts';
// state
export { MemoryStore } from './state/index.ts';
