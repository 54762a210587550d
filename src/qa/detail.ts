/**
 * @module qa/detail
 * What kind of detail a question asks for (an amount, a ratio, a date, a duration, a count, a
 * contact or form, a body), and whether a clause's text holds a detail of that kind. A question
 * asking for a figure the nearest clause does not state is a near miss: the plan mentions the
 * topic but does not give the detail, so the bot must not quote the clause as the answer.
 */
import { alternation, lexicon } from '../knowledge-base/index.ts';
import { normalize } from './text.ts';

/** The vocabulary of the kinds of detail (`detail` in `knowledge/lexicon.json`). */
const WORDS = lexicon().detail;
/** The English words of one kind, as whole words or phrases. */
const en = (kind: keyof typeof WORDS.en): string => `\\b(?:${alternation(WORDS.en[kind])})\\b`;
/** "how large a subsidy", "how big a grant": the size of a sum of money (`money` words are stems). */
const EN_AMOUNT_SIZE = `${en('amountSize')}.{0,30}\\b(?:${alternation(WORDS.en.money)})`;
/** "When is …", "…? When do we …": a `when` opening a question, not one of a clause (when setting up). */
const EN_WHEN = `(?:^|[.?!,;:]\\s*|\\b(?:and|so|then|but)\\s+)when\\s+(?:${alternation(WORDS.en.when)})\\b`;
/** "How often": a duration question that only a stated frequency answers. */
const EN_FREQUENCY = new RegExp(en('frequency'));

/** Kinds of detail a question can ask for. */
export type DetailKind =
  | 'amount'
  | 'ratio'
  | 'date'
  | 'duration'
  | 'count'
  | 'number'
  | 'contact'
  | 'form'
  | 'definition'
  | 'body'
  | 'list'
  /** What follows in a case (后果, 会怎样): set only by the gate of `qa/consequence`. */
  | 'consequence';

/** The kind asked for and, when the question names one, the unit (天, 年, 月 …). */
export interface DetailAsked {
  kind: DetailKind;
  unit?: string;
  /** A "how often" question (多久一次): only a stated frequency (每…) answers it. */
  frequency?: boolean;
  /** "多长时间内到位": a time limit, which only a stated figure answers (not 长期 or 持续). */
  limit?: boolean;
  /**
   * "评审一般要多长时间": how long a procedure takes, which only a stated processing time (30个工作日内)
   * answers, not how long something lasts (前三年连续给予专项支持).
   */
  process?: boolean;
  /**
   * A head count asked against a total the question gives ("100个人，搞研发的要多少人"): a share
   * of the staff answers it as well as a number of people.
   */
  shareOfTotal?: boolean;
  /**
   * An amount the government grants ("专项支持给多少", "财政投入多少"), which a sum the members invest
   * (组建资金不低于1000万元) does not answer.
   */
  granted?: boolean;
  /** A figure per unit ("每个领域几个"), which a total (10-15个) does not answer. */
  perUnit?: boolean;
  /** What "X数量" counts (股东数量 → 股东): a stated count of something else does not answer it. */
  counted?: string;
}

interface AskPattern {
  kind: DetailKind;
  re: RegExp;
  /** The unit is the first capture group when present. */
}

/** "股东数量", "专家的数量": the thing a count question counts, when it names one. */
const COUNTED = new RegExp(`(${alternation(WORDS.counted)})的?数量`);

/** How long a procedure takes: 评审要多久, 认定下来要多长时间, how long does the review take. */
const PROCESS_TIME = new RegExp(
  `(${alternation(WORDS.procedure)})(一般|通常|大概|大约|总共|一共|前后)?(要|需要|得)?(花)?(多长时间|多久|几天|几个月)|\\bhow long\\b.{0,60}\\b(takes?|review|approval|process(ing)?)\\b`,
);

/** A head count stated in a question ("100个人", "200名员工", "200号人"). */
export const HEADCOUNT = /\d+\s*(?:个|名|位)?(?:人|员工|职工|号人)/;

/** "每个领域", "各区县": a figure asked for each unit, not in total. */
const PER_UNIT = /(每(个|家|一个|一家|位|名|项)|各(个|家)?(领域|区县|行业|中心|企业|单位))|\b(per|each)\b/i;

/** Money the government gives, as opposed to money the members put in. */
const GRANTED = new RegExp(`(${alternation(WORDS.granted.zh)})|\\b(${alternation(WORDS.granted.en)})\\b`, 'i');
/** A sum the members invest. */
const INVESTED = new RegExp(`(${alternation(WORDS.invested)})`);

/** Measure words of a count (几家, 10-15个): one list for the question and the clause side. */
const COUNT_UNITS = '个|家|名|位|人|项|所|批|次|篇|份|本|张|台|套|件';

/** Characters before 几 that make it "several" (有几家, 就几家, 我们几家), not "how many". */
const SEVERAL_BEFORE = '有是就光这那好们';

// Order matters: the first pattern that matches decides (比例 before 多少, 几天 before 几).
const ASK_PATTERNS: AskPattern[] = [
  {
    kind: 'contact',
    re: new RegExp(`(${alternation(WORDS.contact)}|[在去到]哪(里|儿)?(交|报|办|递|下|领|填)|${en('contact')})`),
  },
  {
    // After contact: "where do we submit the application form" asks where.
    kind: 'form',
    re: new RegExp(`(${alternation(WORDS.form)}|${en('form')})`),
  },
  {
    // "中小企业咋界定": the plan uses its terms without defining them.
    kind: 'definition',
    re: new RegExp(
      `(${alternation(WORDS.definition)}|(怎么|如何|按什么标准来?|按啥标准)划分|按(什么|啥)标准来?(评判|评定|判定|判断|衡量|界定)|${en('definition')})`,
    ),
  },
  {
    kind: 'ratio',
    re: new RegExp(
      `((比例|比重|占比|百分比)[^，。？?]{0,6}(多少|几|多高|多大|要求|规定|标准|门槛)|(多少|什么|啥|多大|怎样的)(的)?(比例|比重|占比)(?!(来|去)?(分|享受))|百分之几|几成|几折|占.{0,8}(多少|几|多大)|多大(的)?(比例|股份|份额|比重)|多少%|${en('ratio')})`,
    ),
  },
  {
    kind: 'amount',
    re: new RegExp(
      `(多少钱|几个钱|多少(万|亿)?(元|块)|(资金|经费|补贴|补助|资助|奖励|扶持|支持|收入|营收|营业额|产值|利润)[^，。？?]{0,6}?(是|有|给|要)?多少(?!(天|日|个月|周|星期|年|%|个|家|比例))|几(万|千|百)(元|块)?|多少资金|多少经费|金额|额度|给多少|拿多少|补多少|奖多少|投多少|投入多少|出多少|交多少|收多少|多少补|(资金|经费)[^，。？?]{0,3}规模|收费|会费|津贴|薪酬|工资|补(贴|助)标准|资助标准|奖励标准|[费金](的)?标准|${en('amount')}|${EN_AMOUNT_SIZE})`,
    ),
  },
  {
    kind: 'duration',
    // 截止是多久 (Chongqing: 好久) asks when, not how long.
    re: new RegExp(
      `(几|多少)个?(天|日|工作日|个月|周|星期|年)|((?<!(截止|截至)[是到在为]?)多久|多长时间|多长期限|期限多长|多长|${en('duration')})`,
    ),
  },
  {
    kind: 'date',
    // The question is normalised, so 哪一年 arrives as 哪1年.
    re: new RegExp(
      `(几月|几号|哪[1一]?天|什么时候|啥时候|何时|哪[1一]?年|日期|截止|截至|多久|${en('date')}|${EN_WHEN})`,
    ),
  },
  {
    kind: 'count',
    // "The document number of the notice" names the document; it counts nothing. 人数200人 states one.
    re: new RegExp(
      `(?<!哪)(几|多少)(${COUNT_UNITS})|((人数|数量)(?![是为有共约达]?\\d)|(?<!\\b(?:document|reference|file|serial) )${en('count')})`,
      'i',
    ),
  },
  {
    // Any other "how much / how many" (达到多少, 净资产最少要多少): some figure.
    kind: 'number',
    re: new RegExp(`(多少|(?<![哪${SEVERAL_BEFORE}])几(?!${COUNT_UNITS}|[方块类条种面])|${en('number')})`),
  },
  {
    kind: 'body',
    // 归谁 alone asks who owns something (收益归谁), not which body acts.
    re: new RegExp(
      `((由|是|找|交给|报给|报送给|提交给)谁|归谁(管|负责)|谁(来|负责|组织|认定|评|审|批|管|牵头|主持|担任|当|定|拍板|说了算|发|印发|制定)|哪个(部门|单位|机构)|哪家(单位|部门|机构)|什么(部门|单位|机构)|由.{0,6}(负责|组织|认定|评估|考核)|${en('body')})`,
    ),
  },
  {
    kind: 'list',
    re: new RegExp(`(哪些|哪几|包括什么|包含什么|列举|${en('list')})`),
  },
];

const YES_NO =
  /(吗|(?<![什怎这那多要])么|嘛|吧|不|没|没有|否)[\s?？!！。.]*$|是否|能否|可否|有没有|是不是|要不要|能不能|可不可以|行不行|算不算|够不够|需不需要|会不会|给不给|([\u4e00-\u9fff])[不没]\2|^(is|are|does|do|can|could|should|must|will|has|have)\b/i;

/**
 * A question word after 不管, 无论, 不论 or 不看 asks nothing ("不管哪个前期投了好多，可以平分不", "不看各自投了
 * 多少"): the phrase runs to the next punctuation.
 */
const CONCESSIVE = /(不管|无论|不论|不看|不问|不考虑)[^，,。；;？?！!]*/g;

/** The text without its concessive phrases ({@link CONCESSIVE}). */
function withoutConcessive(q: string): string {
  return q.replace(CONCESSIVE, '');
}

/** Replaces the 几 of a number ("二十几个人", "十几年", "几十家") with 余: an approximate number asks nothing. */
export function withoutNumbersAround(q: string): string {
  return q.replace(/([\d十百千万])几/g, '$1余').replace(/几(?=[\d十百千万])/g, '余');
}

/** A verb bringing partners in before 几 and a measure word ({@link withoutApproximateNumbers}). */
const BRING_IN_SEVERAL = new RegExp(`(拉|找|请|叫|约|带|吸收|吸纳|引进|邀请|联合|拿|用)几(?=(${COUNT_UNITS}))`, 'g');

/**
 * Replaces the 几 of approximate numbers ("二十几个人", "十几年", "几十家") and of "a few" after a
 * verb ("合作过几个项目") with 余/些, so that they are not read as questions.
 */
function withoutApproximateNumbers(q: string): string {
  const text = withoutNumbersAround(withoutConcessive(q))
    .replace(/([过了])几/g, '$1些')
    // 好几年, 这几家, 近几年: a few, never a question.
    .replace(/(好|这|那|近|最近)几(?=[十百千万个家名位项年月天次条所种类])/g, '$1些')
    // "几家一起凑", "合伙的几家单位", "市里几个部门一起管", "我们想几家平分": the several partners, not how many.
    .replace(
      new RegExp(
        `(^|[，,；;\\s的和跟与同里想头们])几(?=(${COUNT_UNITS})[^。？?]{0,16}(一起|一块|联合|合伙|合作|共同|各|平分|均分|平摊|分摊|之间|配合|协同|协作|联动))`,
        'g',
      ),
      '$1些',
    )
    .replace(/的几(?=[个家位])/g, '的些');
  // "要不要拉几家同行进来", "可以找几所高校一起吗": in a yes/no question, whom one brings in is several.
  return YES_NO.test(q) ? text.replace(BRING_IN_SEVERAL, '$1些') : text;
}

/**
 * True for a yes/no question ("…要达到30%吗"): a figure in it is part of the question, so a clause
 * without that kind of detail may still settle it.
 */
export function isYesNo(question: string): boolean {
  const q = withoutApproximateNumbers(normalize(question).trim());
  // "可以分几年到位吗" still asks for a number; "有几家企业…吗" (几 = several) does not.
  const asking = q.replace(new RegExp(`[${SEVERAL_BEFORE}]几[个家名位项]`, 'g'), '');
  return YES_NO.test(q) && !/(几|多少|多久|多长|how (much|many|long))/i.test(asking);
}

/** Words that make a phrase a question rather than its background ("我们计划联合几家企业，…"). */
const QUESTION_MARKER =
  /(什么|啥|哪|几|多少|多久|多长|吗|么|呢|是否|能否|可否|有没有|是不是|要不要|能不能|可不可以|行不行|够不够|怎么|怎样|如何|咋|为何|为什么|谁|何时|[?？]|\b(how|what|which|who|when|where|why|whether)\b)/i;

/**
 * 几 meaning "several" ("有几家小厂", "跟几所大学", "联合几家上下游"), not "how many"; a piece opening with
 * it ("几家成员单位想用专利入股，…可以吗") is background when another piece asks.
 */
const SEVERAL = new RegExp(`(?:^|[${SEVERAL_BEFORE}的和跟与同]|联合|拉上|带上|叫上|约上)几(?=(${COUNT_UNITS}))`, 'g');

/** The asking pieces of a message when it also has background pieces; undefined otherwise. */
export function askingPart(question: string): string | undefined {
  const pieces = piecesOf(question);
  const asking = pieces.filter(asksBeyondSeveral);
  return asking.length && asking.length < pieces.length ? asking.join('') : undefined;
}

/**
 * The message without the pieces telling what the asker did (我们公司去年贷款扩了产线，), when another
 * piece asks: a subject the plan never touches told as background does not make the question one on it.
 */
export function withoutToldBackground(question: string): string {
  const pieces = piecesOf(question);
  if (!pieces.some(asksBeyondSeveral)) return question;
  return pieces.filter((p) => asksBeyondSeveral(p) || !/了/.test(p)).join('');
}

/**
 * 几 in a piece telling what was done (联合上下游几家企业共同出资成立了有限公司，), with no question mark
 * closing it: the several partners, not how many.
 */
const DONE_WITH_SEVERAL = new RegExp(`几(?=(${COUNT_UNITS}))(?=[^，,。；;？?]*了)`, 'g');

/** True when a piece asks something besides a 几 meaning "several". */
export function asksBeyondSeveral(piece: string): boolean {
  let p = withoutConcessive(normalize(piece)).replace(SEVERAL, '');
  if (!/[?？]\s*$/.test(p)) p = p.replace(DONE_WITH_SEVERAL, '');
  return QUESTION_MARKER.test(p);
}

/** A message split after its punctuation (and, in Chinese, its spaces: 组建资金要多少 设备算不算). */
function piecesOf(question: string): string[] {
  return question
    .split(/[\u3400-\u9fff]/.test(question) ? /(?<=[，,。；;！!？?\s])/ : /(?<=[,.;!?])/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The parts of a message that ask something, split at punctuation: "专项支持给几年，每年多少钱" asks
 * two things. A part whose only question word is a 几 meaning "several" (有几家小厂想用我们的技术) is
 * background and left out. A message with fewer than two asking parts otherwise is one part, the
 * whole message.
 */
export function questionParts(question: string): string[] {
  const pieces = piecesOf(question);
  // Dialect question words (有没得, 好多钱) ask as the standard ones do.
  const asking = pieces.filter((p) => QUESTION_MARKER.test(withoutConcessive(normalize(p))));
  const beyondSeveral = asking.filter(asksBeyondSeveral);
  if (beyondSeveral.length && beyondSeveral.length < asking.length) return beyondSeveral;
  return asking.length >= 2 ? asking : [question];
}

/**
 * True when a question names a clause's title (four characters or more in common, "产学研用协同创心机制"
 * for 建立产学研用协同创新机制): asking what that means is asking what the clause says.
 */
export function namesTitle(question: string, title: string): boolean {
  const q = normalize(question);
  const t = normalize(title);
  for (let i = 0; i + 4 <= t.length; i++) if (q.includes(t.slice(i, i + 4))) return true;
  return false;
}

/** Finds the kind of detail a question asks for, if it asks for a specific one. */
export function detailAsked(question: string): DetailAsked | undefined {
  const q = withoutApproximateNumbers(normalize(question));
  const asked = detailKind(q);
  if (asked && PER_UNIT.test(q) && ['count', 'number', 'amount'].includes(asked.kind))
    return { ...asked, perUnit: true };
  return asked;
}

function detailKind(q: string): DetailAsked | undefined {
  for (const p of ASK_PATTERNS) {
    const m = p.re.exec(q);
    if (!m) continue;
    // The question is normalised, so "一次" arrives as "1次".
    if (p.kind === 'duration' && (/([1一](次|回|遍)|每隔|多久.{0,6}[次回遍]|几年一)/.test(q) || EN_FREQUENCY.test(q))) {
      return { kind: p.kind, frequency: true };
    }
    if (p.kind === 'count' || p.kind === 'duration') {
      const found = UNIT_IN_QUESTION[p.kind].exec(p.kind === 'count' ? q : m[0])?.[1];
      const unit = found ? (UNITS[found] ?? found) : undefined;
      const limit = p.kind === 'duration' && /(多久|多长时间|几年|几个月|几天)(以|之)?内/.test(q);
      const process = p.kind === 'duration' && PROCESS_TIME.test(q);
      // 员工一百人，搞研发的得有几个: a bare 几个 beside a head count counts people too.
      const people = unit === '人' || (unit === '个' && /(几|多少)个(人|[吗嘛呢哦啊噻]|[?？，,。]|$)/.test(q));
      const shareOfTotal = p.kind === 'count' && people && HEADCOUNT.test(q);
      const counted = p.kind === 'count' && !unit ? COUNTED.exec(q)?.[1] : undefined;
      return {
        kind: p.kind,
        ...(unit ? { unit } : {}),
        ...(limit ? { limit } : {}),
        ...(process ? { process } : {}),
        ...(shareOfTotal ? { shareOfTotal } : {}),
        ...(counted ? { counted } : {}),
      };
    }
    if (p.kind === 'amount' && GRANTED.test(q)) return { kind: p.kind, granted: true };
    return { kind: p.kind };
  }
  return undefined;
}

const NUM = '\\d+(?:\\.\\d+)?(?:-\\d+)?';
const HOLDS: Record<
  Exclude<DetailKind, 'contact' | 'form' | 'body' | 'list' | 'duration' | 'count' | 'consequence'>,
  RegExp
> = {
  // 明确各类主体的责权利: the plan requires the parties to settle it themselves.
  definition: /(是指|系指|指的是|定义为|界定为|明确)/,
  number: new RegExp(`${NUM}`),
  amount: new RegExp(`${NUM}\\s*(?:万元|亿元|元|万)`),
  ratio: new RegExp(`${NUM}\\s*%`),
  date: /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?/,
};

/** Units that measure or count the same thing, folded to one spelling (日 = 天, 家 = 个, 名 = 人). */
const UNITS: Record<string, string> = {
  day: '天',
  days: '天',
  week: '周',
  weeks: '周',
  month: '月',
  months: '月',
  year: '年',
  years: '年',
  日: '天',
  个月: '月',
  星期: '周',
  家: '个',
  名: '人',
  位: '人',
};

/** The unit a question names, per kind ("几天", "几家", "how many days"). */
const UNIT_IN_QUESTION = {
  duration: /(天|日|个月|周|星期|年|\b(?:days?|weeks?|months?|years?)\b)/,
  // 几个人 counts people, not things.
  count: new RegExp(`(?:几|多少)(?:个(?=人))?(${COUNT_UNITS})`),
} as const;

/** A stated figure with its unit, per kind ("每3年", "10-15个"); the unit is group 1. */
const STATED = {
  duration: new RegExp(`[每前]?${NUM}(年|个月|月|天|日|周)(?:内|以内)?`, 'g'),
  count: new RegExp(`${NUM}\\s*(${COUNT_UNITS})`, 'g'),
} as const;

/** True when the text states a figure of this kind in the unit asked (any unit when none is). */
function statesInUnit(norm: string, kind: 'duration' | 'count', unit: string | undefined): boolean {
  return [...norm.matchAll(STATED[kind])].some((m) => !unit || (UNITS[m[1] ?? ''] ?? m[1]) === unit);
}

/** "一行业（领域）一中心": one of a thing for each of another. */
const ONE_PER = /一[\u4e00-\u9fff]{1,4}(\([^)]{1,6}\))?一[\u4e00-\u9fff]/;

const QUALITATIVE_DURATION = new RegExp(`(${alternation(WORDS.qualitativeDuration)})`);
const BODY = new RegExp(`(${alternation(WORDS.body)})`);

/**
 * The fragments of a clause's text that hold a detail of the given kind, each a substring of the
 * text, in order. Empty when the clause does not state one.
 */
export function detailFragments(text: string, asked: DetailAsked): string[] {
  const pieces = fragments(text);
  const test = (piece: string): boolean => {
    if (asked.perUnit && !/[每各]/.test(piece)) return false;
    // Figures inside another document's title or number (《…2016-2020年》, 〔2017〕) are not details
    // this plan states.
    const norm = normalize(withoutCitations(piece));
    switch (asked.kind) {
      case 'contact':
      case 'form':
        return false;
      case 'body':
        return BODY.test(norm);
      case 'list':
        // A clean enumeration ("围绕 A、B、C 等") answers "which ones"; a run of 、 alone may not.
        return extractListItems(piece).length > 0;
      case 'duration':
        if (asked.frequency) return /每/.test(norm);
        if (asked.process) return /\d+个?(工作日|日|天|周|个月)(以)?内/.test(norm);
        // Without a unit in the question, a stated frequency or 长期 answers "多久".
        return (
          statesInUnit(norm, 'duration', asked.unit) || (!asked.unit && !asked.limit && QUALITATIVE_DURATION.test(norm))
        );
      case 'count':
        if (asked.counted && !norm.includes(asked.counted)) return false;
        // "几批" is not answered by "10-15个": the thing counted must match. "一行业（领域）一中心"
        // states one per field.
        return (
          statesInUnit(norm, 'count', asked.unit) ||
          (asked.unit === '个' && ONE_PER.test(norm)) ||
          (asked.shareOfTotal === true && HOLDS.ratio.test(norm))
        );
      case 'amount':
        return HOLDS.amount.test(norm) && !(asked.granted && INVESTED.test(norm));
      // Only the consequence gate asks it, by the cases a clause states (`qa/consequence`).
      case 'consequence':
        return false;
      default:
        return HOLDS[asked.kind].test(norm);
    }
  };
  return pieces.filter(test);
}

/** A text without the titles and numbers of the documents it cites (《…2016-2020年》, 〔2017〕). */
function withoutCitations(text: string): string {
  return text.replace(/《[^》]*》|〔[^〕]*〕/g, '');
}

/** The dates and years a clause states itself ("2017年12月5日", "2020年"), citations left out. */
export function datesStated(text: string): string[] {
  return withoutCitations(text).match(new RegExp(HOLDS.date.source, 'g')) ?? [];
}

/**
 * The periods a question names ("到2025年", "十四五", "2020年以后"), as the years a clause would have to
 * state; `ignore` holds years that name a document rather than a period (its issuing year).
 */
export function periodsAsked(question: string, ignore: ReadonlySet<string>): string[] {
  const q = normalize(question);
  return [
    // "2020年以后" is another period than 2020.
    ...(q.match(/(?:19|20)\d{2}(?=年|$|\D)(?!年?(以后|之后|后))/g) ?? []),
    ...(/(?:19|20)\d{2}年?(以后|之后|后)/.test(q) ? ['after'] : []),
    ...[...question.matchAll(/十(四|五)五/g)].map((m) => (m[1] === '四' ? '2025' : '2030')),
  ].filter((y) => !ignore.has(y));
}

/**
 * True when a clause's figures belong to a year and none of the periods asked: "到2025年要建多少个" is
 * not answered by a 2020 target.
 */
export function otherPeriod(clauseText: string, periods: string[]): boolean {
  return periods.length > 0 && /\d{4}年/.test(clauseText) && !periods.some((y) => clauseText.includes(y));
}

/** True when the clause's text states a detail of the kind asked. */
export function holdsDetail(text: string, asked: DetailAsked): boolean {
  return detailFragments(text, asked).length > 0;
}

/**
 * Splits a clause into the pieces a lead may be cut from: sentences, and the comma-separated parts
 * of a long sentence. Every piece is a substring of the text.
 */
function fragments(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[。；！？\n])/)) {
    const s = sentence.replace(/[。；！？\n]+$/, '').trim();
    if (!s) continue;
    out.push(s);
    const parts = s
      .split(/[，,]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

const LIST_OPENER = new RegExp(`(${alternation(WORDS.listOpeners)})`);

/**
 * The items of an enumeration (、-separated) in a clause, for a question asking "which ones";
 * each item is a substring of the clause. Empty when the clause has no clean enumeration.
 */
export function extractListItems(clauseText: string): string[] {
  for (const piece of fragments(clauseText)) {
    const opener = LIST_OPENER.exec(piece);
    if (!opener) continue;
    const rest = piece.slice(opener.index + opener[0].length);
    const parts = rest.split('、');
    if (parts.length < 3) continue;
    const items: string[] = [];
    for (const part of parts) {
      const etc = part.indexOf('等');
      if (etc >= 0) {
        if (etc > 0) items.push(part.slice(0, etc));
        break;
      }
      items.push(part);
    }
    if (items.length >= 3 && items.every((i) => i.length > 0 && i.length <= 20)) return items;
  }
  return [];
}
