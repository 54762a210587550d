/**
 * @module qa
 * Cited policy Q&A over the knowledge base.
 */

export { type AskJson, toAskJson, tooLongAskJson } from './ask-json.ts';
export {
  type ContextStore,
  createContextStore,
  DEFAULT_QA_CONTEXT_MINUTES,
  QA_CONTEXT_PREFIX,
  type QaContext,
  qaContextSchema,
} from './context.ts';
export { detailAsked, holdsDetail } from './detail.ts';
export type {
  AbstainReason,
  DetailGate,
  QaEngine,
  QaEngineOptions,
  QaResult,
  ScoredClause,
} from './engine.ts';
export { createQaEngine } from './engine.ts';
export { createQaFeature, type QaFeatureOptions } from './feature.ts';
export {
  answerConversation,
  type ConversationalQa,
  type ConversationTurn,
  createConversationalQa,
  createQaConversation,
  type Ellipsis,
  type FollowUpForm,
  type QaConversation,
  type QaConversationOptions,
} from './follow-up.ts';
export { extractLead, extractListItems } from './lead.ts';
export { lookupClause } from './lookup.ts';
export { features, normalize, segment } from './text.ts';
