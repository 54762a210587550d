/**
 * @module eligibility/dialog
 * The guided self-check: one question at a time, each citing its clause; typed answers or
 * buttons; back, skip, the clause text, cancel, restart and editing from the summary. An answer
 * that does not parse never advances the dialog and never changes what is stored; a policy
 * question asked instead of an answer is answered, and the pending question shown again.
 */
import type { Localized, Turn } from '../feature.ts';
import type { KnowledgeBase } from '../knowledge-base/index.ts';
import type { Choice, Clock, Locale, Reply, UserRef } from '../ports.ts';
import type { Criterion } from './criteria.ts';
import { type DialogMessages, dialogMessages } from './dialog-messages.ts';
import type { DialogState, DialogStore } from './dialog-state.ts';
import { evaluate } from './evaluate.ts';
import { parseAnswer } from './parse-answer.ts';
import { DOCX_MIME_TYPE, reportDocx, reportMarkdown } from './report.ts';
import type { Evaluation } from './types.ts';

/** The prefix of every button value of the self-check. */
export const ELIGIBILITY_PREFIX = 'elig:';

/** Typed navigation words, whatever the question. */
const NAVIGATION: [Navigation, RegExp][] = [
  ['back', /^(上一步|上一题|返回|回到上一题|back|previous|prev)$/i],
  ['skip', /^(跳过|下一题|skip|pass|next)$/i],
  ['why', /^(原文|依据|条款原文|为什么|why|clause|source text)$/i],
  ['quit', /^(退出|取消|结束|不测了|cancel|quit|exit|stop)$/i],
  ['restart', /^(重新开始|重来|从头开始|restart|start over)$/i],
];
type Navigation = 'back' | 'skip' | 'why' | 'quit' | 'restart';

/** Text that reads as a question rather than an answer (asked mid-dialog). */
const QUESTION_LIKE =
  /[?？]\s*$|吗|什么|多少|怎么|怎样|哪些|哪个|如何|是否|要不要|能不能|可不可以|\b(what|how|which|who|does|do|is|are|can)\b/i;

function navigationOf(text: string): Navigation | undefined {
  const bare = text.replace(/[\s。.!！?？~～]+$/u, '').trim();
  return NAVIGATION.find(([, re]) => re.test(bare))?.[0];
}

/**
 * The criteria the dialog asks, in order: all but those answered from another one's answer (5.2
 * takes the field given for 3.4).
 */
export function dialogQuestions(criteria: readonly Criterion[]): Criterion[] {
  return criteria.filter((c) => !(c.type === 'field' && c.answerFrom));
}

/** A figure in the text means it was typed as an answer, not as a question for the Q&A. */
const HAS_FIGURE = /[\d０-９]|[一二三四五六七八九十百千万亿两零壹贰叁肆伍陆柒捌玖拾佰仟]+\s*(万|亿|元|人|个|%|成)/;

/** The chat shows the report as plain text: the Markdown heading and emphasis marks go. */
function plainText(markdown: string): string {
  return markdown.replace(/^#{1,6}\s+/gm, '').replace(/\*\*/g, '');
}

/** What the dialog needs. */
export interface DialogDeps {
  knowledge: KnowledgeBase;
  criteria: readonly Criterion[];
  dialogs: DialogStore;
  clock: Clock;
  /** Fields that already have a verified center (the 5.2 warning). */
  verifiedFields(): Promise<string[]>;
  /** How long an untouched dialog is kept, for the message on cancel. */
  ttlDays: number;
}

/** The self-check dialog's behaviour, as the feature calls it. */
export interface Dialog {
  /** `/check` and the 资格自测 button: resume an open dialog, show a finished one, or start. */
  open(turn: Turn): Promise<Reply[]>;
  restart(turn: Turn): Promise<Reply[]>;
  /** Deletes the user's answers and report. */
  remove(turn: Turn): Promise<Reply[]>;
  quit(turn: Turn): Promise<Reply[]>;
  /** When the user's pending self-check was last touched; `undefined` when none is pending. */
  session(user: UserRef): Promise<{ touchedAt: Date } | undefined>;
  /** Free text: handled while a question is pending, else `undefined`. */
  text(turn: Turn): Promise<Reply[] | undefined>;
  /** A press of one of the dialog's buttons. */
  choice(turn: Turn & { choice: string }): Promise<Reply[]>;
  /** The evaluation of raw answers, the same path `check --json` takes. */
  evaluate(answers: Record<string, string>, locale: Locale): Promise<Evaluation>;
}

/** Builds the dialog. */
export function createDialog(deps: DialogDeps): Dialog {
  const { knowledge, dialogs, clock } = deps;
  const criteria = dialogQuestions(deps.criteria);
  const count = criteria.length;
  const now = (): string => clock.now().toISOString();
  const label = (clause: string): string => knowledge.clause(clause)?.label ?? clause;
  const pick = (l: Localized, locale: Locale): string => l[locale];

  const fresh = (): DialogState => ({
    v: 1,
    step: 0,
    answers: {},
    picked: [],
    editing: false,
    paused: false,
    startedAt: now(),
    updatedAt: now(),
  });

  const save = async (user: UserRef, state: DialogState): Promise<void> => {
    await dialogs.write(user, { ...state, updatedAt: now() });
  };

  const nav = (m: DialogMessages, c: Criterion, first: boolean): Choice[] => [
    ...(first ? [] : [{ label: m.back, value: `${ELIGIBILITY_PREFIX}n:${c.id}:back` }]),
    { label: m.skip, value: `${ELIGIBILITY_PREFIX}n:${c.id}:skip` },
    { label: m.why, value: `${ELIGIBILITY_PREFIX}n:${c.id}:why` },
    { label: m.quit, value: `${ELIGIBILITY_PREFIX}n:${c.id}:quit` },
  ];

  /** The reply asking the current question, with `head` lines above it. */
  const question = (state: DialogState, locale: Locale, head: string[] = []): Reply => {
    const m = dialogMessages(locale);
    const c = criteria[state.step];
    if (!c) throw new Error(`no question at step ${state.step}`);
    const lines = [...head];
    if (lines.length) lines.push('');
    lines.push(m.questionHeader(state.step + 1, count, c.subject), pick(c.prompt, locale), m.basis(label(c.clause)));
    const choices: Choice[] = [];
    if (c.type === 'yesno') {
      [m.yes, m.no, m.unsure].forEach((l, i) => {
        choices.push({ label: l, value: `${ELIGIBILITY_PREFIX}a:${c.id}:${i}` });
      });
    } else if (c.type === 'field') {
      (c.options ?? []).forEach((o, i) => {
        choices.push({ label: pick(o.label, locale), value: `${ELIGIBILITY_PREFIX}a:${c.id}:${i}` });
      });
    } else if (c.type === 'multichoice') {
      const options = c.options ?? [];
      if (state.picked.length) {
        lines.push(m.picked(options.filter((o) => state.picked.includes(o.value)).map((o) => pick(o.label, locale))));
      }
      options.forEach((o, i) => {
        const ticked = state.picked.includes(o.value) ? '✓ ' : '';
        choices.push({ label: `${ticked}${pick(o.label, locale)}`, value: `${ELIGIBILITY_PREFIX}p:${c.id}:${i}` });
      });
      choices.push({ label: m.all, value: `${ELIGIBILITY_PREFIX}p:${c.id}:*` });
      choices.push({ label: m.done, value: `${ELIGIBILITY_PREFIX}d:${c.id}` });
    }
    lines.push(m.navHint);
    choices.push(...nav(m, c, state.step === 0));
    return { text: lines.join('\n'), choices };
  };

  const evaluateAnswers = async (answers: Record<string, string>, locale: Locale): Promise<Evaluation> =>
    evaluate([...deps.criteria], answers, { verifiedFields: await deps.verifiedFields(), locale });

  const summary = async (user: UserRef, state: DialogState, locale: Locale, head: string[] = []): Promise<Reply[]> => {
    const m = dialogMessages(locale);
    const evaluation = await evaluateAnswers(state.answers, locale);
    await dialogs.writeReport(user, { v: 1, answers: state.answers, createdAt: now() });
    const text = [
      ...head,
      ...(head.length ? [''] : []),
      plainText(reportMarkdown(evaluation, [...deps.criteria], knowledge, locale)),
    ];
    return [
      {
        text: `${text.join('\n')}\n\n${m.summaryReady}`,
        choices: [
          { label: m.docxButton, value: `${ELIGIBILITY_PREFIX}docx` },
          { label: m.markdownButton, value: `${ELIGIBILITY_PREFIX}md` },
          { label: m.editButton, value: `${ELIGIBILITY_PREFIX}edit` },
          { label: m.restartButton, value: `${ELIGIBILITY_PREFIX}restart` },
        ],
      },
    ];
  };

  /** Moves past the current question (answered or skipped) and shows what comes next. */
  const advance = async (user: UserRef, state: DialogState, locale: Locale, head: string[]): Promise<Reply[]> => {
    const next: DialogState = { ...state, picked: [], editing: false, step: state.editing ? count : state.step + 1 };
    await save(user, next);
    return next.step >= count ? summary(user, next, locale, head) : [question(next, locale, head)];
  };

  /** Records a raw answer for the current question if it parses; `undefined` when it does not. */
  const tryAnswer = async (
    user: UserRef,
    state: DialogState,
    locale: Locale,
    raw: string,
  ): Promise<{ ok: true; replies: Reply[] } | { ok: false; retry: string }> => {
    const c = criteria[state.step];
    if (!c) return { ok: false, retry: '' };
    const parsed = parseAnswer(c, raw);
    if (!parsed.ok) return { ok: false, retry: pick(parsed.retry, locale) };
    const m = dialogMessages(locale);
    const head = [m.understood(pick(parsed.understood, locale))];
    if (parsed.reason) head.push(`❔ ${pick(parsed.reason, locale)}`);
    if (parsed.note) head.push(`⚠️ ${pick(parsed.note, locale)}`);
    return {
      ok: true,
      replies: await advance(user, { ...state, answers: { ...state.answers, [c.id]: raw } }, locale, head),
    };
  };

  const navigate = async (turn: Turn, state: DialogState, to: Navigation): Promise<Reply[]> => {
    const m = dialogMessages(turn.locale);
    const c = criteria[state.step];
    switch (to) {
      case 'back': {
        if (state.step === 0) return [question(state, turn.locale, [m.atFirst])];
        const prev: DialogState = { ...state, step: state.step - 1, picked: [], editing: false };
        await save(turn.user, prev);
        return [question(prev, turn.locale)];
      }
      case 'skip': {
        const answers = { ...state.answers };
        if (c) delete answers[c.id];
        return advance(turn.user, { ...state, answers }, turn.locale, [m.skipped]);
      }
      case 'why': {
        const clause = c && knowledge.clause(c.clause);
        const quote = clause ? [`“${clause.text}”`, m.basis(clause.label)] : [];
        return [question(state, turn.locale, quote)];
      }
      case 'quit':
        return quitDialog(turn);
      case 'restart':
        return restartDialog(turn);
    }
  };

  const quitDialog = async (turn: Turn): Promise<Reply[]> => {
    const m = dialogMessages(turn.locale);
    const state = await dialogs.read(turn.user);
    if (!state) return [{ text: m.noDialog }];
    // Kept (with its TTL) so /check resumes it.
    await save(turn.user, { ...state, picked: [], editing: false, paused: true });
    return [{ text: m.quitDone(deps.ttlDays) }];
  };

  const restartDialog = async (turn: Turn): Promise<Reply[]> => {
    const m = dialogMessages(turn.locale);
    const state = fresh();
    await dialogs.write(turn.user, state);
    return [question(state, turn.locale, [m.restarted, '', m.intro(count)])];
  };

  return {
    async open(turn) {
      const m = dialogMessages(turn.locale);
      const state = await dialogs.read(turn.user);
      if (!state) {
        const started = fresh();
        await dialogs.write(turn.user, started);
        return [question(started, turn.locale, [m.intro(count)])];
      }
      if (state.step >= count) return summary(turn.user, state, turn.locale);
      const resumed = { ...state, paused: false };
      await save(turn.user, resumed);
      return [question(resumed, turn.locale, [m.resumed(Object.keys(state.answers).length, count)])];
    },

    restart: (turn) => restartDialog(turn),

    async remove(turn) {
      const m = dialogMessages(turn.locale);
      const a = await dialogs.remove(turn.user);
      const b = await dialogs.removeReport(turn.user);
      return [{ text: a || b ? m.deleted : m.nothingToDelete }];
    },

    quit: (turn) => quitDialog(turn),

    async session(user) {
      const state = await dialogs.read(user);
      return state && !state.paused && state.step < count ? { touchedAt: new Date(state.updatedAt) } : undefined;
    },

    async text(turn) {
      const state = await dialogs.read(turn.user);
      if (!state || state.paused || state.step >= count) return undefined;
      const to = navigationOf(turn.text);
      if (to) return navigate(turn, state, to);
      const m = dialogMessages(turn.locale);
      // A question asked instead of an answer: answered from the plan, then the question again.
      if (QUESTION_LIKE.test(turn.text)) {
        const policy = await turn.askPolicy(turn.text);
        if (policy) return [policy, question(state, turn.locale, [m.backToQuestion])];
      }
      const answered = await tryAnswer(turn.user, state, turn.locale, turn.text);
      if (answered.ok) return answered.replies;
      const policy =
        QUESTION_LIKE.test(turn.text) || HAS_FIGURE.test(turn.text) ? undefined : await turn.askPolicy(turn.text);
      if (policy) return [policy, question(state, turn.locale, [m.backToQuestion])];
      return [question(state, turn.locale, [m.retry, answered.retry].filter(Boolean))];
    },

    async choice(turn): Promise<Reply[]> {
      const m = dialogMessages(turn.locale);
      const [kind, id, arg] = turn.choice.slice(ELIGIBILITY_PREFIX.length).split(':');
      if (kind === 'start') return this.open(turn);
      if (kind === 'restart') return this.restart(turn);
      if (kind === 'docx' || kind === 'md') {
        const report = await dialogs.readReport(turn.user);
        if (!report) return [{ text: m.noReport }];
        const evaluation = await evaluateAnswers(report.answers, turn.locale);
        if (kind === 'md') {
          const markdown = reportMarkdown(evaluation, [...deps.criteria], knowledge, turn.locale);
          return [
            {
              text: m.reportAttached,
              document: {
                filename: `${m.reportFileName}.md`,
                mimeType: 'text/markdown; charset=utf-8',
                content: new TextEncoder().encode(markdown),
              },
            },
          ];
        }
        const content = await reportDocx(evaluation, [...deps.criteria], knowledge, turn.locale);
        return [
          {
            text: m.reportAttached,
            document: { filename: `${m.reportFileName}.docx`, mimeType: DOCX_MIME_TYPE, content },
          },
        ];
      }
      let state = await dialogs.read(turn.user);
      if (!state) return [{ text: m.noDialog }];
      if (kind === 'edit') {
        return [
          {
            text: m.editPick,
            choices: criteria.map((c, i) => ({
              label: `${i + 1}. ${label(c.clause)} ${pick(c.prompt, turn.locale).slice(0, 24)}`,
              value: `${ELIGIBILITY_PREFIX}e:${c.id}`,
            })),
          },
        ];
      }
      if (kind === 'e') {
        const step = criteria.findIndex((c) => c.id === id);
        if (step < 0) return [{ text: m.staleButton }];
        const editing: DialogState = { ...state, step, picked: [], editing: true, paused: false };
        await save(turn.user, editing);
        return [question(editing, turn.locale)];
      }
      const c = criteria[state.step];
      // A button of a question that is no longer the current one must not answer the current one.
      if (!c || state.step >= count || c.id !== id) {
        return state.step >= count
          ? summary(turn.user, state, turn.locale, [m.staleButton])
          : [question(state, turn.locale, [m.staleButton])];
      }
      if (state.paused) {
        state = { ...state, paused: false };
        await save(turn.user, state);
      }
      if (kind === 'n') {
        const to = NAVIGATION.find(([name]) => name === arg)?.[0];
        return to ? navigate(turn, state, to) : [question(state, turn.locale)];
      }
      if (kind === 'a') {
        const index = Number(arg);
        const raw =
          c.type === 'yesno'
            ? [dialogMessages('zh-CN').yes, dialogMessages('zh-CN').no, dialogMessages('zh-CN').unsure][index]
            : c.options?.[index]?.label['zh-CN'];
        if (raw === undefined) return [question(state, turn.locale, [m.staleButton])];
        const answered = await tryAnswer(turn.user, state, turn.locale, raw);
        return answered.ok ? answered.replies : [question(state, turn.locale, [m.retry, answered.retry])];
      }
      if (kind === 'p') {
        const options = c.options ?? [];
        const option = arg === '*' ? undefined : options[Number(arg)];
        if (arg !== '*' && !option) return [question(state, turn.locale, [m.staleButton])];
        const picked =
          arg === '*'
            ? options.map((o) => o.value)
            : state.picked.includes(option?.value ?? '')
              ? state.picked.filter((v) => v !== option?.value)
              : [...state.picked, option?.value ?? ''];
        const next = { ...state, picked };
        await save(turn.user, next);
        return [question(next, turn.locale)];
      }
      if (kind === 'd') {
        if (!state.picked.length) return [question(state, turn.locale, [m.pickNone])];
        const raw = (c.options ?? [])
          .filter((o) => state.picked.includes(o.value))
          .map((o) => o.label['zh-CN'])
          .join('、');
        const answered = await tryAnswer(turn.user, state, turn.locale, raw);
        return answered.ok ? answered.replies : [question(state, turn.locale, [m.retry, answered.retry])];
      }
      return [question(state, turn.locale, [m.staleButton])];
    },

    evaluate: evaluateAnswers,
  };
}
