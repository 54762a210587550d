/**
 * @module knowledge-base
 * The plan text, parsed into clauses, with the glossary and example questions.
 */
export { FIGURES_FILE, loadFigures, type PlanFigure } from './figures.ts';
export { FITS_FILE, type FitVocabulary, loadFitVocabulary } from './fits.ts';
export {
  FOLLOW_UPS_FILE,
  type FollowUpVocabulary,
  followUpsFileSchema,
  loadFollowUpVocabulary,
} from './follow-ups.ts';
export { alternation, LEXICON_FILE, type Lexicon, lexicon, loadLexicon } from './lexicon.ts';
export { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from './load.ts';
export { parsePlan, stripArtefacts } from './parse-plan.ts';
export { englishName, englishWordPattern } from './schema.ts';
export {
  loadSectionsVocabulary,
  SECTIONS_FILE,
  type SectionsVocabulary,
  sectionsFileSchema,
} from './sections.ts';
export type {
  Clause,
  ClauseExamples,
  ClauseReading,
  DocumentEntry,
  DocumentNames,
  DocumentRelation,
  DocumentStatus,
  DocumentTopics,
  KnowledgeBase,
  PolicyDocument,
  SynonymGroup,
} from './types.ts';
