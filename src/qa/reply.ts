/**
 * @module qa/reply
 * Turns an engine result into the chat reply: lead, verbatim quote, 依据 line, related clauses
 * as buttons and the source footer; or, for an abstention, what the plan does not say, the
 * nearest clauses (as references, not answers) and what the plan covers.
 */
import type { Clause, DocumentEntry, KnowledgeBase } from '../knowledge-base/index.ts';
import type { Messages } from '../messages/index.ts';
import type { Choice, Reply } from '../ports.ts';
import type { QaFigureCheck, QaResult } from './engine.ts';
import { leadLine, quoteLines, readingName, readingOf } from './reply-en.ts';
import { type PlanSection, relatedClauses } from './sections.ts';

/** The choice value that opens a clause. */
export const CLAUSE_CHOICE_PREFIX = 'clause:';

/** A short name for a clause on a button: its title, or the opening words of its text. */
function clauseName(c: Clause): string {
  if (c.title) return c.title;
  const text = c.text.replace(/\s+/g, '');
  return text.length > 18 ? `${text.slice(0, 18)}…` : text;
}

function clauseChoice(m: Messages, c: Clause, kb?: KnowledgeBase): Choice {
  // In a language the document is read in, the button names the clause in that language.
  const read = kb && readingName(kb, m, c);
  return {
    label: read ? m.clauseChoice(m.readingLabel(c.id, c.label), read) : m.clauseChoice(c.label, clauseName(c)),
    value: `${CLAUSE_CHOICE_PREFIX}${c.doc}/${c.id}`,
  };
}

function sourceOf(kb: KnowledgeBase, clause: Clause) {
  return kb.documents.find((d) => d.id === clause.doc) ?? kb.documents[0];
}

/**
 * The clause numbers of the plan, runs of siblings shortened: `印发通知、方案前言、1.1–1.3、…`.
 */
export function clauseNumbering(kb: KnowledgeBase): string[] {
  const parent = (id: string): string => id.split('.').slice(0, -1).join('.');
  const runs: Clause[][] = [];
  for (const c of kb.clauses) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (
      run &&
      last &&
      /\d/.test(c.id) &&
      /\d/.test(last.id) &&
      c.id.includes('.') &&
      parent(c.id) === parent(last.id)
    ) {
      run.push(c);
    } else runs.push([c]);
  }
  return runs.map((run) => {
    const first = run[0] as Clause;
    const last = run.at(-1) as Clause;
    const name = (c: Clause) => (/\d/.test(c.id) ? c.id : c.label);
    return run.length > 1 ? `${name(first)}–${name(last)}` : name(first);
  });
}

/** What a reply adds to the quote when later documents bear on it. */
export interface LaterAdditions {
  /** Known later documents that may change the topic: one notice line each, after the quote. */
  later?: DocumentEntry[];
  /** Clauses of an earlier document the quoted one supersedes, shown as history. */
  history?: Clause[];
  /** Lines right after the clause's basis line (what else the message asked that the plan leaves open). */
  notes?: string[];
}

const basisOf = (m: Messages, c: Clause): string => m.basis(c.label, [c.path, c.title].filter(Boolean).join(' › '));

const yearOf = (kb: KnowledgeBase, doc: string): number =>
  kb.catalogue.find((d) => d.id === doc)?.year ?? Number(kb.documents[0]?.date.slice(0, 4));

/** Quotes one clause with its basis line and footer. */
export function clauseReply(
  kb: KnowledgeBase,
  m: Messages,
  clause: Clause,
  head: string[] = [],
  related: Clause[] = [],
  additions: LaterAdditions = {},
): Reply {
  const lines = [...head];
  if (lines.length) lines.push('');
  lines.push(...quoteLines(kb, m, clause));
  lines.push(basisOf(m, clause));
  if (additions.notes?.length) lines.push('', ...additions.notes);
  for (const d of additions.later ?? []) lines.push(m.laterNotice(d));
  for (const old of additions.history ?? []) {
    lines.push('', m.historyHeading(yearOf(kb, old.doc)), ...quoteLines(kb, m, old), basisOf(m, old));
  }
  const source = sourceOf(kb, clause);
  if (source) lines.push('', `—— ${m.footer(source)}`);
  // Last, so that it stands right above the buttons it introduces.
  if (related.length) lines.push('', m.relatedHeading);
  const reply: Reply = { text: lines.join('\n') };
  if (related.length) reply.choices = related.map((c) => clauseChoice(m, c, kb));
  return reply;
}

/** The verdict line on the asker's own figure: `按您给出的数字：40÷150≈26.7%，未达到“不低于30%”。仅供参考…`. */
export function figureVerdictLine(m: Messages, check: QaFigureCheck): string {
  let understood: string;
  let threshold: string;
  if (check.type === 'amount') {
    understood = m.figureAmount(check.value);
    threshold = m.figureAmount(check.threshold);
  } else {
    const shown = `${check.shown ?? check.value}%`;
    const from = check.from;
    const q = (n: number) => (from?.unit === 'yuan' ? m.figureAmountInRatio(n) : String(n));
    understood = from ? `${q(from.part)}÷${q(from.whole)}${check.exact ? '=' : '≈'}${shown}` : shown;
    threshold = `${check.threshold}%`;
  }
  return m.figureVerdict(understood, check.met, threshold);
}

/**
 * What the plan does not give: the kind of detail, or, when the nearest clause's figure measures
 * another quantity, that figure and what it measures.
 */
function detailMissingLine(m: Messages, result: QaResult): string {
  const other = result.otherQuantity;
  return other
    ? m.otherQuantity(other.figure, other.clause.label, other.measures)
    : m.detailNotGiven(result.asked?.kind);
}

/** How a reply is rendered beyond the result itself. */
export interface QaReplyOptions {
  /**
   * Show what the plan covers under an abstention; the conversation shows it once, then only the
   * /help hint.
   * @default true
   */
  coverage?: boolean;
}

/**
 * Renders a Q&A result as one reply. A whole section comes as one text here (a dialog quoting a
 * policy answer shows one message); {@link qaReplies} splits it for a chat.
 */
export function qaReply(kb: KnowledgeBase, m: Messages, result: QaResult, options: QaReplyOptions = {}): Reply {
  if (!result.abstained && result.section) {
    return {
      text: qaReplies(kb, m, result, options)
        .map((r) => r.text)
        .join('\n\n'),
    };
  }
  const top = result.answers[0];
  const planYear = yearOf(kb, kb.documents[0]?.id ?? '');
  const distinctions = result.distinctions ?? [];
  if (!result.abstained && top) {
    const head: string[] = [];
    if (distinctions.length) head.push(m.noDistinction(distinctions, planYear, true));
    // In a language the clause is read in, the lead is the reading's matching sentence.
    const lead = result.lead && leadLine(kb, m, top.clause, result.lead);
    // The verdict on the asker's figure states the plan's figure too: no lead beside it.
    if (result.check) head.push(figureVerdictLine(m, result.check));
    else if (result.notPaid) head.push(m.figureNotPaid, ...(lead ? [lead] : []));
    else if (lead) head.push(lead);
    // The reading shows the whole list; its items are cut from the original.
    if (result.items?.length && !readingOf(kb, m, top.clause)) head.push(...result.items.map((i) => `• ${i}`));
    if (result.open?.length) head.push(m.openDetails(result.open.map((o) => o.kind)));
    const related = relatedClauses(result.answers, new Set([top.clause, ...(result.history ?? [])]));
    return clauseReply(kb, m, top.clause, head, related, {
      ...(result.openParts?.length ? { notes: [m.openQuestions(result.openParts)] } : {}),
      ...(result.later ? { later: result.later } : {}),
      ...(result.history ? { history: result.history } : {}),
    });
  }
  const lines: string[] = [];
  if (distinctions.length) lines.push(m.noDistinction(distinctions, planYear, false));
  const notices = (result.later ?? []).map((d) => m.laterNotice(d));
  if (result.reason === 'no_content' && !distinctions.length) return { text: m.noContent };
  if (result.reason === 'no_such_clause') {
    const ref = result.reference ?? '';
    if (result.suggestions.length) {
      return { text: m.sectionHeading(ref), choices: result.suggestions.map((c) => clauseChoice(m, c, kb)) };
    }
    return { text: m.noSuchClause(ref, clauseNumbering(kb)) };
  }
  // A question on a distinction the plan does not make needs no "not covered" besides saying so.
  const unclear = ['no_content', 'low_confidence', 'unknown_terms'].includes(result.reason ?? '');
  if (!(distinctions.length && unclear)) {
    lines.push(
      result.reason === 'detail_missing'
        ? detailMissingLine(m, result)
        : result.reason === 'other_document'
          ? m.otherDocument
          : result.reason === 'current_state'
            ? m.currentState
            : result.reason === 'task_request'
              ? m.taskRequest
              : m.notCovered,
    );
  }
  lines.push(...notices);
  lines.push('', ...(options.coverage === false ? [] : [m.coverage]), m.helpHint);
  // Last, so that it stands right above the buttons it introduces.
  if (result.suggestions.length) lines.push('', m.nearestHeading);
  const reply: Reply = { text: lines.join('\n') };
  if (result.suggestions.length) reply.choices = result.suggestions.map((c) => clauseChoice(m, c, kb));
  return reply;
}

/** Clauses per chat message of a section: a long part (三（二）, ten clauses) comes as two messages. */
const SECTION_CLAUSES_PER_MESSAGE = 5;
/** Characters per chat message of a section, well under Telegram's 4 096. */
const SECTION_CHARS_PER_MESSAGE = 3500;

/**
 * A whole part of the plan as chat messages: its heading, then each clause quoted with its 依据
 * line in the plan's order, at most five clauses (and 3 500 characters) a message, the source
 * footer under the last.
 */
export function sectionReplies(
  kb: KnowledgeBase,
  m: Messages,
  section: PlanSection,
  later: readonly DocumentEntry[] = [],
  head: readonly string[] = [],
): Reply[] {
  // In a language the document is read in, each clause shows its reading above the original, and
  // the heading its reading beside the original's; the mark of an unofficial translation comes once.
  const reading = section.clauses[0] && readingOf(kb, m, section.clauses[0]);
  const blocks = section.clauses.map((c) => {
    const read = readingOf(kb, m, c);
    if (!read) {
      return [`“${c.text}”`, ...(m.originalTextNote ? [m.originalTextNote] : []), m.basis(c.label, c.title)].join('\n');
    }
    return [
      m.readingHeading(m.readingLabel(c.id, c.label), read.title),
      `“${read.text}”`,
      m.originalHeading,
      `“${c.text}”`,
      m.basis(c.label, c.title),
    ].join('\n');
  });
  const depth = section.id.split('.').length;
  const readHeading = reading?.path.split(' › ')[depth - 1];
  const heading = readHeading ? `${section.id} ${readHeading} (${section.heading})` : section.heading;
  const groups: string[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    const group = groups.at(-1) as string[];
    if (
      group.length &&
      (group.length >= SECTION_CLAUSES_PER_MESSAGE || size + block.length > SECTION_CHARS_PER_MESSAGE)
    ) {
      groups.push([block]);
      size = block.length;
    } else {
      group.push(block);
      size += block.length;
    }
  }
  const first = section.kind === 'steps' ? m.stepsAnswer : m.sectionAnswer;
  const source = section.clauses[0] && sourceOf(kb, section.clauses[0]);
  return groups.map((group, i) => {
    const title = i === 0 ? first(heading, section.clauses.length) : m.sectionContinued(heading, i + 1, groups.length);
    const lines = [...(i === 0 ? head : []), title, ...(reading ? [m.readingNote] : []), '', group.join('\n\n')];
    if (i === groups.length - 1) {
      if (later.length) lines.push('', ...later.map((d) => m.laterNotice(d)));
      if (source) lines.push('', `—— ${m.footer(source)}`);
    }
    return { text: lines.join('\n') };
  });
}

/** Renders a Q&A result as the chat's messages: a long section as several, anything else as one. */
export function qaReplies(kb: KnowledgeBase, m: Messages, result: QaResult, options: QaReplyOptions = {}): Reply[] {
  if (!result.abstained && result.section) {
    const planYear = yearOf(kb, kb.documents[0]?.id ?? '');
    const head = result.distinctions?.length ? [m.noDistinction(result.distinctions, planYear, true)] : [];
    return sectionReplies(kb, m, result.section, result.later, head);
  }
  return [qaReply(kb, m, result, options)];
}
