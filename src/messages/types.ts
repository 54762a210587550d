/**
 * @module messages/types
 * The shape of a user-facing string table. Every language implements all of it, so a missing
 * translation is a type error.
 */
import type { DetailKind } from '../qa/detail.ts';

/** Facts about a source document the footer shows. */
export interface SourceInfo {
  title: string;
  number: string;
  /** `YYYY-MM-DD`. */
  date: string;
  issuer: string;
}

/** A document as `/source` lists it and a notice names it: with its text, or only known. */
export interface DocumentInfo {
  title: string;
  issuer: string;
  /** How replies name the issuer (市经济信息委). */
  issuerShort: string;
  /** `text`: answered from; `known`: its text is not in the project. */
  status: 'text' | 'known';
  year: number;
  /** Only when verified. */
  number?: string;
  /** `YYYY-MM-DD`, for a document with its text. */
  date?: string;
  /** Where what is known comes from, for a `known` document. */
  source?: string;
  /** The title and issuer in English, when `documents.json` gives them. */
  en?: { title: string; issuer: string; issuerShort: string };
}

/** All strings the bot says, in one language. */
export interface Messages {
  welcome: string;
  /** The opening of /help: what to type, with examples. */
  helpIntro: string;
  /** The heading above the list of commands in /help. */
  commandsHeading: string;
  helpAsk: string;
  helpSource: string;
  helpLang: string;
  helpHelp: string;
  /** `依据：三（一）4（组建和运行 › 基本条件）` */
  basis(label: string, path: string): string;
  footer(source: SourceInfo): string;
  /** `/source`: every document with its status and year. */
  source(documents: DocumentInfo[]): string;
  /**
   * One line after the quote: a later document (its text not in the project) may have newer rules
   * on this topic.
   */
  laterNotice(document: DocumentInfo): string;
  /** The question uses a term only a later document has (综合类); the plan makes no such distinction. */
  noDistinction(terms: string[], planYear: number, answered: boolean): string;
  /** The heading of an earlier document's clause shown as history under a later one's. */
  historyHeading(year: number): string;
  /** A note under an English answer: the plan exists in Chinese only. */
  originalTextNote: string;
  /**
   * The language clause readings are shown in above the quoted original (`en`), when the document
   * ships one (`knowledge/<doc>.en.json`); absent where the original is read as it is.
   */
  readingLocale?: string;
  /** How a clause is labelled above its reading: `3.2.6 (三（二）6)`, `Covering notice (印发通知)`. */
  readingLabel(id: string, label: string): string;
  /** The line above a clause's reading: its label and its headings, read. */
  readingHeading(label: string, path: string): string;
  /** The mark under a reading: an unofficial translation; the original below is what counts. */
  readingNote: string;
  /** The line above the quoted original when a reading stands above it. */
  originalHeading: string;
  relatedHeading: string;
  /** The label of a button that opens a clause. */
  clauseChoice(label: string, title: string): string;
  notCovered: string;
  /** The message is a clause number the plan does not have; `numbering` lists those it has. */
  noSuchClause(reference: string, numbering: string[]): string;
  /** The message names a heading that has no text of its own; its clauses follow as buttons. */
  sectionHeading(reference: string): string;
  /**
   * The verdict on the asker's own figure, the first line of the answer: what was read
   * (`40÷150≈26.7%`), whether it reaches the plan's threshold (`30%`), and that it is for reference only.
   */
  figureVerdict(understood: string, met: boolean, threshold: string): string;
  /** The asker's sum is subscribed or planned, not paid in: no verdict against 实际投入. */
  figureNotPaid: string;
  /** A sum of money in a verdict (`900万元`, `9,000,000 yuan`). */
  figureAmount(yuan: number): string;
  /** A sum inside a quotient (`900万`, `9,000,000`). */
  figureAmountInRatio(yuan: number): string;
  /** "The plan does not state …" for a near miss of the given kind. */
  detailNotGiven(kind: DetailKind | undefined): string;
  /**
   * The plan sets no figure for the quantity asked; the related clause states `figure` for another
   * quantity (`measures`, described in each language).
   */
  otherQuantity(figure: string, clause: string, measures: { 'zh-CN': string; en: string }): string;
  /** The question is about another programme's or document's rules. */
  otherDocument: string;
  /** The question is about the present state (lists, this year's dates). */
  currentState: string;
  /** The message asks the bot to write, translate or edit a text rather than asking about the plan. */
  taskRequest: string;
  nearestHeading: string;
  coverage: string;
  helpHint: string;
  emptyQuestion: string;
  /** How a follow-up (那研发经费呢？) was read with the turn before it, shown above its answer. */
  followUpReading(reading: string): string;
  tooLong(length: number, max: number): string;
  noContent: string;
  askUsage: string;
  langUsage: string;
  langSet: string;
  unknownCommand(command: string): string;
  unknownChoice: string;
  internalError: string;
  /** Opens the answer to a broad question: the whole part `heading` (三（一）基本条件), `count` clauses. */
  sectionAnswer(heading: string, count: number): string;
  /** Opens the answer to a process question: the `count` steps of `heading` (四、组织实施), in order. */
  stepsAnswer(heading: string, count: number): string;
  /** Heads a further message of a long section: `part` of `parts`. */
  sectionContinued(heading: string, part: number, parts: number): string;
  /** The details a mixed question asked that the plan leaves open (具体金额方案未规定). */
  openDetails(kinds: DetailKind[]): string;
  /** Questions of a mixed message the plan does not answer, quoted as asked. */
  openQuestions(questions: string[]): string;
  /** A typed option number with no option behind it, and the numbers that have one. */
  noSuchOption(typed: number, count: number): string;
}
