import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/state/index.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { describeStoreContract } from '../../helpers/store-contract.ts';

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
