/**
 * @module adapters/console
 * The terminal chat: the embedded default when no platform token is set. Interactive on a TTY;
 * with piped input it answers each line and exits at the end of input, so it can be scripted.
 * Typing the number of an option shown under the last reply presses it.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BotCore, Choice, IncomingMessage } from '../../src/index.ts';
import { renderForTerminal } from './render.ts';

export { renderForTerminal } from './render.ts';

/** Where the console chat reads and writes. */
export interface ConsoleChatOptions {
  core: BotCore;
  /** @default process.stdin */
  input?: Readable;
  /** @default process.stdout */
  output?: Writable;
  /** Show a prompt and the welcome (a person at a terminal). @default input is a TTY */
  interactive?: boolean;
}

/** Runs the console chat until the input ends; resolves then. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { core, input = process.stdin, output = process.stdout } = options;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
  });
  const base = {
    platform: 'console',
    chat: 'console:local',
    user: 'console:local',
  } as const;
  let choices: Choice[] = [];

  const say = (text: string): void => {
    output.write(`${text}\n`);
  };
  const turn = async (message: IncomingMessage): Promise<void> => {
    const replies = await core.handle(message);
    choices = replies.at(-1)?.choices ?? [];
    for (const r of replies) say(`${renderForTerminal(r)}\n`);
  };

  if (interactive) {
    await turn({ ...base, text: '/start' });
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const picked = /^\s*(\d{1,2})\s*$/.exec(line);
    const choice = picked ? choices[Number(picked[1]) - 1] : undefined;
    await turn(choice ? { ...base, choice: choice.value } : { ...base, text: line });
    if (interactive) rl.prompt();
  }
}
