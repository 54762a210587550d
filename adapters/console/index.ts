/**
 * @module adapters/console
 * The terminal chat: the embedded default when no platform token is set. Interactive on a TTY;
 * with piped input it answers each line and exits at the end of input, so it can be scripted.
 * Typing the number of an option shown under the last reply presses it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BotCore, Choice, IncomingMessage, ReplyDocument } from '../../src/index.ts';
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
  /**
   * Where files the bot sends (a report) are saved; the chat prints their path.
   * @default ./data/files
   */
  filesDir?: string;
}

/** Saves a sent file under `dir` without overwriting an earlier one; returns its path. */
async function saveDocument(dir: string, doc: ReplyDocument): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = basename(doc.filename).replace(/[^\p{L}\p{N}._-]/gu, '_') || 'file';
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n += 1) {
    const path = join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    try {
      await writeFile(path, doc.content, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Runs the console chat until the input ends; resolves then. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { core, input = process.stdin, output = process.stdout } = options;
  const filesDir = resolve(options.filesDir ?? './data/files');
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
    for (const r of replies) {
      say(`${renderForTerminal(r)}\n`);
      if (r.document) say(`📄 ${await saveDocument(filesDir, r.document)}\n`);
    }
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
