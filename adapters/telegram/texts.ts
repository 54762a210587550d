/**
 * @module adapters/telegram/texts
 * The few words the Telegram adapter says itself (the core's messages cover everything else):
 * the deep-link prompt that moves a group's `/check` or `/subscribe` into a private chat, and the
 * command menu's entry for `/start`, which has no help line in the core.
 */
import type { Locale } from '../../src/index.ts';

/** The adapter's strings in one language. */
export interface TelegramTexts {
  /** Above the deep-link button, in the group. */
  continueInPrivate: string;
  /** The deep-link button's label. */
  continueButton: string;
  /** The `/start` entry of the command menu. */
  startCommand: string;
}

const TEXTS: Record<Locale, TelegramTexts> = {
  'zh-CN': {
    continueInPrivate: '这一步涉及企业信息，请点击下方按钮在与机器人的私聊中继续。',
    continueButton: '在私聊中继续',
    startCommand: '开始使用',
  },
  en: {
    continueInPrivate:
      'This step asks for your organisation’s details: press the button to continue in a private chat.',
    continueButton: 'Continue in private chat',
    startCommand: 'start',
  },
};

/** The adapter's strings for a locale. */
export function telegramTexts(locale: Locale): TelegramTexts {
  return TEXTS[locale];
}

/** The locale Telegram reports for a user (`language_code`), as one the bot speaks. */
export function localeOf(languageCode: string | undefined, fallback: Locale): Locale {
  if (!languageCode) return fallback;
  return languageCode.toLowerCase().startsWith('zh')
    ? 'zh-CN'
    : languageCode.toLowerCase().startsWith('en')
      ? 'en'
      : fallback;
}
