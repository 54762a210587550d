/**
 * @module knowledge-base/types
 * The shapes the rest of the core reads from the knowledge folder.
 */

/** A policy document the bot answers from. */
export interface PolicyDocument {
  /** Stable id, e.g. `yjxf-2017-139`. */
  id: string;
  title: string;
  /** The official number, e.g. 渝经信发〔2017〕139号. */
  number: string;
  /** Issuing date `YYYY-MM-DD`. */
  date: string;
  issuer: string;
}

/** One citable unit of a document, as fixed by the clause-ID table. */
export interface Clause {
  /** The document this clause belongs to. */
  doc: string;
  /** `3.1.4`, `4`, `notice`, `preamble` … */
  id: string;
  /** How users see it: `三（一）4`, `四（二）`, `印发通知`. */
  label: string;
  /** The clause's own sub-heading without numbering and final 。; empty for numbered items. */
  title: string;
  /** Ancestor headings joined by ` › `; empty at the top. */
  path: string;
  /** The body verbatim (trimmed, conversion artefacts removed). */
  text: string;
}

/** A set of terms retrieval treats as the same thing. */
export interface SynonymGroup {
  zh: string[];
  /** Single characters that mean the group only when they stand alone as a word ("投多少"). */
  alone: string[];
  en: string[];
}

/** Example questions for one clause, kept as training phrases. */
export interface ClauseExamples {
  /** Questions the clause answers. */
  answered: string[];
  /** Questions on the clause's topic asking for a detail the plan does not give. */
  unanswered: string[];
}

/** Everything loaded from `knowledge/`, validated. */
export interface KnowledgeBase {
  documents: PolicyDocument[];
  clauses: Clause[];
  glossary: SynonymGroup[];
  /**
   * Names of other programmes (高新技术企业, 企业技术中心 …) and of centers of other levels (国家级,
   * 区县级) whose own recognition rules the plan does not hold.
   */
  otherProgrammes: string[];
  /** Topics the plan never touches (税收, 社保, 落户 …): a question about one is an abstention. */
  uncoveredTopics: string[];
  /** Example questions keyed by `doc/id`. */
  examples: Map<string, ClauseExamples>;
  /** Finds a clause by id (first document wins for bare ids) or by `doc/id`. */
  clause(id: string): Clause | undefined;
}
