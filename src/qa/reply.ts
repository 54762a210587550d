/**
 * @module qa/reply
 * Turns an engine result into the chat reply: lead, verbatim quote, 依据 line, related clauses
 * as buttons and the source footer; or, for an abstention, what the plan does not say, the
 * nearest clauses (as references, not answers) and what the plan covers.
 */
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';
import type { Messages } from '../messages/index.ts';
import type { Choice, Reply } from '../ports.ts';
import type { QaResult } from './engine.ts';

/** The choice value that opens a clause. */
export const CLAUSE_CHOICE_PREFIX = 'clause:';

/** A short name for a clause on a button: its title, or the opening words of its text. */
function clauseName(c: Clause): string {
  if (c.title) return c.title;
  const text = c.text.replace(/\s+/g, '');
  return text.length > 18 ? `${text.slice(0, 18)}…` : text;
}

function clauseChoice(m: Messages, c: Clause): Choice {
  return {
    label: m.clauseChoice(c.label, clauseName(c)),
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

/** Quotes one clause with its basis line and footer. */
export function clauseReply(
  kb: KnowledgeBase,
  m: Messages,
  clause: Clause,
  head: string[] = [],
  related: Clause[] = [],
): Reply {
  const lines = [...head];
  if (lines.length) lines.push('');
  lines.push(`“${clause.text}”`);
  if (m.originalTextNote) lines.push(m.originalTextNote);
  lines.push(m.basis(clause.label, [clause.path, clause.title].filter(Boolean).join(' › ')));
  const source = sourceOf(kb, clause);
  if (source) lines.push('', `—— ${m.footer(source)}`);
  // Last, so that it stands right above the buttons it introduces.
  if (related.length) lines.push('', m.relatedHeading);
  const reply: Reply = { text: lines.join('\n') };
  if (related.length) reply.choices = related.map((c) => clauseChoice(m, c));
  return reply;
}

/** Renders a Q&A result as one reply. */
export function qaReply(kb: KnowledgeBase, m: Messages, result: QaResult): Reply {
  const top = result.answers[0];
  if (!result.abstained && top) {
    const head: string[] = [];
    if (result.lead) head.push(result.lead);
    if (result.items?.length) head.push(...result.items.map((i) => `• ${i}`));
    const related = result.answers.slice(1, 3).map((a) => a.clause);
    return clauseReply(kb, m, top.clause, head, related);
  }
  if (result.reason === 'no_content') return { text: m.noContent };
  if (result.reason === 'no_such_clause') {
    const ref = result.reference ?? '';
    if (result.suggestions.length) {
      return { text: m.sectionHeading(ref), choices: result.suggestions.map((c) => clauseChoice(m, c)) };
    }
    return { text: m.noSuchClause(ref, clauseNumbering(kb)) };
  }
  const lines: string[] = [];
  lines.push(
    result.reason === 'detail_missing'
      ? m.detailNotGiven(result.asked?.kind)
      : result.reason === 'other_document'
        ? m.otherDocument
        : result.reason === 'current_state'
          ? m.currentState
          : result.reason === 'task_request'
            ? m.taskRequest
            : m.notCovered,
  );
  lines.push('', m.coverage, m.helpHint);
  // Last, so that it stands right above the buttons it introduces.
  if (result.suggestions.length) lines.push('', m.nearestHeading);
  const reply: Reply = { text: lines.join('\n') };
  if (result.suggestions.length) reply.choices = result.suggestions.map((c) => clauseChoice(m, c));
  return reply;
}
