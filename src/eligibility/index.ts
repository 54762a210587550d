/**
 * @module eligibility
 * The self-check of the plan's conditions for a manufacturing innovation center: the criteria
 * (data in `knowledge/eligibility.json`), the reading of answers, the evaluation, the report and
 * the guided dialog.
 */

export { type Criterion, loadCriteria, type QuestionJson, questionsForJson } from './criteria.ts';
export { type EvaluateOptions, type EvaluationDetail, evaluate, evaluationForJson } from './evaluate.ts';
export { createEligibilityFeature, type EligibilityFeatureOptions } from './feature.ts';
export { eligibilityMessages } from './messages.ts';
export { parseAnswer } from './parse-answer.ts';
export { DOCX_MIME_TYPE, reportDocx, reportMarkdown } from './report.ts';
export type { CriterionResult, CriterionStatus, Evaluation, ParsedAnswer, Verdict } from './types.ts';
