import { afterEach, describe, expect, it } from 'vitest';
import { BLOCKED_ERRORS } from '../../../adapters/slack/index.ts';
import { type SlackStack, startStack } from './harness.ts';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

describe('slack adapter: the messenger', () => {
  it('should post with chat.postMessage, buttons as Block Kit', async () => {
    stack = await startStack();
    const result = await stack.slack.messenger.send('slack:C0123', {
      text: '提醒：年度总结\n依据：四（三）',
      choices: [{ label: '已提交', value: 'rem:done:x:a:2025' }],
    });
    expect(result).toBe('ok');
    const [call] = stack.api.postedTo('C0123');
    expect(call?.params.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '提醒：年度总结', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '依据：四（三）', verbatim: true }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'mic:0',
            text: { type: 'plain_text', text: '已提交', emoji: true },
            value: 'rem:done:x:a:2025',
          },
        ],
      },
    ]);
  });

  it('should wait out a 429 for its Retry-After and then deliver', async () => {
    stack = await startStack();
    let limited = 0;
    stack.api.intercept = (call) => {
      if (call.method !== 'chat.postMessage' || limited > 0) return undefined;
      limited += 1;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    };
    const t0 = performance.now();
    expect(await stack.slack.messenger.send('slack:C0123', { text: '你好' })).toBe('ok');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
    expect(stack.api.postedTo('C0123')).toHaveLength(2);
  });

  it.each([...BLOCKED_ERRORS])('should return blocked for %s', async (error) => {
    stack = await startStack();
    stack.api.intercept = (call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error } } : undefined);
    expect(await stack.slack.messenger.send('slack:C0123', { text: '你好' })).toBe('blocked');
  });

  it('should return failed for another error, a malformed or foreign chat', async () => {
    stack = await startStack();
    stack.api.intercept = (call) =>
      call.method === 'chat.postMessage' ? { body: { ok: false, error: 'msg_too_long' } } : undefined;
    expect(await stack.slack.messenger.send('slack:C0123', { text: '你好' })).toBe('failed');
    expect(await stack.slack.messenger.send('slack:c0123 <x>', { text: '你好' })).toBe('failed');
    expect(await stack.slack.messenger.send('telegram:42', { text: '你好' })).toBe('failed');
  });
});
