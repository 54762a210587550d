/**
 * @module reminders/plan-view
 * How the chat commands read the engine's plan: the planned sends grouped into deadlines (one per
 * center, duty and period), and dates as users in Chongqing read them.
 */
import { localDay, type PlannedReminder } from './schedule.ts';

/** The members of the engine's planned reminders the chat commands read. */
export type PlannedSend = Pick<
  PlannedReminder,
  'centerId' | 'center' | 'duty' | 'clause' | 'period' | 'due' | 'sendAt' | 'stage'
>;

/** One deadline with its first planned send. */
export interface Deadline extends Omit<PlannedSend, 'sendAt' | 'stage'> {
  /** The earliest planned send about it. */
  firstSend: Date;
}

/** The day `at` falls on in Asia/Shanghai, `YYYY-MM-DD` (the schedule's own reading). */
export const shanghaiDate = localDay;

/** Groups planned sends into deadlines, by due date, then center and duty. */
export function deadlinesOf(sends: readonly PlannedSend[]): Deadline[] {
  const byKey = new Map<string, Deadline>();
  for (const s of sends) {
    const key = `${s.centerId}|${s.duty}|${s.period}|${s.due}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, {
        centerId: s.centerId,
        center: s.center,
        duty: s.duty,
        clause: s.clause,
        period: s.period,
        due: s.due,
        firstSend: s.sendAt,
      });
    } else if (s.sendAt < seen.firstSend) {
      seen.firstSend = s.sendAt;
    }
  }
  const order = (d: Deadline) => `${d.due}|${d.center}|${d.duty}|${d.period}`;
  return [...byKey.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
