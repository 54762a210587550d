import { afterEach, describe, expect, it } from 'vitest';
import { createBotCore, MemoryStore } from '../../../src/index.ts';
import { createRecordingLogger, knowledge } from '../../helpers/conversation.ts';
import { buttonsOf, shown } from './fake-slack-api.ts';
import {
  blockAction,
  FORM_TYPE,
  newTs,
  post,
  postedMessage,
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

async function openHome(s: SlackStack, user: string, channel: string) {
  const before = s.api.callsOf('views.publish').length;
  await sendEvent(s, { type: 'app_home_opened', user, channel, tab: 'home', event_ts: newTs() });
  await s.api.waitFor(() => s.api.callsOf('views.publish').length > before);
  return s.api.callsOf('views.publish').at(-1)?.params;
}

describe('slack adapter: App Home and ephemeral presses', () => {
  it('should show the unfinished self-check and the next deadlines, with buttons that work', async () => {
    stack = await startStack();
    const s = stack;
    const [user, channel] = ['U0HOME', 'D0HOME'];

    const empty = await openHome(s, user, channel);
    expect(empty?.user_id).toBe(user);
    expect(shown(empty)).toContain('还没有未完成的自测');
    expect(buttonsOf(empty).map((b) => b.actionId)).toEqual(['home:ask', 'home:check']);

    // The Home's 资格自测 button starts /check in the DM.
    const check = buttonsOf(empty).find((b) => b.actionId === 'home:check');
    if (!check) throw new Error('no check button');
    await post(s.url, blockAction(user, check, { home: true }), FORM_TYPE);
    await s.api.waitFor(() => s.api.callsOf('views.publish').length === 2);
    expect(shown(s.api.postedTo(channel)[0]?.params)).toContain('（1/18）');
    await say(s, user, channel, '是');

    // Subscribing a center gives deadlines.
    await say(s, user, channel, '/subscribe');
    await say(s, user, channel, '首页测试中心');
    await say(s, user, channel, '渝北');
    await say(s, user, channel, '2024-03-15');
    const message = postedMessage(s, channel);
    const status = buttonsOf(message).find((b) => /经认定/.test(b.label));
    if (!status) throw new Error('no status button');
    const n = s.api.postedTo(channel).length;
    await post(s.url, blockAction(user, status, { channel, message }), FORM_TYPE);
    await s.api.waitFor(() => s.api.postedTo(channel).length > n);

    const home = await openHome(s, user, channel);
    const text = shown(home);
    expect(text).toContain('未完成的资格自测（已回答 1/18 题）');
    expect(text).toContain('（2/18）');
    expect(text).toMatch(/依据：三（一）2/);
    expect(text).toContain('首页测试中心');
    expect(text).toMatch(/依据：四/);

    // Its 继续自测 button resumes the dialog in the DM.
    const resume = buttonsOf(home).find((b) => b.label === '继续自测');
    if (!resume) throw new Error('no resume button');
    const m = s.api.postedTo(channel).length;
    await post(s.url, blockAction(user, resume, { home: true }), FORM_TYPE);
    await s.api.waitFor(() => s.api.postedTo(channel).length > m);
    expect(shown(s.api.postedTo(channel).at(-1)?.params)).toContain('（2/18）');
  });

  it('should replace a pressed ephemeral message through response_url and answer ephemerally', async () => {
    stack = await startStack();
    const s = stack;
    const url = s.api.responseUrl();
    await post(s.url, slashCommand('U0EPH', 'C0EPH', '专项支持给多少钱', url), FORM_TYPE);
    await s.api.waitFor(() => s.api.responsesTo(url).length === 1);
    const related = buttonsOf(s.api.responsesTo(url)[0]?.params)[0];
    if (!related) throw new Error('no related-clause button');
    await post(
      s.url,
      blockAction('U0EPH', related, { channel: 'C0EPH', ephemeralTs: '1800000000.000001', responseUrl: url }),
      FORM_TYPE,
    );
    await s.api.waitFor(() => s.api.responsesTo(url).length === 3);
    const [, replaced, answer] = s.api.responsesTo(url);
    expect(replaced?.params.replace_original).toBe(true);
    expect(buttonsOf(replaced?.params)).toEqual([]);
    expect(answer?.params.response_type).toBe('ephemeral');
    expect(shown(answer?.params)).toContain(`依据：${related.label.split(' ')[0]}`);
    expect(s.api.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it("should collect the features' home sections in order and leave out one that fails", async () => {
    const logger = createRecordingLogger();
    const core = createBotCore({
      knowledge: knowledge(),
      store: new MemoryStore(),
      logger,
      features: [
        () => ({ name: 'a', home: async ({ locale }) => ({ feature: 'a', title: locale, lines: ['x'] }) }),
        () => ({
          name: 'b',
          home: async () => {
            throw new Error('boom');
          },
        }),
        () => ({ name: 'c', home: async ({ chats }) => ({ feature: 'c', title: chats.join(), lines: [] }) }),
        () => ({ name: 'd', home: async () => undefined }),
      ],
    });
    const home = await core.home('slack:U1', ['slack:D1']);
    expect(home).toEqual({
      locale: 'zh-CN',
      sections: [
        { feature: 'a', title: 'zh-CN', lines: ['x'] },
        { feature: 'c', title: 'slack:D1', lines: [] },
      ],
    });
    expect(logger.records.filter((r) => r.level === 'error').map((r) => r.obj.feature)).toEqual(['b']);
  });
});
