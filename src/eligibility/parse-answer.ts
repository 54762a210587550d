/**
 * @module eligibility/parse-answer
 * Reads what people type in answer to a criterion, in Chinese and English: yes/no/unsure,
 * amounts, ratios (a percentage or two quantities), a field by name, synonym or number, several
 * options at once. Ambiguous input is re-asked with an example, never guessed; nothing here
 * throws. Numbers come from the shared `figures` module, so Q&A and the dialog read them alike.
 */

import { inEachLocale, type Localized } from '../feature.ts';
import { parseNumeral } from '../figures/index.ts';
import { cleanText } from '../input.ts';
import type { Locale } from '../ports.ts';
import { containsWord, escapeRegExp, readFigure } from '../thresholds/index.ts';
import {
  type AmountCriterion,
  type Criterion,
  type FieldCriterion,
  type MultichoiceCriterion,
  normalizeTerm,
  type Option,
  type RatioCriterion,
  type YesNoCriterion,
} from './criteria.ts';
import { type EligibilityMessages, eligibilityMessages } from './messages.ts';
import type { ParsedAnswer } from './types.ts';

/** Longest answer read, in characters; anything longer is re-asked. */
export const MAX_ANSWER_LENGTH = 500;

/** The same text built from each locale's message table. */
function both(build: (m: EligibilityMessages, locale: Locale) => string): Localized {
  return inEachLocale((locale) => build(eligibilityMessages(locale), locale));
}

/** A re-ask: why, then an example of a good answer to this criterion. */
function retry(criterion: Criterion, why: (m: EligibilityMessages, locale: Locale) => string): ParsedAnswer {
  return {
    ok: false,
    retry: both((m, locale) => `${why(m, locale)}${locale === 'en' ? ' ' : ''}${m.example(criterion.example[locale])}`),
  };
}

function unknown(reason: Localized): ParsedAnswer {
  return { ok: true, value: null, understood: reason, reason };
}

// ---------------------------------------------------------------------------------------------
// Intent words: yes, no, unsure, skip, still being set up

/** What a short answer says regardless of the question's type. */
type Intent = 'yes' | 'no' | 'unsure' | 'skip' | 'pending' | 'mixed';

const UNSURE = [
  /不.{0,2}(清楚|知道|确定|了解|晓得|好说)/,
  /说不(准|清)|拿不准|待(确认|核实)|(没|未)(有)?统计|没算过|没数/,
  /\b(not sure|unsure|don'?t know|do not know|no idea|idk|unknown|not certain|uncertain)\b|\bn\/a\b/,
];
const SKIP = [/跳过|略过|下一题|先不答|不想回答/, /\b(skip|pass)\b/];
const PENDING = [
  /筹建|筹备|筹划|计划中|规划中|在建|建设中|准备中|申报中|推进中|即将|马上/,
  /正在(建|筹|组|办|申|搭|制定|编制|准备|设立|成立|完善|起草)/,
  /拟(建|设|组|成立|于)/,
  /(?<!没有?|不)(打算|计划|准备)(?!中)/,
  /\b(planned|planning|in progress|under way|underway|being (set up|established|built|prepared|drafted)|in preparation|to be set up)\b/,
];
const NEGATIVE_ZH = /还没有|没有|还没|尚未|不是|不对|不行|不具备|不符合|不满足|不够|不包括|^不$|没|无|否|未|缺/;
const NEGATIVE_ZH_ALL = new RegExp(NEGATIVE_ZH.source, 'g');
const POSITIVE_ZH =
  /是|有|对|已|(建立|设立|成立|制定|组建|注册|完成|建)了|具备|符合|满足|包括|拥有|好的|嗯|当然|肯定|确认|可以/;
const NEGATIVE_EN =
  /\b(no|n|nope|not|none|false|never|without|lack|lacking|don'?t|doesn'?t|haven'?t|hasn'?t|isn'?t|aren'?t)\b/;
const STRONG_YES_EN = /\b(yes|y|yeah|yep|yup)\b/;
const POSITIVE_EN =
  /\b(yes|y|yeah|yep|yup|true|sure|certainly|of course|correct|affirmative|done|in place|we have|we do|it has|it does|it is|already|established|set up)\b/;

function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

/** Negative words that mean yes: 没问题 (no problem), 没错 (not wrong). */
const NEGATED_NEGATIVE = /没问题|没错|不错/g;

/** Reads a yes, no, unsure, skip or "being set up" from a normalised answer. */
function intentOf(answer: string): Intent | undefined {
  const norm = answer.replace(NEGATED_NEGATIVE, '对');
  if (matchesAny(norm, SKIP)) return 'skip';
  if (matchesAny(norm, UNSURE)) return 'unsure';
  if (matchesAny(norm, PENDING)) return 'pending';
  const negEn = NEGATIVE_EN.test(norm);
  const posEn = POSITIVE_EN.test(norm);
  if (negEn && STRONG_YES_EN.test(norm)) return 'mixed';
  if (negEn) return 'no';
  const negZh = NEGATIVE_ZH.test(norm);
  const posZh = POSITIVE_ZH.test(norm.replace(NEGATIVE_ZH_ALL, ' '));
  if (negZh && posZh) return 'mixed';
  if (negZh) return 'no';
  if (posZh || posEn) return 'yes';
  return undefined;
}

function unknownFor(intent: Intent | undefined): ParsedAnswer | undefined {
  if (intent === 'skip') return unknown(both((m) => m.reasonSkipped));
  if (intent === 'unsure') return unknown(both((m) => m.reasonUnsure));
  if (intent === 'pending') return unknown(both((m) => m.reasonPending));
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Options: names, synonyms and numbers

const ASCII = /^[\x20-\x7e]+$/;

interface Hit {
  value: string;
  start: number;
  end: number;
}

/**
 * Every option named in `norm`, by label, value or synonym. A name inside a longer name is not
 * counted (`企业` inside `企业技术中心`), so the longest reading wins.
 */
function findOptions(options: readonly Option[], norm: string): string[] {
  const hits: Hit[] = [];
  for (const o of options) {
    for (const term of [o.value, o.label['zh-CN'], o.label.en, ...o.synonyms]) {
      const t = normalizeTerm(term);
      if (t === '') continue;
      if (ASCII.test(t)) {
        const re = new RegExp(`(?<![a-z0-9])${escapeRegExp(t)}(?![a-z0-9])`, 'g');
        for (const m of norm.matchAll(re)) hits.push({ value: o.value, start: m.index, end: m.index + t.length });
      } else {
        for (let i = norm.indexOf(t); i !== -1; i = norm.indexOf(t, i + 1)) {
          hits.push({ value: o.value, start: i, end: i + t.length });
        }
      }
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const h of hits) {
    if (!kept.some((k) => k.start <= h.start && h.end <= k.end)) kept.push(h);
  }
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((h) => h.value))];
}

/** A list number typed alone (`3`, `第3个`, `三`, `#3`, `option 3`), 1-based; else undefined. */
function listNumber(norm: string): number | undefined {
  const m = /^(?:第|选|选择|option|no\.?|#)?\s*([0-9]+|[零〇一二三四五六七八九十两]+)\s*(?:号|个|项|\.)?$/.exec(norm);
  if (!m?.[1]) return undefined;
  const n = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : parseNumeral(m[1]);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function labelsOf(options: readonly Option[], values: readonly string[], locale: Locale): string[] {
  return values.map((v) => options.find((o) => o.value === v)?.label[locale] ?? v);
}

/**
 * The canonical option value a field name stands for (`芯片` → `集成电路`), or undefined when it
 * names none or several. Used to compare registered centers' fields with an answer.
 */
export function canonicalOption(criterion: FieldCriterion | MultichoiceCriterion, name: string): string | undefined {
  const norm = normalizeTerm(cleanText(name));
  const found = findOptions(criterion.options, norm);
  return found.length === 1 ? found[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers shown back

/** Whether `part ÷ whole` (or `percent`) reaches `threshold` percent (the shared rule). */
export { reachesPercent } from '../thresholds/index.ts';

// ---------------------------------------------------------------------------------------------
// Per type

function parseYesNo(c: YesNoCriterion, norm: string): ParsedAnswer {
  const intent = intentOf(norm);
  const asUnknown = unknownFor(intent);
  if (asUnknown) return asUnknown;
  if (intent === 'yes') return { ok: true, value: true, understood: both((m) => m.yes) };
  if (intent === 'no') return { ok: true, value: false, understood: both((m) => m.no) };
  if (intent === 'mixed') return retry(c, (m) => m.retryYesNoMixed);
  return retry(c, (m) => m.retryYesNo);
}

/**
 * The name of a part as shown back (研发设备), without a leading "including"; `undefined` unless
 * it is a few plain words, so nothing else a user typed is echoed.
 */
function partLabel(label: string): string | undefined {
  const name = label.replace(/^\s*(including|incl\.?|of which|含|包括|包含|其中)\s*/i, '').trim();
  return /^[\p{Script=Han}A-Za-z&\s]{1,12}$/u.test(name) ? name : undefined;
}

function parseAmountAnswer(c: AmountCriterion, text: string, norm: string): ParsedAnswer {
  const r = readFigure(c, text);
  if (r.kind === 'problem') {
    switch (r.problem) {
      case 'negative':
        return retry(c, (m) => m.retryNegative);
      case 'not_paid': {
        const why = c.basis?.retry;
        return why ? retry(c, (_m, locale) => why[locale]) : retry(c, (m) => m.retryAmountSeveral);
      }
      case 'several':
        return retry(c, (m) => m.retryAmountSeveral);
      case 'no_unit':
        return retry(c, (m) => m.retryAmountNoUnit);
      default:
        return retry(c, (m) => m.retryNotFinite);
    }
  }
  if (r.kind === 'none') {
    return withoutFigure(
      c,
      norm,
      both((m) => m.amount(0)),
      (m) => m.retryAmountMissing,
    );
  }
  if (r.kind !== 'amount') return retry(c, (m) => m.retryUnreadable);
  const yuan = r.value;
  const parts: { label: string; yuan: number }[] = [];
  for (const p of r.parts) {
    const label = partLabel(p.label);
    if (label !== undefined) parts.push({ label, yuan: p.yuan });
  }
  const understood = both((m) => `${m.amount(yuan)}${parts.length > 0 ? m.amountIncludes(parts) : ''}`);
  const noted = c.notes.filter((n) => (n.ip && r.includesIp === true) || containsWord(norm, n.words, true));
  const answer: ParsedAnswer = { ok: true, value: yuan, understood };
  if (noted.length > 0) {
    answer.note = {
      'zh-CN': noted.map((n) => n.note['zh-CN']).join('\n'),
      en: noted.map((n) => n.note.en).join('\n'),
    };
  }
  return answer;
}

/**
 * An amount or ratio answer with no figure in it: 不清楚 or 筹建中 make it unknown, 没有 makes it zero,
 * anything else is asked again.
 */
function withoutFigure(
  c: Criterion,
  norm: string,
  zero: Localized,
  missing: (m: EligibilityMessages) => string,
): ParsedAnswer {
  const intent = intentOf(norm);
  const asUnknown = unknownFor(intent);
  if (asUnknown) return asUnknown;
  if (intent === 'no') return { ok: true, value: 0, understood: zero };
  return retry(c, missing);
}

function parseRatioAnswer(c: RatioCriterion, text: string, norm: string): ParsedAnswer {
  const r = readFigure(c, text);
  if (r.kind === 'problem') {
    switch (r.problem) {
      case 'bare_fraction': {
        const n = Number(/\d*\.\d+/.exec(norm)?.[0]);
        return Number.isFinite(n) ? retry(c, (m) => m.retryBareFraction(n)) : retry(c, (m) => m.retryRatioMissing);
      }
      case 'part_exceeds_whole':
        return retry(c, (m) => m.retryPartExceedsWhole);
      case 'no_whole':
        return retry(c, (m) => m.retryNoWhole);
      case 'negative':
        return retry(c, (m) => m.retryNegative);
      case 'over_100':
        return retry(c, (m) => m.retryRatioOver100);
      default:
        return retry(c, (m) => m.retryNotFinite);
    }
  }
  if (r.kind === 'none') {
    return withoutFigure(c, norm, { 'zh-CN': '0%', en: '0%' }, (m) => m.retryRatioMissing);
  }
  if (r.kind !== 'ratio') return retry(c, (m) => m.retryUnreadable);
  const { value, shown, exact, from } = r;
  const understood = both((m) => {
    if (!from) return `${shown}%`;
    const q = (n: number) => (from.unit === 'yuan' ? m.amountInRatio(n) : String(n));
    return `${q(from.part)}÷${q(from.whole)}${exact ? '=' : '≈'}${shown}%`;
  });
  return { ok: true, value, understood };
}

function parseField(c: FieldCriterion, norm: string): ParsedAnswer {
  const n = listNumber(norm);
  let values: string[];
  if (n !== undefined) {
    const o = c.options[n - 1];
    if (!o) return retry(c, (m) => m.retryFieldUnknown);
    values = [o.value];
  } else {
    values = findOptions(c.options, norm);
  }
  if (values.length === 0) return unknownFor(intentOf(norm)) ?? retry(c, (m) => m.retryFieldUnknown);
  if (values.length > 1) return retry(c, (m, locale) => m.retryFieldSeveral(labelsOf(c.options, values, locale)));
  const value = values[0] ?? '';
  return { ok: true, value, understood: both((_m, locale) => labelsOf(c.options, [value], locale).join('')) };
}

const ALL =
  /都有|全都有|全部都有|全部|全有|都包括|都具备|全选|所有|以上都|\ball( of them| of the above)?\b|\bevery\b|\bboth\b/;
const NONE_ZH = /没有|都没|无|不包括|缺|尚未|未/;
const NONE_EN = /\b(no|none|not|without|lack|lacking)\b/;
const NUMBERS_ONLY = /^[0-9\s、和及与跟,/&+]+$/;

function parseMultichoice(c: MultichoiceCriterion, norm: string): ParsedAnswer {
  const included = new Set<string>();
  const excluded = new Set<string>();
  let negative = false;
  let badNumber = false;
  for (const segment of norm.split(/[，,；;。！!？?\n]/)) {
    const s = segment.trim();
    if (s === '') continue;
    let found: string[];
    if (NUMBERS_ONLY.test(s)) {
      found = [];
      for (const d of s.match(/[0-9]+/g) ?? []) {
        const o = c.options[Number(d) - 1];
        if (o) found.push(o.value);
        else badNumber = true;
      }
    } else {
      found = findOptions(c.options, s);
    }
    const isNegative = NONE_ZH.test(s) || NONE_EN.test(s);
    if (isNegative) {
      negative = true;
      for (const v of found) excluded.add(v);
    } else if (ALL.test(s) && found.length === 0) {
      for (const o of c.options) included.add(o.value);
    } else {
      for (const v of found) included.add(v);
    }
  }
  if (badNumber) return retry(c, (m) => m.retryMultichoiceUnknown);
  const chosen = c.options.map((o) => o.value).filter((v) => included.has(v) && !excluded.has(v));
  if (chosen.length === 0) {
    const asUnknown = unknownFor(intentOf(norm));
    if (asUnknown) return asUnknown;
    if (!negative) return retry(c, (m) => m.retryMultichoiceUnknown);
    return { ok: true, value: [], understood: both((m) => m.none) };
  }
  if (matchesAny(norm, UNSURE)) return unknown(both((m) => m.reasonUnsure));
  return {
    ok: true,
    value: chosen,
    understood: both((m, locale) => labelsOf(c.options, chosen, locale).join(m.listSeparator)),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads one raw answer to `criterion`. Returns the value understood (with what to show back), or
 * `{ ok: false, retry }` with why and an example of a good answer. Empty, overlong, markup,
 * emoji-only, negative, non-finite and ambiguous input (`0.3`: 30% or 0.3%?) is re-asked. Never
 * throws.
 *
 * @example
 * ```ts
 * parseAnswer(ratioCriterion, '员工120人，科技人员40人'); // { ok: true, value: 33.33, understood: { 'zh-CN': '40÷120≈33.3%', … } }
 * ```
 */
export function parseAnswer(criterion: Criterion, raw: string): ParsedAnswer {
  try {
    if (typeof raw !== 'string') return retry(criterion, (m) => m.retryUnreadable);
    if (raw.length > MAX_ANSWER_LENGTH) return retry(criterion, (m) => m.retryTooLong(MAX_ANSWER_LENGTH));
    const text = cleanText(raw);
    if (text === '') return retry(criterion, (m) => m.retryEmpty);
    if (/<\/?[a-z!?][^>]*>/i.test(text)) return retry(criterion, (m) => m.retryMarkup);
    if (!/[\p{L}\p{N}]/u.test(text)) return retry(criterion, (m) => m.retryUnreadable);
    const norm = normalizeTerm(text);
    // A minus sign before a number (not a range such as 2020-2021): no amount or share is negative.
    const numeric = criterion.type === 'amount' || criterion.type === 'ratio';
    if (numeric && /(?<![0-9])[-−﹣]\s*[0-9]/.test(norm)) return retry(criterion, (m) => m.retryNegative);
    switch (criterion.type) {
      case 'yesno':
        return parseYesNo(criterion, norm);
      case 'amount':
        return parseAmountAnswer(criterion, text, norm);
      case 'ratio':
        return parseRatioAnswer(criterion, text, norm);
      case 'field':
        return parseField(criterion, norm);
      case 'multichoice':
        return parseMultichoice(criterion, norm);
    }
  } catch {
    return retry(criterion, (m) => m.retryUnreadable);
  }
}
