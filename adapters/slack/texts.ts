/**
 * @module adapters/slack/texts
 * The few words the Slack adapter says itself (the core's messages cover everything else): the
 * note that a dialog started in a channel continues in the user's DM, the App Home's header and
 * buttons, and the note under a document sent to the DM instead of an ephemeral answer.
 */
import type { Locale } from '../../src/index.ts';

/** The adapter's strings in one language. */
export interface SlackTexts {
  /** In the channel (or ephemerally), when a personal dialog moves to the DM. */
  continueInDm: string;
  /** In the answer to a slash command whose reply holds a file: the file went to the DM. */
  documentInDm: string;
  homeTitle: string;
  homeIntro(command: string): string;
  homeAsk: string;
  homeCheck: string;
  homeEmpty: string;
}

const TEXTS: Record<Locale, SlackTexts> = {
  'zh-CN': {
    continueInDm: '这一步涉及企业信息，已在与机器人的私信中继续，请前往私信作答。',
    documentInDm: '文件已发送到你与机器人的私信。',
    homeTitle: '创新中心政策助手',
    homeIntro: (command) =>
      `解答《重庆市制造业创新中心建设工程实施方案》的问题，每个回答注明依据条款。在私信中直接提问，或在频道中 @我、使用 ${command}。`,
    homeAsk: '提问',
    homeCheck: '资格自测',
    homeEmpty: '你还没有未完成的自测或订阅的提醒。',
  },
  en: {
    continueInDm: 'This step asks for your organisation’s details, so it continues in your DM with the bot.',
    documentInDm: 'The file was sent to your DM with the bot.',
    homeTitle: 'Innovation center policy assistant',
    homeIntro: (command) =>
      `Answers questions on the Chongqing manufacturing innovation center plan, citing the clause. Ask in this DM, mention me in a channel, or use ${command}.`,
    homeAsk: 'Ask a question',
    homeCheck: 'Self-check',
    homeEmpty: 'No unfinished self-check and no subscribed reminders yet.',
  },
};

/** The adapter's strings for a locale. */
export function slackTexts(locale: Locale): SlackTexts {
  return TEXTS[locale];
}
