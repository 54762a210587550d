/**
 * @module bot-core
 * The one inbound entry: `handle(message) → replies`. Adapters translate their platform's update
 * into an {@link IncomingMessage}, call `handle`, and render the replies. Errors never escape a
 * turn: the user gets a polite message and the log gets the code and cause.
 *
 * @example
 * const core = createBotCore({ knowledge, store, logger });
 * const replies = await core.handle({ platform: 'console', chat: 'console:local', user: 'console:local', text: '3.2.6' });
 */
import { asBotError } from './errors.ts';
import { cleanText, hasContent, MAX_QUESTION_LENGTH } from './input.ts';
import type { KnowledgeBase } from './knowledge-base/index.ts';
import { type Messages, messagesFor } from './messages/index.ts';
import type { IncomingMessage, Locale, Logger, Reply, Store } from './ports.ts';
import { readLocale, writeLocale } from './preferences.ts';
import { createQaEngine, type QaEngine } from './qa/index.ts';
import { CLAUSE_CHOICE_PREFIX, clauseReply, qaReply } from './qa/reply.ts';

/** What the core needs. */
export interface BotCoreOptions {
  knowledge: KnowledgeBase;
  store: Store;
  logger: Logger;
  /** A prebuilt engine (tests, benchmarks); built from `knowledge` when absent. */
  qa?: QaEngine;
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
  readonly qa: QaEngine;
}

/** Builds the core. */
export function createBotCore(options: BotCoreOptions): BotCore {
  const { knowledge: kb, store, logger, defaultLocale = 'zh-CN' } = options;
  const qa = options.qa ?? createQaEngine(kb);

  const answer = (m: Messages, question: string): Reply[] => {
    if (!question) return [{ text: m.emptyQuestion }];
    if (question.length > MAX_QUESTION_LENGTH) return [{ text: m.tooLong(question.length, MAX_QUESTION_LENGTH) }];
    if (!hasContent(question)) return [{ text: m.noContent }];
    return [qaReply(kb, m, qa.ask(question))];
  };

  const command = async (msg: IncomingMessage, m: Messages, name: string, arg: string): Promise<Reply[]> => {
    switch (name) {
      case 'start':
        return [{ text: `${m.welcome}\n\n${m.help}` }];
      case 'help':
        return [{ text: m.help }];
      case 'source':
        return [{ text: m.source(kb.documents) }];
      case 'ask':
        return arg ? answer(m, arg) : [{ text: m.askUsage }];
      case 'lang': {
        const locale: Locale | undefined = /^zh(-cn)?$|^中文$/i.test(arg)
          ? 'zh-CN'
          : /^en(glish)?$/i.test(arg)
            ? 'en'
            : undefined;
        if (!locale) return [{ text: m.langUsage }];
        await writeLocale(store, msg.user, locale);
        return [{ text: messagesFor(locale).langSet }];
      }
      default:
        return [{ text: m.unknownCommand(`/${name.slice(0, 32)}`) }];
    }
  };

  const turn = async (msg: IncomingMessage, m: Messages): Promise<Reply[]> => {
    if (msg.choice !== undefined) {
      if (msg.choice.startsWith(CLAUSE_CHOICE_PREFIX)) {
        const clause = kb.clause(msg.choice.slice(CLAUSE_CHOICE_PREFIX.length));
        if (clause) return [clauseReply(kb, m, clause)];
      }
      if (msg.choice === 'help') return [{ text: m.help }];
      return [{ text: m.unknownChoice }];
    }
    const text = cleanText(msg.text ?? '');
    const cmd = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
    if (cmd?.[1]) return command(msg, m, cmd[1].toLowerCase(), (cmd[2] ?? '').trim());
    return answer(m, text);
  };

  const handle = async (msg: IncomingMessage): Promise<Reply[]> => {
    let m = messagesFor(defaultLocale);
    try {
      m = messagesFor((await readLocale(store, msg.user)) ?? defaultLocale);
      return await turn(msg, m);
    } catch (error) {
      const e = asBotError(error);
      logger.error({ code: e.code, err: e.cause ?? e, chat: msg.chat }, 'turn failed');
      return [{ text: m.internalError }];
    }
  };

  return { handle, qa };
}
