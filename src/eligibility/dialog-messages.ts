/**
 * @module eligibility/dialog-messages
 * What the self-check dialog says, zh-CN and en side by side; a missing translation is a type
 * error.
 */
import type { Locale } from '../ports.ts';
import type { Subject } from './types.ts';

/** The dialog's strings in one language. */
export interface DialogMessages {
  helpLine: string;
  menuLabel: string;
  intro(count: number): string;
  resumed(answered: number, count: number): string;
  /** `（3/17）依托公司` */
  questionHeader(index: number, count: number, subject: Subject): string;
  basis(label: string): string;
  navHint: string;
  yes: string;
  no: string;
  unsure: string;
  back: string;
  skip: string;
  why: string;
  quit: string;
  done: string;
  all: string;
  retry: string;
  picked(labels: string[]): string;
  pickNone: string;
  understood(text: string): string;
  skipped: string;
  atFirst: string;
  quitDone(days: number): string;
  staleButton: string;
  noDialog: string;
  deleted: string;
  nothingToDelete: string;
  restarted: string;
  backToQuestion: string;
  summaryReady: string;
  reportAttached: string;
  docxButton: string;
  markdownButton: string;
  editButton: string;
  restartButton: string;
  editPick: string;
  noReport: string;
  checkUsage: string;
  reportFileName: string;
  /** The home screen: a self-check left unfinished. */
  homeUnfinished(answered: number, count: number): string;
  /** The home screen's button that resumes it. */
  homeResume: string;
}

const SUBJECT_ZH: Record<Subject, string> = {
  center: '创新中心',
  'backing-company': '创新中心依托公司',
  alliance: '创新中心的联盟',
  'lead-unit': '牵头单位',
};
const SUBJECT_EN: Record<Subject, string> = {
  center: 'the center',
  'backing-company': "the center's backing company",
  alliance: "the center's alliance",
  'lead-unit': 'the lead unit',
};

const zhCN: DialogMessages = {
  helpLine: '/check 资格自测：逐条对照方案条件，看能否组建创新中心、还缺什么',
  menuLabel: '资格自测',
  intro: (count) =>
    `资格自测：共 ${count} 题，逐条对照方案“三、组建和运行”等条件，每题注明依据条款。\n自测结果仅供参考，不代表认定结论。`,
  resumed: (answered, count) => `继续上次未完成的自测（已回答 ${answered}/${count} 题）。`,
  questionHeader: (index, count, subject) => `（${index}/${count}）${SUBJECT_ZH[subject]}`,
  basis: (label) => `依据：${label}`,
  navHint: '可输入“上一步”“跳过”“原文”“退出”。',
  yes: '是',
  no: '否',
  unsure: '不清楚',
  back: '上一步',
  skip: '跳过',
  why: '原文',
  quit: '退出',
  done: '完成',
  all: '以上都有',
  retry: '没有读懂这个回答。',
  picked: (labels) => `已选：${labels.join('、')}。可继续选择，选好后按“完成”。`,
  pickNone: '还没有选择任何一项：请选择，或按“跳过”。',
  understood: (text) => `已记录：${text}`,
  skipped: '已跳过，这一项记为“信息不足”。',
  atFirst: '已经是第一题了。',
  quitDone: (days) => `已退出自测。已填写的回答保留 ${days} 天，发送 /check 可继续；发送 /check delete 可删除。`,
  staleButton: '这个按钮对应的问题已经过去，当前的问题是：',
  noDialog: '没有进行中的自测，发送 /check 开始。',
  deleted: '已删除您的自测回答和报告。',
  nothingToDelete: '没有可删除的自测记录。',
  restarted: '已清空回答，重新开始。',
  backToQuestion: '回到自测：',
  summaryReady: '以上为自测结果，可下载报告或修改回答。',
  reportAttached: '自测报告见附件（仅供参考，不代表认定结论）。',
  docxButton: '下载 Word 报告',
  markdownButton: '下载 Markdown 报告',
  editButton: '修改回答',
  restartButton: '重新开始',
  editPick: '要修改哪一题？',
  noReport: '还没有自测报告，发送 /check 开始自测。',
  checkUsage: '用法：/check 开始或继续自测；/check restart 重新开始；/check delete 删除回答和报告。',
  reportFileName: '创新中心资格自测报告',
  homeUnfinished: (answered, count) => `你有一份未完成的资格自测（已回答 ${answered}/${count} 题），下一题：`,
  homeResume: '继续自测',
};

const en: DialogMessages = {
  helpLine: '/check  self-check: can you set up an innovation center under the plan, and what is missing',
  menuLabel: 'Self-check',
  intro: (count) =>
    `Self-check: ${count} questions on the plan's conditions (mainly section 三, setting up and running a center), each citing its clause.\nThe result is for reference only and is not a recognition decision.`,
  resumed: (answered, count) => `Resuming your unfinished self-check (${answered}/${count} answered).`,
  questionHeader: (index, count, subject) => `(${index}/${count}) ${SUBJECT_EN[subject]}`,
  basis: (label) => `Basis: ${label}`,
  navHint: 'You can type back, skip, why or cancel.',
  yes: 'Yes',
  no: 'No',
  unsure: 'Not sure',
  back: 'Back',
  skip: 'Skip',
  why: 'Clause text',
  quit: 'Cancel',
  done: 'Done',
  all: 'All of these',
  retry: 'I could not read that answer.',
  picked: (labels) => `Selected: ${labels.join(', ')}. Pick more, then press Done.`,
  pickNone: 'Nothing selected yet: pick at least one, or press Skip.',
  understood: (text) => `Noted: ${text}`,
  skipped: 'Skipped; this item counts as "not enough information".',
  atFirst: 'This is the first question.',
  quitDone: (days) =>
    `Self-check closed. Your answers are kept for ${days} days: send /check to continue, /check delete to delete them.`,
  staleButton: 'That button belongs to an earlier question; the current question is:',
  noDialog: 'No self-check in progress; send /check to start one.',
  deleted: 'Your self-check answers and report are deleted.',
  nothingToDelete: 'There is no self-check record to delete.',
  restarted: 'Answers cleared; starting again.',
  backToQuestion: 'Back to the self-check:',
  summaryReady: 'That is the result: download the report or change an answer.',
  reportAttached: 'The self-check report is attached (for reference only; not a recognition decision).',
  docxButton: 'Word report',
  markdownButton: 'Markdown report',
  editButton: 'Change an answer',
  restartButton: 'Start again',
  editPick: 'Which answer do you want to change?',
  noReport: 'No self-check report yet; send /check to start.',
  checkUsage:
    'Usage: /check starts or resumes; /check restart starts again; /check delete deletes your answers and report.',
  reportFileName: 'innovation-center-self-check',
  homeUnfinished: (answered, count) =>
    `You have an unfinished self-check (${answered}/${count} answered). Next question:`,
  homeResume: 'Resume the self-check',
};

/** The dialog strings of a locale. */
export function dialogMessages(locale: Locale): DialogMessages {
  return locale === 'en' ? en : zhCN;
}
