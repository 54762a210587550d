/**
 * @module qa/retriever
 * Ranks clauses for a question. Each clause is matched two ways: against its own text (with its
 * title and path, since 3.3.x never say 牵头单位 themselves) and against the example questions kept
 * for it in `knowledge/examples.json`. Both scores are normalised to [0, 1] so that a confidence
 * threshold means the same thing for every question: the share of what the question says that
 * the clause (or a question it answers) also says.
 */
import type { Clause, KnowledgeBase } from '../knowledge-base/index.ts';
import { type Feature, features, normalize, segment } from './text.ts';

/** A feature of the question, with the synonym groups whose term it falls inside. */
interface QueryFeature extends Feature {
  groups: number[];
  idf: number;
}

/** A text indexed for matching: its features and the synonym groups it mentions. */
interface Target {
  features: Set<string>;
  groups: Set<number>;
  /** Sum of squared feature weights, for cosine similarity. */
  norm: number;
}

interface ClauseEntry {
  clause: Clause;
  key: string;
  body: Target;
  answered: Target[];
  unanswered: Target[];
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
  /** Best cosine similarity with a question on the clause's topic that the plan leaves open. */
  unanswered: number;
}

/** Tunable weights of the ranking. */
export interface RetrieverOptions {
  /**
   * Weight of the clause-text coverage against the example similarity.
   * @default 0.5
   */
  coverageWeight?: number;
}

/** The analysed question, reused by the answer logic. */
export interface AnalysedQuery {
  norm: string;
  features: QueryFeature[];
  /** Sum of the question's feature weights (× idf); 0 for a question with no content. */
  mass: number;
  /** Weight of features no clause, example or glossary term has (unknown words). */
  unknownMass: number;
}

/** Ranks clauses for questions; build once at start, query many times. */
export interface Retriever {
  analyse(question: string): AnalysedQuery;
  rank(query: AnalysedQuery): ClauseScore[];
}

/** Builds the index over every clause of the knowledge base. */
export function createRetriever(kb: KnowledgeBase, options: RetrieverOptions = {}): Retriever {
  const { coverageWeight = 0.5 } = options;
  const glossary = kb.glossary.map((g) => g.zh.map(normalize));
  const termList = glossary
    .flatMap((terms, group) => terms.map((term) => ({ term, group })))
    .filter((t) => t.term.length > 0)
    .sort((a, b) => b.term.length - a.term.length);

  const groupsIn = (norm: string): Set<number> => {
    const found = new Set<number>();
    for (const { term, group } of termList) if (norm.includes(term)) found.add(group);
    return found;
  };

  // Document frequency over clause profiles (text + title + path + answered examples).
  const df = new Map<string, number>();
  const entries: ClauseEntry[] = [];
  const weightOf = new Map<string, number>();
  const analyseText = (text: string): { set: Set<string>; feats: Feature[]; norm: string } => {
    const norm = normalize(text);
    const feats = features(norm);
    for (const f of feats) weightOf.set(f.key, f.weight);
    return { set: new Set(feats.map((f) => f.key)), feats, norm };
  };
  const rawTargets: {
    entry: ClauseEntry;
    kind: 'body' | 'answered' | 'unanswered';
    a: ReturnType<typeof analyseText>;
  }[] = [];
  for (const clause of kb.clauses) {
    const key = `${clause.doc}/${clause.id}`;
    const ex = kb.examples.get(key) ?? { answered: [], unanswered: [] };
    const body = analyseText([clause.path, clause.title, clause.text].join('\n'));
    const answered = ex.answered.map(analyseText);
    const unanswered = ex.unanswered.map(analyseText);
    const entry: ClauseEntry = {
      clause,
      key,
      body: emptyTarget(),
      answered: [],
      unanswered: [],
    };
    entries.push(entry);
    const profile = new Set<string>(body.set);
    for (const a of answered) for (const k of a.set) profile.add(k);
    for (const k of profile) df.set(k, (df.get(k) ?? 0) + 1);
    rawTargets.push({ entry, kind: 'body', a: body });
    for (const a of answered) rawTargets.push({ entry, kind: 'answered', a });
    for (const a of unanswered) rawTargets.push({ entry, kind: 'unanswered', a });
  }
  const n = entries.length;
  const idfOf = (key: string): number => {
    const d = df.get(key) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const known = new Set<string>(df.keys());
  for (const terms of glossary) for (const t of terms) for (const f of features(t)) known.add(f.key);

  for (const { entry, kind, a } of rawTargets) {
    let norm = 0;
    for (const k of a.set) norm += ((weightOf.get(k) ?? 1) * idfOf(k)) ** 2;
    const target: Target = { features: a.set, groups: groupsIn(a.norm), norm };
    if (kind === 'body') entry.body = target;
    else entry[kind].push(target);
  }

  const analyse = (question: string): AnalysedQuery => {
    const norm = normalize(question);
    const spans: { start: number; end: number; group: number }[] = [];
    for (const { term, group } of termList) {
      let at = norm.indexOf(term);
      while (at >= 0) {
        const end = at + term.length;
        if (!spans.some((s) => at < s.end && end > s.start && s.group !== group)) {
          spans.push({ start: at, end, group });
        }
        at = norm.indexOf(term, at + 1);
      }
    }
    const seen = new Set<string>();
    const feats: QueryFeature[] = [];
    let mass = 0;
    for (const f of features(norm)) {
      if (seen.has(f.key)) continue;
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
    for (const w of segment(norm)) {
      if (w.stop || w.word.length < 2 || !/[\u3400-\u9fff]/.test(w.word)) continue;
      const end = w.start + w.word.length;
      contentMass += w.word.length;
      const inSpan = spans.some((s) => w.start < s.end && end > s.start);
      const covered = feats.some(
        (f) => f.start >= w.start && f.end <= end && !f.key.startsWith('u:') && known.has(f.key),
      );
      if (!inSpan && !covered) unknownMass += w.word.length;
    }
    unknownMass = contentMass ? (unknownMass / contentMass) * mass : 0;
    return { norm, features: feats, mass, unknownMass };
  };

  const matches = (f: QueryFeature, t: Target): boolean =>
    t.features.has(f.key) || f.groups.some((g) => t.groups.has(g));

  const coverage = (q: AnalysedQuery, t: Target): number => {
    if (q.mass === 0) return 0;
    let hit = 0;
    for (const f of q.features) if (matches(f, t)) hit += f.weight * f.idf;
    return hit / q.mass;
  };

  const cosine = (q: AnalysedQuery, qNorm: number, t: Target): number => {
    if (qNorm === 0 || t.norm === 0) return 0;
    let dot = 0;
    for (const f of q.features) if (matches(f, t)) dot += (f.weight * f.idf) ** 2;
    return dot / Math.sqrt(qNorm * t.norm);
  };

  const rank = (q: AnalysedQuery): ClauseScore[] => {
    let qNorm = 0;
    for (const f of q.features) qNorm += (f.weight * f.idf) ** 2;
    const scores = entries.map((e) => {
      const cov = coverage(q, e.body);
      let example = 0;
      for (const t of e.answered) example = Math.max(example, cosine(q, qNorm, t));
      let unanswered = 0;
      for (const t of e.unanswered) unanswered = Math.max(unanswered, cosine(q, qNorm, t));
      const score = coverageWeight * cov + (1 - coverageWeight) * example;
      return { clause: e.clause, score, coverage: cov, example, unanswered };
    });
    return scores.sort((a, b) => b.score - a.score);
  };

  return { analyse, rank };
}

function emptyTarget(): Target {
  return { features: new Set(), groups: new Set(), norm: 0 };
}
