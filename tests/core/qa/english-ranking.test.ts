/**
 * An English question's own words (matched against the plan's English reading and the English
 * example questions) reorder the clauses the glossary ranks close together: words no glossary group
 * has ("spread … across the sector", "help a small manufacturer") still point at the clause that says so.
 * The questions are written from the plan's text, not from any question set.
 */
import { describe, expect, it } from 'vitest';
import { createEnglishRanking } from '../../../src/qa/english-ranking.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const first = (engine: ReturnType<typeof createQaEngine>, q: string) => {
  const r = toAskJson(engine.ask(q), false) as { abstained: boolean; answers: { clause: string }[] };
  return r.abstained ? undefined : r.answers[0]?.clause;
};

describe('English questions ranked by their own words as well', () => {
  const qa = createQaEngine(kb);
  const glossaryOnly = createQaEngine(kb, { englishOwnWeight: 0 });

  it.each([
    // 二（二）促进科技成果转移扩散 — the glossary alone prefers 三（二）10.
    ['Does the centre have to help spread its results across the whole sector?', '2.2', '3.2.10'],
    // 二（一）为企业提供产品开发、技术研发…等系列服务 — the glossary alone prefers 三（三）3.
    ['Can a centre help a small manufacturer with technical R&D?', '2.1', '3.3.3'],
  ])('should answer %s with %s (the glossary alone: %s)', (q, own, glossary) => {
    expect(first(glossaryOnly, q)).toBe(glossary);
    expect(first(qa, q)).toBe(own);
  });

  it('should leave the order alone when the glossary reads every content word', () => {
    // 三（三）1 is the glossary's first; the words alone would prefer another clause of 三（三）.
    const q = 'What are the requirements for the lead unit?';
    expect(first(glossaryOnly, q)).toBe('3.3.1');
    expect(first(qa, q)).toBe('3.3.1');
    expect(first(qa, 'key sectors list?')).toBe('3.4');
  });

  it('should score no clause for a question without a word of the plan', () => {
    const ranking = createEnglishRanking(kb, ['what', 'is', 'the']);
    expect(ranking.scores('What is the weather?').size).toBe(0);
    const scores = ranking.scores('spread the results across the sector');
    expect(Math.max(...scores.values())).toBe(1);
  });
});
