import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../adapters/storage/index.ts';
import { KeyvStore } from '../../../adapters/storage/keyv-store.ts';
import { ConfigError, StateError } from '../../../src/errors.ts';
import { steppingClock } from '../../helpers/clock.ts';
import { describeStoreContract } from '../../helpers/store-contract.ts';

const run = promisify(execFile);
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const KEYV_STORE_PATH = fileURLToPath(new URL('../../../adapters/storage/keyv-store.ts', import.meta.url));

/** A raw connection to the same file, the way keyv's adapter opens it. */
function rawConnection(file: string): KeyvSqlite {
  return new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5_000 });
}

describeStoreContract('KeyvStore over SQLite (Store contract)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'keyv-store-contract-'));
  const clock = steppingClock();
  const store = await KeyvStore.open({ path: join(dir, 'bot.sqlite'), clock });
  return { store, advance: (ms) => clock.step(ms), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('KeyvStore', () => {
  let dir: string;
  let file: string;
  const opened: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(closable: T): T => {
    opened.push(closable);
    return closable;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keyv-store-'));
    file = join(dir, 'bot.sqlite');
  });

  afterEach(async () => {
    for (const closable of opened.splice(0)) await closable.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('should keep every entry across close and reopen', async () => {
    const first = await KeyvStore.open({ path: file });
    await first.set('dialog:telegram:42', {
      version: 2,
      step: 'q3',
      answers: { a: '是' },
    });
    await first.set('lease:tick', 'worker-1', 600_000);
    expect(await first.setIfAbsent('dedupe:telegram:9001', true, 600_000)).toBe(true);
    await first.close();

    const second = track(await KeyvStore.open({ path: file }));
    expect(await second.get('dialog:telegram:42')).toEqual({
      version: 2,
      step: 'q3',
      answers: { a: '是' },
    });
    expect(await second.get('lease:tick')).toBe('worker-1');
    expect(await second.setIfAbsent('dedupe:telegram:9001', true, 600_000)).toBe(false);
  });

  it('should let exactly one of two stores on the same file win a setIfAbsent race', async () => {
    const a = track(await KeyvStore.open({ path: file }));
    const b = track(await KeyvStore.open({ path: file }));
    for (let round = 0; round < 5; round += 1) {
      const key = `claim:round-${round}`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).setIfAbsent(key, { caller: i }, 600_000)),
      );
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await a.get(key)).toEqual({ caller: winners[0] });
      expect(await b.get(key)).toEqual({ caller: winners[0] });
    }
  });

  it('should let exactly one of several processes win each setIfAbsent race', async () => {
    // Create the file (and its WAL) first so the processes only race on the claims.
    await (await KeyvStore.open({ path: file })).close();
    const script = join(dir, 'claim.mts');
    await writeFile(
      script,
      [
        `import { KeyvStore } from ${JSON.stringify(KEYV_STORE_PATH)};`,
        `const store = await KeyvStore.open({ path: ${JSON.stringify(file)} });`,
        // Start together: every process waits for the same wall-clock instant.
        'await new Promise((go) => setTimeout(go, Number(process.argv[2]) - Date.now()));',
        'const won = [];',
        'for (let i = 0; i < 100; i += 1) {',
        "  const key = 'claim:' + i;",
        '  if (await store.setIfAbsent(key, process.pid, 600_000)) won.push(key);',
        '}',
        'await store.close();',
        'process.stdout.write(JSON.stringify(won));',
      ].join('\n'),
    );
    const goAt = String(Date.now() + 3_000);
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(process.execPath, ['--import', 'tsx', script, goAt], {
          cwd: process.cwd(),
        }),
      ),
    );
    const won = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(won).toHaveLength(100);
    expect(new Set(won).size).toBe(100);
  }, 30_000);

  it('should put the database in WAL mode', async () => {
    track(await KeyvStore.open({ path: file }));
    const raw = track(rawConnection(file));
    expect(await raw.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('should write rows that plain keyv reads back', async () => {
    const store = track(await KeyvStore.open({ path: file }));
    await store.setIfAbsent('claim:plain', { text: ':colon 中文', n: [1, null] }, 600_000);
    const keyv = new Keyv(rawConnection(file), { useKeyPrefix: false });
    track({ close: () => keyv.disconnect() });
    expect(await keyv.get('claim:plain')).toEqual({
      text: ':colon 中文',
      n: [1, null],
    });
  });

  it('should delete expired rows when swept and report how many', async () => {
    const clock = steppingClock();
    const store = track(await KeyvStore.open({ path: file, clock }));
    await store.set('short:1', 1, 20);
    await store.set('short:2', 2, 20);
    await store.setIfAbsent('short:3', 3, 20);
    await store.set('long', 4, 600_000);
    await store.set('forever', 5);
    clock.step(19);
    expect(await store.sweepExpired()).toBe(0);
    clock.step(1);

    expect(await store.sweepExpired()).toBe(3);
    expect(await store.sweepExpired()).toBe(0);
    const raw = track(rawConnection(file));
    const keys = (await raw.query('SELECT key FROM keyv ORDER BY key')) as Array<{ key: string }>;
    expect(keys.map(({ key }) => key)).toEqual(['forever', 'long']);
  });

  it('should sweep on its own timer', async () => {
    const clock = steppingClock();
    const store = track(await KeyvStore.open({ path: file, sweepIntervalMs: 30, clock }));
    await store.set('short', 1, 10);
    clock.step(10);
    const raw = track(rawConnection(file));
    const count = async (): Promise<number> =>
      (
        (await raw.query('SELECT count(*) AS n FROM keyv')) as Array<{
          n: number;
        }>
      )[0]?.n ?? -1;
    for (let i = 0; i < 50 && (await count()) > 0; i += 1) await sleep(20);
    expect(await count()).toBe(0);
  });

  it('should surface a file path that is a folder as a StateError', async () => {
    const folder = join(dir, 'a-folder.sqlite');
    await mkdir(folder);
    await expect(KeyvStore.open({ path: folder })).rejects.toBeInstanceOf(StateError);

    const store = track(new KeyvStore({ path: folder }));
    await expect(store.get('k')).rejects.toBeInstanceOf(StateError);
    await expect(store.set('k', 1)).rejects.toMatchObject({
      name: 'StateError',
      code: 'state_unavailable',
      cause: expect.any(Error),
    });
  });

  it('should surface a corrupt row as a state_corrupt StateError, not a miss', async () => {
    const store = track(await KeyvStore.open({ path: file }));
    const raw = track(rawConnection(file));
    await raw.query('INSERT INTO keyv (key, value) VALUES (?, ?)', ['bad', '{not json']);
    await expect(store.get('bad')).rejects.toMatchObject({
      name: 'StateError',
      code: 'state_corrupt',
    });
    const drain = async (): Promise<void> => {
      for await (const _ of store.entries('ba')) {
        // draining only
      }
    };
    await expect(drain()).rejects.toBeInstanceOf(StateError);
    expect(await store.setIfAbsent('bad', 'fresh', 1_000)).toBe(false);
    expect(await store.delete('bad')).toBe(true);
  });
});

describe('createStore', () => {
  let dir: string;
  const opened: Array<{ close(): Promise<void> }> = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'create-store-'));
  });

  afterEach(async () => {
    for (const closable of opened.splice(0)) await closable.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('should create the missing folder of an absolute sqlite:// path', async () => {
    const file = join(dir, 'nested', 'deeper', 'bot.sqlite');
    const store = await createStore(`sqlite://${file}`);
    opened.push(store);
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    expect((await stat(file)).isFile()).toBe(true);
  });

  it('should resolve a relative sqlite://./ path against the working directory', async () => {
    const file = join(dir, 'data', 'bot.sqlite');
    const store = await createStore(`sqlite://./${relative(process.cwd(), file)}`);
    opened.push(store);
    await store.set('k', 1);
    expect((await stat(file)).isFile()).toBe(true);
  });

  it('should open an in-memory database for sqlite://:memory:', async () => {
    const store = await createStore('sqlite://:memory:');
    opened.push(store);
    expect(await store.setIfAbsent('k', 1, 1_000)).toBe(true);
  });

  it.each([
    'redis://localhost:6379',
    'rediss://u:hunter2@cache:6380/0',
    'postgresql://u:hunter2@db/bot',
    'postgres://db/bot',
  ])('should reject the reserved scheme of %s as not supported yet', async (url) => {
    const error = await createStore(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/not supported yet/);
    expect(message).toContain('sqlite://');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });

  it.each(['mysql://db/bot', 'file:///tmp/bot.sqlite', './data/bot.sqlite', '', 'sqlite://'])(
    'should reject %j naming STORE_URL and the accepted forms',
    async (url) => {
      const error = await createStore(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/STORE_URL.*sqlite:\/\/<path>/);
    },
  );

  it('should reject a path whose folder cannot be created with a StateError', async () => {
    const blocker = join(dir, 'file-not-folder');
    await writeFile(blocker, '');
    await expect(createStore(`sqlite://${join(blocker, 'bot.sqlite')}`)).rejects.toBeInstanceOf(StateError);
  });
});
