/**
 * @module qa/shown
 * What the Q&A last showed a user in a chat, kept in the {@link Store} for a short while: the
 * options under its last reply, so that a typed number with no option behind it (`5` under three
 * buttons) is told which numbers are valid instead of being read as a question.
 * Records are validated when read back; a bad one is ignored.
 */
import { z } from 'zod';
import type { ChatRef, Choice, Store, UserRef } from '../ports.ts';

/** The prefix of every record of what was shown. */
export const QA_SHOWN_PREFIX = 'qa:shown:';

/** How long the options under the last reply can be picked by typing their number. */
const OPTIONS_TTL_MS = 30 * 60 * 1000;

const optionsSchema = z.object({
  v: z.literal(1),
  choices: z.array(z.object({ label: z.string(), value: z.string() })).max(20),
});

/** A typed option number read against the options last shown. */
export type PickedOption = { choice: Choice } | { invalid: number; choices: Choice[] };

/** What the Q&A last showed one user in one chat. */
export interface ShownState {
  /**
   * Reads a message that is nothing but a number (`2`, `5`) against the options under the last
   * reply: the option it names, or `invalid` with the options when none has that number;
   * `undefined` when the message is no number or no options were shown.
   */
  pick(chat: ChatRef, user: UserRef, text: string): Promise<PickedOption | undefined>;
  /** Records the options under the reply just sent (none clears them). */
  showOptions(chat: ChatRef, user: UserRef, choices: readonly Choice[]): Promise<void>;
}

/** A typed option number: one or two digits, nothing else. */
const OPTION_NUMBER = /^\s*(\d{1,2})\s*$/;

/** Builds the state over a store (records expire with the store's TTLs). */
export function createShownState(options: { store: Store }): ShownState {
  const { store } = options;
  const key = (kind: string, chat: ChatRef, user: UserRef) => `${QA_SHOWN_PREFIX}${kind}:${chat}:${user}`;
  return {
    async pick(chat, user, text) {
      const typed = OPTION_NUMBER.exec(text);
      if (!typed) return undefined;
      const parsed = optionsSchema.safeParse(await store.get(key('options', chat, user)));
      const choices = parsed.success ? parsed.data.choices : [];
      if (choices.length === 0) return undefined;
      const n = Number(typed[1]);
      const choice = choices[n - 1];
      return choice ? { choice } : { invalid: n, choices };
    },
    async showOptions(chat, user, choices) {
      if (choices.length === 0) {
        await store.delete(key('options', chat, user));
        return;
      }
      await store.set(
        key('options', chat, user),
        { v: 1, choices: choices.map(({ label, value }) => ({ label, value })) },
        OPTIONS_TTL_MS,
      );
    },
  };
}
