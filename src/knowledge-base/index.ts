/**
 * @module knowledge-base
 * The plan text, parsed into clauses, with the glossary and example questions.
 */
export { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from './load.ts';
export { parsePlan, stripArtefacts } from './parse-plan.ts';
export type {
  Clause,
  ClauseExamples,
  DocumentEntry,
  DocumentRelation,
  DocumentStatus,
  DocumentTopics,
  KnowledgeBase,
  PolicyDocument,
  SynonymGroup,
} from './types.ts';
