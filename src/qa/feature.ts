/**
 * @module qa/feature
 * Policy Q&A as a feature: free text and `/ask` are answered from the plan with the clause quoted
 * and cited; a clause button opens that clause. Composed last, so it answers whatever no dialog
 * took.
 */
import { type Feature, type FeatureFactory, inEachLocale } from '../feature.ts';
import { hasContent, MAX_QUESTION_LENGTH } from '../input.ts';
import { messagesFor } from '../messages/index.ts';
import type { ChatRef, Locale, Reply, UserRef } from '../ports.ts';
import { type AbstainReason, createQaEngine, type QaEngine } from './engine.ts';
import { createQaConversation } from './follow-up.ts';
import { CLAUSE_CHOICE_PREFIX, clauseReply, qaReplies, qaReply } from './reply.ts';
import { createShownState } from './shown.ts';

/** Abstentions where the question was not understood, so the reply says what the plan covers. */
const NOT_UNDERSTOOD = new Set<AbstainReason>(['low_confidence', 'unknown_terms', 'english_unknown']);

/** Options for {@link createQaFeature}. */
export interface QaFeatureOptions {
  /** A prebuilt engine (the CLI and benchmarks share theirs); built from the knowledge when absent. */
  engine?: QaEngine;
  /**
   * Minutes the last answered turn is kept, so a follow-up (那研发经费呢？) is read against it
   * (QA_CONTEXT_MINUTES).
   * @default 30
   */
  contextMinutes?: number;
}

/** The Q&A feature. */
export function createQaFeature(options: QaFeatureOptions = {}): FeatureFactory {
  return ({ knowledge, store, clock }): Feature => {
    const engine = options.engine ?? createQaEngine(knowledge);
    const conversation = createQaConversation({
      knowledge,
      engine,
      store,
      clock,
      ...(options.contextMinutes ? { minutes: options.contextMinutes } : {}),
    });
    const shown = createShownState({ store });
    /** Keeps the options under the last reply, so that their numbers can be typed. */
    const showing = async (chat: ChatRef, user: UserRef, replies: Reply[]): Promise<Reply[]> => {
      await shown.showOptions(chat, user, replies.at(-1)?.choices ?? []);
      return replies;
    };
    const openClause = (locale: Locale, value: string): Reply[] => {
      const m = messagesFor(locale);
      const clause = knowledge.clause(value.slice(CLAUSE_CHOICE_PREFIX.length));
      return clause ? [clauseReply(knowledge, m, clause)] : [{ text: m.unknownChoice }];
    };
    /** Answers in the context of this user's last answered turn in this chat; only answers set it. */
    const answer = async (question: string, locale: Locale, chat: ChatRef, user: UserRef): Promise<Reply[]> => {
      const m = messagesFor(locale);
      if (!question) return [{ text: m.emptyQuestion }];
      if (question.length > MAX_QUESTION_LENGTH) return [{ text: m.tooLong(question.length, MAX_QUESTION_LENGTH) }];
      if (!hasContent(question)) return [{ text: m.noContent }];
      // A typed number picks an option under the last reply; one with no option says which are valid.
      const picked = await shown.pick(chat, user, question);
      if (picked) {
        if ('choice' in picked) return showing(chat, user, openClause(locale, picked.choice.value));
        return showing(chat, user, [
          { text: m.noSuchOption(picked.invalid, picked.choices.length), choices: picked.choices },
        ]);
      }
      const turn = await conversation.ask(question, chat, user);
      // What the plan covers helps only when the question was not understood; a near miss names its
      // related clauses instead. Decided without stored state, so odd input leaves none behind.
      const { abstained, reason } = turn.result;
      const coverage = abstained && reason !== undefined && NOT_UNDERSTOOD.has(reason);
      const replies = qaReplies(knowledge, m, turn.result, { coverage });
      const first = replies[0];
      if (turn.reading && first)
        replies.splice(0, 1, { ...first, text: `${m.followUpReading(turn.reading)}\n${first.text}` });
      return showing(chat, user, replies);
    };
    return {
      name: 'qa',
      choicePrefix: CLAUSE_CHOICE_PREFIX,
      commands: [
        {
          name: 'ask',
          help: inEachLocale((locale) => messagesFor(locale).helpAsk),
          async handle(turn) {
            const arg = turn.command.arg;
            return arg ? answer(arg, turn.locale, turn.chat, turn.user) : [{ text: messagesFor(turn.locale).askUsage }];
          },
        },
      ],
      async onChoice(turn) {
        return showing(turn.chat, turn.user, openClause(turn.locale, turn.choice));
      },
      async onText(turn) {
        return answer(turn.text, turn.locale, turn.chat, turn.user);
      },
      answerPolicy(question, locale) {
        if (!question || question.length > MAX_QUESTION_LENGTH || !hasContent(question)) return undefined;
        const result = engine.ask(question);
        return result.abstained ? undefined : qaReply(knowledge, messagesFor(locale), result);
      },
    };
  };
}
