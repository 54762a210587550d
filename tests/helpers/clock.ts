/**
 * Clocks for tests: time moves only when a test says so, so nothing waits for the calendar.
 */
import type { Clock } from '../../src/ports.ts';

/** A clock that only moves when told to. */
export interface SteppingClock extends Clock {
  /** Moves the clock forward by `ms`. */
  step(ms: number): void;
  /** Sets the clock to `at`. */
  set(at: Date | string): void;
}

/** A clock standing at `start` (default 2026-01-01T00:00Z) until stepped or set. */
export function steppingClock(start: Date | string | number = Date.UTC(2026, 0, 1)): SteppingClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    step: (ms) => {
      now += ms;
    },
    set: (at) => {
      now = new Date(at).getTime();
    },
  };
}
