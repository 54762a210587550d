/**
 * @module eligibility/feature
 * The self-check as a feature: `/check` (and the 资格自测 button under `/start`) opens the guided
 * dialog; while a question is pending the user's free text is read as the answer.
 */
import { importSeedOnce, verifiedFields } from '../centers/index.ts';
import { type Feature, type FeatureFactory, inEachLocale, type Turn } from '../feature.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge-base/index.ts';
import { loadCriteria } from './criteria.ts';
import { createDialog, dialogQuestions, ELIGIBILITY_PREFIX } from './dialog.ts';
import { dialogMessages } from './dialog-messages.ts';
import { createDialogStore } from './dialog-state.ts';

/** Options for {@link createEligibilityFeature}. */
export interface EligibilityFeatureOptions {
  /**
   * Days an untouched dialog (and its report) is kept (DIALOG_TTL_DAYS).
   * @default 90
   */
  dialogTtlDays?: number;
  /**
   * The knowledge folder holding `eligibility.json` and the optional `centers.seed.json`.
   * @default the project's `knowledge/`
   */
  knowledgeDir?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SUBCOMMANDS: [string, RegExp][] = [
  ['restart', /^(restart|重新开始|重来)$/i],
  ['delete', /^(delete|删除|清除)$/i],
  ['quit', /^(cancel|quit|退出|取消)$/i],
];

/** The self-check feature. */
export function createEligibilityFeature(options: EligibilityFeatureOptions = {}): FeatureFactory {
  const { dialogTtlDays = 90, knowledgeDir = DEFAULT_KNOWLEDGE_DIR } = options;
  return ({ knowledge, store, clock, logger }): Feature => {
    // Loaded when the core is composed, so a malformed eligibility.json stops the start.
    const criteria = loadCriteria(knowledge, knowledgeDir);
    const dialogs = createDialogStore(store, dialogTtlDays * DAY_MS, logger);
    const questions = dialogQuestions(criteria);
    const dialog = createDialog({
      knowledge,
      criteria,
      dialogs,
      clock,
      verifiedFields: () => verifiedFields(store),
      ttlDays: dialogTtlDays,
    });
    return {
      name: 'eligibility',
      choicePrefix: ELIGIBILITY_PREFIX,
      commands: [
        {
          name: 'check',
          personalDialog: true,
          help: inEachLocale((locale) => dialogMessages(locale).helpLine),
          async handle(turn) {
            const arg = turn.command.arg;
            if (!arg) return dialog.open(turn);
            const sub = SUBCOMMANDS.find(([, re]) => re.test(arg))?.[0];
            if (sub === 'restart') return dialog.restart(turn);
            if (sub === 'delete') return dialog.remove(turn);
            if (sub === 'quit') return dialog.quit(turn);
            return [{ text: dialogMessages(turn.locale).checkUsage }];
          },
        },
      ],
      menu: (locale) => [{ label: dialogMessages(locale).menuLabel, value: `${ELIGIBILITY_PREFIX}start` }],
      onChoice: (turn) => dialog.choice(turn),
      onText: (turn: Turn) => dialog.text(turn),
      activeSession: (turn: Turn) => dialog.session(turn.user),
      async home({ user, locale }) {
        // An unfinished self-check (also one left with 退出): where it stands and its next question.
        const state = await dialogs.read(user);
        const next = state ? questions[state.step] : undefined;
        if (!state || !next) return undefined;
        const m = dialogMessages(locale);
        return {
          feature: 'eligibility',
          title: m.menuLabel,
          lines: [
            m.homeUnfinished(Object.keys(state.answers).length, questions.length),
            m.questionHeader(state.step + 1, questions.length, next.subject),
            next.prompt[locale],
            m.basis(knowledge.clause(next.clause)?.label ?? next.clause),
          ],
          choices: [{ label: m.homeResume, value: `${ELIGIBILITY_PREFIX}start` }],
        };
      },
      async start() {
        await importSeedOnce(store, knowledgeDir);
      },
    };
  };
}
