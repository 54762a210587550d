/**
 * `npm run bench:examples`: five-fold cross-validation over the example questions in
 * `knowledge/examples.json`. Each fold leaves a fifth of the examples out of the index and asks
 * them: answered ones must come back with their clause first, unanswered ones must be abstentions.
 * It measures how far the engine generalises from its training phrases, on far more questions than
 * the evaluation sets hold. `--verbose` lists the failures.
 */

import type { ClauseExamples } from '../../src/knowledge-base/index.ts';
import { loadKnowledge } from '../../src/knowledge-base/index.ts';
import { createQaEngine } from '../../src/qa/index.ts';

const FOLDS = 5;
const verbose = process.argv.includes('--verbose');
const base = loadKnowledge();
const tally = { answered: 0, top1: 0, falseAbstain: 0, open: 0, openAbstain: 0, english: 0, englishTop1: 0 };
const t0 = performance.now();

for (let fold = 0; fold < FOLDS; fold++) {
  const examples = new Map<string, ClauseExamples>();
  const held: { q: string; clause?: string }[] = [];
  for (const [key, ex] of base.examples) {
    const clause = base.clause(key)?.id;
    const keep = (list: string[], answered: boolean): string[] =>
      list.filter((q, i) => {
        if (i % FOLDS !== fold) return true;
        held.push(answered && clause ? { q, clause } : { q });
        return false;
      });
    examples.set(key, { answered: keep(ex.answered, true), unanswered: keep(ex.unanswered, false) });
  }
  const qa = createQaEngine({ ...base, examples });
  for (const { q, clause } of held) {
    const r = qa.ask(q);
    const got = r.abstained ? `abstained (${r.reason})` : (r.answers[0]?.clause.id ?? '');
    if (clause === undefined) {
      tally.open++;
      if (r.abstained) tally.openAbstain++;
      else if (verbose) console.log(`answered ${got}: ${q}`);
      continue;
    }
    const english = !/[\u3400-\u9fff]/.test(q);
    const hit = !r.abstained && r.answers[0]?.clause.id === clause;
    if (english) {
      tally.english++;
      if (hit) tally.englishTop1++;
    } else {
      tally.answered++;
      if (hit) tally.top1++;
      if (r.abstained) tally.falseAbstain++;
    }
    if (!hit && verbose) console.log(`miss ${clause} → ${got}: ${q}`);
  }
}

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
console.log(`${FOLDS}-fold cross-validation over knowledge/examples.json`);
console.log(`  top-1, Chinese answered examples   ${pct(tally.top1, tally.answered)}`);
console.log(`  false abstentions                  ${pct(tally.falseAbstain, tally.answered)}`);
console.log(`  abstentions, unanswered examples   ${pct(tally.openAbstain, tally.open)}`);
console.log(`  top-1, English answered examples   ${pct(tally.englishTop1, tally.english)}`);
console.log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
