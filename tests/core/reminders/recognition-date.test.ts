import { describe, expect, it } from 'vitest';
import { parseRecognitionDate } from '../../../src/reminders/recognition-date.ts';

// 2026-06-01 00:30 in Shanghai is still 31 May in UTC: "today" must be Shanghai's.
const now = new Date('2026-05-31T16:30:00Z');

describe('recognition date', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024年3月15日', '2024-03-15'],
    ['2024/3/15', '2024-03-15'],
    ['2024.3.15', '2024-03-15'],
    ['２０２４－０３－１５', '2024-03-15'],
    ['2024 年 3 月 15 号', '2024-03-15'],
    ['去年3月15日', '2025-03-15'],
    ['前年12月31日', '2024-12-31'],
    ['今年1月8日', '2026-01-08'],
    ['二〇二四年三月十五日', '2024-03-15'],
    ['2024年十二月三十一日', '2024-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['2026-06-01', '2026-06-01'],
  ])('should read %s as %s', (text, date) => {
    expect(parseRecognitionDate(text, now)).toEqual({ ok: true, date });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2024-02-30', 'no-such-day'],
    ['2025-02-29', 'no-such-day'],
    ['2024-13-01', 'no-such-day'],
    ['2026-06-02', 'future'],
    ['2030年1月1日', 'future'],
    ['2016-12-31', 'too-early'],
    ['上个月', 'unreadable'],
    ['March 15', 'unreadable'],
  ])('should refuse %j (%s)', (text, reason) => {
    expect(parseRecognitionDate(text, now)).toEqual({ ok: false, reason });
  });
});
