/**
 * @module qa/sections
 * Broad questions answered with a whole part of the plan. 申请需要满足哪些条件 asks for every
 * condition, not the one clause that ranks first: it is answered with 三（一）基本条件, its heading and
 * each of its clauses in the plan's order. A process question (认定流程是怎样的) is answered with the
 * steps 四（一）→ 四（二）→ 四（三）. A typed section number (`三（一）`, `3.1`, `三、`, `第三部分`) shows the
 * section too.
 *
 * Which parts there are, the words naming each and the words asking for the whole are knowledge
 * data (`knowledge/sections.json`); a part's own heading (具体任务, "Specific tasks") names it too.
 * Chinese words are found anywhere in a question; English ones as whole words, by their stems as
 * `qa/english` reads them (`tasks`, `task`; `operating`, `operation`), `…` standing for any words
 * between (`how … apply`). A question is broad when it names a part and asks for the whole
 * of it, the ranking agrees (a clause of that part is among the first three), it asks for no
 * figure, and what it says besides the part's name and the asking words does not point at one
 * clause of the part on its own (组建资金有什么条件 asks for 三（一）4, not for 三（一）).
 */
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';
import type { SectionsVocabulary } from '../knowledge-base/sections.ts';
import { type DetailKind, detailAsked } from './detail.ts';
import { englishStem, englishWords, isEnglish } from './english.ts';
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
  /** The weight of a piece's content words (0 when it holds only function words). */
  weight?(text: string): number;
  /** Chinese terms for English words (the glossary's), so an English question's rest can be covered. */
  translate?(english: string): string;
  /**
   * The ranking is below the bar for an answer (the asking words dilute 组建要求一条条说下): only a
   * question asking for all of a part (a `span` word), or naming the part and nothing else of the
   * plan, is then broad.
   */
  weak?: boolean;
}

/** Finds the part of the plan a message names or a broad question asks about. */
export interface SectionFinder {
  /** The section a message consists of (`三（一）`, `3.1`, `三、`, `第三部分`), if any. */
  reference(message: string): PlanSection | undefined;
  /** The part a broad question asks about as a whole, if it is one. */
  broad(question: string, ranking: SectionRanking): PlanSection | undefined;
  /**
   * The part whose number a question writes (三（一）讲的啥, 3.2那部分逐条列下, 方案五讲了啥), unless it
   * asks for a figure or what else it says points at some clauses of the part only.
   */
  mentioned(question: string, ranking: Pick<SectionRanking, 'cover'>): PlanSection | undefined;
  /**
   * Chinese words for the part an English question asks about as a whole (`任务` for "What are the
   * tasks?"), to rank it by when the glossary alone does not read the question; `undefined` when it
   * names none.
   */
  named(question: string): string | undefined;
}

/**
 * A term of the vocabulary: Chinese text (its pieces in order when it has `…`), or English stems
 * in runs separated by `…`.
 */
interface Term {
  text: string;
  pieces?: string[];
  runs?: string[][];
}

/** A question as terms are looked for in it. */
interface Reading {
  /** The folded question (Chinese terms). */
  text: string;
  /** English words and their stems, or none for a Chinese question. */
  words: string[];
  stems: string[];
}

/** Where an English term's words stand in a question (each run in order), or undefined. */
function positions(term: Term, reading: Reading): number[] | undefined {
  if (!term.runs) return undefined;
  const at: number[] = [];
  let from = 0;
  for (const run of term.runs) {
    let found = -1;
    for (let i = from; i + run.length <= reading.stems.length && found < 0; i++) {
      if (run.every((w, k) => reading.stems[i + k] === w)) found = i;
    }
    if (found < 0) return undefined;
    for (let k = 0; k < run.length; k++) at.push(found + k);
    from = found + run.length;
  }
  return at;
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
  'form',
  'definition',
  'body',
]);

/**
 * A part's number written inside a question: `3.2` (not `3.2.6`, `1.5亿`), `三（一）` (not
 * `三（一）4`), `第三部分第三条`, `第五部分`, `二、` after a pause or 的, `方案五`. Chinese numerals up to 五,
 * the plan's parts.
 */
const WRITTEN_PART: { re: RegExp; id: (m: RegExpExecArray) => string }[] = [
  { re: /(?<![\d.])([1-5])\.([1-9])(?![\d.]|\s*[%％万亿倍个年])/, id: (m) => `${m[1]}.${m[2]}` },
  {
    re: /([一二三四五])\s*[（(]([一二三四五六七八九十])[）)](?!\s*\d)/,
    id: (m) => `${numeral(m[1])}.${numeral(m[2])}`,
  },
  {
    re: /第([一二三四五])(?:大)?部分(?:的)?第([一二三四五六七八九十])(?:条|项|点|节|部分)/,
    id: (m) => `${numeral(m[1])}.${numeral(m[2])}`,
  },
  { re: /第([一二三四五])(?:大)?(?:部分|章|大块|块|大项)/, id: (m) => numeral(m[1]) },
  { re: /(?:^|[\s，,。：:的看第])([一二三四五])、/, id: (m) => numeral(m[1]) },
  { re: /(?:方案|文件)(?:的|里的?|中的?)?第?([一二三四五])(?![一二三四五六七八九十（(\d])/, id: (m) => numeral(m[1]) },
];

/** `三` → `3`, for the numerals of {@link WRITTEN_PART}. */
function numeral(cn: string | undefined): string {
  return String('一二三四五六七八九十'.indexOf(cn ?? '') + 1);
}

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
 * What is left of a question besides a part's name says something of the plan when a clause covers
 * at least this share of it; below it (建起来以后), the question is about the part alone.
 */
const NOTHING_ELSE = 0.15;

/** A clause holds the rest as well as the best one when it covers at least this share of the best's cover. */
const CLOSE_TO_BEST = 0.8;

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

  /** The part's own title in Chinese and in the English reading (`具体任务`, `Specific tasks`). */
  const titlesOf = (id: string): string[] => {
    const depth = id.split('.').length;
    const child = plan.find((c) => c.id.startsWith(`${id}.`));
    if (!child) return [];
    const en = kb.reading(child, 'en')?.path;
    return [child.path, ...(en ? [en] : [])].flatMap((p) => p.split(' › ')[depth - 1] ?? []).filter(Boolean);
  };

  const fold = (t: string) => normalize(t);
  const term = (t: string): Term =>
    /[\u3400-\u9fff]/.test(t)
      ? { text: fold(t), ...(t.includes('…') ? { pieces: t.split('…').map(fold) } : {}) }
      : { text: t, runs: t.split('…').map((run) => englishWords(run).map(englishStem)) };
  const whole = [...vocabulary.whole.zh, ...vocabulary.whole.en].map(term);
  const span = [...vocabulary.span.zh, ...vocabulary.span.en].map(term);
  const background = vocabulary.background.map(fold).sort((a, b) => b.length - a.length);
  const entries = vocabulary.sections.map((s) => ({
    ...s,
    subjects: s.subjects.map((list) => list.map(term)),
    // A part named by its own heading needs no other word (steps are named by their words only).
    titles: s.steps ? [] : titlesOf(s.id).map(term),
    // What an English question naming the part is ranked by: the first Chinese word of each list.
    zh: s.subjects.map((list) => list.find((t) => /[\u3400-\u9fff]/.test(t)) ?? '').join(' '),
    section: section(s.id, s.steps),
  }));

  const read = (question: string): Reading => {
    const words = isEnglish(question) ? englishWords(question) : [];
    return { text: fold(question), words, stems: words.map(englishStem) };
  };
  /** Whether a term is in the question: Chinese ones anywhere, English ones by stems, in a Chinese or English question respectively. */
  const has = (t: Term, r: Reading): boolean => {
    if (t.runs) return positions(t, r) !== undefined;
    if (r.words.length) return false;
    if (!t.pieces) return r.text.includes(t.text);
    let from = 0;
    for (const piece of t.pieces) {
      const at = r.text.indexOf(piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  };

  /**
   * Whether what a question says besides the part's name and the asking words (`rest`) points at
   * some clauses of the part only, not the whole (组建资金有什么条件 → 三（一）4).
   */
  const pointsAtSome = (rest: string, part: PlanSection, cover: SectionRanking['cover']): boolean => {
    let left = rest;
    // Words naming what the whole plan is about (创新中心, 组建) point at no clause of it.
    for (const t of background) left = left.split(t).join(' ');
    const half = part.clauses.length / 2;
    // The clauses holding a text about as well as the best one does (研发投入: 三（三）4 alone).
    const holders = (text: string): Clause[] => {
      const covers = part.clauses.map((c) => cover(text, c));
      const bar = Math.max(HOLDS_REST, Math.max(0, ...covers) * CLOSE_TO_BEST);
      return part.clauses.filter((_, i) => (covers[i] ?? 0) >= bar);
    };
    // A list naming several clauses one by one (指导思想、目标、原则; 人员、经费、制度) asks for them all.
    const listed = new Set(
      left
        .split(/[、，,；;和与及跟/]/)
        .filter((p) => p.trim().length >= 2)
        .flatMap(holders),
    );
    if (listed.size > half || listed.size >= 3) return false;
    const holding = holders(left).length;
    return holding > 0 && holding <= half;
  };

  /** Whether the words of a question besides a part's name and the background are only function words. */
  const saysNothing = (rest: string, ranking: SectionRanking): boolean => {
    let left = rest;
    for (const t of background) left = left.split(t).join(' ');
    return (ranking.weight?.(left) ?? 1) === 0;
  };

  /** Whether the words of a question besides a part's name hold nothing a clause of the plan has. */
  const saysNothingElse = (rest: string, cover: SectionRanking['cover']): boolean => {
    let left = rest;
    for (const t of background) left = left.split(t).join(' ');
    return plan.every((c) => cover(left, c) < NOTHING_ELSE);
  };

  /** Whether a question names a part other than the given one (保障措施里区县要做什么 names 五 beside 二). */
  const namesAnother = (id: string, r: Reading): boolean =>
    entries.some((e) => e.id !== id && (e.titles.some((t) => has(t, r)) || naming(e, r) !== undefined));

  /** The text of a Chinese question without the given terms, longest first. */
  const without = (text: string, terms: Term[]): string => {
    let rest = text;
    for (const t of terms.flatMap((x) => x.pieces ?? [x.text]).sort((a, b) => b.length - a.length))
      rest = rest.split(t).join(' ');
    return rest;
  };

  /** The terms of an entry the question holds, or undefined when it does not name the part. */
  const naming = (entry: (typeof entries)[number], r: Reading): Term[] | undefined => {
    const title = entry.titles.filter((t) => has(t, r));
    if (title.length) return title;
    const named = entry.subjects.map((list) => list.filter((t) => has(t, r)));
    return named.some((found) => found.length === 0) ? undefined : named.flat();
  };

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
      const r = read(question);
      const asked = detailAsked(question);
      if (asked && FIGURE_KINDS.has(asked.kind)) return undefined;
      const asksWhole = whole.filter((w) => has(w, r));
      const spans = span.some((t) => has(t, r));
      for (const entry of entries) {
        const named = naming(entry, r);
        if (!named) continue;
        if (!entry.steps && asksWhole.length === 0) continue;
        // What is left once the part's name and the asking words are gone.
        let rest = r.text;
        if (r.words.length) {
          const used = new Set([...named, ...asksWhole].flatMap((t) => positions(t, r) ?? []));
          const left = r.words.filter((_, i) => !used.has(i)).join(' ');
          rest = ranking.translate ? ranking.translate(left) : left;
        } else {
          rest = without(rest, [...named, ...asksWhole]);
        }
        const ids = entry.section.clauses.map((c) => c.id);
        const ranked = ranking.top.slice(0, 3).some((id) => ids.includes(id) || id === entry.id);
        // A question naming the part and nothing else of the plan (建起来以后主要干哪些活) needs no ranking.
        const alone = !namesAnother(entry.id, r) && saysNothingElse(rest, ranking.cover);
        // Below the bar, only one asking for all of a part (a span word) or naming it and nothing else
        // at all (港澳通行证怎么办理 names the steps, and something the plan never mentions) is broad.
        if (ranking.weak && !spans && !(alone && saysNothing(rest, ranking))) continue;
        if (!ranked && !alone) continue;
        // Asked for all of it (整个程序, 从准备材料到认定再到考核): the clauses it names are part of the whole.
        if (spans) return entry.section;
        if (pointsAtSome(rest, entry.section, ranking.cover)) continue;
        return entry.section;
      }
      return undefined;
    },
    mentioned(question, ranking) {
      const text = question.normalize('NFKC');
      for (const { re, id } of WRITTEN_PART) {
        const m = re.exec(text);
        if (!m) continue;
        const partId = id(m);
        // Only a heading over clauses is a part (3.1, 四); 2.1 or 4.2 is a clause of its own.
        if (!plan.some((c) => c.id.startsWith(`${partId}.`))) continue;
        const asked = detailAsked(question);
        if (asked && FIGURE_KINDS.has(asked.kind)) return undefined;
        const part = section(partId);
        const r = read(text.replace(m[0], ' '));
        // 第四部分说…，那在保障措施里…: the number is background to another part named by its heading.
        if (entries.some((e) => e.id !== partId && e.titles.some((t) => has(t, r)))) return undefined;
        if (r.words.length) return part;
        const rest = without(r.text, [...whole, ...entries.flatMap((e) => (e.id === partId ? e.subjects.flat() : []))]);
        return pointsAtSome(rest, part, ranking.cover) ? undefined : part;
      }
      return undefined;
    },
    named(question) {
      const r = read(question);
      if (!r.words.length) return undefined;
      const asksWhole = whole.some((w) => has(w, r));
      const entry = entries.find((e) => (e.steps || asksWhole) && naming(e, r));
      return entry?.zh || undefined;
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
