/**
 * @module reminders/messages
 * What `/subscribe`, `/reminders`, `/unsubscribe` and `/calendar` say, zh-CN and en side by side;
 * a missing translation is a type error. The reminder messages themselves (sent by the engine)
 * are the engine's.
 */
import type { Locale } from '../ports.ts';
import type { DutyId } from './duties.ts';
import type { DateRefusal } from './recognition-date.ts';

/** A duty a reminder is about (the engine's `PlannedReminder.duty`). */
export type DutyKind = DutyId;

/** A center's status as the registry stores it. */
export type CenterStatus = 'recognised' | 'pilot';

/** One upcoming deadline, as the confirmation and `/reminders` show it. */
export interface DeadlineLine {
  /** `YYYY-MM-DD`. */
  due: string;
  duty: DutyKind;
  center: string;
  /** The clause label users see: `四（三）`. */
  clause: string;
  /** `YYYY-MM-DD` of the next reminder about it, when one is planned. */
  next?: string;
}

/** The reminders feature's strings in one language. */
export interface RemindersMessages {
  helpSubscribe: string;
  helpReminders: string;
  helpUnsubscribe: string;
  helpCalendar: string;
  /** The start of the dialog and its first question. */
  askName(maxLength: number): string;
  askDistrict(name: string): string;
  askRecognized: string;
  askStatus: string;
  statusLabel(status: CenterStatus): string;
  cancelButton: string;
  /** Under every question. */
  cancelHint: string;
  nameEmpty: string;
  nameTooLong(maxLength: number): string;
  districtUnknown: string;
  dateRefused(reason: DateRefusal): string;
  statusUnknown: string;
  cancelled: string;
  noDialog: string;
  staleButton: string;
  /** Registered from the dialog: what was stored, then the deadlines. */
  registered(fields: { name: string; district: string; recognized: string; status: CenterStatus }): string;
  /** A center registered in chat waits for staff to verify it. */
  unverifiedNote: string;
  /** This chat now receives the reminders of an existing center. */
  bound(name: string): string;
  alreadyBound(name: string): string;
  deadlinesHeading: string;
  dutyName(duty: DutyKind): string;
  deadline(line: DeadlineLine): string;
  noDeadlines: string;
  remindersHeading: string;
  /** One planned send in `/reminders`: `sendOn` is the day the reminder goes out. */
  upcoming(line: DeadlineLine & { sendOn: string }): string;
  noCenters: string;
  /** The home screen's heading above the next deadlines of the user's centers. */
  homeHeading: string;
  noUpcoming(centers: string[]): string;
  unsubscribePick: string;
  unsubscribed(name: string): string;
  notSubscribed(name: string): string;
  calendarAttached(events: number): string;
  calendarFileName: string;
  calendarName: string;
  eventTitle(duty: DutyKind, center: string): string;
  eventDescription(line: DeadlineLine): string;
  alarm(duty: DutyKind, center: string, due: string): string;
}

const DUTY_ZH: Record<DutyKind, string> = {
  'annual-summary': '年度工作总结',
  evaluation: '考核评估',
  'support-ends': '专项支持期满',
};
const DUTY_EN: Record<DutyKind, string> = {
  'annual-summary': 'Annual work summary',
  evaluation: 'Evaluation',
  'support-ends': 'End of special support',
};

const zhCN: RemindersMessages = {
  helpSubscribe: '/subscribe 订阅提醒：登记创新中心（或输入已登记中心的名称），到期前在本聊天提醒年度总结、三年评估等',
  helpReminders: '/reminders 查看本聊天已订阅中心的近期提醒',
  helpUnsubscribe: '/unsubscribe 取消本聊天的提醒（可带中心名称）',
  helpCalendar: '/calendar 导出日历文件（.ics），导入 Outlook、WPS 或手机日历',
  askName: (max) =>
    `订阅提醒：依次填写中心名称、所在区县、认定日期和类别，随时可输入“取消”退出。\n\n请输入创新中心的名称（不超过 ${max} 字）。若该中心已登记，本聊天将直接订阅它的提醒。`,
  askDistrict: (name) => `中心名称：${name}\n请输入所在区县（如“渝北区”或“渝北”）。`,
  askRecognized: '请输入认定日期（如 2024-03-15、2024年3月15日、2024/3/15 或 去年3月15日）。',
  askStatus: '请选择类别：经认定的创新中心，还是培育试点？',
  statusLabel: (status) => (status === 'recognised' ? '经认定' : '培育试点'),
  cancelButton: '取消',
  cancelHint: '输入“取消”可退出。',
  nameEmpty: '中心名称不能为空，请输入名称。',
  nameTooLong: (max) => `名称太长了：中心名称不超过 ${max} 字，请重新输入。`,
  districtUnknown: '没有找到这个区县。请输入重庆市的区县名称，如“渝北区”“渝北”“石柱”或“两江新区”。',
  dateRefused: (reason) => {
    switch (reason) {
      case 'empty':
        return '认定日期不能为空。';
      case 'unreadable':
        return '没有读懂这个日期。请按 2024-03-15、2024年3月15日 或 2024/3/15 的格式输入。';
      case 'no-such-day':
        return '这一天不存在（例如 2 月没有 30 日），请检查后重新输入。';
      case 'future':
        return '认定日期不能晚于今天，请输入已经认定的日期。';
      case 'too-early':
        return '认定日期早于方案印发（2017年），请检查后重新输入。';
    }
  },
  statusUnknown: '请选择“经认定”或“培育试点”（可点按钮，也可直接输入）。',
  cancelled: '已取消订阅登记，没有保存任何信息。',
  noDialog: '没有进行中的订阅登记，发送 /subscribe 开始。',
  staleButton: '这个按钮已经过期。',
  registered: ({ name, district, recognized, status }) =>
    `已登记并订阅：${name}\n区县：${district}\n认定日期：${recognized}\n类别：${status === 'recognised' ? '经认定' : '培育试点'}`,
  unverifiedNote: '该中心由本聊天登记，待市级工作人员核实；发送 /unsubscribe 可取消提醒。',
  bound: (name) => `本聊天已订阅“${name}”的提醒。`,
  alreadyBound: (name) => `本聊天已经订阅了“${name}”的提醒。`,
  deadlinesHeading: '接下来的期限：',
  dutyName: (duty) => DUTY_ZH[duty],
  deadline: ({ due, duty, center, clause, next }) =>
    `• ${due} ${DUTY_ZH[duty]}（${center}；依据：${clause}）${next ? `，${next} 起提醒` : ''}`,
  noDeadlines: '近期没有需要提醒的期限。',
  remindersHeading: '本聊天的近期提醒（提醒日期 · 事项 · 中心 · 依据）：',
  upcoming: ({ sendOn, duty, center, due, clause }) =>
    `• ${sendOn} · ${DUTY_ZH[duty]}（期限 ${due}）· ${center} · 依据：${clause}`,
  noCenters: '本聊天还没有订阅任何中心的提醒。发送 /subscribe 登记或订阅。',
  homeHeading: '你订阅的中心接下来的期限',
  noUpcoming: (centers) => `本聊天订阅了 ${centers.join('、')}，近期没有待发的提醒。`,
  unsubscribePick: '本聊天订阅了多个中心，要取消哪一个的提醒？',
  unsubscribed: (name) => `已取消本聊天对“${name}”的提醒。中心登记仍保留，发送 /subscribe ${name} 可重新订阅。`,
  notSubscribed: (name) => `本聊天没有订阅名为“${name}”的中心。`,
  calendarAttached: (events) =>
    `日历文件见附件（${events} 个期限，含提前提醒），可导入 Outlook、WPS 或手机日历。期限日期为本系统设置，以主管部门通知为准。`,
  calendarFileName: '创新中心期限',
  calendarName: '创新中心期限提醒',
  eventTitle: (duty, center) => `${DUTY_ZH[duty]}：${center}`,
  eventDescription: ({ duty, center, clause, due }) =>
    `${center} ${DUTY_ZH[duty]}，期限 ${due}。依据：${clause}（重庆市制造业创新中心建设工程实施方案）。日期为本系统设置，以主管部门通知为准。`,
  alarm: (duty, center, due) => `${DUTY_ZH[duty]}（${center}）期限 ${due}`,
};

const en: RemindersMessages = {
  helpSubscribe:
    '/subscribe  reminders: register a center (or name one already registered) to be reminded here of its annual summary, evaluation and more',
  helpReminders: "/reminders  the upcoming reminders for this chat's centers",
  helpUnsubscribe: '/unsubscribe  stop reminders in this chat (optionally with a center name)',
  helpCalendar: '/calendar  a calendar file (.ics) for Outlook, WPS or a phone calendar',
  askName: (max) =>
    `Reminders: I will ask for the center's name, district, recognition date and status; type cancel at any time to stop.\n\nThe center's name (at most ${max} characters)? If it is already registered, this chat subscribes to it.`,
  askDistrict: (name) =>
    `Center: ${name}\nWhich district or county of Chongqing is it in (e.g. 渝北区, 渝北 or Yubei)?`,
  askRecognized: 'The date of recognition (认定日期), e.g. 2024-03-15, 2024/3/15 or 2024年3月15日?',
  askStatus: 'Is it a recognised center (经认定) or a pilot (培育试点)?',
  statusLabel: (status) => (status === 'recognised' ? 'Recognised' : 'Pilot'),
  cancelButton: 'Cancel',
  cancelHint: 'Type cancel to stop.',
  nameEmpty: 'The name cannot be empty; please type the center’s name.',
  nameTooLong: (max) => `That name is too long: at most ${max} characters, please type it again.`,
  districtUnknown:
    'I do not know that district. Please type a district or county of Chongqing, e.g. 渝北区, 渝北, Yubei or 两江新区.',
  dateRefused: (reason) => {
    switch (reason) {
      case 'empty':
        return 'The date cannot be empty.';
      case 'unreadable':
        return 'I could not read that date. Please type it as 2024-03-15, 2024/3/15 or 2024年3月15日.';
      case 'no-such-day':
        return 'That day does not exist (February has no 30th, for example); please check it.';
      case 'future':
        return 'The date of recognition cannot be later than today.';
      case 'too-early':
        return 'That date is before the plan was issued (2017); please check it.';
    }
  },
  statusUnknown: 'Please choose Recognised or Pilot (press a button or type it).',
  cancelled: 'Registration cancelled; nothing was saved.',
  noDialog: 'No registration in progress; send /subscribe to start one.',
  staleButton: 'That button has expired.',
  registered: ({ name, district, recognized, status }) =>
    `Registered and subscribed: ${name}\nDistrict: ${district}\nRecognised on: ${recognized}\nStatus: ${status === 'recognised' ? 'recognised' : 'pilot'}`,
  unverifiedNote:
    'Registered from this chat, the center awaits verification by city staff; /unsubscribe stops reminders.',
  bound: (name) => `This chat now receives the reminders of “${name}”.`,
  alreadyBound: (name) => `This chat already receives the reminders of “${name}”.`,
  deadlinesHeading: 'Next deadlines:',
  dutyName: (duty) => DUTY_EN[duty],
  deadline: ({ due, duty, center, clause, next }) =>
    `• ${due} ${DUTY_EN[duty]} (${center}; basis: ${clause})${next ? `, reminders from ${next}` : ''}`,
  noDeadlines: 'No deadline to remind of soon.',
  remindersHeading: "Upcoming reminders for this chat's centers (date · duty · center · basis):",
  upcoming: ({ sendOn, duty, center, due, clause }) =>
    `• ${sendOn} · ${DUTY_EN[duty]} (due ${due}) · ${center} · basis: ${clause}`,
  noCenters: 'This chat is not subscribed to any center. Send /subscribe to register or subscribe.',
  homeHeading: 'Next deadlines of your centers',
  noUpcoming: (centers) => `This chat is subscribed to ${centers.join(', ')}; no reminder is due soon.`,
  unsubscribePick: 'This chat is subscribed to several centers; which one should stop?',
  unsubscribed: (name) =>
    `This chat no longer receives the reminders of “${name}”. The center stays registered; /subscribe ${name} subscribes again.`,
  notSubscribed: (name) => `This chat is not subscribed to a center named “${name}”.`,
  calendarAttached: (events) =>
    `The calendar file is attached (${events} deadlines, with alarms) for Outlook, WPS or a phone calendar. The dates are this system's settings; the commission's notices prevail.`,
  calendarFileName: 'innovation-center-deadlines',
  calendarName: 'Innovation center deadlines',
  eventTitle: (duty, center) => `${DUTY_EN[duty]}: ${center}`,
  eventDescription: ({ duty, center, clause, due }) =>
    `${DUTY_EN[duty]} of ${center}, due ${due}. Basis: clause ${clause} of the Chongqing manufacturing innovation center plan. The date is this system's setting; the commission's notices prevail.`,
  alarm: (duty, center, due) => `${DUTY_EN[duty]} (${center}) due ${due}`,
};

const TABLES: Record<Locale, RemindersMessages> = { 'zh-CN': zhCN, en };

/** The reminders feature's strings in `locale`. */
export function remindersMessages(locale: Locale): RemindersMessages {
  return TABLES[locale];
}
