import { describe, expect, it } from 'vitest';
import { commandText, fromDirectMessage, fromMention, fromSlashCommand } from '../../../adapters/slack/index.ts';

const COMMANDS = new Set(['check', 'subscribe', 'help', 'start', 'lang']);

describe('slack adapter: translating events', () => {
  it('should translate a DM into slack: chat and user references', () => {
    const t = fromDirectMessage(
      { type: 'message', channel_type: 'im', channel: 'D0123', user: 'U0ABC', text: '研发 &amp; 经费', ts: '1.1' },
      COMMANDS,
    );
    expect(t).toEqual({
      kind: 'message',
      channel: 'D0123',
      message: { platform: 'slack', chat: 'slack:D0123', user: 'slack:U0ABC', text: '研发 & 经费' },
    });
  });

  it('should ignore edits, bots, channel messages and messages without text', () => {
    const base = { type: 'message', channel_type: 'im', channel: 'D0123', user: 'U0ABC', text: 'x', ts: '1.1' };
    expect(fromDirectMessage({ ...base, subtype: 'message_changed' }, COMMANDS).kind).toBe('ignore');
    expect(fromDirectMessage({ ...base, bot_id: 'B1' }, COMMANDS).kind).toBe('ignore');
    expect(fromDirectMessage({ ...base, channel_type: 'channel' }, COMMANDS).kind).toBe('ignore');
    const { text: _, ...noText } = base;
    expect(fromDirectMessage(noText, COMMANDS).kind).toBe('ignore');
  });

  it('should strip the bot’s mention and answer in the mention’s thread', () => {
    const t = fromMention(
      { type: 'app_mention', channel: 'C0123', user: 'U0ABC', text: '<@UBOT> 研发人员比例', ts: '2.2' },
      'UBOT',
      COMMANDS,
    );
    expect(t).toMatchObject({ channel: 'C0123', threadTs: '2.2', message: { text: '研发人员比例' } });
    const inThread = fromMention(
      { type: 'app_mention', channel: 'C0123', user: 'U0ABC', text: '<@UBOT|mic> check', ts: '3.3', thread_ts: '2.2' },
      'UBOT',
      COMMANDS,
    );
    expect(inThread).toMatchObject({ threadTs: '2.2', command: 'check', message: { text: '/check' } });
  });

  it('should read subcommands of the slash command as core commands, other text as a question', () => {
    expect(commandText('check', COMMANDS)).toEqual({ text: '/check', command: 'check' });
    expect(commandText('/lang en', COMMANDS)).toEqual({ text: '/lang en', command: 'lang' });
    expect(commandText('', COMMANDS)).toEqual({ text: '/help', command: 'help' });
    expect(commandText('checklist 是什么', COMMANDS)).toEqual({ text: 'checklist 是什么' });
    expect(commandText('研发人员比例', COMMANDS)).toEqual({ text: '研发人员比例' });
    expect(
      fromSlashCommand({ user_id: 'U0ABC', channel_id: 'C0123', text: 'subscribe 渝北中心' }, COMMANDS),
    ).toMatchObject({ command: 'subscribe', message: { chat: 'slack:C0123', text: '/subscribe 渝北中心' } });
  });
});
