/**
 * @module qa/english-ranking
 * English questions are ranked through the glossary into Chinese (see `english.ts`); that misses the
 * words the glossary has no group for ("inspection", "start-up", "scale-up"). The plan's English
 * reading and the English example questions hold many of them, so a full-text index over those
 * (MiniSearch, words reduced to their stems) says which clauses an English question's own words
 * point at. It reorders clauses the glossary ranks close together; it never answers alone.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { KnowledgeBase } from '../knowledge-base/index.ts';
import { isEnglish } from './english.ts';

/** How an English question's own words rank the clauses. */
export interface EnglishRanking {
  /** Each clause's share (0–1) of the best clause's score, by `doc/id`; empty when no word matches. */
  scores(question: string): Map<string, number>;
}

/** A clause as indexed: its English reading and the English questions it answers. */
interface IndexedClause {
  id: string;
  reading: string;
  examples: string;
}

/**
 * Builds the index over every clause that has an English reading.
 *
 * @example
 * const ranking = createEnglishRanking(kb, ['what', 'the']);
 * ranking.scores('Is inspection one of the services?').get('yjxf-2017-139/2.1'); // 1
 */
export function createEnglishRanking(kb: KnowledgeBase, functionWords: readonly string[]): EnglishRanking {
  const ignored = new Set(functionWords);
  const index = new MiniSearch<IndexedClause>({
    fields: ['reading', 'examples'],
    // Stems, so "centres" meets "centre" and "recognised" meets "recognition"'s stem.
    processTerm: (term) => {
      const word = term.toLowerCase();
      if (ignored.has(word) || word.length < 2 || !/[a-z]/.test(word)) return null;
      return word.length <= 3 ? word : stemmer(word);
    },
    searchOptions: { boost: { reading: 1, examples: 0.5 }, combineWith: 'OR' },
  });
  const docs: IndexedClause[] = [];
  for (const clause of kb.clauses) {
    const reading = kb.reading(clause, 'en');
    const id = `${clause.doc}/${clause.id}`;
    const examples = (kb.examples.get(id)?.answered ?? []).filter(isEnglish);
    if (!reading && examples.length === 0) continue;
    docs.push({
      id,
      reading: reading ? [reading.path, reading.title, reading.text].join('\n') : '',
      examples: examples.join('\n'),
    });
  }
  index.addAll(docs);

  return {
    scores(question) {
      const hits = index.search(question);
      const best = hits[0]?.score ?? 0;
      const out = new Map<string, number>();
      if (best <= 0) return out;
      for (const hit of hits) out.set(String(hit.id), hit.score / best);
      return out;
    },
  };
}
