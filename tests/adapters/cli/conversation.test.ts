import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function cli(args: string[], input?: string) {
  // As `npm run cli` runs it, without npm in between.
  return spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const MESSAGES =
  '研发人员40个，总共150人\n那研发经费呢？\n组建资金要多少\n那设备能算进去吗\n研发费用占比有什么要求\n那牵头单位呢？\n';

// Each test starts a real process; on a busy machine that takes seconds, not milliseconds.
describe('CLI ask --conversation', { timeout: 60_000 }, () => {
  it('should read the stdin lines of ask --json --conversation as one user’s consecutive messages', () => {
    const r = cli(['ask', '--json', '--conversation'], MESSAGES);
    expect(r.status).toBe(0);
    const docs = lines(r.stdout);
    expect(docs).toHaveLength(6);
    // `question` is the message as typed; the answers are those of the follow-up read in context.
    expect(docs.map((d) => d.question)).toEqual(MESSAGES.trim().split('\n'));
    expect(docs[0].answers[0].clause).toBe('3.2.6');
    expect(docs[0].check).toMatchObject({ clause: '3.2.6', met: false });
    expect(docs[1]).toMatchObject({ abstained: false, lead: '不低于30%' });
    expect(docs[1].answers[0].clause).toBe('3.2.7');
    expect(docs[3].answers[0].clause).toBe('3.1.4');
    // The lead unit has no share of its own: a near miss naming 三（三）4, no 30%.
    expect(docs[5]).toMatchObject({ abstained: true, answers: [] });
    expect(docs[5].suggestions[0]).toBe('3.3.4');
    expect(docs[5].lead).toBeUndefined();
  });

  it('should keep each line of ask --json a fresh conversation without --conversation', () => {
    const r = cli(['ask', '--json'], MESSAGES);
    expect(r.status).toBe(0);
    const docs = lines(r.stdout);
    expect(docs).toHaveLength(6);
    expect(docs[1].answers[0]?.clause).not.toBe('3.2.7');
    expect(docs[3].answers[0]?.clause).not.toBe('3.1.4');
  });

  it('should print the chat replies of ask --conversation in order', () => {
    const r = cli(['ask', '--conversation'], '研发人员要占多少比例\n那研发经费呢？\n');
    expect(r.status).toBe(0);
    const first = r.stdout.indexOf('> 研发人员要占多少比例');
    const second = r.stdout.indexOf('> 那研发经费呢？');
    expect(first).toBe(0);
    expect(second).toBeGreaterThan(first);
    expect(r.stdout.slice(first, second)).toContain('依据：三（二）6');
    expect(r.stdout.slice(second)).toContain('接上一问');
    expect(r.stdout.slice(second)).toContain('依据：三（二）7');
  });

  it('should refuse a question argument with --conversation', () => {
    const r = cli(['ask', '--conversation', '那研发经费呢']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--conversation reads the messages from stdin');
  });
});
