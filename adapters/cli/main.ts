/**
 * @module adapters/cli
 * `npm run -s cli -- <command>`: operators' commands. stdout holds only the command's output
 * (each JSON result one document); logs go to stderr; usage errors exit 2.
 *
 * - `ask "<q>"`: the answer as the chat shows it.
 * - `ask --json "<q>"`: one line `{"question","abstained","lead"?,"answers":[…],"suggestions"?}`.
 * - `ask --json` with no question: one question per line on stdin, one JSON line each, in order;
 *   each line a fresh conversation.
 * - `ask --json --conversation`: the stdin lines are one user's consecutive messages, so a follow-up
 *   (那研发经费呢？) is read against the turns before it, as the chat reads it; one JSON line each.
 * - `ask --conversation`: the same conversation, answered as the chat shows it, turn by turn.
 * - `check --questions --json`: the eligibility questions, in dialog order.
 * - `check --json <answers.json> [--lang en]`: the evaluation of a file of answers (question id →
 *   what a user would type); without `--json`, the Markdown report.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  asBotError,
  cleanText,
  createQaConversation,
  createQaEngine,
  evaluate,
  evaluationForJson,
  importSeedOnce,
  type Locale,
  loadConfig,
  loadCriteria,
  loadKnowledge,
  MAX_QUESTION_LENGTH,
  MemoryStore,
  questionsForJson,
  reportMarkdown,
  toAskJson,
  tooLongAskJson,
  verifiedFields,
} from '../../src/index.ts';
import { composeCore } from '../compose.ts';
import { renderForTerminal } from '../console/index.ts';
import { createLogger } from '../logger.ts';
import { createStore } from '../storage/index.ts';
import { CENTERS_USAGE, centers } from './centers.ts';
import { REMINDERS_USAGE, reminders } from './reminders.ts';

const USAGE = `usage: npm run -s cli -- <command>
  ask "<question>"          the answer as the chat shows it
  ask --json "<question>"   the answer as one JSON line
  ask --json                one question per line on stdin, one JSON line per question
  ask --json --conversation the stdin lines as one user's messages (follow-ups read in context), one JSON line each
  ask --conversation        the stdin lines as one user's messages, answered as the chat shows them
  check --questions --json  the eligibility self-check's questions, in dialog order
  check --json <answers.json> [--lang en]
                            evaluate answers (question id → text a user would type) as one JSON document
  check <answers.json> [--lang en]
                            the same as a Markdown report
${CENTERS_USAGE}
${REMINDERS_USAGE}`;

class UsageError extends Error {}

async function ask(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const conversation = args.includes('--conversation');
  const rest = args.filter((a) => a !== '--json' && a !== '--conversation');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (conversation && rest.length > 0) throw new UsageError('ask --conversation reads the messages from stdin');
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const knowledge = loadKnowledge();
  // The CLI keeps no state between runs: an in-memory store is all a one-shot answer needs.
  const qa = createQaEngine(knowledge);
  const store = new MemoryStore();
  const core = composeCore({
    knowledge,
    store,
    logger,
    defaultLocale: config.LANG_DEFAULT,
    qa,
    qaContextMinutes: config.QA_CONTEXT_MINUTES,
  });
  const withDoc = knowledge.documents.length > 1;
  // The chat's input limit holds here too: a longer question is refused, not answered.
  const answerJson = (q: string): string => {
    const question = cleanText(q);
    if (question.length > MAX_QUESTION_LENGTH) return JSON.stringify(tooLongAskJson(question));
    return JSON.stringify(toAskJson(qa.ask(question), withDoc));
  };
  const chat = 'console:cli';
  const user = 'console:cli';

  if (conversation) {
    // One user's consecutive messages: the same context logic as the chat, over the same store.
    const talk = createQaConversation({
      knowledge,
      engine: qa,
      store,
      clock: { now: () => new Date() },
      minutes: config.QA_CONTEXT_MINUTES,
    });
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      if (json) {
        const question = cleanText(line);
        if (question.length > MAX_QUESTION_LENGTH) {
          process.stdout.write(`${JSON.stringify(tooLongAskJson(question))}\n`);
          continue;
        }
        const turn = await talk.ask(question, chat, user);
        process.stdout.write(`${JSON.stringify(toAskJson(turn.result, withDoc))}\n`);
      } else {
        const replies = await core.handle({ platform: 'console', chat, user, text: line });
        process.stdout.write(`> ${cleanText(line)}\n${replies.map(renderForTerminal).join('\n\n')}\n\n`);
      }
    }
    return;
  }
  if (rest.length === 0) {
    if (!json) throw new UsageError('ask needs a question (or --json to read questions from stdin)');
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) process.stdout.write(`${answerJson(line)}\n`);
    return;
  }
  const question = rest.join(' ');
  if (json) {
    process.stdout.write(`${answerJson(question)}\n`);
    return;
  }
  const replies = await core.handle({
    platform: 'console',
    chat,
    user,
    text: question,
  });
  process.stdout.write(`${replies.map(renderForTerminal).join('\n\n')}\n`);
}

/** Reads an answers file: a JSON object of question id → text (numbers are read as text, null as missing). */
function readAnswers(path: string, knownIds: ReadonlySet<string>): Record<string, string> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read the answers file ${path} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`the answers file ${path} is not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`the answers file ${path} must hold one JSON object: {"<question id>": "<answer>", …}`);
  }
  const entries: [string, string][] = [];
  for (const [id, value] of Object.entries(json)) {
    if (value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new UsageError(`the answers file ${path}: the answer to ${id} must be text`);
    }
    if (!knownIds.has(id)) process.stderr.write(`warning: the answers file names no question ${id}; ignored\n`);
    entries.push([id, String(value)]);
  }
  // fromEntries defines own properties, so an id such as __proto__ stays a plain key.
  return Object.fromEntries(entries);
}

async function check(args: string[]): Promise<void> {
  let json = false;
  let questions = false;
  let locale: Locale = 'zh-CN';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--questions') questions = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? args[++i] : a.slice('--lang='.length);
      if (value !== 'zh-CN' && value !== 'en') throw new UsageError('--lang takes zh-CN or en');
      locale = value;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  if (questions && !json) throw new UsageError('check --questions needs --json');
  if (questions && rest.length > 0) throw new UsageError('check --questions takes no answers file');
  if (!questions && rest.length !== 1)
    throw new UsageError('check needs one answers file: check --json <answers.json>');

  const knowledge = loadKnowledge();
  const criteria = loadCriteria(knowledge);
  if (questions) {
    process.stdout.write(`${JSON.stringify(questionsForJson(criteria))}\n`);
    return;
  }
  const answers = readAnswers(rest[0] ?? '', new Set(criteria.map((c) => c.id)));
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  // The registry of verified centers (五（二）) lives in the store; the dialog reads the same one.
  const store = await createStore(config.STORE_URL, { logger });
  let fields: string[];
  try {
    await importSeedOnce(store);
    fields = await verifiedFields(store);
  } finally {
    await store.close();
  }
  const evaluation = evaluate(criteria, answers, { verifiedFields: fields, locale });
  process.stdout.write(
    json
      ? `${JSON.stringify(evaluationForJson(evaluation))}\n`
      : reportMarkdown(evaluation, criteria, knowledge, locale),
  );
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'ask':
      return ask(args);
    case 'check':
      return check(args);
    case 'centers':
      return centers(args, process.env);
    case 'reminders':
      return reminders(args, process.env);
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      if (command === undefined) process.exitCode = 2;
      return;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const e = asBotError(error);
  process.stderr.write(`[${e.code}] ${e.message}\n`);
  process.exit(1);
});
