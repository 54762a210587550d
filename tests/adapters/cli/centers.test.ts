import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../adapters/storage/index.ts';
import { addCenter, listCenters } from '../../../src/centers/index.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function freshStoreUrl(): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), 'mic-centers-')), 'bot.sqlite')}`;
}

function cli(args: string[], storeUrl: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'centers', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', STORE_URL: storeUrl },
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mic-import-')), name);
  writeFileSync(path, content);
  return path;
}

async function storedNames(url: string): Promise<string[]> {
  const store = await createStore(url);
  try {
    return (await listCenters(store)).map((c) => c.name);
  } finally {
    await store.close();
  }
}

const SPEC_KEYS = ['id', 'name', 'district', 'field', 'status', 'recognized', 'chats', 'verified', 'paused'];

// Each test starts real processes; on a busy machine that takes seconds, not milliseconds.
describe('CLI centers', { timeout: 60_000 }, () => {
  it('should add a verified center and list it with exactly the spec’s fields', () => {
    const url = freshStoreUrl();
    const added = cli(
      [
        'add',
        '--name',
        '重庆市集成电路创新中心',
        '--recognized',
        '2024-03-15',
        '--district',
        '渝北区',
        '--field',
        '集成电路',
        '--chat',
        'telegram:-1001234',
        '--chat',
        'slack:C0123',
      ],
      url,
    );
    expect(added.status, added.stderr).toBe(0);
    const listed = cli(['list', '--json'], url);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(1);
    const centers = JSON.parse(listed.stdout);
    expect(centers).toHaveLength(1);
    expect(Object.keys(centers[0])).toEqual(SPEC_KEYS);
    expect(centers[0]).toMatchObject({
      name: '重庆市集成电路创新中心',
      district: '渝北区',
      field: '集成电路',
      status: 'recognised',
      recognized: '2024-03-15',
      chats: ['telegram:-1001234', 'slack:C0123'],
      verified: true,
      paused: false,
    });
    expect(JSON.parse(added.stdout)).toEqual(centers[0]);
  });

  it('should exit 2 on a usage error or an invalid value, storing nothing', async () => {
    const url = freshStoreUrl();
    expect(cli(['add', '--name', '甲'], url).status).toBe(2);
    const bad = cli(['add', '--name', '甲', '--recognized', '2024-02-30'], url);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--recognized/);
    expect(cli(['add', '--name', '甲', '--recognized', '2024-01-02', '--status', 'gold'], url).status).toBe(2);
    expect(cli(['add', '--name', '甲', '--recognized', '2024-01-02', '--chat', 'irc:x'], url).status).toBe(2);
    expect(cli(['frobnicate'], url).status).toBe(2);
    expect(await storedNames(url)).toEqual([]);
  });

  it('should import a CSV with a BOM, chats separated by semicolons', async () => {
    const url = freshStoreUrl();
    const csv = file(
      'centers.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          'name,district,field,status,recognized,chats\n' +
            '甲中心,江北区,物联网,pilot,2023-05-01,telegram:1;slack:C2\n' +
            '"乙中心, 重庆",,,,2022-01-10,\n',
          'utf8',
        ),
      ]),
    );
    const r = cli(['import', csv], url);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const listed = JSON.parse(cli(['list', '--json'], url).stdout);
    expect(listed.map((c: { name: string }) => c.name)).toEqual(['乙中心, 重庆', '甲中心']);
    expect(listed[1]).toMatchObject({ status: 'pilot', chats: ['telegram:1', 'slack:C2'], verified: true });
    expect(listed[0]).toMatchObject({ status: 'recognised', district: '', chats: [] });
  });

  it('should import all or nothing, reporting every bad row', async () => {
    const url = freshStoreUrl();
    const store = await createStore(url);
    await addCenter(store, { name: '已有中心', recognized: '2023-01-01', registeredBy: 'cli', verified: true });
    await store.close();
    const json = file(
      'centers.json',
      JSON.stringify([
        { name: '好中心', recognized: '2024-03-15', chats: ['telegram:5'] },
        { name: '坏日期', recognized: '2024-02-30' },
        { name: '已有中心', recognized: '2024-03-15' },
        { name: '坏类别', recognized: '2024-03-15', status: 'gold' },
        { name: '好中心', recognized: '2024-03-15' },
        { name: '多字段', recognized: '2024-03-15', color: 'red' },
      ]),
    );
    const r = cli(['import', json], url);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { row: 2, field: 'recognized', reason: expect.any(String) },
      { row: 3, field: 'name', reason: 'already registered' },
      { row: 4, field: 'status', reason: expect.any(String) },
      { row: 5, field: 'name', reason: 'already registered' },
      { row: 6, field: 'color', reason: 'unknown field' },
    ]);
    expect(await storedNames(url)).toEqual(['已有中心']);

    const skipped = cli(['import', json, '--skip-invalid'], url);
    expect(skipped.status).toBe(1);
    expect(JSON.parse(skipped.stdout)).toHaveLength(5);
    expect(await storedNames(url)).toEqual(['已有中心', '好中心']);
  });
});
