/**
 * @module qa/retriever
 * Ranks clauses for a question. Each clause is matched two ways: against its own text (with its
 * title and path, since 3.3.x never say 牵头单位 themselves) and against the example questions kept
 * for it in `knowledge/examples.json`. Both scores are normalised to [0, 1] so that a confidence
 * threshold means the same thing for every question: the share of what the question says that
 * the clause (or a question it answers) also says.
 */
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';
import { type DetailKind, detailAsked, HEADCOUNT } from './detail.ts';
import { FEATURE_WEIGHTS, type Feature, features, normalize, segment, type Word } from './text.ts';

/** A feature of the question, with the synonym groups whose term it falls inside. */
interface QueryFeature extends Feature {
  groups: number[];
  idf: number;
}

/** A text indexed for matching: its features and the synonym groups it mentions. */
interface Target {
  /** Feature key → its weight in this text (the largest, when a key occurs more than once). */
  features: Map<string, number>;
  groups: Set<number>;
  /** Sum of squared feature weights, for cosine similarity. */
  norm: number;
  /** For an example question: the kind of detail it asks for. */
  kind?: DetailKind | undefined;
}

/** How one clause scored for one question. */
export interface ClauseScore {
  clause: Clause;
  /** Combined score in [0, 1]. */
  score: number;
  /** Share of the question's weight found in the clause's own text, title and path. */
  coverage: number;
  /** Best cosine similarity with a question the clause answers. */
  example: number;
  /**
   * Best cosine similarity with a question on the clause's topic that the plan leaves open and
   * that asks for the same kind of detail as the question (the words that differ between such a
   * question and an answered one are often only 几家 or 多少钱, which carry no retrieval weight).
   */
  unanswered: number;
}

/** Tunable weights of the ranking. */
export interface RetrieverOptions {
  /**
   * Weight of the clause-text coverage against the example similarity.
   * @default 0.5
   */
  coverageWeight?: number;
  /**
   * Weight of a clause's second-closest example against its closest one: one look-alike example
   * alone should not carry a clause past another that several examples support.
   * @default 0.5
   */
  secondExampleWeight?: number;
}

/** The analysed question, reused by the answer logic. */
export interface AnalysedQuery {
  norm: string;
  features: QueryFeature[];
  /** Sum of the question's feature weights (× idf); 0 for a question with no content. */
  mass: number;
  /** Weight of features no clause, example or glossary term has (unknown words). */
  unknownMass: number;
  /** The kind of detail the question asks for, if any. */
  kind?: DetailKind | undefined;
}

/** Ranks clauses for questions; build once at start, query many times. */
export interface Retriever {
  /**
   * Analyses a question. `kind` is the detail it asks for (the caller has read it from the words
   * the user typed, which for an English question are not the ones retrieval runs on).
   */
  analyse(question: string, kind?: DetailKind): AnalysedQuery;
  rank(query: AnalysedQuery): ClauseScore[];
  /**
   * The share of the question's weight a text covers (its words, their sounds and synonyms): how
   * well a piece of a clause matches the question.
   */
  coverage(query: AnalysedQuery, text: string): number;
}

/** Builds the index over every clause of the knowledge base. */
export function createRetriever(kb: KnowledgeBase, options: RetrieverOptions = {}): Retriever {
  const { coverageWeight = 0.5, secondExampleWeight = 0.5 } = options;
  const glossary = kb.glossary.map((g) => g.zh.map(normalize));
  const termList = glossary
    .flatMap((terms, group) => terms.map((term) => ({ term, group })))
    .filter((t) => t.term.length > 0)
    .sort((a, b) => b.term.length - a.term.length);

  // Terms by first character, so finding the glossary terms in a text is one pass over the text.
  const byFirst = new Map<string, { term: string; group: number }[]>();
  for (const t of termList) {
    const list = byFirst.get(t.term[0] ?? '') ?? [];
    byFirst.set(t.term[0] ?? '', list);
    list.push(t);
  }
  // A sum of money ("800万") is a mention of funds, as 资金 is; a percentage ("35%") one of a share;
  // a head count ("200号人") one of staff.
  const figureGroups = [
    { id: 'funding', figure: /\d+(?:\.\d+)?\s*(?:万元|万|亿元|亿|元)/g },
    { id: 'ratio', figure: /\d+(?:\.\d+)?\s*%/g },
    { id: 'employees', figure: new RegExp(HEADCOUNT.source, 'g') },
  ]
    .map(({ id, figure }) => ({ group: kb.glossary.findIndex((g) => g.id === id), figure }))
    .filter(({ group }) => group >= 0);
  const aloneGroup = new Map(kb.glossary.flatMap((g, group) => g.alone.map((ch) => [ch, group] as const)));
  /** Every occurrence of a glossary term in a text (of its features), longest terms first. */
  const occurrences = (
    norm: string,
    words: Word[],
    feats: Feature[],
  ): { term: string; group: number; at: number }[] => {
    const out: { term: string; group: number; at: number }[] = [];
    const wordOf = wordIndexByPosition(norm, words);
    for (let at = 0; at < norm.length; at++) {
      for (const t of byFirst.get(norm[at] ?? '') ?? []) {
        if (norm.startsWith(t.term, at) && !straddles(wordOf, at, at + t.term.length)) out.push({ ...t, at });
      }
    }
    // A one-character word is a feature of its own (u:投), so it is found there, not inside 投诉.
    for (const f of feats) {
      const group = f.key.startsWith('u:') ? aloneGroup.get(f.key.slice(2)) : undefined;
      if (group !== undefined) out.push({ term: f.key.slice(2), group, at: f.start });
    }
    for (const { group, figure } of figureGroups) {
      for (const m of norm.matchAll(figure)) out.push({ term: m[0], group, at: m.index });
    }
    return out.sort((a, b) => b.term.length - a.term.length || a.at - b.at);
  };

  // Document frequency over clause profiles (text + title + path + answered examples).
  const df = new Map<string, number>();
  const analyseText = (
    text: string,
  ): { set: Map<string, number>; feats: Feature[]; norm: string; groups: Set<number> } => {
    const norm = normalize(text);
    const words = segment(norm);
    const feats = features(norm, words);
    const set = new Map<string, number>();
    for (const f of feats) set.set(f.key, Math.max(f.weight, set.get(f.key) ?? 0));
    // Each synonym group a text mentions is a feature of its own, so 钱 in a question meets 资金.
    const groups = new Set(occurrences(norm, words, feats).map((o) => o.group));
    for (const g of groups) set.set(`g:${g}`, FEATURE_WEIGHTS.group);
    return { set, feats, norm, groups };
  };
  const rawTargets: {
    owner: number;
    kind: 'body' | 'answered' | 'unanswered';
    a: ReturnType<typeof analyseText>;
  }[] = [];
  for (const [owner, clause] of kb.clauses.entries()) {
    const ex = kb.examples.get(`${clause.doc}/${clause.id}`) ?? { answered: [], unanswered: [] };
    const body = analyseText([clause.path, clause.title, clause.text].join('\n'));
    const answered = ex.answered.map(analyseText);
    const unanswered = ex.unanswered.map(analyseText);
    const profile = new Set<string>(body.set.keys());
    for (const a of answered) for (const k of a.set.keys()) profile.add(k);
    for (const k of profile) df.set(k, (df.get(k) ?? 0) + 1);
    rawTargets.push({ owner, kind: 'body', a: body });
    for (const a of answered) rawTargets.push({ owner, kind: 'answered', a });
    for (const a of unanswered) rawTargets.push({ owner, kind: 'unanswered', a });
  }
  const n = kb.clauses.length;
  const idfOf = (key: string): number => {
    const d = df.get(key) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const known = new Set<string>(df.keys());
  const glossaryTexts = glossary.flat().map((norm) => ({ norm, feats: features(norm) }));
  for (const { feats } of glossaryTexts) for (const f of feats) known.add(f.key);
  // The character pairs behind each known sound: a typo (评古 for 评估) keeps one of its characters,
  // while an unrelated word that merely sounds like one of the plan's (手机, 收集) keeps none.
  const soundsLike = new Map<string, Set<string>>();
  const addSounds = ({ norm, feats }: { norm: string; feats: Feature[] }): void => {
    for (const f of feats) {
      // Only pairs inside a word: 提升|产业 gives 升产, which is no word a typo could stand for.
      if (!f.key.startsWith('p:') || f.cross) continue;
      const set = soundsLike.get(f.key) ?? new Set<string>();
      soundsLike.set(f.key, set);
      set.add(norm.slice(f.start, f.end));
    }
  };
  for (const { a } of rawTargets) addSounds(a);
  for (const text of glossaryTexts) addSounds(text);
  const typoOfKnown = (norm: string, f: Feature): boolean => {
    const pair = norm.slice(f.start, f.end);
    for (const known of soundsLike.get(f.key) ?? []) if (known[0] === pair[0] || known[1] === pair[1]) return true;
    return false;
  };

  // An inverted index over every target (clause bodies and example questions), so ranking touches
  // only the targets that share a feature or a synonym group with the question.
  const targets: Target[] = [];
  const ownerOf: number[] = [];
  const role: ('body' | 'answered' | 'unanswered')[] = [];
  const postings = new Map<string, { t: number[]; w: number[] }>();
  const groupPostings = new Map<number, number[]>();
  for (const { owner, kind, a } of rawTargets) {
    let norm = 0;
    for (const [k, w] of a.set) norm += (w * idfOf(k)) ** 2;
    const target: Target = { features: a.set, groups: a.groups, norm, kind: detailAsked(a.norm)?.kind };
    const index = targets.length;
    targets.push(target);
    ownerOf.push(owner);
    role.push(kind);
    for (const [k, w] of a.set) {
      const p = postings.get(k) ?? { t: [], w: [] };
      postings.set(k, p);
      p.t.push(index);
      p.w.push(w);
    }
    for (const g of target.groups) {
      const p = groupPostings.get(g) ?? [];
      groupPostings.set(g, p);
      p.push(index);
    }
  }

  const analyse = (question: string, kind?: DetailKind): AnalysedQuery => {
    const norm = normalize(question);
    const words = segment(norm);
    const textFeatures = features(norm, words);
    const spans: { start: number; end: number; group: number }[] = [];
    for (const { term, group, at } of occurrences(norm, words, textFeatures)) {
      const end = at + term.length;
      if (!spans.some((s) => at < s.end && end > s.start && s.group !== group)) spans.push({ start: at, end, group });
    }
    const seen = new Set<string>();
    const feats: QueryFeature[] = [];
    let mass = 0;
    const groupFeatures: Feature[] = spans.map((sp) => ({
      key: `g:${sp.group}`,
      weight: FEATURE_WEIGHTS.group,
      start: sp.start,
      end: sp.end,
    }));
    // A pair no text has whose sound is a known word's, one character kept (烤评 for 考评): a typo,
    // matched by its sound alone; as characters it would only dilute the question.
    const typos = new Set(
      textFeatures
        .filter(
          (f) =>
            f.key.startsWith('p:') &&
            !f.cross &&
            typoOfKnown(norm, f) &&
            !soundsLike.get(f.key)?.has(norm.slice(f.start, f.end)),
        )
        .map((f) => `${f.start}-${f.end}`),
    );
    for (const f of [...textFeatures, ...groupFeatures]) {
      if (seen.has(f.key)) continue;
      if (!/^[pugwl]:/.test(f.key) && !known.has(f.key) && typos.has(`${f.start}-${f.end}`)) continue;
      // A pair across two words that no text has ("掏多", "看当") can match nothing: it is noise,
      // not an unknown topic. (A typo split into single characters keeps its known pinyin pair.)
      if (f.cross && !known.has(f.key)) continue;
      // A number no text states ("200号人", "50") is the asker's own figure, not a topic: it can
      // match nothing, and a head count or sum in it already counts as a mention of staff or funds.
      if (/^l:[\d.-]/.test(f.key) && !known.has(f.key)) continue;
      seen.add(f.key);
      const groups = spans.filter((s) => f.start >= s.start && f.end <= s.end).map((s) => s.group);
      const idf = idfOf(f.key);
      feats.push({ ...f, groups, idf });
      mass += f.weight * idf;
    }
    // A content word is unknown when none of its character pairs, nor their sound (a typo), nor a
    // glossary term covers it: the question is then about something the plan does not name.
    let unknownMass = 0;
    let contentMass = 0;
    for (const w of contentWords(words)) {
      if (w.word.length < 2) continue;
      const end = w.start + w.word.length;
      contentMass += w.word.length;
      const inSpan = spans.some((s) => w.start < s.end && end > s.start);
      const covered = feats.some(
        (f) =>
          f.start >= w.start &&
          f.end <= end &&
          !f.key.startsWith('u:') &&
          known.has(f.key) &&
          (!f.key.startsWith('p:') || typoOfKnown(norm, f)),
      );
      if (!inSpan && !covered) unknownMass += w.word.length;
    }
    unknownMass = contentMass ? (unknownMass / contentMass) * mass : 0;
    return { norm, features: feats, mass, unknownMass, kind };
  };

  const rank = (q: AnalysedQuery): ClauseScore[] => {
    const dot = new Float64Array(targets.length);
    const hit = new Float64Array(targets.length);
    const extra = new Float64Array(targets.length);
    const stamp = new Int32Array(targets.length).fill(-1);
    let qNorm = 0;
    q.features.forEach((f, i) => {
      const wq = f.weight * f.idf;
      qNorm += wq * wq;
      const p = postings.get(f.key);
      if (p) {
        for (let j = 0; j < p.t.length; j++) {
          const t = p.t[j] as number;
          stamp[t] = i;
          dot[t] = (dot[t] as number) + wq * (p.w[j] as number) * f.idf;
          hit[t] = (hit[t] as number) + wq;
        }
      }
      // A synonym match has no weight of its own in the target: count it as the question's, on both
      // sides of the cosine, or a short example full of synonyms would outscore the same words.
      for (const g of f.groups) {
        for (const t of groupPostings.get(g) ?? []) {
          if (stamp[t] === i) continue;
          stamp[t] = i;
          dot[t] = (dot[t] as number) + wq * wq;
          extra[t] = (extra[t] as number) + wq * wq;
          hit[t] = (hit[t] as number) + wq;
        }
      }
    });
    const scores = kb.clauses.map((clause) => ({ clause, score: 0, coverage: 0, example: 0, unanswered: 0 }));
    if (q.mass === 0 || qNorm === 0) return scores;
    // The runner-up example similarity of each clause (its best one is `example`).
    const second = new Float64Array(scores.length);
    for (let t = 0; t < targets.length; t++) {
      if (!hit[t]) continue;
      const s = scores[ownerOf[t] as number] as ClauseScore;
      const target = targets[t] as Target;
      if (role[t] === 'body') {
        s.coverage = (hit[t] as number) / q.mass;
        continue;
      }
      const tn = target.norm + (extra[t] as number);
      const cos = tn ? Math.min(1, (dot[t] as number) / Math.sqrt(qNorm * tn)) : 0;
      const owner = ownerOf[t] as number;
      if (role[t] === 'answered') {
        if (cos > s.example) {
          second[owner] = s.example;
          s.example = cos;
        } else second[owner] = Math.max(second[owner] as number, cos);
      } else if (target.kind === q.kind) s.unanswered = Math.max(s.unanswered, cos);
    }
    scores.forEach((s, i) => {
      const example = (s.example + secondExampleWeight * (second[i] as number)) / (1 + secondExampleWeight);
      s.score = coverageWeight * s.coverage + (1 - coverageWeight) * example;
    });
    return scores.sort((a, b) => b.score - a.score);
  };

  const coverage = (query: AnalysedQuery, text: string): number => {
    const a = analyseText(text);
    let hit = 0;
    for (const f of query.features) {
      if (a.set.has(f.key) || f.groups.some((g) => a.groups.has(g))) hit += f.weight * f.idf;
    }
    return query.mass ? hit / query.mass : 0;
  };

  return { analyse, rank, coverage };
}

/** The index of the word each character belongs to (-1 outside words). */
function wordIndexByPosition(norm: string, words: Word[]): Int32Array {
  const wordOf = new Int32Array(norm.length).fill(-1);
  for (const [i, w] of words.entries()) wordOf.fill(i, w.start, w.start + w.word.length);
  return wordOf;
}

/**
 * Whether a term found at [start, end) begins inside a word and runs past its end: 目的 in 项目|的
 * is no mention of a purpose, while 资金 in 组建资金, 牵头单位 in 牵头|单位 and 带人 in 带|人才 are.
 */
function straddles(wordOf: Int32Array, start: number, end: number): boolean {
  const first = wordOf[start] ?? -1;
  const last = wordOf[end - 1] ?? -1;
  if (first >= 0 && first === last) return false;
  return first >= 0 && (wordOf[start - 1] ?? -1) === first;
}

/**
 * The content words among a text's words, with runs of one-character words joined: the segmenter
 * splits words it does not know (高新, 加计) into single characters.
 */
function contentWords(words: Word[]): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  let pending: { word: string; start: number } | undefined;
  let numberEnd = -1;
  for (const w of words) {
    // The unit of a number ("3年", "5家") belongs to the number, which has features of its own.
    const unit = w.start === numberEnd && w.word.length === 1;
    numberEnd = /^[\d.]+$/.test(w.word) ? w.start + w.word.length : -1;
    if (unit) {
      if (pending) out.push(pending);
      pending = undefined;
      continue;
    }
    const single = w.word.length === 1 && !w.stop && /[\u3400-\u9fff]/.test(w.word);
    if (single && pending && pending.start + pending.word.length === w.start) {
      pending.word += w.word;
      continue;
    }
    if (pending) out.push(pending);
    pending = undefined;
    if (single) pending = { word: w.word, start: w.start };
    else if (!w.stop && /[\u3400-\u9fff]/.test(w.word)) out.push({ word: w.word, start: w.start });
  }
  if (pending) out.push(pending);
  return out;
}
