/**
 * @module qa/engine
 * Answers a question from the plan: direct clause lookups, then ranked retrieval, then the checks
 * that decide between quoting a clause and saying the plan does not cover the question.
 *
 * @example
 * const qa = createQaEngine(loadKnowledge());
 * qa.ask('研发费用占比有什么要求').answers[0]?.clause.id; // '3.2.7'
 */

import { type FitVocabulary, loadFitVocabulary } from '../knowledge-base/fits.ts';
import {
  alternation,
  type Clause,
  type DocumentEntry,
  type KnowledgeBase,
  lexicon,
  loadFigures,
  type PlanFigure,
} from '../knowledge-base/index.ts';
import { loadSectionsVocabulary, type SectionsVocabulary } from '../knowledge-base/sections.ts';
import { loadThresholds, type Threshold } from '../thresholds/index.ts';
import { askedCase, statedCases } from './consequence.ts';
import {
  askingPart,
  type DetailAsked,
  type DetailKind,
  datesStated,
  detailAsked,
  holdsDetail,
  isYesNo,
  namesTitle,
  otherPeriod,
  periodsAsked,
  questionParts,
  withoutNumbersAround,
  withoutToldBackground,
} from './detail.ts';
import { createEnglishTranslator, isEnglish } from './english.ts';
import { createEnglishRanking } from './english-ranking.ts';
import { createFigureQuantity } from './figure-quantity.ts';
import { createFitQuestions } from './fit.ts';
import { createLaterDocuments, type NoticeReason } from './later.ts';
import { extractLead, extractListItems } from './lead.ts';
import { clauseReference, lookupClause } from './lookup.ts';
import { answeringSentence, mixedQuestion, namesDetail } from './mixed.ts';
import { createOtherDocumentDetector } from './other-documents.ts';
import { createOwnFigures } from './own-figures.ts';
import { type ClauseScore, createRetriever, type RetrieverOptions } from './retriever.ts';
import { createSectionFinder, type PlanSection } from './sections.ts';
import { normalize } from './text.ts';

/** Why the bot did not answer. */
export type AbstainReason =
  | 'no_content'
  | 'no_such_clause'
  | 'low_confidence'
  | 'unknown_terms'
  | 'detail_missing'
  | 'unanswered_example'
  | 'current_state'
  | 'task_request'
  | 'uncovered_topic'
  | 'other_document'
  | 'english_unknown';

/**
 * Which gate decided a `detail_missing` abstention: `no_holder` (no close clause states the kind of
 * detail asked), `other_period` (the clause's figures belong to another year than the one asked),
 * `issue_date` (the only date is the day the document was issued, which is no deadline),
 * `deferred_rules` (the clause leaves the specifics asked to a later document), `other_quantity`
 * (the clause's figure measures another quantity than the one asked, see `qa/figure-quantity`),
 * `not_named` (asked whether something counts toward a figure its clause does not name),
 * `no_consequence` (asked what follows in a case no close clause states a consequence for).
 */
export type DetailGate =
  | 'no_holder'
  | 'other_period'
  | 'issue_date'
  | 'deferred_rules'
  | 'other_quantity'
  | 'not_named'
  | 'no_consequence';

/** A clause offered as (part of) an answer. */
export interface ScoredClause {
  clause: Clause;
  score: number;
}

/** The engine's full result; the CLI JSON and the chat reply are both rendered from it. */
export interface QaResult {
  question: string;
  abstained: boolean;
  reason?: AbstainReason;
  /** For `detail_missing`: the gate that decided (see {@link DetailGate}). */
  gate?: DetailGate;
  /** For the `other_quantity` gate: the plan's figure that measures another quantity than the one asked. */
  otherQuantity?: PlanFigure;
  /** The detail the question asks for, when it asks for one. */
  asked?: DetailAsked;
  /** The clause fragment stating the asked figure, date, count or body. */
  lead?: string;
  /** Items of an enumeration in the top clause, when the question asks "which ones". */
  items?: string[];
  /** Best first, at most 5; empty when abstaining. */
  answers: ScoredClause[];
  /** Nearest clauses when abstaining (shown as 相关条款, not as the answer). */
  suggestions: Clause[];
  /** True for a direct lookup by clause id. */
  lookup?: boolean;
  /** The clause number asked for, when the message is one the plan does not have (`9.9.9`). */
  reference?: string;
  /**
   * Later documents whose text the project does not have and which may change the topic of this
   * answer (or near miss): the reply names them in a notice. Absent on every other topic.
   */
  later?: DocumentEntry[];
  /**
   * Terms of the question that only a later document has (综合类): the plan makes no such
   * distinction, so the question was answered with what the plan says for all centers.
   */
  distinctions?: string[];
  /**
   * Clauses of an earlier document on the topic of the answer, which a later document with its
   * text supersedes: shown after the answer as history (原方案（2017）规定…).
   */
  history?: Clause[];
  /**
   * The asker's own figure judged against the threshold of the clause answered (研发人员40个，总共150人，
   * 够不够 → 40÷150≈26.7%, not met), by the self-check's rule. Absent when the question states none.
   */
  check?: QaFigureCheck;
  /**
   * The question's sum for the top clause's amount threshold is not money paid in (认缴1200万): no
   * verdict, and the answer says the plan counts what is actually invested.
   */
  notPaid?: boolean;
  /**
   * A whole part of the plan, presented because the question asked for all of it (申请需要满足哪些条件
   * → 三（一）基本条件) or named it (`三（一）`, `3.1`); `answers` stays the ranking.
   */
  section?: PlanSection;
  /**
   * The parts of a mixed question the plan leaves open (认定了有钱拿没，给好多 → the amount), named in
   * the reply beside the part the answer settles.
   */
  open?: DetailAsked[];
  /**
   * Questions of a message the plan does not answer and which ask no kind of detail (another
   * programme's rules, a subject the plan never touches), quoted as asked beside the answer.
   */
  openParts?: string[];
}

/** The asker's figure against a threshold of the plan (`check` in `ask --json`). */
export interface QaFigureCheck {
  /** The clause that sets the threshold. */
  clause: Clause;
  type: 'amount' | 'ratio';
  /** Integer yuan for an amount; a percentage (2 decimals, never rounded across the threshold) for a share. */
  value: number;
  /** The plan's threshold, in the same unit. */
  threshold: number;
  met: boolean;
  /** A share as shown (1 decimal), whether that is exact, and the two quantities it came from. */
  shown?: number;
  exact?: boolean;
  from?: { part: number; whole: number; unit: 'people' | 'yuan' };
}

/**
 * Thresholds of the answer decision. The defaults were tuned on the odd-id half of the dev set, the
 * odd half of the project's own set and five-fold cross-validation over the example questions.
 */
export interface QaEngineOptions extends RetrieverOptions {
  /**
   * Minimum combined score of the top clause for an answer.
   * @default 0.24
   */
  minScore?: number;
  /**
   * Maximum share of the question's weight made of words the plan never uses.
   * @default 0.45
   */
  maxUnknownShare?: number;
  /**
   * The same for an English question: the share of its content words (not in `functionWords.en`)
   * that neither the glossary's English terms nor the plan's English reading has (a typo of one
   * letter counts as the word). One unknown word in three content words still passes.
   * @default 0.34
   */
  maxEnglishUnknownShare?: number;
  /**
   * The weight (0–1) of an English question's own words (matched against the plan's English reading
   * and the English example questions) against the glossary's ranking, among the clauses the glossary
   * scores close to the first, when no glossary term reads any of its content words; it shrinks with
   * the share the glossary reads. 0 leaves the glossary's order.
   * @default 0.5
   */
  englishOwnWeight?: number;
  /**
   * How much closer the question must be to a "plan does not say" example than to any answered
   * example of the top clause before abstaining.
   * @default 0.05
   */
  unansweredMargin?: number;
  /**
   * A runner-up that states the detail asked replaces a top clause that does not, when it scores
   * at least this share of the top score.
   * @default 0.7
   */
  holderShare?: number;
  /**
   * The share of the case a consequence question names (没按时报送年度总结) that a clause's stated
   * case must cover for its consequence to answer it.
   * @default 0.3
   */
  caseCover?: number;
  /**
   * A runner-up within this share of the top score is compared with it on the asking part of a
   * message alone, without its background.
   * @default 0.9
   */
  tieShare?: number;
  /**
   * Longest question (characters) analysed; the rest is ignored.
   * @default 500
   */
  maxQuestionLength?: number;
  /**
   * The plan's thresholds the asker's own figures are judged against.
   * @default those of `knowledge/eligibility.json` (the self-check's own)
   */
  thresholds?: readonly Threshold[];
  /**
   * The plan's figures and what each measures: a lead states one only for the quantity it measures.
   * @default those of `knowledge/figures.json`
   */
  figures?: readonly PlanFigure[];
  /**
   * The words of a yes/no question whether the asker's own business fits the plan, and the clause
   * governing each role asked about.
   * @default `knowledge/fits.json`
   */
  fits?: FitVocabulary;
  /**
   * The parts of the plan a broad question is answered with, and the words naming them.
   * @default `knowledge/sections.json`
   */
  sections?: SectionsVocabulary;
}

/** Answers questions about the knowledge base. */
export interface QaEngine {
  ask(question: string): QaResult;
}

/**
 * A fit question (我们是做火锅底料的，能不能搞个创新中心) is answered by its governing clause when no
 * clause scores this much: a lower score is the ranking's guess from the asker's background words.
 */
const FIT_BELOW = 0.3;

/** Abstentions of a whole message that its questions, decided one by one, may lift. */
const SPLIT_REASONS = new Set<AbstainReason>([
  'current_state',
  'other_document',
  'uncovered_topic',
  'unknown_terms',
  'low_confidence',
  'detail_missing',
  'unanswered_example',
]);
/** Abstentions of a question too thin to rank, in Chinese or in English. */
const UNRANKED = new Set<AbstainReason>(['low_confidence', 'english_unknown']);
/** Abstentions of one question of several that the reply names as a question the plan leaves open. */
const OPEN_PART_REASONS = new Set<AbstainReason>(['current_state', 'other_document', 'uncovered_topic']);
/** Abstentions of one question of several that name a detail the plan leaves open beside an answer. */
const OPEN_REASONS = new Set<AbstainReason>([
  'current_state',
  'other_document',
  'detail_missing',
  'unanswered_example',
]);

/** A clause the glossary scores at least this share of the first's is reordered by an English question's own words. */
const ENGLISH_CLOSE = 0.6;

const LEX = lexicon();
/** Words that ask about the present state of things (`current` in `knowledge/lexicon.json`). */
const CURRENT = new RegExp(
  `(${alternation(LEX.current.zh)})|\\b(${alternation(LEX.current.en)})\\b|\\b(${alternation(LEX.current.enAuxiliaries)})\\b.{0,20}\\b(${alternation(LEX.current.enDone)})\\b`,
  'i',
);
/** "Which / how many centers (companies, units)": a list of entities, which the plan never names. */
const CURRENT_ENTITIES = (() => {
  const e = LEX.currentEntities;
  const entities = alternation(e.entities);
  return new RegExp(
    `(${alternation(e.asking)})[^，。？?]{0,12}(${entities})|(${entities})[^，。？?]{0,4}(${alternation(e.askedAfter)})|(${alternation(e.state)})|\\b(${alternation(e.enAsking)})\\b.{0,40}\\b(${alternation(e.enEntities)})\\b|\\b(${alternation(e.enState)})\\b`,
    'i',
  );
})();

/** "是哪两家": the names of organisations, which the plan never gives (it names fields). */
const ENTITY_NAMES = /是哪(两|几|些)家|具体名单/;

/**
 * A request to write, translate or polish a text ("帮我写一份年度工作总结"): the words may be the
 * plan's, but no clause answers a request to produce something.
 */
const TASK_REQUEST = (() => {
  const t = LEX.taskRequest;
  return new RegExp(
    `\\b(${alternation(t.enVerbs)}) (${alternation(t.enObjects)})\\b|(${alternation(t.askers)})[^，。？?]{0,4}(${alternation(t.verbs)})|^(请)?(${alternation(t.openingVerbs)})(${alternation(t.openingMeasures)})|(把|将)[^，。？?]{0,10}(${alternation(t.rewriteVerbs)})`,
    'i',
  );
})();

/** Kinds a yes/no question still asks as a detail (有没有模板 asks for the template, not a fit). */
const YES_NO_DETAILS = new Set<DetailKind>(['contact', 'form', 'date']);
const FIGURE_KINDS = new Set([
  'amount',
  'ratio',
  'date',
  'duration',
  'count',
  'number',
  'contact',
  'form',
  'definition',
]);

/** Abstentions a question asking for the verdict on its own figures overrides: the figures settle it. */
const FIGURE_OVERRIDES = new Set<AbstainReason>(['low_confidence', 'unknown_terms', 'detail_missing']);

/** How much more the asking part alone must prefer the runner-up to put it first. */
const FOCUS_MARGIN = 1.2;

/** A clause that leaves its rules to a later document ("相关考核评估办法另行制定"). */
const DEFERRED = new RegExp(`(${alternation(LEX.deferred)})`);
/** Asking for the specifics such a later document would hold: indicators, scoring, detailed rules. */
/** Details of time, which a clause can state although it leaves its scoring rules to later. */
const TIME_KINDS = new Set<DetailKind>(['duration', 'date']);
const SPECIFICS = new RegExp(`(${alternation(LEX.specifics.zh)}|\\b(${alternation(LEX.specifics.en)})\\b)`, 'i');

/** Builds the engine (indexes the knowledge base once). */
export function createQaEngine(kb: KnowledgeBase, options: QaEngineOptions = {}): QaEngine {
  const {
    minScore = 0.24,
    maxUnknownShare = 0.45,
    maxEnglishUnknownShare = 0.34,
    englishOwnWeight = 0.5,
    unansweredMargin = 0.05,
    holderShare = 0.7,
    caseCover = 0.3,
    tieShare = 0.9,
    maxQuestionLength = 500,
  } = options;
  const retriever = createRetriever(kb, options);
  const ownFigures = createOwnFigures(kb, options.thresholds ?? loadThresholds(kb));
  const figureQuantity = createFigureQuantity(options.figures ?? loadFigures(kb));
  const fits = createFitQuestions(options.fits ?? loadFitVocabulary(kb));
  const later = createLaterDocuments(kb);
  const sections = createSectionFinder(kb, options.sections ?? loadSectionsVocabulary(kb));
  const otherDocuments = createOtherDocumentDetector(kb);
  // English questions are read with the glossary and the plan's own reading in English.
  const english = createEnglishTranslator(kb.glossary, {
    texts: kb.clauses.flatMap((c) => {
      const r = kb.reading(c, 'en');
      return r ? [r.path, r.title, r.text] : [];
    }),
    functionWords: LEX.functionWords.en,
  });
  const englishRanking = createEnglishRanking(kb, LEX.functionWords.en);
  /**
   * Clauses the glossary ranks close to the first are reordered by the question's own English words
   * as well (the plan's reading and the English examples hold words no glossary group has).
   */
  const byOwnWords = (question: string, ranked: ClauseScore[]): ClauseScore[] => {
    const first = ranked[0];
    const { rest, content } = english.translate(question);
    const own = englishRanking.scores(question);
    // The more of the question the glossary read, the more its order stands.
    const weight = englishOwnWeight * (rest.length / Math.max(1, content));
    if (!first || own.size === 0 || weight <= 0) return ranked;
    const close = ranked.filter((s) => s.score >= first.score * ENGLISH_CLOSE);
    const weighed = (s: ClauseScore) =>
      (1 - weight) * (s.score / first.score) + weight * (own.get(`${s.clause.doc}/${s.clause.id}`) ?? 0);
    const order = [...close].sort((a, b) => weighed(b) - weighed(a));
    // The scores stay the glossary's, so the bar for an answer means the same for every question.
    const scored = order.map((s, i) => ({ ...s, score: close[i]?.score ?? s.score }));
    return [...scored, ...ranked.slice(close.length)];
  };
  // The documents' own years name the document, not a period its figures belong to.
  const issueYears = new Set(kb.documents.map((d) => d.date.slice(0, 4)));
  const lastIssueYear = Math.max(...[...issueYears].map(Number));
  /** "2018年第一批认定了哪几家": what was done in a year after the plan came out, which it cannot tell. */
  const doneAfterIssue = (question: string): boolean =>
    [...normalize(question).matchAll(/(?<![\d到至])(20\d\d)年[^，,。？?]{0,12}了/g)].some(
      (m) => Number(m[1]) > lastIssueYear,
    );
  const issueDates = new Set(
    kb.documents.map((d) => {
      const [y, m, day] = d.date.split('-').map(Number);
      return `${y}年${m}月${day}日`;
    }),
  );
  // Words naming the plan or its issuing ("这文件啥时候发的", "方案哪天出台的"), and the documents' own
  // numbers as people write them (渝经信发〔2017〕139号, 139号).
  const aboutDocument = new RegExp(
    `(${alternation([
      ...LEX.aboutDocument.zh,
      ...kb.documents.flatMap((d) => [d.number, ...(/〕(.+)$/.exec(d.number)?.slice(1) ?? [])]),
    ])}|\\b(${alternation(LEX.aboutDocument.en)})\\b)`,
    'i',
  );
  /** True when the only dates a clause states are the days its document was issued. */
  const statesOnlyIssueDate = (text: string): boolean => {
    const dates = datesStated(text);
    return dates.length > 0 && dates.every((d) => issueDates.has(d));
  };

  const abstain = (
    question: string,
    reason: AbstainReason,
    near: ClauseScore[],
    asked?: DetailAsked,
    gate?: DetailGate,
  ): QaResult => ({
    question,
    abstained: true,
    reason,
    ...(gate ? { gate } : {}),
    ...(asked ? { asked } : {}),
    answers: [],
    suggestions: near
      .filter((s) => s.score >= minScore * 0.6)
      .slice(0, 3)
      .map((s) => s.clause),
  });

  const decide = (rawQuestion: string): QaResult => {
    const question = rawQuestion.slice(0, maxQuestionLength);
    // A section number (三（一）, 3.1, 三、) presents the whole section.
    const part =
      sections.reference(question) ??
      sections.mentioned(question, {
        cover: (piece, clause) => retriever.coverage(retriever.analyse(piece), `${clause.title}\n${clause.text}`),
      });
    if (part) {
      const answers = part.clauses.slice(0, 5).map((clause) => ({ clause, score: 1 }));
      return { question: rawQuestion, abstained: false, answers, suggestions: [], lookup: true, section: part };
    }
    const direct = lookupClause(kb, question);
    if (direct) {
      return {
        question: rawQuestion,
        abstained: false,
        answers: [{ clause: direct, score: 1 }],
        suggestions: [],
        lookup: true,
      };
    }
    const reference = clauseReference(kb, question);
    if (reference) {
      // A heading without text of its own (三（一）) lists its clauses; any other number names nothing.
      const children = kb.clauses.filter((c) => c.id.startsWith(`${reference.id}.`));
      return { ...abstain(rawQuestion, 'no_such_clause', []), reference: reference.written, suggestions: children };
    }
    let text = question;
    const isEn = isEnglish(question);
    if (isEn) {
      const t = english.translate(question);
      // One two-word term ("key sectors") is enough; one word alone is not, unless it names a part
      // of the plan asked for whole ("What are the steps?"), which is then ranked by the part's words.
      const part = t.matched < 2 && t.covered < 2 ? sections.named(question) : undefined;
      if (t.matched < 2 && t.covered < 2 && !part) {
        // What tax breaks do we get? names a subject the plan never touches, whatever else is unknown.
        if (otherDocuments.touchesUncoveredTopic(question)) return abstain(rawQuestion, 'uncovered_topic', []);
        return abstain(rawQuestion, 'english_unknown', []);
      }
      text = part ? `${t.zh} ${part}` : t.zh;
    }
    // A yes/no question as a whole ("有几家企业就够了，还要别的单位吗") settles each of its parts.
    const wholeYesNo = isYesNo(question);
    const parts = questionParts(question).map((part) => ({
      asked: detailAsked(part),
      yesNo: wholeYesNo || isYesNo(part),
      // 有没有最低人数 asks whether the plan sets that detail, as 有没有模板 does.
      namesDetail: namesDetail(part),
    }));
    let asked = parts.find((p) => p.asked)?.asked;
    // A head count against a stated total is answered by a share, so it is compared with the
    // questions of that kind.
    const query = retriever.analyse(text, asked?.shareOfTotal ? 'ratio' : asked?.kind);
    // A bare number ("1", "-5") names no clause and asks nothing.
    const onlyNumbers = query.features.every((f) => /^l:[\d.]+$/.test(f.key));
    if (query.mass === 0 || onlyNumbers) return abstain(rawQuestion, 'no_content', []);
    let ranked = isEn ? byOwnWords(question, retriever.rank(query)) : retriever.rank(query);
    // 我们是做火锅底料的，能不能搞个创新中心: the asker's industry is no word of the plan, yet the clause
    // governing the role asked answers it (only when the ranking alone would not answer), ahead of
    // the clauses below the bar by more than a tie.
    const unknownShare = isEn ? english.unknownShare(question) : query.unknownMass / query.mass;
    const unknown = unknownShare > (isEn ? maxEnglishUnknownShare : maxUnknownShare);
    const governing = fits.governing(question);
    const fit =
      governing && (governing.named || (ranked[0]?.score ?? 0) < Math.max(minScore, FIT_BELOW) || unknown)
        ? governing.clause
        : undefined;
    if (fit) {
      const own = ranked.find((s) => s.clause === fit);
      const scored = {
        clause: fit,
        // Clear of a tie with the first, which only guessed from the asker's background words.
        score: Math.max(minScore, ranked[0]?.score ?? 0) / tieShare + 0.01,
        coverage: own?.coverage ?? 0,
        example: own?.example ?? 0,
        unanswered: 0,
      };
      ranked = [scored, ...ranked.filter((s) => s.clause !== fit)];
    }
    // An English question is checked in the Chinese terms it was mapped to as well.
    if (otherDocuments.asksAboutOther(question) || (isEn && otherDocuments.asksAboutOther(text)))
      return abstain(rawQuestion, 'other_document', ranked);
    if (TASK_REQUEST.test(question)) return abstain(rawQuestion, 'task_request', ranked);
    // Subjects the plan never touches, whatever else the question names, unless only told as background.
    if (otherDocuments.touchesUncoveredTopic(withoutToldBackground(question)))
      return abstain(rawQuestion, 'uncovered_topic', ranked);
    const top = ranked[0];
    if (!top || top.score < minScore) return abstain(rawQuestion, 'low_confidence', ranked);
    // A fit question's unknown words are the asker's own business, which the plan need not name.
    if (!fit && unknown) {
      return abstain(rawQuestion, 'unknown_terms', ranked);
    }
    // A plan of 2017 cannot say which centers exist now or what this year's dates are.
    // "现在只有十几家企业" describes the asker; only a 几 that asks names entities.
    const asksEntities = CURRENT_ENTITIES.test(withoutNumbersAround(question));
    if (((CURRENT.test(question) || doneAfterIssue(question)) && asksEntities) || ENTITY_NAMES.test(question)) {
      return abstain(rawQuestion, 'current_state', ranked, asked);
    }
    let chosen = ranked;
    // Two clauses nearly tied: the one the asking part alone prefers wins, since background before a
    // question ("我们打算以专利作价入股，以后收益怎么分") names a topic the question is not about.
    const asking = isEn ? undefined : askingPart(question);
    const [first, second] = ranked;
    if (asking && first && second && second.score >= first.score * tieShare) {
      const focus = retriever.rank(retriever.analyse(asking, asked?.kind));
      const alone = (c: ClauseScore) => focus.find((s) => s.clause === c.clause)?.score ?? 0;
      if (alone(second) > alone(first) * FOCUS_MARGIN) chosen = [second, first, ...ranked.slice(2)];
    }
    let openDetails: DetailAsked[] = [];
    if (asked) {
      // A close runner-up that states the detail asked beats a top clause that does not. A question
      // in several parts ("给几年，每年多少钱") is answered by the first part a clause settles.
      // Asking what a clause's title means ("产学研用协同创新机制指的是什么") is asking what it says.
      const holds = (s: ClauseScore, detail: DetailAsked): boolean =>
        holdsDetail(s.clause.text, detail) || (detail.kind === 'definition' && namesTitle(question, s.clause.title));
      const holderOf = (detail: DetailAsked): ClauseScore | undefined =>
        ranked.slice(0, 3).find((s) => s.score >= top.score * holderShare && holds(s, detail));
      const settled = parts
        .map((p) => ({ detail: p.asked, holder: p.asked && holderOf(p.asked) }))
        .find((p) => p.holder);
      const missing = parts.find(
        (p) =>
          p.asked && FIGURE_KINDS.has(p.asked.kind) && (!p.yesNo || YES_NO_DETAILS.has(p.asked.kind) || p.namesDetail),
      );
      if (!settled && missing) {
        // A mixed question (认定了有钱拿没，给好多): the part a clause settles is answered, the rest named.
        const mixed = mixedQuestion(question, (d) => !holderOf(d));
        const answered = mixed ? decide(mixed.settled) : undefined;
        if (!mixed || !answered || answered.abstained) {
          return abstain(rawQuestion, 'detail_missing', ranked, missing.asked, 'no_holder');
        }
        const clause = answered.answers[0]?.clause;
        const part = retriever.analyse(mixed.settled);
        const sentence =
          mixed.yesNo && clause && !answered.lead
            ? answeringSentence(clause.text, (piece) => retriever.coverage(part, piece))
            : undefined;
        return {
          ...answered,
          question: rawQuestion,
          ...(sentence ? { lead: sentence } : {}),
          ...(mixed.open.length ? { open: mixed.open } : {}),
        };
      }
      if (settled?.detail && settled.holder) {
        asked = settled.detail;
        if (settled.holder !== top) chosen = [settled.holder, ...ranked.filter((s) => s !== settled.holder)];
        // The other parts no close clause states are named as left open (给几年，每年多少钱 → the amount).
        const holder = settled.holder;
        openDetails = parts.flatMap((p) =>
          p.asked &&
          p.asked !== settled.detail &&
          FIGURE_KINDS.has(p.asked.kind) &&
          (!p.yesNo || YES_NO_DETAILS.has(p.asked.kind) || p.namesDetail) &&
          !holds(holder, p.asked) &&
          !holderOf(p.asked)
            ? [p.asked]
            : [],
        );
      }
    }
    const best = chosen[0] ?? top;
    if (otherPeriod(best.clause.text, periodsAsked(question, issueYears))) {
      return abstain(rawQuestion, 'detail_missing', chosen, asked ?? { kind: 'date' }, 'other_period');
    }
    // The day the plan was issued answers when the plan came out, not a deadline for anything else.
    if (asked?.kind === 'date' && statesOnlyIssueDate(best.clause.text) && !aboutDocument.test(question)) {
      return abstain(rawQuestion, 'detail_missing', chosen, asked, 'issue_date');
    }
    // 隔多久打一次分 asks how often, which the clause states though its scoring rules come later.
    if (
      DEFERRED.test(best.clause.text) &&
      SPECIFICS.test(question) &&
      !(asked && TIME_KINDS.has(asked.kind) && holdsDetail(best.clause.text, asked))
    ) {
      return abstain(rawQuestion, 'detail_missing', chosen, asked, 'deferred_rules');
    }
    // 没按时报送总结会受到什么处理: only a clause stating what follows in that case answers it.
    const caseAsked = isEn ? [] : askedCase(question).map((piece) => retriever.analyse(piece));
    if (caseAsked.length) {
      const states = (s: ClauseScore): boolean =>
        statedCases(s.clause.text).some((c) => caseAsked.some((q) => retriever.coverage(q, c) >= caseCover));
      if (!chosen.slice(0, 3).some((s) => s.score >= best.score * holderShare && states(s))) {
        return abstain(rawQuestion, 'detail_missing', chosen, { kind: 'consequence' }, 'no_consequence');
      }
    }
    // The "plan does not say" examples of every close candidate count: such a question often ranks
    // a neighbour of the clause whose topic it is on first.
    const close = chosen.slice(0, 5).filter((s) => s.score >= best.score * 0.85);
    const open = close.reduce((a, b) => (b.unanswered > a.unanswered ? b : a));
    const answered = Math.max(...close.map((s) => s.example));
    if (open.unanswered > answered + unansweredMargin) {
      // The clause whose topic the question is on comes first among the suggestions.
      return abstain(rawQuestion, 'unanswered_example', [open, ...chosen.filter((s) => s !== open)], asked);
    }
    // Where a later document with its text speaks on the topic of an earlier one it supersedes, the
    // later one leads and the earlier is history. With one document nothing moves.
    const newer = chosen.find(
      (s) => s.score >= best.score * holderShare && later.supersedes(s.clause.doc, best.clause),
    );
    const leading = newer ?? best;
    const ordered = newer ? [newer, ...chosen.filter((s) => s !== newer)] : chosen;
    const answers = ordered
      .filter((s) => s.score >= best.score * 0.5)
      .slice(0, 5)
      .map(({ clause, score }) => ({ clause, score }));
    const history = answers.filter((a) => later.supersedes(leading.clause.doc, a.clause)).map((a) => a.clause);
    const match = (piece: string): number => retriever.coverage(query, piece);
    const lead = asked ? extractLead(question, leading.clause.text, asked, match) : undefined;
    // A figure answers only the quantity it measures: 不低于30% (科技人员 of all 职工) is no answer to
    // what share of the staff must be women. The reply names the clause whose figure it is.
    const otherQuantity =
      lead && asked ? figureQuantity.otherQuantity(question, leading.clause, lead, asked) : undefined;
    if (otherQuantity) {
      return { ...abstain(rawQuestion, 'detail_missing', ordered, asked, 'other_quantity'), otherQuantity };
    }
    // 兼职的研发人员算不算科技人员: what counts toward a figure is settled only by a clause naming it.
    const texts = [leading.clause.text, kb.reading(leading.clause, 'en')?.text ?? ''];
    if (figureQuantity.notNamed(question, leading.clause, texts)) {
      return abstain(rawQuestion, 'detail_missing', ordered, { kind: 'definition' }, 'not_named');
    }
    const items = asked?.kind === 'list' ? extractListItems(leading.clause.text) : [];
    return {
      question: rawQuestion,
      abstained: false,
      ...(asked ? { asked } : {}),
      ...(lead ? { lead } : {}),
      ...(items.length ? { items } : {}),
      answers,
      suggestions: [],
      ...(history.length ? { history: history.slice(0, 1) } : {}),
      ...(openDetails.length ? { open: openDetails } : {}),
    };
  };

  /**
   * Adds the verdict on the asker's own figure. When the question asks it outright (股东凑了900万，
   * 够不够) and names the threshold's quantity, the clause setting the threshold is the answer even
   * if a neighbour ranked first or the ranking alone was too unsure to answer.
   */
  const withFigureCheck = (result: QaResult): QaResult => {
    if (result.lookup || result.reference) return result;
    const question = result.question.slice(0, maxQuestionLength);
    const top = result.abstained ? undefined : result.answers[0]?.clause;
    const order = (result.abstained ? result.suggestions : result.answers.map((a) => a.clause)).map((c) => c.id);
    const found = ownFigures.find(question, top?.id, (id) => {
      const i = order.indexOf(id);
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    });
    if (!found)
      return !result.abstained && ownFigures.notPaid(question, top?.id) ? { ...result, notPaid: true } : result;
    const same = (c: Clause | undefined) => c !== undefined && c.doc === found.clause.doc && c.id === found.clause.id;
    const { reading, threshold } = found;
    const check: QaFigureCheck = {
      clause: found.clause,
      type: threshold.type,
      value: reading.value,
      threshold: threshold.threshold,
      met: reading.met,
      ...(reading.kind === 'ratio'
        ? { shown: reading.shown, exact: reading.exact, ...(reading.from ? { from: reading.from } : {}) }
        : {}),
    };
    if (same(top)) return { ...result, check };
    if (!found.asksVerdict || found.strength === 0) return result;
    if (result.abstained && !FIGURE_OVERRIDES.has(result.reason ?? 'no_content')) return result;
    const kind = threshold.type;
    const text = isEnglish(question) ? english.translate(question).zh : question;
    const query = retriever.analyse(text, kind);
    const ranked = retriever.rank(query);
    const best = ranked[0]?.score ?? 0;
    const own = ranked.find((s) => same(s.clause))?.score ?? 0;
    const answers = [
      { clause: found.clause, score: Math.max(own, best) },
      ...ranked
        .filter((s) => !same(s.clause) && s.score >= best * 0.5)
        .slice(0, 4)
        .map(({ clause, score }) => ({ clause, score })),
    ];
    const asked: DetailAsked = { kind };
    const lead = extractLead(question, found.clause.text, asked, (piece) => retriever.coverage(query, piece));
    const {
      reason: _reason,
      gate: _gate,
      otherQuantity: _other,
      items: _items,
      history: _history,
      lead: _lead,
      ...rest
    } = result;
    return { ...rest, abstained: false, asked, ...(lead ? { lead } : {}), answers, suggestions: [], check };
  };

  /**
   * A message of several questions (建设方案交给哪个部门？今年截止到哪天？) that one of them sinks as a
   * whole: each is decided alone. When the first is answered, a later one asking a detail the plan
   * cannot give (a date of this year, a figure no clause states) is named as open, and one about
   * another programme or a subject the plan never touches is quoted as left open. When every one is
   * answered, the first answer leads and the others' clauses follow. An abstention for any other
   * reason stands.
   */
  const bySentence = (result: QaResult): QaResult => {
    if (!result.abstained || !SPLIT_REASONS.has(result.reason ?? 'no_content')) return result;
    const sentences = result.question
      .slice(0, maxQuestionLength)
      // Chinese questions typed with a space between them (组建资金最低多少 能分期交吗) are two as well.
      .split(/(?<=[？?！!。；;])|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/)
      .map((t) => t.trim())
      .filter((t) => t.length >= 2);
    if (sentences.length < 2) return result;
    const decided = sentences.map((text) => ({ text, result: decide(text) }));
    // The first question is the one answered; what follows asks details of it. A question left
    // open before it is one of its own (公示期有多长？谁可以提异议？), and the message stays a near miss.
    const answered = decided[0] && !decided[0].result.abstained && !decided[0].result.lookup ? decided[0] : undefined;
    if (!answered) return result;
    // A figure asked with no topic of its own (今年截止到哪天？) is asked of the answered question's topic.
    const isOpen = (d: (typeof decided)[number], asked: DetailAsked | undefined): asked is DetailAsked =>
      d.result.abstained &&
      asked !== undefined &&
      (OPEN_REASONS.has(d.result.reason ?? 'no_content') ||
        (UNRANKED.has(d.result.reason ?? 'no_content') && FIGURE_KINDS.has(asked.kind)));
    // A subject the plan never touches (今年的税率是多少？) is quoted whatever detail it asks.
    const isOpenPart = (d: (typeof decided)[number], asked: DetailAsked | undefined): boolean =>
      d.result.abstained &&
      (d.result.reason === 'uncovered_topic' ||
        (asked === undefined && OPEN_PART_REASONS.has(d.result.reason ?? 'no_content')));
    // The detail a gate found missing (what counts toward a figure: a definition) is the one asked.
    const pieces = decided.map((d) => ({ d, asked: d.result.asked ?? detailAsked(d.text) }));
    const open = pieces.flatMap(({ d, asked }) => (isOpen(d, asked) && !isOpenPart(d, asked) ? [asked] : []));
    const openParts = pieces.flatMap(({ d, asked }) => (isOpenPart(d, asked) ? [d.text] : []));
    const others = pieces.filter(({ d }) => d !== answered && !d.result.abstained);
    const sunk = pieces.some(
      ({ d, asked }) => d !== answered && d.result.abstained && !isOpen(d, asked) && !isOpenPart(d, asked),
    );
    if (sunk) return result;
    const first = answered.result;
    if (open.length === 0 && openParts.length === 0) {
      // Every question answered (考核不合格还能拿支持吗？专项支持是不是连续给？): the whole was refused
      // only for a figure one of them asked in passing.
      if (result.reason !== 'detail_missing' || others.length === 0) return result;
      const ordered = [
        ...first.answers.slice(0, 1),
        ...others.flatMap(({ d }) => d.result.answers.slice(0, 1)),
        ...first.answers.slice(1),
      ];
      const answers = ordered.filter((a, i) => ordered.findIndex((b) => b.clause === a.clause) === i).slice(0, 5);
      return { ...first, question: result.question, answers };
    }
    return {
      ...first,
      question: result.question,
      ...(open.length ? { open: [...(first.open ?? []), ...open] } : {}),
      ...(openParts.length ? { openParts } : {}),
    };
  };

  /** A broad question (申请需要满足哪些条件) presents the whole part of the plan it asks about. */
  const withSection = (result: QaResult): QaResult => {
    // Asking words dilute a question (组建要求一条条说下): below the bar, one asking for all of a part is still broad.
    const weak = result.abstained && result.reason === 'low_confidence';
    if (
      (result.abstained && !weak) ||
      result.lookup ||
      result.check ||
      result.section ||
      result.open ||
      result.openParts
    )
      return result;
    const question = result.question.slice(0, maxQuestionLength);
    const section = sections.broad(question, {
      weak,
      top: (weak ? result.suggestions : result.answers.map((a) => a.clause)).map((c) => c.id),
      cover: (piece, clause) => retriever.coverage(retriever.analyse(piece), `${clause.title}\n${clause.text}`),
      weight: (piece) => retriever.analyse(piece).mass,
      translate: (piece) => english.translate(piece).zh,
    });
    if (!section) return result;
    const { lead: _lead, items: _items, reason: _reason, ...rest } = result;
    if (weak) {
      const answers = section.clauses.slice(0, 5).map((clause) => ({ clause, score: 1 }));
      return { ...rest, abstained: false, answers, suggestions: [], section };
    }
    return { ...rest, section };
  };

  /** How a notice is decided for each outcome (see {@link LaterDocuments.notices}). */
  const noticeReason = (r: QaResult): NoticeReason => {
    if (!r.abstained) return 'answer';
    switch (r.reason) {
      case 'detail_missing':
      case 'unanswered_example':
        return 'near_miss';
      case 'low_confidence':
      case 'unknown_terms':
      case 'current_state':
      case 'english_unknown':
        return 'unclear';
      default:
        return 'other';
    }
  };

  const ask = (rawQuestion: string): QaResult => {
    const question = rawQuestion.slice(0, maxQuestionLength);
    // A term only a later document has (综合类) is set aside: the plan's rule for all centers answers.
    const distinctions = later.distinctions(question);
    const result = withSection(
      withFigureCheck(
        distinctions.length
          ? { ...decide(later.withoutDistinctions(question)), question: rawQuestion, distinctions }
          : bySentence(decide(rawQuestion)),
      ),
    );
    const texts = [question];
    if (isEnglish(question)) texts.push(english.translate(question).zh);
    const clause = result.abstained ? result.suggestions[0] : result.answers[0]?.clause;
    const notices = result.reference ? [] : later.notices(texts, clause, noticeReason(result));
    return notices.length ? { ...result, later: notices } : result;
  };

  // The first question would otherwise pay for loading the segmenter and pinyin tables.
  ask('创新中心的研发人员比例');
  return { ask };
}
