/**
 * @module qa/feature
 * Policy Q&A as a feature: free text and `/ask` are answered from the plan with the clause quoted
 * and cited; a clause button opens that clause. Composed last, so it answers whatever no dialog
 * took.
 */
import { type Feature, type FeatureFactory, inEachLocale } from '../feature.ts';
import { hasContent, MAX_QUESTION_LENGTH } from '../input.ts';
import { messagesFor } from '../messages/index.ts';
import type { Locale, Reply } from '../ports.ts';
import { createQaEngine, type QaEngine } from './engine.ts';
import { CLAUSE_CHOICE_PREFIX, clauseReply, qaReply } from './reply.ts';

/** Options for {@link createQaFeature}. */
export interface QaFeatureOptions {
  /** A prebuilt engine (the CLI and benchmarks share theirs); built from the knowledge when absent. */
  engine?: QaEngine;
}

/** The Q&A feature. */
export function createQaFeature(options: QaFeatureOptions = {}): FeatureFactory {
  return ({ knowledge }): Feature => {
    const engine = options.engine ?? createQaEngine(knowledge);
    const answer = (question: string, locale: Locale): Reply[] => {
      const m = messagesFor(locale);
      if (!question) return [{ text: m.emptyQuestion }];
      if (question.length > MAX_QUESTION_LENGTH) return [{ text: m.tooLong(question.length, MAX_QUESTION_LENGTH) }];
      if (!hasContent(question)) return [{ text: m.noContent }];
      return [qaReply(knowledge, m, engine.ask(question))];
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
            return arg ? answer(arg, turn.locale) : [{ text: messagesFor(turn.locale).askUsage }];
          },
        },
      ],
      async onChoice(turn) {
        const m = messagesFor(turn.locale);
        const clause = knowledge.clause(turn.choice.slice(CLAUSE_CHOICE_PREFIX.length));
        return clause ? [clauseReply(knowledge, m, clause)] : [{ text: m.unknownChoice }];
      },
      async onText(turn) {
        return answer(turn.text, turn.locale);
      },
      answerPolicy(question, locale) {
        if (!question || question.length > MAX_QUESTION_LENGTH || !hasContent(question)) return undefined;
        const result = engine.ask(question);
        return result.abstained ? undefined : qaReply(knowledge, messagesFor(locale), result);
      },
    };
  };
}
