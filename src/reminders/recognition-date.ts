/**
 * @module reminders/recognition-date
 * Reads a 认定日期 as people type it: `2024-03-15`, `2024/3/15`, `2024.3.15`, `2024年3月15日`,
 * `二〇二四年三月十五日`, full-width digits, and years relative to today (`去年3月15日`, `今年1月8日`,
 * `前年…`). "Today" is the injected clock's date in Asia/Shanghai. A date that does not exist
 * (`2024-02-30`), lies in the future or before the plan (2017) is refused with the reason.
 */

/** Why a typed date was refused. */
export type DateRefusal = 'empty' | 'unreadable' | 'no-such-day' | 'future' | 'too-early';

/** The result of {@link parseRecognitionDate}. */
export type DateParse = { ok: true; date: string } | { ok: false; reason: DateRefusal };

/** The first year a center can have been recognised under the plan (渝经信发〔2017〕139号). */
export const EARLIEST_YEAR = 2017;

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二四 → 2024 and 三 → 3 (digit by digit); 十五 → 15, 三十一 → 31, 十 → 10; or the Arabic number. */
function numberOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string): number | undefined => CN_DIGITS[c];
  const ten = text.indexOf('十');
  if (ten < 0) {
    const digits = [...text].map(digit);
    return digits.length && digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
  }
  const before = text.slice(0, ten);
  const after = text.slice(ten + 1);
  if (before.length > 1 || after.length > 1) return undefined;
  const tens = before ? digit(before) : 1;
  const ones = after ? digit(after) : 0;
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

/** Today's date in Asia/Shanghai as `[year, month, day]`. */
export function shanghaiToday(now: Date): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day')];
}

const pad = (n: number): string => String(n).padStart(2, '0');

const NUM = '(\\d{1,4}|[〇零一二两三四五六七八九十]{1,4})';
const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2, 大前年: 3 };
const ISO_LIKE = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = new RegExp(`^(?:${NUM}\\s*年|(大前年|前年|去年|今年))?\\s*${NUM}\\s*月\\s*${NUM}\\s*[日号]?$`);

/**
 * Reads a recognition date relative to `now`.
 *
 * @example
 * parseRecognitionDate('去年3月15日', new Date('2026-06-01T00:00:00+08:00')) // { ok: true, date: '2025-03-15' }
 */
export function parseRecognitionDate(text: string, now: Date): DateParse {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/[。.!！]+$/u, '');
  if (t === '') return { ok: false, reason: 'empty' };
  const [thisYear, thisMonth, thisDay] = shanghaiToday(now);
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const iso = ISO_LIKE.exec(t) ?? COMPACT.exec(t);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const m = CHINESE.exec(t);
    if (!m) return { ok: false, reason: 'unreadable' };
    const [, y, relative, mo, d] = m;
    year = y !== undefined ? numberOf(y) : thisYear - (relative ? (RELATIVE_YEARS[relative] ?? 0) : 0);
    month = mo !== undefined ? numberOf(mo) : undefined;
    day = d !== undefined ? numberOf(d) : undefined;
    // A two-digit year (24年) is this century's.
    if (year !== undefined && y !== undefined && year < 100) year += 2000;
  }
  if (year === undefined || month === undefined || day === undefined) return { ok: false, reason: 'unreadable' };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    return { ok: false, reason: 'no-such-day' };
  }
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (date > `${thisYear}-${pad(thisMonth)}-${pad(thisDay)}`) return { ok: false, reason: 'future' };
  if (year < EARLIEST_YEAR) return { ok: false, reason: 'too-early' };
  return { ok: true, date };
}
