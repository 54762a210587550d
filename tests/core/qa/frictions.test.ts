import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../../src/index.ts';
import { createConversation } from '../../helpers/conversation.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
}

const COVERAGE = '本方案涵盖';

describe('small frictions', { timeout: 60_000 }, () => {
  it('should name the valid options when a typed number has no option behind it', async () => {
    const chat = createConversation();
    await chat.send('公示几天');
    const shown = chat.replies.at(-1)?.choices ?? [];
    expect(shown.length).toBeGreaterThan(0);
    await chat.send(String(shown.length + 2));
    expect(chat.text).toContain(`没有第 ${shown.length + 2} 项`);
    expect(chat.text).toContain(shown.length > 1 ? `1–${shown.length}` : '1');
    expect(chat.text).not.toContain('没有看懂');
    // The options stay offered, and a valid number opens the one it names.
    expect(chat.replies.at(-1)?.choices).toEqual(shown);
    await chat.send('1');
    expect(chat.text).toContain(`依据：${shown[0]?.label.split(' ')[0]}`);
  });

  it('should read a number as a clause number when no options are shown', async () => {
    const chat = createConversation();
    await chat.send('3.2.6');
    expect(chat.text).toContain('依据：三（二）6');
  });

  it('should list what the plan covers only when the question was not understood', async () => {
    const chat = createConversation();
    await chat.send('重庆明天会下雨吗？');
    expect(chat.text).toContain(COVERAGE);
    // A near miss names its related clauses instead of the whole list.
    await chat.send('专项支持给多少钱');
    expect(chat.text).not.toContain(COVERAGE);
    expect(chat.text).toContain('/help');
    await chat.send('公示几天');
    expect(chat.text).not.toContain(COVERAGE);
  });

  it('should offer only related clauses close to the answer or in its part', async () => {
    const chat = createConversation();
    await chat.send('认定要走哪些环节');
    expect(chat.text).not.toContain('加大宣传力度');
    await chat.send('谁来认定创新中心？');
    for (const c of chat.replies.at(-1)?.choices ?? []) expect(c.label).not.toContain('加大宣传力度');
  });

  it('should refuse in the CLI a question longer than the chat takes, as the chat does', async () => {
    const long = '研发'.repeat(MAX_QUESTION_LENGTH);
    const chat = createConversation();
    await chat.send(long);
    const refusal = chat.text;
    expect(refusal).toContain(`${MAX_QUESTION_LENGTH} 字以内`);
    const text = cli(['ask', long]);
    expect(text.status).toBe(0);
    expect(text.stdout.trim()).toBe(refusal);
    const json = cli(['ask', '--json'], `${long}\n研发人员要占多少比例\n`);
    expect(json.status).toBe(0);
    const [refused, answered] = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(refused).toMatchObject({ abstained: true, reason: 'too_long', answers: [], presented: [] });
    expect(answered.answers[0].clause).toBe('3.2.6');
  });
});
