/**
 * @module tests/helpers/store-contract
 * The behaviour every {@link Store} implementation must show, as one reusable vitest suite. The
 * memory store, the SQLite store and the later Redis and PostgreSQL stores all run it, so the core
 * can rely on the port alone.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.ts';
import type { Store } from '../../src/ports.ts';

/** What a contract run needs for each test: a fresh, empty store and how to move its time. */
export interface StoreUnderTest {
  store: Store;
  /** Moves the store's clock forward by `ms` (every store takes an injected clock). */
  advance: (ms: number) => void;
  /** Runs after the suite has closed `store` (e.g. removes a temp folder). */
  cleanup?: () => Promise<void>;
}

/** Drains an async iterable into a key → value map (order is unspecified by the port). */
async function collect(iterable: AsyncIterable<[string, unknown]>): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for await (const [key, value] of iterable) found.set(key, value);
  return found;
}

/**
 * Declares the shared Store suite under `describe(name)`. `makeStore` is called before each test
 * and must return an empty store; the suite closes it afterwards (so `close` must be idempotent)
 * and then calls `cleanup`.
 *
 * @example
 * ```ts
 * describeStoreContract('MemoryStore', async () => {
 *   const clock = steppingClock();
 *   return { store: new MemoryStore({ clock }), advance: (ms) => clock.step(ms) };
 * });
 * ```
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(name, () => {
    let subject: StoreUnderTest;
    let store: Store;

    /** A TTL the tests step past on the store's clock. */
    const shortTtl = (): number => 1_000;
    /** Lets every `shortTtl()` entry written so far expire. */
    const outlive = async (): Promise<void> => {
      subject.advance(1_001);
    };

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });

    afterEach(async () => {
      await store.close();
      await subject.cleanup?.();
    });

    it('should return undefined for a missing key', async () => {
      expect(await store.get('missing')).toBeUndefined();
    });

    it('should round-trip nested JSON values', async () => {
      const value = {
        text: '创新中心 🏭 ünïcødé ✓',
        colonLead: ':looks-like-a-marker',
        numbers: [0, -1, 3.25, 1e21, Number.MAX_SAFE_INTEGER],
        flags: { yes: true, no: false },
        nothing: null,
        nested: {
          list: [{ a: [1, [2, [3]]] }, 'b', null],
          empty: {},
          none: [],
        },
      };
      await store.set('round:object', value);
      expect(await store.get('round:object')).toEqual(value);

      const scalars: Array<[string, unknown]> = [
        ['round:string', '你好，世界 👋'],
        ['round:colon', ':base64:not-really'],
        ['round:empty', ''],
        ['round:number', 42.5],
        ['round:zero', 0],
        ['round:false', false],
        ['round:null', null],
        ['round:array', ['x', 1, null, { y: '😀' }]],
      ];
      for (const [key, scalar] of scalars) await store.set(key, scalar);
      for (const [key, scalar] of scalars) expect(await store.get(key)).toEqual(scalar);
    });

    it('should overwrite an existing value', async () => {
      await store.set('over', { v: 1 });
      await store.set('over', { v: 2 });
      expect(await store.get('over')).toEqual({ v: 2 });
    });

    it('should return true when deleting a present key and false otherwise', async () => {
      await store.set('del', 'x');
      expect(await store.delete('del')).toBe(true);
      expect(await store.get('del')).toBeUndefined();
      expect(await store.delete('del')).toBe(false);
      expect(await store.delete('never-there')).toBe(false);
    });

    it('should keep an entry until its TTL passes and drop it after', async () => {
      await store.set('ttl:short', 'soon gone', shortTtl());
      await store.set('ttl:long', 'stays', 600_000);
      await store.set('ttl:none', 'forever');
      expect(await store.get('ttl:long')).toBe('stays');
      subject.advance(shortTtl() - 1);
      expect(await store.get('ttl:short')).toBe('soon gone');
      subject.advance(1);
      expect(await store.get('ttl:short')).toBeUndefined();
      expect(await store.get('ttl:long')).toBe('stays');
      expect(await store.get('ttl:none')).toBe('forever');
    });

    it('should drop an old TTL when a key is overwritten without one', async () => {
      await store.set('ttl:reset', 1, shortTtl());
      await store.set('ttl:reset', 2);
      await outlive();
      expect(await store.get('ttl:reset')).toBe(2);
    });

    it('should treat an expired entry as absent when deleting', async () => {
      await store.set('ttl:del', 'x', shortTtl());
      await outlive();
      expect(await store.delete('ttl:del')).toBe(false);
    });

    it('should reject a TTL that is not a positive number', async () => {
      await expect(store.set('bad', 1, 0)).rejects.toThrow(RangeError);
      await expect(store.setIfAbsent('bad', 1, -5)).rejects.toThrow(RangeError);
      await expect(store.setIfAbsent('bad', 1, Number.NaN)).rejects.toThrow(RangeError);
      expect(await store.get('bad')).toBeUndefined();
    });

    it('should store with setIfAbsent once and refuse a second caller', async () => {
      expect(await store.setIfAbsent('claim', { by: 'first' }, 600_000)).toBe(true);
      expect(await store.setIfAbsent('claim', { by: 'second' }, 600_000)).toBe(false);
      expect(await store.get('claim')).toEqual({ by: 'first' });
    });

    it('should refuse setIfAbsent over a value written by set', async () => {
      await store.set('claim:plain', 'mine');
      expect(await store.setIfAbsent('claim:plain', 'yours', 600_000)).toBe(false);
      expect(await store.get('claim:plain')).toBe('mine');
    });

    it('should succeed with setIfAbsent again after the previous record expired', async () => {
      expect(await store.setIfAbsent('lease', 'old', shortTtl())).toBe(true);
      await outlive();
      expect(await store.setIfAbsent('lease', 'new', 600_000)).toBe(true);
      expect(await store.get('lease')).toBe('new');
      expect(await store.setIfAbsent('lease', 'newer', 600_000)).toBe(false);
    });

    it('should let exactly one of 20 concurrent setIfAbsent calls win', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.setIfAbsent('race', { caller: i }, 600_000)),
      );
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await store.get('race')).toEqual({ caller: winners[0] });
    });

    it('should list only live entries whose key starts with the prefix', async () => {
      await store.set('a:1', 1);
      await store.set('a:2', { two: 2 });
      await store.setIfAbsent('a:3', 'claimed', 600_000);
      await store.set('a:gone', 'x', shortTtl());
      await store.set('ab:1', 'other prefix');
      await store.set('A:1', 'upper case');
      await store.set('b:a:1', 'contains but does not start with');
      await outlive();

      const found = await collect(store.entries('a:'));
      expect(found).toEqual(
        new Map<string, unknown>([
          ['a:1', 1],
          ['a:2', { two: 2 }],
          ['a:3', 'claimed'],
        ]),
      );
      expect((await collect(store.entries(''))).size).toBe(6);
      expect((await collect(store.entries('zzz'))).size).toBe(0);
    });

    it('should treat % and _ in the prefix literally', async () => {
      const keys = ['p%:1', 'p_:1', 'px:1', 'pq_:1', 'p\\:1', 'p%x', 'pyx'];
      for (const key of keys) await store.set(key, key);

      expect([...(await collect(store.entries('p%'))).keys()].sort()).toEqual(['p%:1', 'p%x']);
      expect([...(await collect(store.entries('p_'))).keys()]).toEqual(['p_:1']);
      expect([...(await collect(store.entries('p\\'))).keys()]).toEqual(['p\\:1']);
      expect([...(await collect(store.entries('%'))).keys()]).toEqual([]);
      expect([...(await collect(store.entries('_'))).keys()]).toEqual([]);
    });

    it('should list every entry of a large prefix', async () => {
      const count = 450;
      await Promise.all(Array.from({ length: count }, (_, i) => store.set(`bulk:${String(i).padStart(4, '0')}`, i)));
      const found = await collect(store.entries('bulk:'));
      expect(found.size).toBe(count);
      expect(found.get('bulk:0449')).toBe(449);
    });

    it('should not share stored values by reference', async () => {
      const value = { list: [1, 2], inner: { n: 1 } };
      await store.set('copy', value);
      value.list.push(3);
      value.inner.n = 99;
      expect(await store.get('copy')).toEqual({
        list: [1, 2],
        inner: { n: 1 },
      });

      const read = (await store.get('copy')) as { list: number[] };
      read.list.push(4);
      expect(await store.get('copy')).toEqual({
        list: [1, 2],
        inner: { n: 1 },
      });

      const claim = { owner: 'a' };
      await store.setIfAbsent('copy:claim', claim, 600_000);
      claim.owner = 'b';
      expect(await store.get('copy:claim')).toEqual({ owner: 'a' });
    });

    it('should fail with a StateError once closed', async () => {
      await store.set('closing', 1);
      await store.close();
      await expect(store.get('closing')).rejects.toBeInstanceOf(StateError);
      await expect(store.set('closing', 2)).rejects.toBeInstanceOf(StateError);
      await expect(store.setIfAbsent('closing', 2, 1_000)).rejects.toBeInstanceOf(StateError);
      await expect(collect(store.entries(''))).rejects.toBeInstanceOf(StateError);
    });
  });
}
