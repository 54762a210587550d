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

/** Whether a document's text ships (`text`) or only facts about it are known (`known`). */
export type DocumentStatus = 'text' | 'known';

/** What a document changes in an earlier one (see `knowledge/documents.json`). */
export interface DocumentTopics {
  /** Clause ids of the earlier document whose topics it changes. */
  clauses: string[];
  /** Words a question on those topics uses (公示, 年度考核, publicity period). */
  terms: string[];
  /** Terms only this document has (综合类): the earlier one makes no such distinction. */
  distinctions: string[];
}

/** How a document stands to another. */
export type DocumentRelation =
  | { type: 'implements'; doc: string; from?: number; to?: number }
  /** Replaces the other document's rules on the listed clauses (the document's topics by default). */
  | { type: 'supersedes'; doc: string; clauses: string[] };

/** How a document and its issuer are named in another language. */
export interface DocumentNames {
  title: string;
  issuer: string;
  /** The issuer as replies name it (the Municipal Commission of Economy and Information Technology). */
  issuerShort: string;
}

/**
 * One entry of `knowledge/documents.json`, whatever its status: what `/source` lists and what a
 * notice names.
 */
export interface DocumentEntry {
  id: string;
  status: DocumentStatus;
  title: string;
  issuer: string;
  /** How replies name the issuer (市经济信息委). */
  issuerShort: string;
  /** Year of issue. */
  year: number;
  /** The official number, present only when verified (always for a document with its text). */
  number?: string;
  /** Issuing date `YYYY-MM-DD`, for a document with its text. */
  date?: string;
  /** True when the number and facts were checked against the document itself. */
  verified: boolean;
  /** Where what is known comes from, for a `known` document. */
  source?: string;
  /** The document's title and issuer in English, for English replies. */
  en?: DocumentNames;
  topics: DocumentTopics;
  relations: DocumentRelation[];
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

/**
 * A clause read in another language: an unofficial translation kept beside the original (see
 * `knowledge/README.md`). Replies show it above the original, which is still quoted and counts.
 */
export interface ClauseReading {
  /** The language of the reading (`en`). */
  locale: string;
  /** The clause's sub-heading, read; empty when the original has none. */
  title: string;
  /** The headings above the clause, read and joined by ` › ` (`Formation and operation › Basic conditions`). */
  path: string;
  /** The clause's body, read. */
  text: string;
}

/** A set of terms retrieval treats as the same thing. */
export interface SynonymGroup {
  /** The group's stable id (`r-d-staff`), by which code and other knowledge files name it. */
  id: string;
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
  /** The documents whose text ships and is answered from, in `documents.json` order (the plan first). */
  documents: PolicyDocument[];
  /** Every entry of `documents.json`, with its text or only known, in file order. */
  catalogue: DocumentEntry[];
  clauses: Clause[];
  glossary: SynonymGroup[];
  /**
   * Names of other programmes (高新技术企业, 企业技术中心 …) and of centers of other levels (国家级,
   * 区县级) whose own recognition rules the plan does not hold.
   */
  otherProgrammes: string[];
  /** The words asking about such a programme's own rules when they follow its name (认定, 条件 …). */
  programmeAsking: string[];
  /** The programmes (not the centers of other levels) and the words asking to join one before its name (申报 …). */
  programmeAskedBefore: { names: string[]; asking: string[] };
  /**
   * The same in English: names (programmes and centers of other levels), and the words asking about
   * their rules after the name ("… certification") or before it ("certified as …"); `*` ends a stem.
   */
  otherProgrammesEn: { names: string[]; askingAfter: string[]; askingBefore: string[] };
  /** Topics the plan never touches (税收, 社保, 落户 …): a question about one is an abstention. */
  uncoveredTopics: string[];
  /** Example questions keyed by `doc/id`. */
  examples: Map<string, ClauseExamples>;
  /** Finds a clause by id (first document wins for bare ids) or by `doc/id`. */
  clause(id: string): Clause | undefined;
  /**
   * The clause read in another language (`en`), when its document ships a reading in it
   * (`translations` in `documents.json`); undefined otherwise, and the original alone is shown.
   */
  reading(clause: Clause, locale: string): ClauseReading | undefined;
}
