/**
 * @module eligibility/messages
 * What the eligibility check says, zh-CN and en side by side: one plain object per language, both
 * typed by {@link EligibilityMessages}, so a missing translation is a type error. Strings that
 * belong to one criterion (its prompt, example, advice) live with the criterion in
 * `knowledge/eligibility.json`; this file holds the ones every criterion shares.
 */
import { formatWan } from '../figures/index.ts';
import type { Locale } from '../ports.ts';
import type { CriterionStatus, Verdict } from './types.ts';

/** One next step of the report: a clause of 四、组织实施 and the sentences it quotes or follows. */
export interface NextStep {
  clause: string;
  title: string;
  /** zh-CN: the plan's own sentences, verbatim (a test checks it); en: a close translation. */
  points: string[];
}

/** Every string the eligibility check shares between criteria, in one language. */
export interface EligibilityMessages {
  // reading answers
  /** `例如：“…”` under a re-asked question. */
  example(example: string): string;
  retryEmpty: string;
  retryTooLong(max: number): string;
  retryMarkup: string;
  retryUnreadable: string;
  retryYesNo: string;
  retryYesNoMixed: string;
  retryAmountNoUnit: string;
  retryAmountSeveral: string;
  retryAmountMissing: string;
  retryNegative: string;
  retryNotFinite: string;
  /** `0.3` → 30% or 0.3%? */
  retryBareFraction(value: number): string;
  retryPartExceedsWhole: string;
  retryNoWhole: string;
  retryRatioOver100: string;
  retryRatioMissing: string;
  retryFieldUnknown: string;
  retryFieldSeveral(labels: string[]): string;
  retryMultichoiceUnknown: string;
  /** Why an answer is unknown. */
  reasonUnsure: string;
  reasonSkipped: string;
  reasonPending: string;
  yes: string;
  no: string;
  /** `1200万元` / `12,000,000 yuan`. */
  amount(yuan: number): string;
  /** The amount inside a ratio's quotient (no unit word in zh: `900万`). */
  amountInRatio(yuan: number): string;
  /** `（含研发设备200万元）`. */
  amountIncludes(parts: { label: string; yuan: number }[]): string;
  /** Marks an amount as paid in. */
  paidIn(amount: string): string;
  /** `、` or `, `. */
  listSeparator: string;
  none: string;
  // evaluating
  unanswered: string;
  unreadable(retry: string): string;
  /** `1200万元，达到“不低于1000万元”`. */
  reached(understood: string, threshold: string): string;
  notReached(understood: string, threshold: string): string;
  answered(understood: string): string;
  includesAll(labels: string): string;
  includesMissing(labels: string, missing: string): string;
  fieldListed(field: string): string;
  fieldNotListed(field: string): string;
  fieldFree(field: string): string;
  fieldTaken(field: string): string;
  // reporting
  reportTitle: string;
  verdictLine(verdict: string): string;
  verdict: Record<Verdict, string>;
  disclaimer: string;
  /** `对照：《…》（渝经信发〔2017〕139号）`. */
  against(title: string, number: string): string;
  /** `❌ 不符合：三（一）3、三（二）6`: the clauses of one status, under the verdict. */
  shortfall(icon: string, status: string, labels: string): string;
  resultsHeading: string;
  statusIcon: Record<CriterionStatus, string>;
  statusName: Record<CriterionStatus, string>;
  /** `依据：三（一）4`. */
  basis(label: string): string;
  adviceLabel: string;
  nextStepsHeading: string;
  nextSteps: NextStep[];
}

/** Chinese digits grouped the way people read money: `1200万元`, `999.99万元`, `5000元`. */
const wan = formatWan;

/** A fraction as a percentage without float noise: 0.3 → 30. */
function percentOf(fraction: number): number {
  return Number((fraction * 100).toFixed(6));
}

/** The zh-CN strings. */
export const eligibilityZhCN: EligibilityMessages = {
  example: (example) => `例如：“${example}”`,
  retryEmpty: '没有收到回答。',
  retryTooLong: (max) => `回答太长了（最多${max}个字），请简短回答。`,
  retryMarkup: '回答里不能含有网页标记，请直接写文字。',
  retryUnreadable: '没能看懂这个回答。',
  retryYesNo: '请回答“是”或“否”；不清楚可回答“不清楚”，尚在筹建可回答“筹建中”。',
  retryYesNoMixed: '这个回答里既有肯定也有否定。这一条要全部具备才算“是”，请回答“是”或“否”。',
  retryAmountNoUnit: '请写明单位，例如“1200万元”或“12000000元”。',
  retryAmountSeveral: '回答里有几个金额，请只写一个：全部成员单位实际投入的合计。',
  retryAmountMissing: '请写出金额。',
  retryNegative: '数字不能是负数。',
  retryNotFinite: '这个数字看不懂，请写一个正常的数字。',
  retryBareFraction: (value) => `“${value}”是指${percentOf(value)}%还是${value}%？请带上百分号，例如“30%”。`,
  retryPartExceedsWhole: '部分不能大于总数，请检查两个数字。',
  retryNoWhole: '只看到一个数字。请写百分比，或同时写出部分和总数。',
  retryRatioOver100: '比例不能超过100%，请检查。',
  retryRatioMissing: '请写出百分比，或写出部分和总数两个数字。',
  retryFieldUnknown: '没有找到这个领域。请写列表中的领域名称或序号；不在列表中的，请回复“其他”。',
  retryFieldSeveral: (labels) => `回答里有几个领域（${labels.join('、')}），请只选一个最主要的。`,
  retryMultichoiceUnknown: '没有识别出选项。请写选项名称或序号，用顿号分隔；都没有可回答“都没有”。',
  reasonUnsure: '回答为不清楚',
  reasonSkipped: '已跳过',
  reasonPending: '尚在筹建',
  yes: '是',
  no: '否',
  amount: (yuan) => `${wan(yuan)}元`,
  amountInRatio: (yuan) => wan(yuan),
  amountIncludes: (parts) => `（含${parts.map((p) => `${p.label}${wan(p.yuan)}元`).join('、')}）`,
  paidIn: (amount) => `实缴${amount}`,
  listSeparator: '、',
  none: '无',
  unanswered: '未回答',
  unreadable: (retry) => `未能识别回答：${retry}`,
  reached: (understood, threshold) => `${understood}，达到“不低于${threshold}”`,
  notReached: (understood, threshold) => `${understood}，未达到“不低于${threshold}”`,
  answered: (understood) => `回答：${understood}`,
  includesAll: (labels) => `已包括：${labels}`,
  includesMissing: (labels, missing) => `已包括：${labels}；缺少：${missing}`,
  fieldListed: (field) => `${field}（属于三（四）重点布局领域）`,
  fieldNotListed: (field) => `${field}（不在三（四）所列重点布局领域内）`,
  fieldFree: (field) => `${field}：尚无经核实的已认定创新中心`,
  fieldTaken: (field) => `${field}：已有经认定的创新中心（“一行业（领域）一中心”）`,
  reportTitle: '制造业创新中心组建条件自测报告',
  verdictLine: (verdict) => `结论：${verdict}`,
  verdict: { eligible: '符合基本条件', not_yet: '暂不符合', undetermined: '信息不足' },
  disclaimer: '自测结果仅供参考，不代表认定结论。',
  against: (title, number) => `对照：《${title}》（${number}）`,
  shortfall: (icon, status, labels) => `${icon} ${status}：${labels}`,
  resultsHeading: '逐项结果',
  statusIcon: { met: '✅', unmet: '❌', unknown: '❔', warning: '⚠️' },
  statusName: { met: '符合', unmet: '不符合', unknown: '信息不足', warning: '提示' },
  basis: (label) => `依据：${label}`,
  adviceLabel: '建议',
  nextStepsHeading: '下一步',
  nextSteps: [
    {
      clause: '4.1',
      title: '方案编制',
      points: [
        '牵头单位与行业内相关企业、科研院所、高校等达成共建意向，签署共建协议，共同编制创新中心建设方案。',
        '建设方案要详细分析创新中心的建设基础条件和建设规划，明确创新中心的技术发展方向和目标，明确运营模式，量化提出创新中心的预期成果以及经济社会效益等内容。',
      ],
    },
    {
      clause: '4.2',
      title: '方案评定',
      points: [
        '牵头单位将创新中心建设方案提交市经济信息委。',
        '市经济信息委结合我市制造业的优势产业和制造业创新发展的重点方向，经过材料初审、专家论证、现场考核、综合评估后确定创新中心拟认定和培育试点名单，报委主任办公会审定后予以认定，并向社会公示。',
        '对公示后无异议的制造业创新中心，市经济信息委予以发文批复和授牌。',
        '对经认定的制造业创新中心，前三年连续给予专项支持。',
      ],
    },
    {
      clause: '4.3',
      title: '后续评估',
      points: [
        '经认定和培育试点的创新中心，由牵头单位组织推进相关研发创新活动，每年向市经济信息委报送工作总结。',
        '市经济信息委对其规划实施和运行管理情况每三年定期进行考核评估。',
        '考核评估合格的，对其创新项目给予专项支持。若考核评估不合格，则三年内不再纳入创新中心支持范围。',
        '相关考核评估办法另行制定。',
      ],
    },
  ],
};

/** The English strings. */
export const eligibilityEn: EligibilityMessages = {
  example: (example) => `For example: “${example}”`,
  retryEmpty: 'No answer received.',
  retryTooLong: (max) => `That answer is too long (at most ${max} characters); please keep it short.`,
  retryMarkup: 'Answers cannot contain web markup; please type plain text.',
  retryUnreadable: 'Sorry, I could not read that answer.',
  retryYesNo: 'Please answer “yes” or “no”; “not sure” if you do not know, “planned” if it is being set up.',
  retryYesNoMixed:
    'That answer says both yes and no. The condition counts as “yes” only when all of it holds; please answer “yes” or “no”.',
  retryAmountNoUnit: 'Please give the unit, e.g. “12 million yuan” or “1200万元”.',
  retryAmountSeveral: 'That answer has several amounts; please give one: the total actually invested by all members.',
  retryAmountMissing: 'Please give the amount.',
  retryNegative: 'The number cannot be negative.',
  retryNotFinite: 'That number cannot be read; please type an ordinary number.',
  retryBareFraction: (value) =>
    `Does “${value}” mean ${percentOf(value)}% or ${value}%? Please add the percent sign, e.g. “30%”.`,
  retryPartExceedsWhole: 'The part cannot be larger than the whole; please check the two numbers.',
  retryNoWhole: 'I see only one number. Give a percentage, or both the part and the whole.',
  retryRatioOver100: 'A share cannot exceed 100%; please check.',
  retryRatioMissing: 'Please give a percentage, or the two numbers (part and whole).',
  retryFieldUnknown:
    'I did not find that field. Give a field name or number from the list, or “other” if it is not listed.',
  retryFieldSeveral: (labels) => `That names several fields (${labels.join(', ')}); please choose the main one.`,
  retryMultichoiceUnknown:
    'I did not recognise any option. Give option names or numbers separated by commas, or “none”.',
  reasonUnsure: 'answered “not sure”',
  reasonSkipped: 'skipped',
  reasonPending: 'still being set up',
  yes: 'yes',
  no: 'no',
  amount: (yuan) => `${yuan.toLocaleString('en-US')} yuan`,
  amountInRatio: (yuan) => yuan.toLocaleString('en-US'),
  amountIncludes: (parts) =>
    ` (including ${parts.map((p) => `${p.label} ${p.yuan.toLocaleString('en-US')} yuan`).join(', ')})`,
  paidIn: (amount) => `${amount} paid in`,
  listSeparator: ', ',
  none: 'none',
  unanswered: 'not answered',
  unreadable: (retry) => `answer not understood: ${retry}`,
  reached: (understood, threshold) => `${understood}, meets “at least ${threshold}”`,
  notReached: (understood, threshold) => `${understood}, below “at least ${threshold}”`,
  answered: (understood) => `answer: ${understood}`,
  includesAll: (labels) => `includes: ${labels}`,
  includesMissing: (labels, missing) => `includes: ${labels}; missing: ${missing}`,
  fieldListed: (field) => `${field} (a priority field of 3.4)`,
  fieldNotListed: (field) => `${field} (not among the priority fields of 3.4)`,
  fieldFree: (field) => `${field}: no verified recognised center yet`,
  fieldTaken: (field) => `${field}: a recognised center already exists (“one center per industry”)`,
  reportTitle: 'Manufacturing innovation center: eligibility self-check',
  verdictLine: (verdict) => `Result: ${verdict}`,
  verdict: {
    eligible: 'meets the basic conditions',
    not_yet: 'does not meet them yet',
    undetermined: 'not enough information',
  },
  disclaimer: 'This self-check is for reference only; it is not a recognition decision.',
  against: (title, number) => `Checked against: ${title} (${number})`,
  shortfall: (icon, status, labels) => `${icon} ${status}: ${labels}`,
  resultsHeading: 'Criterion by criterion',
  statusIcon: { met: '✅', unmet: '❌', unknown: '❔', warning: '⚠️' },
  statusName: { met: 'met', unmet: 'not met', unknown: 'unknown', warning: 'warning' },
  basis: (label) => `Basis: ${label}`,
  adviceLabel: 'What to do',
  nextStepsHeading: 'Next steps',
  nextSteps: [
    {
      clause: '4.1',
      title: 'Preparing the construction plan',
      points: [
        'The lead unit reaches an intent to build the center jointly with related companies, research institutes, universities and others of the industry, signs a co-building agreement, and writes the center’s construction plan (建设方案) together with them.',
        'The construction plan analyses in detail the center’s foundations and building plan, sets its technology direction and goals and its operating model, and quantifies its expected results and economic and social benefits.',
      ],
    },
    {
      clause: '4.2',
      title: 'Assessment of the plan',
      points: [
        'The lead unit submits the construction plan to the Municipal Economy and Information Technology Commission (市经济信息委).',
        'After a review of the materials, expert evaluation, an on-site assessment and an overall evaluation, the commission draws up the list of centers to be recognised and of pilots; the commission directors’ meeting approves it, and the list is published for public comment.',
        'Centers with no objection after publication receive the commission’s official approval and plaque.',
        'Recognised centers receive dedicated support for their first three years in a row.',
      ],
    },
    {
      clause: '4.3',
      title: 'Follow-up evaluation',
      points: [
        'Recognised and pilot centers carry out their R&D under the lead unit and send the commission a work summary every year.',
        'The commission evaluates their plan implementation and operation every three years.',
        'A center that passes receives dedicated support for its innovation projects; one that fails is left out of the center support for three years.',
        'The evaluation rules are to be issued separately.',
      ],
    },
  ],
};

/** The eligibility strings of a locale. */
export function eligibilityMessages(locale: Locale): EligibilityMessages {
  return locale === 'en' ? eligibilityEn : eligibilityZhCN;
}
