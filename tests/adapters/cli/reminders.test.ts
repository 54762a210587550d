import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../adapters/storage/index.ts';
import { addCenter } from '../../../src/centers/index.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function cli(args: string[], storeUrl: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', STORE_URL: storeUrl },
  });
}

/** A fresh store with the 2024-03-15 center (registered that day at 10:00) bound to one chat. */
async function storeWithCenter(): Promise<string> {
  const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'mic-rem-cli-')), 'bot.sqlite')}`;
  const store = await createStore(url);
  await addCenter(store, {
    name: '三月中心',
    recognized: '2024-03-15',
    chats: ['telegram:-1002'],
    verified: true,
    registeredBy: 'cli',
    registeredAt: '2024-03-15T10:00:00+08:00',
  });
  await store.close();
  return url;
}

// Each test starts real processes; on a busy machine that takes seconds, not milliseconds.
describe('CLI reminders', { timeout: 60_000 }, () => {
  it('should print the pending reminders of a window as one JSON array, sorted by send time', async () => {
    const url = await storeWithCenter();
    const r = cli(['reminders', 'plan', '--json', '--from', '2025-01-01', '--to', '2025-01-31'], url);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const rows = JSON.parse(r.stdout);
    const common = {
      center: '三月中心',
      duty: 'annual-summary',
      clause: '4.3',
      period: '2024',
      due: '2025-01-31',
      chat: 'telegram:-1002',
    };
    // By hand: due 2025-01-31; stages 30, 7, 1 and 0 days before at 09:00 +08:00.
    expect(rows.map(({ centerId: _, ...rest }: { centerId: string }) => rest)).toEqual([
      { ...common, sendAt: '2025-01-01T09:00:00+08:00', stage: '30d' },
      { ...common, sendAt: '2025-01-24T09:00:00+08:00', stage: '7d' },
      { ...common, sendAt: '2025-01-30T09:00:00+08:00', stage: '1d' },
      { ...common, sendAt: '2025-01-31T09:00:00+08:00', stage: 'due' },
    ]);
    expect(Object.keys(rows[0])).toEqual([
      'centerId',
      'center',
      'duty',
      'clause',
      'period',
      'due',
      'sendAt',
      'stage',
      'chat',
    ]);
    // The window ends at 24:00 of --to: 2025-02-07 (overdue1) is outside [2025-02-01, 2025-02-06].
    const february = JSON.parse(
      cli(['reminders', 'plan', '--json', '--from', '2025-02-01', '--to', '2025-02-06'], url).stdout,
    );
    expect(february).toEqual([]);
  });

  it('should send what is due at an instant once, one line per reminder, and nothing more when run again', async () => {
    const url = await storeWithCenter();
    const first = cli(['reminders', 'tick', '--now', '2025-01-01T09:00:00+08:00'], url);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('三月中心\tannual-summary\t30d\ttelegram:-1002\n');
    const again = cli(['reminders', 'tick', '--now', '2025-01-01T09:00:00+08:00'], url);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe('');
    const week = cli(['reminders', 'tick', '--now', '2025-01-24T09:00:00+08:00'], url);
    expect(week.stdout).toBe('三月中心\tannual-summary\t7d\ttelegram:-1002\n');
    // Sent reminders are no longer pending.
    const plan = JSON.parse(
      cli(['reminders', 'plan', '--json', '--from', '2025-01-01', '--to', '2025-01-31'], url).stdout,
    );
    expect(plan.map((row: { stage: string }) => row.stage)).toEqual(['1d', 'due']);
  });

  it('should refuse bad usage with exit code 2 and nothing on stdout', async () => {
    const url = await storeWithCenter();
    for (const args of [
      ['reminders'],
      ['reminders', 'plan', '--from', '2025-01-01', '--to', '2025-01-31'],
      ['reminders', 'plan', '--json', '--from', '2025-02-30', '--to', '2025-03-01'],
      ['reminders', 'plan', '--json', '--from', '2025-03-01', '--to', '2025-02-01'],
      ['reminders', 'tick'],
      ['reminders', 'tick', '--now', 'tomorrow'],
      ['reminders', 'tick', '--now', '2025-01-01'],
    ]) {
      const r = cli(args, url);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/reminders/);
    }
  });
});
