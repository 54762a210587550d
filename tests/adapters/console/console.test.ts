import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderForTerminal, runConsoleChat } from '../../../adapters/console/index.ts';
import { createConversation } from '../../helpers/conversation.ts';

async function chat(lines: string[]): Promise<string> {
  const { core } = createConversation();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  await runConsoleChat({ core, input: Readable.from([`${lines.join('\n')}\n`]), output, interactive: false });
  return out;
}

describe('console chat', () => {
  it('should answer each piped line and end at the end of input', async () => {
    const out = await chat(['研发费用占比有什么要求', '重庆明天会下雨吗？']);
    expect(out).toContain('依据：三（二）7');
    expect(out).toContain('方案没有涉及');
  });

  it('should press the numbered option of the last reply when the user types its number', async () => {
    const out = await chat(['创新中心的专家委员会负责什么', '1']);
    const quotes = out.match(/依据：/g) ?? [];
    expect(quotes.length).toBe(2);
  });

  it('should show choices as numbered options and strip terminal escapes', () => {
    const text = renderForTerminal({ text: 'a\u001b[31mb', choices: [{ label: 'x', value: 'v' }] });
    expect(text).toContain('[1] x');
    expect(text).not.toContain('\u001b');
  });
});
