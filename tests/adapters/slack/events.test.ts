import { afterEach, describe, expect, it } from 'vitest';
import { shown } from './fake-slack-api.ts';
import {
  FORM_TYPE,
  JSON_TYPE,
  mention,
  newTs,
  post,
  type SlackStack,
  say,
  sendEvent,
  slashCommand,
  startStack,
} from './harness.ts';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

type Block = { type: string; text?: { text: string }; elements?: { text?: string }[] };
const blocksOf = (params: Record<string, unknown> | undefined): Block[] => (params?.blocks ?? []) as Block[];

describe('slack adapter: events, the slash command and url_verification', () => {
  it('should answer a DM with the quoted clause as a section and 依据 as context', async () => {
    stack = await startStack();
    const [reply] = await say(stack, 'U0ABC', 'D0ABC', '研发人员要占多少比例？');
    const blocks = blocksOf(reply?.params);
    const section = blocks.find((b) => b.type === 'section' && b.text?.text.includes('30%'));
    expect(section).toBeDefined();
    const context = blocks.find((b) => b.type === 'context');
    expect(context?.elements?.[0]?.text).toMatch(/^依据：三（二）6/);
    expect(reply?.params.thread_ts).toBeUndefined();
  });

  it('should answer a mention in the thread of the mention, without the mention in the question', async () => {
    stack = await startStack();
    const ts = newTs();
    const res = await sendEvent(stack, mention('U0ABC', 'C0123', '研发人员要占多少比例？', ts));
    expect(res.status).toBe(200);
    await stack.api.waitFor(() => stack?.api.postedTo('C0123').length === 1);
    const reply = stack.api.postedTo('C0123')[0];
    expect(reply?.params.thread_ts).toBe(ts);
    expect(shown(reply?.params)).toContain('依据：三（二）6');
  });

  it('should acknowledge the slash command at once and answer ephemerally through response_url', async () => {
    stack = await startStack();
    const url = stack.api.responseUrl();
    const res = await post(stack.url, slashCommand('U0ABC', 'C0123', '研发人员比例', url), FORM_TYPE);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await stack.api.waitFor(() => stack?.api.responsesTo(url).length === 1);
    const answer = stack.api.responsesTo(url)[0]?.params;
    expect(answer?.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('依据：三（二）6');
    expect(stack.api.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('should run /mic help and /mic with nothing as the help', async () => {
    stack = await startStack();
    for (const text of ['help', '']) {
      const url = stack.api.responseUrl();
      await post(stack.url, slashCommand('U0ABC', 'C0123', text, url), FORM_TYPE);
      await stack.api.waitFor(() => stack?.api.responsesTo(url).length === 1);
      expect(shown(stack.api.responsesTo(url)[0]?.params)).toContain('/check');
    }
  });

  it('should continue /mic check started in a channel in the user’s DM', async () => {
    stack = await startStack();
    const url = stack.api.responseUrl();
    await post(stack.url, slashCommand('U0ABC', 'C0123', 'check', url), FORM_TYPE);
    await stack.api.waitFor(() => stack?.api.responsesTo(url).length === 1);
    expect(stack.api.callsOf('conversations.open')[0]?.params.users).toBe('U0ABC');
    expect(shown(stack.api.postedTo('D0ABC')[0]?.params)).toContain('（1/18）');
    expect(shown(stack.api.responsesTo(url)[0]?.params)).toContain('私信');
    expect(stack.api.postedTo('C0123')).toHaveLength(0);
  });

  it('should continue a mentioned subscribe in the DM and say so in the thread', async () => {
    stack = await startStack();
    const ts = newTs();
    await sendEvent(stack, mention('U0ABC', 'C0123', 'subscribe', ts));
    await stack.api.waitFor(() => stack?.api.postedTo('C0123').length === 1);
    expect(shown(stack.api.postedTo('D0ABC')[0]?.params)).toContain('订阅提醒');
    expect(stack.api.postedTo('C0123')[0]?.params.thread_ts).toBe(ts);
  });

  it('should answer url_verification with the challenge', async () => {
    stack = await startStack();
    const body = JSON.stringify({ token: 't', challenge: 'chal-123', type: 'url_verification' });
    const res = await post(stack.url, body, JSON_TYPE);
    expect(res.status).toBe(200);
    expect(res.text).toContain('chal-123');
  });
});
