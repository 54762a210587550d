/**
 * `npm run bench:qa [FILE]`: scores a question set (the line format of the shared eval README)
 * through the same code path as `ask --json`, beside two baselines, on two halves split by the
 * parity of the id's number (odd = tuning half, even = check half) and on the whole set. Then
 * times the CLI batch (`ask --json` on stdin) over the file, process start included.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge-base/index.ts';
import { createQaEngine, toAskJson } from '../../src/qa/index.ts';
import { type Baseline, createBm25Baseline, createMiniSearchBaseline } from './baselines.ts';
import { type QuestionItem, readQuestionSet } from './question-set.ts';

type Item = QuestionItem;

const root = fileURLToPath(new URL('../../', import.meta.url));
const file =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../qa/questions.jsonl', import.meta.url));
const verbose = process.argv.includes('--verbose');
const items: Item[] = readQuestionSet(file);

const IN_SCOPE = new Set(['fact', 'paraphrase', 'colloquial', 'keyword', 'typo']);
const OOS = new Set(['oos', 'oos_near']);

/** What one system said for one question. */
interface Outcome {
  ids: string[];
  abstained: boolean;
  ms: number;
  /** The answer carries a notice that a later document may change its topic (`later` in `ask --json`). */
  notice?: boolean;
  /** The verdict on the asker's own figure (`check` in `ask --json`). */
  check?: { clause: string; value: number; threshold: number; met: boolean };
}
type System = { name: string; run: (q: string) => Outcome };

const kb = loadKnowledge();
const qa = createQaEngine(kb);
const withDoc = kb.documents.length > 1;
const product: System = {
  name: 'this project',
  run: (q) => {
    const t0 = performance.now();
    const json = toAskJson(qa.ask(q), withDoc);
    const ms = performance.now() - t0;
    return {
      ids: json.answers.map((a) => a.clause),
      abstained: json.abstained,
      ms,
      notice: json.later !== undefined,
      ...(json.check ? { check: json.check } : {}),
    };
  },
};

/** A baseline abstains when its top score is under a cut chosen on the tuning half. */
function baselineSystem(b: Baseline, tune: Item[]): System {
  const inScope = tune.filter((i) => IN_SCOPE.has(i.type));
  const tops = inScope.map((i) => b.rank(i.q)[0]?.score ?? 0).sort((x, y) => x - y);
  // The highest cut that keeps false abstentions on the tuning half at or under 10%.
  const cut = tops[Math.floor(tops.length * 0.1)] ?? 0;
  return {
    name: `${b.name}, cut ${cut.toFixed(2)}`,
    run: (q) => {
      const t0 = performance.now();
      const r = b.rank(q);
      const ms = performance.now() - t0;
      const abstained = (r[0]?.score ?? 0) < cut;
      return { ids: r.map((x) => x.id), abstained, ms };
    },
  };
}

const idNumber = (id: string): number => Number(/(\d+)/.exec(id)?.[1] ?? 0);
const tuneHalf = items.filter((i) => idNumber(i.id) % 2 === 1);
const checkHalf = items.filter((i) => idNumber(i.id) % 2 === 0);

const systems: System[] = [
  product,
  baselineSystem(createMiniSearchBaseline(kb.clauses), tuneHalf),
  baselineSystem(createBm25Baseline(kb.clauses), tuneHalf),
];

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}% (${a}/${b})` : 'n/a');
/**
 * Whether a reply's verdict matches the expected one: the same clause and outcome, and the value
 * within 0.01 for a share (percent) or exactly for an amount (yuan).
 */
function checkMatches(expected: NonNullable<Item['check']>, got: Outcome['check']): boolean {
  if (!got || got.clause !== expected.clause || got.met !== expected.met) return false;
  const amount = expected.threshold > 100;
  return amount ? got.value === expected.value : Math.abs(got.value - expected.value) <= 0.01 + 1e-9;
}

const quantile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

function score(system: System, set: Item[], product: boolean) {
  let top1 = 0;
  let top3 = 0;
  let inScope = 0;
  let falseAbstain = 0;
  let oos = 0;
  let oosAbstain = 0;
  let near = 0;
  let nearAbstain = 0;
  let far = 0;
  let farAbstain = 0;
  let en = 0;
  let en1 = 0;
  let en3 = 0;
  let answered = 0;
  let noticed = 0;
  let enAnswered = 0;
  let enNoticed = 0;
  let checks = 0;
  let checksRight = 0;
  const times: number[] = [];
  const misses: string[] = [];
  for (const item of set) {
    const o = system.run(item.q);
    times.push(o.ms);
    // The product cites nothing when it abstains; a baseline's ranking is scored as retrieved.
    const ids = product && o.abstained ? [] : o.ids;
    const hit = (k: number): boolean => ids.slice(0, k).some((id) => item.gold.includes(id));
    if (item.check) {
      checks++;
      if (product && checkMatches(item.check, o.check)) checksRight++;
      else if (product)
        misses.push(
          `${item.id} check want=${JSON.stringify(item.check)} got=${JSON.stringify(o.check ?? null)} ${item.q}`,
        );
    }
    if (IN_SCOPE.has(item.type)) {
      inScope++;
      if (hit(1)) top1++;
      else
        misses.push(
          `${item.id} ${item.type} gold=${item.gold.join(',')} got=${o.abstained ? 'ABSTAIN' : ''}${o.ids.slice(0, 3).join(',')} ${item.q}`,
        );
      if (hit(3)) top3++;
      if (o.abstained) falseAbstain++;
      else {
        answered++;
        if (o.notice) noticed++;
      }
    } else if (OOS.has(item.type)) {
      oos++;
      if (o.abstained) oosAbstain++;
      else misses.push(`${item.id} ${item.type} answered ${o.ids.slice(0, 2).join(',')} ${item.q}`);
      if (item.type === 'oos_near') {
        near++;
        if (o.abstained) nearAbstain++;
      } else {
        far++;
        if (o.abstained) farAbstain++;
      }
    } else if (item.type === 'english') {
      en++;
      if (!o.abstained) {
        enAnswered++;
        if (o.notice) enNoticed++;
      }
      if (hit(1)) en1++;
      else
        misses.push(
          `${item.id} english gold=${item.gold.join(',')} got=${o.abstained ? 'ABSTAIN ' : ''}${o.ids.slice(0, 3).join(',')} ${item.q}`,
        );
      if (hit(3)) en3++;
    }
  }
  return {
    'top-1 (zh in-scope)': pct(top1, inScope),
    'top-3 (zh in-scope)': pct(top3, inScope),
    'false abstain (in-scope)': pct(falseAbstain, inScope),
    'abstain oos+oos_near': pct(oosAbstain, oos),
    '  abstain oos_near': pct(nearAbstain, near),
    '  abstain oos': pct(farAbstain, far),
    'english top-1': pct(en1, en),
    'english top-3': pct(en3, en),
    // A notice on every answer would be noise: it belongs only on the topics a later document changes.
    'notice (in-scope answers)': product ? pct(noticed, answered) : 'n/a',
    'notice (english answers)': product ? pct(enNoticed, enAnswered) : 'n/a',
    // Lines with `check` only: the reply's verdict on the asker's own figure is the expected one.
    'own-figure verdicts correct': product ? pct(checksRight, checks) : 'n/a',
    'median ms': quantile(times, 0.5).toFixed(3),
    'p99 ms': quantile(times, 0.99).toFixed(3),
    misses,
  };
}

console.log(
  `question set: ${file} (${items.length} questions; tuning half = odd ids ${tuneHalf.length}, check half = even ids ${checkHalf.length})`,
);
for (const [label, set] of [
  ['tuning half (odd ids)', tuneHalf],
  ['check half (even ids)', checkHalf],
  ['whole set', items],
] as const) {
  const results = systems.map((s, i) => ({
    name: s.name,
    r: score(s, set, i === 0),
  }));
  console.log(`\n== ${label} ==`);
  const keys = Object.keys(results[0]?.r ?? {}).filter((k) => k !== 'misses');
  const width = Math.max(...results.map((r) => r.name.length), 22);
  console.log(`${''.padEnd(28)}${results.map((r) => r.name.padEnd(width + 2)).join('')}`);
  for (const k of keys) {
    console.log(`${k.padEnd(28)}${results.map((r) => String(r.r[k as keyof typeof r.r]).padEnd(width + 2)).join('')}`);
  }
  if (verbose && label !== 'whole set') for (const m of results[0]?.r.misses ?? []) console.log(`  miss: ${m}`);
}

// The CLI batch: one process, one question per line on stdin, one JSON line per question out.
const questions = items.map((i) => i.q.replace(/\n/g, ' ')).join('\n');
const t0 = performance.now();
const cli = spawnSync('npm', ['run', '-s', 'cli', '--', 'ask', '--json'], {
  cwd: root,
  input: questions,
  encoding: 'utf8',
});
const wall = performance.now() - t0;
const lines = cli.stdout.split('\n').filter((l) => l.trim()).length;
console.log(
  `\nCLI batch (npm run -s cli -- ask --json < ${items.length} questions): ${(wall / 1000).toFixed(2)} s wall, exit ${cli.status}, ${lines} lines out`,
);
if (cli.status !== 0 || lines !== items.length) {
  console.error(cli.stderr);
  process.exitCode = 1;
}
