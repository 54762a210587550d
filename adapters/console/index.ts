/**
 * @module adapters/console
 * The terminal chat: the embedded default when no platform token is set. Interactive on a TTY;
 * with piped input it answers each line and exits at the end of input, so it can be scripted.
 * Typing the number of an option shown under the last reply presses it. Its {@link Messenger}
 * prints proactive replies (due reminders) into the same conversation.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type {
  BotCore,
  ChatRef,
  Choice,
  DeliveryResult,
  IncomingMessage,
  Messenger,
  Reply,
  ReplyDocument,
} from '../../src/index.ts';
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

/** The chat every console session talks in. */
export const CONSOLE_CHAT = 'console:local';

/** A terminal chat session: its {@link Messenger} and the loop that reads the terminal. */
export interface ConsoleChat {
  /**
   * Prints a proactive reply (a due reminder) into the conversation, its buttons numbered and
   * pressable by typing the number like those of any reply. Register it with
   * `core.registerMessenger('console', chat.messenger)`. Sends to another chat than
   * {@link CONSOLE_CHAT}, or after the chat has ended, resolve `failed` (the reminder stays pending).
   */
  readonly messenger: Messenger;
  /** Runs the chat until the input ends; resolves then. Call once. */
  run(): Promise<void>;
}

/**
 * Builds the terminal chat; nothing is read until {@link ConsoleChat.run}.
 *
 * @example
 * const chat = createConsoleChat({ core });
 * core.registerMessenger('console', chat.messenger);
 * await core.start();
 * await chat.run();
 */
export function createConsoleChat(options: ConsoleChatOptions): ConsoleChat {
  const { core, input = process.stdin, output = process.stdout } = options;
  const filesDir = resolve(options.filesDir ?? './data/files');
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const base = {
    platform: 'console',
    chat: CONSOLE_CHAT,
    user: CONSOLE_CHAT,
  } as const;
  let choices: Choice[] = [];
  let ended = false;
  let rl: Interface | undefined;

  const say = (text: string): void => {
    output.write(`${text}\n`);
  };
  /** Prints replies; the choices of the last one become the numbered options. */
  const show = async (replies: readonly Reply[]): Promise<void> => {
    if (replies.length) choices = replies.at(-1)?.choices ?? [];
    for (const r of replies) {
      say(`${renderForTerminal(r)}\n`);
      if (r.document) say(`📄 ${await saveDocument(filesDir, r.document)}\n`);
    }
  };
  const turn = async (message: IncomingMessage): Promise<void> => {
    await show(await core.handle(message));
  };

  const messenger: Messenger = {
    async send(chat: ChatRef, reply: Reply): Promise<DeliveryResult> {
      if (ended || chat !== CONSOLE_CHAT) return 'failed';
      try {
        // On a terminal, start on a fresh line below the prompt, then draw the prompt (and what
        // the user had typed so far) again.
        if (interactive && rl) output.write('\n');
        await show([reply]);
        if (interactive && rl) rl.prompt(true);
        return 'ok';
      } catch {
        return 'failed';
      }
    },
  };

  return {
    messenger,
    async run() {
      rl = createInterface({
        input,
        output: interactive ? output : undefined,
        terminal: interactive,
      });
      try {
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
      } finally {
        ended = true;
        rl.close();
      }
    },
  };
}

/** Runs the console chat until the input ends; resolves then. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  await createConsoleChat(options).run();
}
