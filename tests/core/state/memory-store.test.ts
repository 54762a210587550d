import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/ports.ts';
import { MemoryStore } from '../../../src/state/index.ts';
import { describeStoreContract } from '../../helpers/store-contract.ts';

/** A clock that only moves when told to. */
function steppingClock(start = Date.UTC(2026, 0, 1)): Clock & { step(ms: number): void } {
  let now = start;
  return {
    now: () => new Date(now),
    step: (ms) => {
      now += ms;
    },
  };
}

describeStoreContract('MemoryStore (Store contract)', async () => {
  const clock = steppingClock();
  return { store: new MemoryStore({ clock }), advance: (ms) => clock.step(ms) };
});

describe('MemoryStore', () => {
  it('should expire exactly when the TTL has elapsed', async () => {
    const clock = steppingClock();
    const store = new MemoryStore({ clock });
    await store.set('k', 'v', 100);
    clock.step(99);
    expect(await store.get('k')).toBe('v');
    clock.step(1);
    expect(await store.get('k')).toBeUndefined();
  });

  it('should use the system clock by default', async () => {
    const store = new MemoryStore();
    await store.set('k', 'v', 60_000);
    expect(await store.get('k')).toBe('v');
  });
});
