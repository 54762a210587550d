/**
 * Two reference retrievers the benchmark prints beside the product: MiniSearch with its default
 * tokenizer (what a newcomer reaches for) and a plain BM25 over `Intl.Segmenter` words of each
 * clause's text and path (the classical peer). Neither knows the glossary or the examples.
 */
import MiniSearch from 'minisearch';
import type { Clause } from '../../src/knowledge-base/index.ts';

/** A ranked list of clause ids with scores, best first. */
export type Ranking = { id: string; score: number }[];

/** A baseline: ranks clauses for a question. */
export interface Baseline {
  name: string;
  rank(question: string): Ranking;
}

/** MiniSearch over text and path, default options. */
export function createMiniSearchBaseline(clauses: Clause[]): Baseline {
  const ms = new MiniSearch<{ id: string; text: string; path: string }>({
    fields: ['text', 'path'],
  });
  ms.addAll(clauses.map((c) => ({ id: c.id, text: c.text, path: c.path })));
  return {
    name: 'MiniSearch (default tokenizer)',
    rank: (q) => ms.search(q).map((r) => ({ id: String(r.id), score: r.score })),
  };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const words = (s: string): string[] =>
  [...segmenter.segment(s.toLowerCase())].filter((x) => x.isWordLike).map((x) => x.segment);

/** Okapi BM25 (k1 = 1.2, b = 0.75) over segmenter words of text and path. */
export function createBm25Baseline(clauses: Clause[]): Baseline {
  const docs = clauses.map((c) => words(`${c.path} ${c.text}`));
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of d) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const n = docs.length;
  return {
    name: 'BM25 (Intl.Segmenter words)',
    rank: (q) => {
      const terms = new Set(words(q));
      return clauses
        .map((c, i) => {
          let score = 0;
          for (const t of terms) {
            const f = tfs[i]?.get(t) ?? 0;
            if (!f) continue;
            const d = df.get(t) ?? 0;
            const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
            score += (idf * f * 2.2) / (f + 1.2 * (1 - 0.75 + (0.75 * (docs[i]?.length ?? 0)) / avg));
          }
          return { id: c.id, score };
        })
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score);
    },
  };
}
