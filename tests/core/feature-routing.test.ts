import { describe, expect, it } from 'vitest';
import {
  type ChatRef,
  createBotCore,
  createQaFeature,
  type Feature,
  type FeatureFactory,
  MemoryStore,
  type Reply,
} from '../../src/index.ts';
import { steppingClock } from '../helpers/clock.ts';
import { createConversation, createRecordingLogger, knowledge } from '../helpers/conversation.ts';

const base = { platform: 'console', chat: 'console:t', user: 'console:t' } as const;

function core(features: FeatureFactory[]) {
  const logger = createRecordingLogger();
  const c = createBotCore({ knowledge: knowledge(), store: new MemoryStore(), logger, features });
  return { core: c, logger };
}

const feature =
  (f: Feature): FeatureFactory =>
  () =>
    f;

const text = (replies: Reply[]): string => replies.map((r) => r.text).join('\n');

describe('feature routing', () => {
  it('should refuse two features claiming one command', () => {
    const a = feature({ name: 'a', commands: [{ name: 'check', handle: async () => [] }] });
    const b = feature({ name: 'b', commands: [{ name: 'check', handle: async () => [] }] });
    expect(() => core([a, b])).toThrow(/a and b both claim the command \/check/);
    // A feature cannot take over a basic command either.
    const help = feature({ name: 'c', commands: [{ name: 'help', handle: async () => [] }] });
    expect(() => core([help])).toThrow(/basics and c/);
  });

  it('should refuse overlapping button prefixes', () => {
    const a = feature({ name: 'a', choicePrefix: 'elig:' });
    const b = feature({ name: 'b', choicePrefix: 'elig:x:' });
    expect(() => core([a, b])).toThrow(/overlapping button prefixes/);
    expect(() => core([a, feature({ name: 'b', choicePrefix: 'rem:' })])).not.toThrow();
  });

  it('should offer free text down the features in order until one answers', async () => {
    const seen: string[] = [];
    const dialog = feature({
      name: 'dialog',
      async onText(turn) {
        seen.push('dialog');
        return turn.text === '我在对话中' ? [{ text: 'dialog took it' }] : undefined;
      },
    });
    const { core: c } = core([dialog, createQaFeature()]);
    expect(text(await c.handle({ ...base, text: '我在对话中' }))).toBe('dialog took it');
    const answer = text(await c.handle({ ...base, text: '研发人员要占多少比例' }));
    expect(answer).toContain('依据：三（二）6');
    expect(seen).toEqual(['dialog', 'dialog']);
  });

  it('should route a button press by its prefix and a command to its owner', async () => {
    const presses: string[] = [];
    const f = feature({
      name: 'f',
      choicePrefix: 'f:',
      async onChoice(turn) {
        presses.push(turn.choice);
        return [{ text: `pressed ${turn.choice}` }];
      },
      commands: [
        {
          name: 'go',
          async handle(turn) {
            return [{ text: `go ${turn.command.arg}` }];
          },
        },
      ],
    });
    const { core: c } = core([f, createQaFeature()]);
    expect(text(await c.handle({ ...base, choice: 'f:1' }))).toBe('pressed f:1');
    expect(text(await c.handle({ ...base, text: '/go  now ' }))).toBe('go now');
    expect(text(await c.handle({ ...base, text: '/GO@mic_bot x' }))).toBe('go x');
    expect(text(await c.handle({ ...base, choice: 'zz:1' }))).toContain('按钮已失效');
    expect(text(await c.handle({ ...base, text: '/nope' }))).toContain('不认识的命令 /nope');
    expect(presses).toEqual(['f:1']);
  });

  it('should contain a failing feature: a polite reply, a log with its name, and the next turn works', async () => {
    const broken = feature({
      name: 'broken',
      commands: [
        {
          name: 'boom',
          async handle() {
            throw new Error('kaputt');
          },
        },
      ],
    });
    const { core: c, logger } = core([broken, createQaFeature()]);
    expect(text(await c.handle({ ...base, text: '/boom' }))).toContain('抱歉');
    expect(logger.records.some((r) => r.level === 'error' && r.obj.feature === 'broken')).toBe(true);
    expect(text(await c.handle({ ...base, text: '3.2.6' }))).toContain('依据：三（二）6');
  });

  it('should list every feature command in /help and its menu under /start', async () => {
    const f = feature({
      name: 'f',
      commands: [
        { name: 'check', help: { 'zh-CN': '/check 资格自测', en: '/check self-check' }, handle: async () => [] },
      ],
      menu: (locale) => [{ label: locale === 'en' ? 'Self-check' : '资格自测', value: 'f:start' }],
      choicePrefix: 'f:',
    });
    const { core: c } = core([f, createQaFeature()]);
    const help = text(await c.handle({ ...base, text: '/help' }));
    expect(help).toContain('/check 资格自测');
    expect(help).toContain('/ask');
    expect(help.indexOf('/check')).toBeLessThan(help.indexOf('/help 查看本帮助'));
    const [welcome] = await c.handle({ ...base, text: '/start' });
    expect(welcome?.choices).toEqual([{ label: '资格自测', value: 'f:start' }]);
    await c.handle({ ...base, text: '/lang en' });
    expect(text(await c.handle({ ...base, text: '/help' }))).toContain('/check self-check');
  });

  it('should start background work once and stop it in reverse order', async () => {
    const events: string[] = [];
    const worker = (name: string) =>
      feature({ name, start: () => void events.push(`start ${name}`), stop: () => void events.push(`stop ${name}`) });
    const { core: c } = core([worker('a'), worker('b')]);
    await c.start();
    await c.start();
    await c.stop();
    expect(events).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });

  it('should send proactive messages through the messenger of the chat platform', async () => {
    let send: ((chat: ChatRef, reply: Reply) => Promise<string>) | undefined;
    const f: FeatureFactory = (deps) => {
      send = (chat, reply) => deps.messenger.send(chat, reply);
      return { name: 'notifier' };
    };
    const { core: c } = core([f]);
    const sent: string[] = [];
    c.registerMessenger('console', {
      async send(chat, reply) {
        sent.push(`${chat} ${reply.text}`);
        return 'ok';
      },
    });
    expect(await send?.('console:local', { text: '提醒' })).toBe('ok');
    expect(await send?.('telegram:1', { text: '提醒' })).toBe('failed');
    expect(sent).toEqual(['console:local 提醒']);
  });

  it('should give free text to the dialog the user opened last, not to an older one still open', async () => {
    // People type seconds apart; the clock says so (two messages in one millisecond would tie).
    const clock = steppingClock('2026-03-01T02:00:00Z');
    const c = createConversation({ store: new MemoryStore({ clock }), clock });
    const send = async (text: string) => {
      clock.step(5_000);
      return c.send(text);
    };
    await send('/check');
    expect(c.text).toContain('（1/');
    await send('/subscribe');
    await send('测试创新中心');
    // The subscribe dialog took the name; the self-check did not read it as an answer.
    expect(c.text).toContain('中心名称：测试创新中心');
    await send('/check');
    expect(c.text).toContain('继续上次未完成的自测（已回答 0/');
    await send('是');
    expect(c.text).toContain('已记录：是');
    expect(c.text).toContain('（2/');
  });

  it('should mark the commands that open a personal dialog, so a group can move them to a private chat', () => {
    const { core: c } = createConversation();
    const personal = c.features.flatMap((f) => (f.commands ?? []).filter((x) => x.personalDialog).map((x) => x.name));
    expect(personal.sort()).toEqual(['check', 'subscribe']);
  });
});
