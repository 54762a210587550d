import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Each test starts real processes; on a busy machine that takes seconds, not milliseconds.
describe('CLI', { timeout: 60_000 }, () => {
  it('should print one JSON line for ask --json "<q>"', () => {
    const r = cli(['ask', '--json', '研发人员要占多少比例']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0] ?? '');
    expect(doc.question).toBe('研发人员要占多少比例');
    expect(doc.abstained).toBe(false);
    expect(doc.answers[0]).toMatchObject({ clause: '3.2.6', label: '三（二）6' });
    expect(typeof doc.answers[0].score).toBe('number');
    expect(doc.lead).toContain('30%');
  });

  it('should read one question per line from stdin and answer each in order', () => {
    const r = cli(['ask', '--json'], '研发费用占比有什么要求\n重庆明天会下雨吗？\n3.1.4\n');
    expect(r.status).toBe(0);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.question)).toEqual(['研发费用占比有什么要求', '重庆明天会下雨吗？', '3.1.4']);
    expect(docs[1]).toMatchObject({ abstained: true, answers: [] });
    expect(docs[2].answers[0].clause).toBe('3.1.4');
  });

  it('should print the chat answer for ask "<q>"', () => {
    const r = cli(['ask', '组建资金最少要投入多少？']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('依据：三（一）4');
  });

  it('should exit 2 with usage on stderr for a usage error, keeping stdout empty', () => {
    for (const args of [['frobnicate'], ['ask'], ['ask', '--bogus', 'x']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage');
    }
  });
});

/** Runs `npm start` with extra environment and piped input, in a fresh data folder. */
function start(env: Record<string, string>, input: string) {
  const dir = mkdtempSync(join(tmpdir(), 'mic-start-'));
  return spawnSync('npm', ['start', '--silent'], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
      TELEGRAM_BOT_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      ...env,
    },
    timeout: 60_000,
  });
}

// Each test starts real processes; on a busy machine that takes seconds, not milliseconds.
describe('npm start', { timeout: 60_000 }, () => {
  it('should answer piped input in the terminal chat and exit at end of input', () => {
    const r = start({}, '研发费用占比有什么要求\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('依据：三（二）7');
    expect(r.stdout).toContain('“创新中心的年度研发费用总额占成本费用支出总额的比例应不低于30%。”');
  });

  it('should refuse to start with a clear message naming a bad variable', () => {
    const r = start({ LANG_DEFAULT: 'fr' }, '');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('LANG_DEFAULT');
  });

  it('should refuse a malformed Telegram token before any request, without echoing it', () => {
    const r = start({ TELEGRAM_BOT_TOKEN: '123:abc' }, '');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(r.stderr).not.toContain('123:abc');
  });

  it('should refuse a Slack token while this build has no Slack adapter', () => {
    const r = start({ SLACK_BOT_TOKEN: 'xoxb-secret-value' }, '');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Slack');
    expect(r.stderr).not.toContain('xoxb-secret-value');
  });
});
