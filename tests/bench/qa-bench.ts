/**
 * `npm run bench:qa [FILE]`: scores a question set (the line formats of `question-set.ts`) through
 * the same code path as `ask --json`, beside two baselines, on two halves split by the parity of the
 * id's last number (odd = tuning half, even = check half) and on the whole set. Sets with broad
 * questions, conversations, mixed questions or near misses on a figure get a line each for those.
 * Then times the CLI batch (`ask --json` on stdin) over the file's questions, process start included.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge-base/index.ts';
import { type AskJson, answerConversation, createQaEngine, toAskJson } from '../../src/qa/index.ts';
import { type Baseline, createBm25Baseline, createMiniSearchBaseline } from './baselines.ts';
import { type QuestionItem, readSetLines, type SetLine, splitHalves } from './question-set.ts';

type Item = QuestionItem;
/** `ask --json` with the fields a reply may carry beyond the core contract. */
type Reply = AskJson & { presented?: string[]; section?: string; open?: string[] };

const root = fileURLToPath(new URL('../../', import.meta.url));
const file =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../qa/questions.jsonl', import.meta.url));
const verbose = process.argv.includes('--verbose');
const read = readSetLines(file, { lenient: true });
const items: Item[] = read.lines.flatMap((l) => (l.shape === 'question' ? [l.item] : []));

const IN_SCOPE = new Set(['fact', 'paraphrase', 'colloquial', 'keyword', 'typo', 'mixed', 'fit']);
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
  /** The whole `ask --json` line (the product only). */
  json?: Reply;
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
      json,
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

const { tune: tuneHalf, check: checkHalf } = splitHalves(items);
const { tune: tuneLines, check: checkLines } = splitHalves(read.lines.map((l) => ({ id: l.item.id, line: l })));

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

/** The gate that abstained, as `reason` or `reason:gate` (`detail_missing:no_holder`). */
const gateOf = (o: Outcome): string =>
  o.json?.reason ? [o.json.reason, o.json.gate].filter((x) => x !== undefined).join(':') : '';

/** True when `want` appears in `got` in the same order, other ids possibly between. */
function inOrder(want: readonly string[], got: readonly string[]): boolean {
  let at = 0;
  for (const id of got) if (id === want[at]) at++;
  return at === want.length;
}

/**
 * The lines of the product's report on the other shapes of a set (only those the set has): broad
 * questions answered whole, follow-ups answered in context, mixed questions, and near misses on a
 * figure that must not lead with the plan's figure for another quantity.
 */
function scoreShapes(lines: SetLine[]): { rows: [string, string][]; misses: string[] } {
  const count = { broad: [0, 0], follow: [0, 0], mixed: [0, 0], quantity: [0, 0] };
  const misses: string[] = [];
  const tally = (key: keyof typeof count, right: boolean, miss: string) => {
    count[key][1] = (count[key][1] ?? 0) + 1;
    if (right) count[key][0] = (count[key][0] ?? 0) + 1;
    else misses.push(miss);
  };
  const ask = (q: string): Reply => toAskJson(qa.ask(q), withDoc);
  const got = (r: Reply): string =>
    r.abstained ? `ABSTAIN(${[r.reason, r.gate].filter(Boolean).join(':')})` : (r.answers[0]?.clause ?? '');
  for (const line of lines) {
    if (line.shape === 'broad') {
      const { item } = line;
      const r = ask(item.q);
      const right =
        (item.section !== undefined && r.section === item.section) || inOrder(item.presented, r.presented ?? []);
      tally(
        'broad',
        right,
        `${item.id} ${item.type} want=${item.presented.join(',')}${item.section ? ` or §${item.section}` : ''} presented=${(r.presented ?? []).join(',')}${r.section ? ` §${r.section}` : ''} ${item.q}`,
      );
    } else if (line.shape === 'conversation') {
      const { item } = line;
      // One user's consecutive messages, read as `ask --json --conversation` reads them.
      const replies: Reply[] = answerConversation(
        item.turns.map((t) => t.q),
        { knowledge: kb, engine: qa },
      );
      item.turns.forEach((turn, i) => {
        if (i === 0) return;
        const r = replies[i];
        const right =
          r !== undefined &&
          (turn.gold.length === 0 ? r.abstained : !r.abstained && turn.gold.includes(r.answers[0]?.clause ?? ''));
        tally(
          'follow',
          right,
          `${item.id}#${i + 1} ${item.type} gold=${turn.gold.join(',') || '[]'} got=${r ? got(r) : 'none'} ${turn.q}`,
        );
      });
    } else {
      const { item } = line;
      if (item.type === 'mixed') {
        const r = ask(item.q);
        const open = r.open ?? [];
        const right =
          !r.abstained &&
          item.gold.includes(r.answers[0]?.clause ?? '') &&
          (item.open ? open.includes(item.open) : open.length === 0);
        tally(
          'mixed',
          right,
          `${item.id} mixed gold=${item.gold.join(',')} open=${item.open ?? 'null'} got=${got(r)} open=${open.join(',')} ${item.q}`,
        );
      }
      if (item.type === 'oos_near' && item.figure) {
        const r = ask(item.q);
        const figure = item.figure.normalize('NFKC');
        const right = r.abstained || !(r.lead ?? '').normalize('NFKC').includes(figure);
        tally('quantity', right, `${item.id} led with ${figure}: ${r.lead ?? ''} (${got(r)}) ${item.q}`);
      }
    }
  }
  const rows: [string, string][] = [];
  const add = (label: string, [n, of]: number[]) => {
    if (of) rows.push([label, `${n}/${of}`]);
  };
  add('broad questions answered whole', count.broad);
  add('follow-ups answered in context', count.follow);
  add('mixed questions: part answered and open part named', count.mixed);
  add('wrong-quantity figures not led with', count.quantity);
  return { rows, misses };
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
          `${item.id} ${item.type} gold=${item.gold.join(',')} got=${o.abstained ? `ABSTAIN(${gateOf(o)}) ` : ''}${o.ids.slice(0, 3).join(',')} ${item.q}`,
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
          `${item.id} english gold=${item.gold.join(',')} got=${o.abstained ? `ABSTAIN(${gateOf(o)}) ` : ''}${o.ids.slice(0, 3).join(',')} ${item.q}`,
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
if (read.unknown.length) {
  const first = read.unknown[0];
  console.log(
    `lines of unknown shape skipped: ${read.unknown.length}${first ? ` (first at line ${first.at}: ${first.reason})` : ''}`,
  );
}
for (const [label, set, lines] of [
  ['tuning half (odd ids)', tuneHalf, tuneLines.map((l) => l.line)],
  ['check half (even ids)', checkHalf, checkLines.map((l) => l.line)],
  ['whole set', items, read.lines],
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
  const shapes = scoreShapes(lines);
  for (const [k, v] of shapes.rows) console.log(`${k}: ${v}`);
  if (verbose && label !== 'whole set') {
    for (const m of [...(results[0]?.r.misses ?? []), ...shapes.misses]) console.log(`  miss: ${m}`);
  }
}

// The CLI batch: one process, one question per line on stdin, one JSON line per question out.
const questions = items.map((i) => i.q.replace(/\n/g, ' ')).join('\n');
if (!items.length) process.exit();
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
