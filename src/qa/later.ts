/**
 * @module qa/later
 * What the documents issued after the plan mean for an answer. A `known` document (its text is
 * not in the project) is never quoted: on the topics it changes — the clauses and terms listed in
 * `knowledge/documents.json` — an answer or near-miss abstention carries a notice naming it, and a
 * question using a term only it has (综合类) is answered with what the plan says for all centers.
 * A later document whose text ships (`status: text`) that supersedes the plan on a topic leads
 * where both speak, the plan's clause following as history.
 */
import type { Clause, DocumentEntry, KnowledgeBase } from '../knowledge-base/index.ts';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a term is found in a text: Chinese anywhere (`申报…时间`: its parts in order, at most six
 * characters apart), English (lower case) as whole words.
 */
function termMatcher(terms: string[]): (text: string) => string[] {
  const list = terms.map((t) => {
    // Split before folding: NFKC turns … into three dots.
    const parts = t.split('…').map((p) => p.normalize('NFKC').toLowerCase());
    const term = parts.join('');
    const english = /^[a-z][a-z\s-]*$/.test(term);
    const re = english
      ? new RegExp(`\\b${term.replace(/[\s-]+/g, '[\\s-]+')}\\b`, 'i')
      : parts.length > 1
        ? new RegExp(parts.map(escapeRegExp).join('[^,.?!;:。]{0,6}'))
        : undefined;
    return { term: t, test: (s: string) => (re ? re.test(s) : s.includes(term)) };
  });
  return (text) => {
    const s = text.normalize('NFKC').toLowerCase();
    return list.filter((t) => t.test(s)).map((t) => t.term);
  };
}

/** The situations a notice is decided in (a subset of the engine's abstention reasons). */
export type NoticeReason = 'answer' | 'near_miss' | 'unclear' | 'other';

/** The later documents of a knowledge base, prepared once. */
export interface LaterDocuments {
  /** The distinction terms (综合类, 行业类) a question uses, in the order listed. */
  distinctions(question: string): string[];
  /** The question with its distinction terms removed, so that the plan's rule for all centers is found. */
  withoutDistinctions(question: string): string;
  /**
   * The known documents whose topics an outcome is on, newest first.
   *
   * @param texts the question (and its Chinese reading, for an English question)
   * @param clause the clause answered, or the nearest one of a near-miss abstention
   * @param reason what kind of outcome it is: an answer, a near miss (a detail the clause does
   *   not give), an unclear question (low confidence, unknown words, the present state), other
   *   abstentions (another programme, a task request …), where only a distinction counts
   */
  notices(texts: string[], clause: Clause | undefined, reason: NoticeReason): DocumentEntry[];
  /** True when a document with its text supersedes the document of `clause` on that clause. */
  supersedes(doc: string, clause: Clause): boolean;
  /** The year of a document, for "原方案（2017）规定". */
  year(doc: string): number | undefined;
}

/** Prepares the catalogue's later documents for the engine. */
export function createLaterDocuments(kb: KnowledgeBase): LaterDocuments {
  const entries = kb.catalogue.map((d) => ({
    doc: d,
    terms: termMatcher(d.topics.terms),
    distinctions: termMatcher(d.topics.distinctions),
    clauses: new Set(
      d.relations.flatMap((r) => (r.type === 'supersedes' ? r.clauses.map((id) => `${r.doc}/${id}`) : [])),
    ),
  }));
  const known = entries.filter((e) => e.doc.status === 'known').sort((a, b) => b.doc.year - a.doc.year);
  const allDistinctions = termMatcher(known.flatMap((e) => e.doc.topics.distinctions));
  const byId = new Map(entries.map((e) => [e.doc.id, e]));
  // Longest first, so that 综合性创新中心 goes before 综合类 would leave a half behind.
  const stripOrder = [...new Set(known.flatMap((e) => e.doc.topics.distinctions))].sort((a, b) => b.length - a.length);

  return {
    distinctions: (question) => allDistinctions(question),
    withoutDistinctions(question) {
      let q = question.normalize('NFKC');
      for (const t of stripOrder) {
        const english = /^[a-z][a-z\s-]*$/i.test(t);
        q = english
          ? q.replace(new RegExp(`\\b${t.replace(/[\s-]+/g, '[\\s-]+')}\\b`, 'gi'), ' ')
          : q.split(t).join('');
      }
      return q.replace(/\s{2,}/g, ' ').trim();
    },
    notices(texts, clause, reason) {
      return known
        .filter((e) => {
          // An answer from a document as new as the known one needs no notice of it.
          const answeredFrom = reason === 'answer' && clause ? byId.get(clause.doc)?.doc.year : undefined;
          if (answeredFrom !== undefined && answeredFrom >= e.doc.year) return false;
          if (texts.some((t) => e.distinctions(t).length > 0)) return true;
          if (reason === 'other') return false;
          if (texts.some((t) => e.terms(t).length > 0)) return true;
          if (reason === 'unclear' || !clause) return false;
          return e.clauses.has(`${clause.doc}/${clause.id}`);
        })
        .map((e) => e.doc);
    },
    supersedes: (doc, clause) =>
      doc !== clause.doc && (byId.get(doc)?.clauses.has(`${clause.doc}/${clause.id}`) ?? false),
    year: (doc) => byId.get(doc)?.doc.year,
  };
}
