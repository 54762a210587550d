/**
 * @module reminders/plan-view
 * How the chat commands read the engine's plan: the planned sends grouped into deadlines (one per
 * center, duty and period), and dates as users in Chongqing read them.
 */
import type { DutyKind } from './messages.ts';

/**
 * The members of the engine's `PlannedReminder` the chat commands read (structurally the same,
 * so the engine's values are accepted as they are).
 */
export interface PlannedSend {
  centerId: string;
  center: string;
  duty: DutyKind;
  /** A clause id (`4.3`). */
  clause: string;
  period: string;
  /** `YYYY-MM-DD`. */
  due: string;
  sendAt: Date;
  stage: string;
}

/** One deadline with its first planned send. */
export interface Deadline {
  centerId: string;
  center: string;
  duty: DutyKind;
  clause: string;
  period: string;
  due: string;
  /** The earliest planned send about it. */
  firstSend: Date;
}

/** The day `at` falls on in Asia/Shanghai, `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

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
