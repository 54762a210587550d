/**
 * @module feature
 * The shape every feature (Q&A, eligibility, reminders, …) takes, and what the core gives it. The
 * core parses a turn once (locale, command, button) and routes it; features do the work and never
 * import each other. In the spirit of grammY's `Composer`: one small mechanism, and adding a
 * feature is a folder under `src/` plus one line where the core is composed.
 */
import type { KnowledgeBase } from './knowledge-base/index.ts';
import type {
  ChatRef,
  Choice,
  Clock,
  IncomingMessage,
  Locale,
  Logger,
  Messenger,
  Reply,
  Store,
  UserRef,
} from './ports.ts';

/** Text in both languages the bot speaks. */
export type Localized = Record<Locale, string>;

/** The same string taken from each language's table, e.g. a command's help line. */
export function inEachLocale(pick: (locale: Locale) => string): Localized {
  return { 'zh-CN': pick('zh-CN'), en: pick('en') };
}

/** What a feature receives when the core is composed. */
export interface FeatureDeps {
  knowledge: KnowledgeBase;
  store: Store;
  clock: Clock;
  logger: Logger;
  /**
   * Sends to any chat whose platform has a registered messenger (proactive messages: reminders,
   * notices). Resolves `failed` for a platform that is not running.
   */
  messenger: Messenger;
  /** The language of users who never chose one. */
  defaultLocale: Locale;
}

/** One incoming message as the core parsed it, handed to the feature that routes it. */
export interface Turn {
  message: IncomingMessage;
  chat: ChatRef;
  user: UserRef;
  /** The user's language (their `/lang` choice, else the deployment default). */
  locale: Locale;
  /** The typed text, cleaned of control characters and folded white space; `''` for a button press. */
  text: string;
  /** The command when the text is one (`/check back` → `{ name: 'check', arg: 'back' }`). */
  command?: { name: string; arg: string };
  /** A pressed button's value. */
  choice?: string;
  /**
   * The policy answer to `question` from the feature that answers policy questions, or
   * `undefined` when the plan does not cover it (or no such feature is composed). Lets a dialog
   * answer a question asked mid-dialog without importing the Q&A feature.
   */
  askPolicy(question: string): Promise<Reply | undefined>;
}

/** A slash command a feature owns. */
export interface FeatureCommand {
  /** Lower-case ASCII, without the slash: `check`. */
  name: string;
  /** The `/help` line of this command, per language; omitted commands are not listed. */
  help?: Localized;
  /**
   * The command opens a dialog for one person (a self-check, a registration): a platform where it
   * can be sent in a group continues it in that person's private chat.
   */
  personalDialog?: boolean;
  handle(turn: Turn & { command: { name: string; arg: string } }): Promise<Reply[]>;
}

/**
 * A unit of behaviour the core routes to. Every member is optional except the name; a feature
 * claims commands and a button prefix, may take free text, and may run background work.
 */
export interface Feature {
  /** Short and stable, used in logs: `qa`, `eligibility`. */
  readonly name: string;
  readonly commands?: readonly FeatureCommand[];
  /**
   * The prefix of every button value this feature creates (`elig:`); the core routes a press by
   * it. Two features may not claim overlapping prefixes.
   */
  readonly choicePrefix?: string;
  /** Handles a press of one of this feature's buttons. */
  onChoice?(turn: Turn & { choice: string }): Promise<Reply[]>;
  /**
   * Offered free text in the order features are composed; returns `undefined` to pass it on (a
   * dialog does so when the user has no dialog open). The last feature (Q&A) always answers.
   */
  onText?(turn: Turn): Promise<Reply[] | undefined>;
  /**
   * The user's open dialog with this feature, if any, and when it was last touched. Free text is
   * offered first to the features with an open dialog, the most recently touched first, so two
   * dialogs left open never take each other's answers.
   */
  activeSession?(turn: Turn): Promise<{ touchedAt: Date } | undefined>;
  /** Answers a policy question; `undefined` when the plan does not cover it. See {@link Turn.askPolicy}. */
  answerPolicy?(question: string, locale: Locale): Reply | undefined;
  /** Buttons this feature adds under the `/start` welcome (e.g. 资格自测). */
  menu?(locale: Locale): Choice[];
  /**
   * What this feature shows on the user's home screen (an unfinished dialog, the next deadlines);
   * `undefined` when it has nothing for them.
   */
  home?(ctx: HomeContext): Promise<HomeSection | undefined>;
  /** Starts background work (a ticker); called once by `core.start()`. */
  start?(): Promise<void> | void;
  /** Stops background work; called once by `core.stop()`, in reverse order of start. */
  stop?(): Promise<void> | void;
}

/**
 * Who is looking at a home screen (Slack's App Home): the user, the chats that are theirs (their
 * private chat with the bot), and their language.
 */
export interface HomeContext {
  user: UserRef;
  /** The user's own chats, e.g. `slack:D0123` (their DM with the bot). */
  chats: readonly ChatRef[];
  locale: Locale;
}

/**
 * One feature's part of a home screen: a heading, plain-text lines (a line stating a rule carries
 * its `依据：…`), and buttons whose values the feature handles like any other press.
 */
export interface HomeSection {
  /** Which feature it comes from (`eligibility`), so adapters can order or label sections. */
  feature: string;
  title: string;
  lines: string[];
  choices?: Choice[];
}

/** Builds a feature from what the core provides. */
export type FeatureFactory = (deps: FeatureDeps) => Feature;
