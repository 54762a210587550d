/**
 * @module qa/sections
 * Broad questions answered with a whole part of the plan. 申请需要满足哪些条件 asks for every
 * condition, not the one clause that ranks first: it is answered with 三（一）基本条件, its heading and
 * each of its clauses in the plan's order. A process question (认定流程是怎样的) is answered with the
 * steps 四（一）→ 四（二）→ 四（三）. A typed section number (`三（一）`, `3.1`, `三、`, `第三部分`) shows the
 * section too.
 *
 * Which parts there are, the words naming each and the words asking for the whole are knowledge
 * data (`knowledge/sections.json`). A question is broad when it names a part and asks for the whole
 * of it, the ranking agrees (a clause of that part is among the first three), it asks for no
 * figure, and what it says besides the part's name and the asking words does not point at one
 * clause of the part on its own (组建资金有什么条件 asks for 三（一）4, not for 三（一）).
 */
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';
import type { SectionsVocabulary } from '../knowledge-base/sections.ts';
import { type DetailKind, detailAsked } from './detail.ts';
import { clauseReference } from './lookup.ts';
import { normalize } from './text.ts';

/** A part of the plan presented whole: its heading and its clauses in the plan's order. */
export interface PlanSection {
  /** The heading's id (`3.1`, `2`, `4`). */
  id: string;
  /** `section`: every clause of the part; `steps`: the steps of a procedure, in order. */
  kind: 'section' | 'steps';
  /** The heading as the plan numbers it: `三（一）基本条件`, `二、具体任务`. */
  heading: string;
  clauses: Clause[];
}

/** What {@link SectionFinder.broad} needs from the ranking. */
export interface SectionRanking {
  /** The clause ids the question ranks first, best first. */
  top: string[];
  /**
   * The share (0–1) of a piece of the question a clause holds, synonyms and word weights included:
   * used to see whether the words besides the part's name point at some of its clauses only.
   */
  cover(text: string, clause: Clause): number;
}

/** Finds the part of the plan a message names or a broad question asks about. */
export interface SectionFinder {
  /** The section a message consists of (`三（一）`, `3.1`, `三、`, `第三部分`), if any. */
  reference(message: string): PlanSection | undefined;
  /** The part a broad question asks about as a whole, if it is one. */
  broad(question: string, ranking: SectionRanking): PlanSection | undefined;
}

/** Kinds of detail that make a question ask for one figure, not a whole part. */
const FIGURE_KINDS = new Set<DetailKind>([
  'amount',
  'ratio',
  'date',
  'duration',
  'count',
  'number',
  'contact',
  'definition',
  'body',
]);

/** A part named as a part (`三、`, `第三部分`), not as the clause of that number. */
const AS_PART = /^\s*第?[一二三四五六七八九十\d]{1,2}\s*(?:、|部分)/;

/**
 * A clause holds the words besides a part's name when it covers at least this share of them. When
 * some clauses of the part hold them but no more than half do (组建资金 in 三（一）4), the question is
 * about those clauses, not the whole part; words every clause holds (创新中心) or none holds (申请)
 * leave it broad.
 */
const HOLDS_REST = 0.5;

/**
 * Builds the finder over the plan (the first document) and the vocabulary.
 *
 * @example
 * const sections = createSectionFinder(kb, loadSectionsVocabulary(kb));
 * sections.reference('三（一）')?.heading; // '三（一）基本条件'
 */
export function createSectionFinder(kb: KnowledgeBase, vocabulary: SectionsVocabulary): SectionFinder {
  const doc = kb.documents[0]?.id;
  const plan = kb.clauses.filter((c) => c.doc === doc);
  const under = (id: string): Clause[] => plan.filter((c) => c.id === id || c.id.startsWith(`${id}.`));

  /** `三（一）基本条件` for 3.1, `二、具体任务` for 2: the label of the heading and its title. */
  const headingOf = (id: string): string => {
    const depth = id.split('.').length;
    const child = plan.find((c) => c.id.startsWith(`${id}.`));
    if (!child) return id;
    const title = child.path.split(' › ')[depth - 1] ?? '';
    const label = depth === 1 ? child.label.replace(/[（(].*$/, '') : child.label.replace(/\d+$/, '');
    return depth === 1 ? `${label}、${title}` : `${label}${title}`;
  };

  const section = (id: string, steps?: string[]): PlanSection => ({
    id,
    kind: steps ? 'steps' : 'section',
    heading: headingOf(id),
    clauses: steps ? steps.flatMap((s) => plan.filter((c) => c.id === s)) : under(id),
  });

  const fold = (t: string) => normalize(t);
  const whole = [...vocabulary.whole.zh, ...vocabulary.whole.en].map(fold);
  const entries = vocabulary.sections.map((s) => ({
    ...s,
    subjects: s.subjects.map((list) => list.map(fold)),
    section: section(s.id, s.steps),
  }));

  return {
    reference(message) {
      const ref = clauseReference(kb, message);
      if (!ref || !plan.some((c) => c.id.startsWith(`${ref.id}.`))) return undefined;
      // 四 alone is the clause 四; 四、 and 第四部分 are the part.
      if (ref.clause && !AS_PART.test(message.normalize('NFKC'))) return undefined;
      // A bare Arabic number (`1`, `5`) is an option number or a count; the plan numbers its parts 一…五.
      if (!ref.id.includes('.') && /^\s*\d+\s*$/.test(message.normalize('NFKC'))) return undefined;
      return section(ref.id);
    },
    broad(question, ranking) {
      const q = fold(question);
      const asked = detailAsked(question);
      if (asked && FIGURE_KINDS.has(asked.kind)) return undefined;
      const asksWhole = whole.filter((w) => q.includes(w));
      for (const entry of entries) {
        const named = entry.subjects.map((list) => list.filter((t) => q.includes(t)));
        if (named.some((found) => found.length === 0)) continue;
        if (!entry.steps && asksWhole.length === 0) continue;
        const ids = entry.section.clauses.map((c) => c.id);
        if (!ranking.top.slice(0, 3).some((id) => ids.includes(id) || id === entry.id)) continue;
        // What is left once the part's name and the asking words are gone.
        let rest = q;
        for (const t of [...named.flat(), ...asksWhole].sort((a, b) => b.length - a.length))
          rest = rest.split(t).join(' ');
        const holding = entry.section.clauses.filter((c) => ranking.cover(rest, c) >= HOLDS_REST).length;
        if (holding > 0 && holding <= entry.section.clauses.length / 2) continue;
        return entry.section;
      }
      return undefined;
    },
  };
}

/** The clauses a reply quotes: a whole section, the answer and its history, or none. */
export function presentedClauses(result: {
  abstained: boolean;
  section?: PlanSection;
  answers: { clause: Clause }[];
  history?: Clause[];
}): Clause[] {
  if (result.abstained) return [];
  if (result.section) return result.section.clauses;
  const top = result.answers[0]?.clause;
  return top ? [top, ...(result.history ?? [])] : [];
}

/** The id of a clause's part (`3.2` for 3.2.6, `4` for 4.1 and for 四 itself). */
function partOf(id: string): string {
  const parts = id.split('.');
  return parts.length === 1 ? id : parts.slice(0, -1).join('.');
}

/**
 * The related clauses worth a button under an answer: those that score close to it, or belong to
 * its part of the plan and score not far below. A clause that only shares a word or two with the
 * question (五（五）加大宣传力度 under a process question) is not offered.
 */
export function relatedClauses(
  answers: readonly { clause: Clause; score: number }[],
  shown: ReadonlySet<Clause>,
  limit = 2,
): Clause[] {
  const top = answers[0];
  if (!top) return [];
  return answers
    .filter((a) => !shown.has(a.clause))
    .filter(
      (a) =>
        a.score >= top.score * 0.8 || (a.score >= top.score * 0.6 && partOf(a.clause.id) === partOf(top.clause.id)),
    )
    .slice(0, limit)
    .map((a) => a.clause);
}
