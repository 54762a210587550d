/**
 * @module reminders/engine-messages
 * What the reminder engine says (the reminders themselves, their buttons, the replies to the
 * buttons and the notices to staff), zh-CN and en side by side, one object per language typed by
 * {@link EngineMessages}, so a missing translation is a type error. A duty's own words (what to do,
 * where its date comes from) live with the duty in `knowledge/duties.json`.
 */
import type { Locale } from '../ports.ts';

/** Every string the engine shares between duties, in one language. */
export interface EngineMessages {
  /** The heading of a message that merges several reminders. */
  merged(count: number): string;
  /** The line naming the duty and how far the due day is. */
  headline(title: string, when: string): string;
  daysLeft(days: number, due: string): string;
  dueTomorrow(due: string): string;
  dueToday(due: string): string;
  overdue(days: number, due: string): string;
  /** `依据：四（三）`. */
  citation(label: string): string;
  /** A reminder 稍后提醒 moved. */
  snoozedNote: string;
  // buttons
  submitted: string;
  later: string;
  noted: string;
  source(label: string): string;
  /** A button label naming the duty when a message holds several. */
  forDuty(label: string, title: string): string;
  // replies to buttons
  submittedReply(center: string, title: string, period: string): string;
  notedReply(center: string, title: string): string;
  laterReply(at: string): string;
  clauseText(label: string, title: string, text: string): string;
  unknownButton: string;
  // staff notices
  staffOverdue(center: string, title: string, period: string, due: string, chats: string): string;
  staffBlocked(center: string, chat: string): string;
}

const zhCN: EngineMessages = {
  merged: (count) => `⏰ 您有 ${count} 项提醒：`,
  headline: (title, when) => `【${title}】${when}`,
  daysLeft: (days, due) => `还有 ${days} 天到期（${due}）`,
  dueTomorrow: (due) => `明天到期（${due}）`,
  dueToday: (due) => `今天到期（${due}）`,
  overdue: (days, due) => `已逾期 ${days} 天（应于 ${due} 前完成）`,
  citation: (label) => `依据：${label}`,
  snoozedNote: '（稍后提醒）',
  submitted: '已提交',
  later: '稍后提醒',
  noted: '知道了',
  source: (label) => `查看原文 ${label}`,
  forDuty: (label, title) => `${label}：${title}`,
  submittedReply: (center, title, period) => `已记录：${center} 的 ${period} ${title}已提交，本期不再提醒。`,
  notedReply: (center, title) => `好的，${center} 的“${title}”本期不再提醒。`,
  laterReply: (at) => `好的，将于 ${at} 再次提醒。`,
  clauseText: (label, title, text) => `${label} ${title}\n${text}`,
  unknownButton: '这个按钮已失效，请发送 /reminders 查看当前提醒。',
  staffOverdue: (center, title, period, due, chats) =>
    `【逾期】${center} 的 ${period} ${title}应于 ${due} 前报送，尚未确认已提交（已提醒：${chats}）。`,
  staffBlocked: (center, chat) =>
    `【提醒无法送达】${center}：聊天 ${chat} 已屏蔽机器人或已不可用，该聊天的提醒已暂停；核实后可在该聊天重新 /subscribe。`,
};

const en: EngineMessages = {
  merged: (count) => `⏰ You have ${count} reminders:`,
  headline: (title, when) => `[${title}] ${when}`,
  daysLeft: (days, due) => `due in ${days} days (${due})`,
  dueTomorrow: (due) => `due tomorrow (${due})`,
  dueToday: (due) => `due today (${due})`,
  overdue: (days, due) => `${days} days overdue (was due by ${due})`,
  citation: (label) => `Source: ${label}`,
  snoozedNote: ' (reminded again)',
  submitted: 'Submitted',
  later: 'Remind me later',
  noted: 'Got it',
  source: (label) => `Read ${label}`,
  forDuty: (label, title) => `${label}: ${title}`,
  submittedReply: (center, title, period) =>
    `Noted: ${center} has submitted the ${period} ${title.toLowerCase()}; no more reminders for it.`,
  notedReply: (center, title) => `OK, no more reminders about "${title}" for ${center} this time.`,
  laterReply: (at) => `OK, I will remind you again at ${at}.`,
  clauseText: (label, title, text) => `${label} ${title}\n${text}`,
  unknownButton: 'This button has expired; send /reminders to see the current reminders.',
  staffOverdue: (center, title, period, due, chats) =>
    `[Overdue] ${center}: the ${period} ${title.toLowerCase()} was due by ${due} and is not confirmed as submitted (reminded: ${chats}).`,
  staffBlocked: (center, chat) =>
    `[Reminder undeliverable] ${center}: chat ${chat} has blocked the bot or is gone; its reminders are paused. Once checked, /subscribe again in that chat.`,
};

/** The engine's strings in `locale`. */
export function engineMessages(locale: Locale): EngineMessages {
  return locale === 'en' ? en : zhCN;
}
