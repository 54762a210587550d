/**
 * @module messages/zh-cn
 * Simplified Chinese strings (the default language).
 */
import { formatWan } from '../figures/index.ts';
import type { Messages } from './types.ts';

const KIND: Record<string, string> = {
  amount: '具体金额',
  ratio: '具体比例',
  date: '具体日期或截止时间',
  duration: '具体时长或期限',
  count: '具体数量',
  contact: '地址、网址或联系方式',
  form: '材料的格式或模板',
  definition: '这一用语的定义或界定口径',
  body: '负责的具体单位',
  list: '具体名单',
  consequence: '这种情况下的后果或处理办法',
};

const cnDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** zh-CN string table. */
export const zhCN: Messages = {
  welcome:
    '您好！我是创新中心政策助手，回答《重庆市制造业创新中心建设工程实施方案》（渝经信发〔2017〕139号）的相关问题，每个回答都引用方案原文和条款。',
  helpIntro: [
    '直接输入问题即可，例如：',
    '• 研发人员要占多少比例？',
    '• 组建资金最少要投入多少？',
    '• 谁来认定创新中心？多久考核一次？',
    '• 3.2.6 或 三（二）6（直接查看条款）',
  ].join('\n'),
  commandsHeading: '命令：',
  helpAsk: '/ask <问题> 提问',
  helpSource: '/source 查看文件来源',
  helpLang: '/lang zh|en 切换语言',
  helpHelp: '/help 查看本帮助',
  basis: (label, path) => `依据：${label}${path ? `（${path}）` : ''}`,
  footer: (s) => `来源：${s.number}（${cnDate(s.date)}），以主管部门最新通知为准。`,
  source: (list) =>
    `${list
      .map((d) =>
        d.status === 'text'
          ? `《${d.title}》（现行解答依据，${d.year}年）\n文号：${d.number ?? '—'}\n发布单位：${d.issuer}\n印发日期：${d.date ? cnDate(d.date) : `${d.year}年`}`
          : `《${d.title}》（${d.year}年，本助手未收录原文，不据此作答）\n发布单位：${d.issuer}\n文号：${d.number ?? '未核实'}`,
      )
      .join('\n\n')}\n\n以主管部门最新通知为准。`,
  laterNotice: (d) => `注意：${d.issuerShort}${d.year}年印发的《${d.title}》对此可能有新的规定，请以现行文件为准`,
  noDistinction: (terms, year, answered) =>
    `${year}年的方案没有把创新中心分为${terms.join('、')}等类别${answered ? '，以下是方案对所有创新中心的规定：' : '。'}`,
  historyHeading: (year) => `原方案（${year}）规定：`,
  originalTextNote: '',
  readingLabel: (_id, label) => label,
  readingHeading: (label, path) => (path ? `${label}（${path}）` : label),
  readingNote: '（非官方译文，以中文原文为准）',
  originalHeading: '原文：',
  relatedHeading: '相关条款：',
  clauseChoice: (label, title) => (title ? `${label} ${title}` : label),
  notCovered: '方案没有涉及这个问题。',
  noSuchClause: (reference, numbering) =>
    `方案中没有编号为 ${reference} 的条款。现有条款编号：${numbering.join('、')}（也可写作 三（一）4 这样的形式）。`,
  sectionHeading: (reference) => `${reference} 是方案中一个部分的标题，本身没有条文，包括以下条款：`,
  figureVerdict: (understood, met, threshold) =>
    `按您给出的数字：${understood}，${met ? '达到' : '未达到'}“不低于${threshold}”。仅供参考，以主管部门认定为准。`,
  figureNotPaid:
    '方案看的是组建资金的“实际投入”：认缴额、注册资本或计划投入都不等于实际投入，请按实际到位（实缴）的金额对照。仅供参考，以主管部门认定为准。',
  figureAmount: (yuan) => `${formatWan(yuan)}元`,
  figureAmountInRatio: (yuan) => formatWan(yuan),
  detailNotGiven: (kind) => `方案提到了相关内容，但没有规定${KIND[kind ?? ''] ?? '这一细节'}。`,
  otherQuantity: (figure, clause, measures) =>
    `方案没有规定您问的这个数值。${clause}中的“${figure}”指的是${measures['zh-CN']}，不是您问的数量。`,
  otherDocument: '这个问题问的是其他政策、项目或文件的具体规定：本方案只提到它们，没有规定其内容。',
  currentState: '本方案印发于2017年，不包含当前已认定的名单、今年的批次或截止日期等信息，请以主管部门最新通知为准。',
  taskRequest: '我只解答方案条文的内容，不代写、翻译或修改文稿。',
  nearestHeading: '相关条款（仅供参考，并非答案）：',
  coverage:
    '本方案涵盖：总体要求（指导思想、建设目标、基本原则）、具体任务、组建和运行（基本条件、运行要求、牵头单位要求、重点布局领域）、组织实施（方案编制、方案评定、后续评估）、保障措施。',
  helpHint: '发送 /help 查看用法。',
  emptyQuestion: '请输入您的问题，例如：研发人员要占多少比例？',
  followUpReading: (reading) => `（接上一问，按“${reading}”理解）`,
  tooLong: (length, max) => `问题太长（${length} 字），请精简到 ${max} 字以内再提问。`,
  noContent: '没有看懂这条消息：请用文字描述您的问题，或输入条款编号（如 3.2.6）。',
  askUsage: '用法：/ask <问题>，例如 /ask 组建资金最少要投入多少？',
  langUsage: '用法：/lang zh 或 /lang en',
  langSet: '已切换为中文。',
  unknownCommand: (c) => `不认识的命令 ${c}。发送 /help 查看可用命令。`,
  unknownChoice: '这个按钮已失效，请重新提问。',
  internalError: '抱歉，处理您的消息时出了问题，请稍后再试。',
  sectionAnswer: (heading, count) => `方案“${heading}”共 ${count} 条，按原文顺序如下：`,
  stepsAnswer: (heading, count) => `按方案“${heading}”，认定分 ${count} 步，依次如下：`,
  sectionContinued: (heading, part, parts) => `${heading}（续，${part}/${parts}）`,
  openDetails: (kinds) => `${kinds.map((k) => KIND[k] ?? '这一细节').join('、')}方案未规定。`,
  openQuestions: (questions) =>
    `另外，您问的${questions.map((q) => `“${q.replace(/[？?！!。；;]+$/, '')}”`).join('、')}，方案未作规定。`,
  noSuchOption: (typed, count) =>
    `没有第 ${typed} 项：请输入 ${count > 1 ? `1–${count}` : '1'} 选择上面的选项，或直接输入问题。`,
};
