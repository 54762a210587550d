/**
 * @module adapters/cli
 * `npm run -s cli -- <command>`: operators' commands. stdout holds only the command's output
 * (each JSON result one document); logs go to stderr; usage errors exit 2.
 *
 * - `ask "<q>"`: the answer as the chat shows it.
 * - `ask --json "<q>"`: one line `{"question","abstained","lead"?,"answers":[…],"suggestions"?}`.
 * - `ask --json` with no question: one question per line on stdin, one JSON line each, in order.
 */
import { createInterface } from 'node:readline';
import {
  asBotError,
  cleanText,
  createQaEngine,
  loadConfig,
  loadKnowledge,
  MemoryStore,
  toAskJson,
} from '../../src/index.ts';
import { composeCore } from '../compose.ts';
import { renderForTerminal } from '../console/index.ts';
import { createLogger } from '../logger.ts';

const USAGE = `usage: npm run -s cli -- <command>
  ask "<question>"          the answer as the chat shows it
  ask --json "<question>"   the answer as one JSON line
  ask --json                one question per line on stdin, one JSON line per question`;

class UsageError extends Error {}

async function ask(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const knowledge = loadKnowledge();
  // The CLI keeps no state between runs: an in-memory store is all a one-shot answer needs.
  const qa = createQaEngine(knowledge);
  const core = composeCore({
    knowledge,
    store: new MemoryStore(),
    logger,
    defaultLocale: config.LANG_DEFAULT,
    qa,
  });
  const withDoc = knowledge.documents.length > 1;
  const answerJson = (q: string): string => JSON.stringify(toAskJson(qa.ask(cleanText(q)), withDoc));

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
    chat: 'console:cli',
    user: 'console:cli',
    text: question,
  });
  process.stdout.write(`${replies.map(renderForTerminal).join('\n\n')}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'ask':
      return ask(args);
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
