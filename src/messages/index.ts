/**
 * @module messages
 * User-facing strings, one table per language, zh-CN first.
 */
import type { Locale } from '../ports.ts';
import { en } from './en.ts';
import type { Messages } from './types.ts';
import { zhCN } from './zh-cn.ts';

export type { DocumentInfo, Messages, SourceInfo } from './types.ts';

/** The string table of a locale. */
export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : zhCN;
}
