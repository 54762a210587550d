/**
 * @module qa
 * Cited policy Q&A over the knowledge base.
 */

export { type AskJson, toAskJson } from './ask-json.ts';
export { detailAsked, holdsDetail } from './detail.ts';
export type {
  AbstainReason,
  QaEngine,
  QaEngineOptions,
  QaResult,
  ScoredClause,
} from './engine.ts';
export { createQaEngine } from './engine.ts';
export { createQaFeature, type QaFeatureOptions } from './feature.ts';
export { extractLead, extractListItems } from './lead.ts';
export { lookupClause } from './lookup.ts';
export { features, normalize, segment } from './text.ts';
