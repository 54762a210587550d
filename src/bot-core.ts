/**
 * @module bot-core
 * The one inbound entry: `handle(message) → replies`. Adapters translate their platform's update
 * into an {@link IncomingMessage}, call `handle`, and render the replies. The core parses a turn
 * once (the user's language, a command, a pressed button) and routes it to the features it was
 * composed with; each feature call runs inside an error boundary, so one failing feature gives the
 * user a polite message and never escapes the turn.
 *
 * @example
 * const core = createBotCore({ knowledge, store, logger, features: [createQaFeature()] });
 * const replies = await core.handle({ platform: 'console', chat: 'console:local', user: 'console:local', text: '3.2.6' });
 */
import { createBasicsFeature } from './basics/index.ts';
import { asBotError, BotError } from './errors.ts';
import type { Feature, FeatureCommand, FeatureDeps, FeatureFactory, HomeSection, Turn } from './feature.ts';
import { cleanText } from './input.ts';
import type { KnowledgeBase } from './knowledge-base/index.ts';
import { messagesFor } from './messages/index.ts';
import type {
  ChatRef,
  Clock,
  DeliveryResult,
  IncomingMessage,
  Locale,
  Logger,
  Messenger,
  Platform,
  Reply,
  Store,
  UserRef,
} from './ports.ts';
import { readLocale } from './preferences.ts';

/** What the core needs. */
export interface BotCoreOptions {
  knowledge: KnowledgeBase;
  store: Store;
  logger: Logger;
  /**
   * The features, in the order free text is offered to them (a dialog before Q&A, Q&A last). The
   * basics (`/start`, `/help`, `/source`, `/lang`) come first on their own.
   */
  features: readonly FeatureFactory[];
  /**
   * Where "now" comes from for every feature.
   * @default the system clock
   */
  clock?: Clock;
  /**
   * Language for users who never chose one.
   * @default 'zh-CN'
   */
  defaultLocale?: Locale;
}

/** The platform-neutral bot. */
export interface BotCore {
  /** Handles one incoming message and returns the replies to show, in order. Never throws. */
  handle(message: IncomingMessage): Promise<Reply[]>;
  /**
   * Registers how to reach chats of one platform outside a turn (reminders, notices). Each
   * running adapter registers one; a later registration for the same platform replaces it.
   */
  registerMessenger(platform: Platform, messenger: Messenger): void;
  /**
   * The user's home screen (Slack's App Home): each feature's section, in composition order, and
   * the user's language. `chats` are the user's own chats (their DM with the bot). Never throws: a
   * failing feature's section is left out and logged.
   */
  home(user: UserRef, chats: readonly ChatRef[]): Promise<{ locale: Locale; sections: HomeSection[] }>;
  /** Starts the features' background work (reminder ticker, …). */
  start(): Promise<void>;
  /** Stops the background work, last started first. */
  stop(): Promise<void>;
  /** The composed features, basics first (for tests and tooling). */
  readonly features: readonly Feature[];
}

const systemClock: Clock = { now: () => new Date() };

const COMMAND = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/;

/** Rejects two features claiming one command or overlapping button prefixes. */
function assertNoClaimsClash(features: readonly Feature[]): void {
  const commands = new Map<string, string>();
  const prefixes: [string, string][] = [];
  for (const f of features) {
    for (const c of f.commands ?? []) {
      const owner = commands.get(c.name);
      if (owner) {
        throw new BotError('internal', `features ${owner} and ${f.name} both claim the command /${c.name}`);
      }
      commands.set(c.name, f.name);
    }
    const prefix = f.choicePrefix;
    if (prefix === undefined) continue;
    if (prefix === '') throw new BotError('internal', `feature ${f.name} claims an empty button prefix`);
    const clash = prefixes.find(([p]) => p.startsWith(prefix) || prefix.startsWith(p));
    if (clash) {
      throw new BotError('internal', `features ${clash[1]} and ${f.name} claim overlapping button prefixes`);
    }
    prefixes.push([prefix, f.name]);
  }
}

/** Builds the core and its features. Throws when two features claim one command or prefix. */
export function createBotCore(options: BotCoreOptions): BotCore {
  const { knowledge, store, logger, clock = systemClock, defaultLocale = 'zh-CN' } = options;

  const messengers = new Map<Platform, Messenger>();
  const messenger: Messenger = {
    async send(chat: ChatRef, reply: Reply): Promise<DeliveryResult> {
      const platform = chat.slice(0, chat.indexOf(':')) as Platform;
      const target = messengers.get(platform);
      if (!target) {
        logger.warn({ chat, platform }, 'no messenger registered for this platform');
        return 'failed';
      }
      return target.send(chat, reply);
    },
  };

  const deps: FeatureDeps = { knowledge, store, clock, logger, messenger, defaultLocale };
  const composed = options.features.map((make) => make(deps));
  const basics: Feature = createBasicsFeature(deps, {
    // Read at call time, so the basics' own commands are listed last.
    helpLines: (locale) =>
      [...composed, basics].flatMap((f) => (f.commands ?? []).flatMap((c) => (c.help ? [c.help[locale]] : []))),
    menu: (locale) => composed.flatMap((f) => f.menu?.(locale) ?? []),
  });
  const features: Feature[] = [basics, ...composed];
  assertNoClaimsClash(features);

  const commandOwners = new Map<string, { feature: Feature; command: FeatureCommand }>();
  for (const feature of features) {
    for (const command of feature.commands ?? []) commandOwners.set(command.name, { feature, command });
  }

  /** Runs one feature call; a failure is logged with the feature's name and becomes a polite reply. */
  const guarded = async <T>(feature: Feature, turn: Turn, call: () => Promise<T>): Promise<T | Reply[]> => {
    try {
      return await call();
    } catch (error) {
      const e = asBotError(error);
      logger.error({ code: e.code, err: e.cause ?? e, feature: feature.name, chat: turn.chat }, 'feature failed');
      return [{ text: messagesFor(turn.locale).internalError }];
    }
  };

  const askPolicy = (locale: Locale) => async (question: string) => {
    for (const f of features) {
      if (!f.answerPolicy) continue;
      try {
        return f.answerPolicy(question, locale);
      } catch (error) {
        const e = asBotError(error);
        logger.error({ code: e.code, err: e.cause ?? e, feature: f.name }, 'policy answer failed');
        return undefined;
      }
    }
    return undefined;
  };

  /**
   * The features in the order free text is offered to them: those with an open dialog first, the one
   * touched last leading (a self-check left half done never takes the answers of a later /subscribe,
   * and back), then the others in composition order.
   */
  const textOrder = async (turn: Turn): Promise<Feature[]> => {
    const open: [Feature, number][] = [];
    for (const f of features) {
      if (!f.activeSession) continue;
      const session = await f.activeSession(turn);
      if (session) open.push([f, session.touchedAt.getTime()]);
    }
    if (open.length === 0) return features;
    const first = open.sort((a, b) => b[1] - a[1]).map(([f]) => f);
    return [...first, ...features.filter((f) => !first.includes(f))];
  };

  const route = async (turn: Turn): Promise<Reply[]> => {
    const m = messagesFor(turn.locale);
    if (turn.choice !== undefined) {
      const choice = turn.choice;
      const owner = features.find((f) => f.choicePrefix && choice.startsWith(f.choicePrefix) && f.onChoice);
      if (!owner?.onChoice) return [{ text: m.unknownChoice }];
      const onChoice = owner.onChoice.bind(owner);
      return guarded(owner, turn, () => onChoice({ ...turn, choice }));
    }
    if (turn.command) {
      const command = turn.command;
      const owner = commandOwners.get(command.name);
      if (!owner) return [{ text: m.unknownCommand(`/${command.name.slice(0, 32)}`) }];
      return guarded(owner.feature, turn, () => owner.command.handle({ ...turn, command }));
    }
    for (const feature of await textOrder(turn)) {
      if (!feature.onText) continue;
      const onText = feature.onText.bind(feature);
      const replies = await guarded(feature, turn, () => onText(turn));
      if (replies !== undefined) return replies;
    }
    return [{ text: m.noContent }];
  };

  const handle = async (message: IncomingMessage): Promise<Reply[]> => {
    let locale = defaultLocale;
    try {
      locale = (await readLocale(store, message.user)) ?? defaultLocale;
      const text = message.choice === undefined ? cleanText(message.text ?? '') : '';
      const cmd = message.choice === undefined ? COMMAND.exec(text) : null;
      const turn: Turn = {
        message,
        chat: message.chat,
        user: message.user,
        locale,
        text,
        askPolicy: askPolicy(locale),
      };
      if (message.choice !== undefined) turn.choice = message.choice;
      if (cmd?.[1]) turn.command = { name: cmd[1].toLowerCase(), arg: (cmd[2] ?? '').trim() };
      return await route(turn);
    } catch (error) {
      const e = asBotError(error);
      logger.error({ code: e.code, err: e.cause ?? e, chat: message.chat }, 'turn failed');
      return [{ text: messagesFor(locale).internalError }];
    }
  };

  const home = async (user: UserRef, chats: readonly ChatRef[]) => {
    let locale = defaultLocale;
    try {
      locale = (await readLocale(store, user)) ?? defaultLocale;
    } catch (error) {
      const e = asBotError(error);
      logger.error({ code: e.code, err: e.cause ?? e, user }, 'home: reading the language failed');
    }
    const sections: HomeSection[] = [];
    for (const f of features) {
      if (!f.home) continue;
      try {
        const section = await f.home({ user, chats, locale });
        if (section) sections.push(section);
      } catch (error) {
        const e = asBotError(error);
        logger.error({ code: e.code, err: e.cause ?? e, feature: f.name, user }, 'home section failed');
      }
    }
    return { locale, sections };
  };

  const started: Feature[] = [];
  return {
    handle,
    home,
    features,
    registerMessenger(platform, target) {
      messengers.set(platform, target);
    },
    async start() {
      for (const f of features) {
        if (started.includes(f)) continue;
        await f.start?.();
        started.push(f);
      }
    },
    async stop() {
      while (started.length) {
        const f = started.pop();
        try {
          await f?.stop?.();
        } catch (error) {
          const e = asBotError(error);
          logger.error({ code: e.code, err: e.cause ?? e, feature: f?.name }, 'stopping a feature failed');
        }
      }
    },
  };
}
