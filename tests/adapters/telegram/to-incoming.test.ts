import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { toIncoming } from '../../../adapters/telegram/index.ts';

const me = { id: 123456789, username: 'mic_policy_bot' };

/** A private text message as Telegram sends it (recorded shape, ids changed). */
const privateText: Update = {
  update_id: 10001,
  message: {
    message_id: 17,
    from: { id: 42, is_bot: false, first_name: '张', language_code: 'zh-hans' },
    chat: { id: 42, first_name: '张', type: 'private' },
    date: 1764806400,
    text: '研发人员要占多少比例？',
  },
};

const groupMessage = (text: string, extra: Record<string, unknown> = {}): Update =>
  ({
    update_id: 10002,
    message: {
      message_id: 88,
      from: { id: 7, is_bot: false, first_name: '李', language_code: 'en' },
      chat: { id: -1001234, title: '渝北区经信委', type: 'supergroup' },
      date: 1764806400,
      text,
      ...extra,
    },
  }) as Update;

describe('telegram toIncoming', () => {
  it('should translate a private message with its chat, user and language', () => {
    expect(toIncoming(privateText, me)).toEqual({
      kind: 'message',
      chatId: 42,
      group: false,
      message: {
        platform: 'telegram',
        chat: 'telegram:42',
        user: 'telegram:42',
        text: '研发人员要占多少比例？',
        locale: 'zh-hans',
      },
    });
  });

  it('should turn a deep link /start payload into that command', () => {
    const t = toIncoming(
      { ...privateText, message: { ...privateText.message, text: '/start subscribe' } } as Update,
      me,
    );
    expect(t.kind === 'message' && t.message.text).toBe('/subscribe');
    expect(t.kind === 'message' && t.command).toBe('subscribe');
  });

  it('should ignore group chatter and commands for other bots, and take mentions, replies and commands', () => {
    expect(toIncoming(groupMessage('开会了'), me).kind).toBe('ignore');
    expect(toIncoming(groupMessage('/help@other_bot'), me).kind).toBe('ignore');
    const mention = toIncoming(
      groupMessage('@Mic_Policy_Bot 谁来认定？', { entities: [{ type: 'mention', offset: 0, length: 15 }] }),
      me,
    );
    expect(mention).toMatchObject({ kind: 'message', replyTo: 88, group: true, message: { text: '谁来认定？' } });
    const reply = toIncoming(
      groupMessage('那研发经费呢？', { reply_to_message: { message_id: 5, from: { id: me.id, is_bot: true } } }),
      me,
    );
    expect(reply).toMatchObject({ kind: 'message', message: { text: '那研发经费呢？', chat: 'telegram:-1001234' } });
    expect(toIncoming(groupMessage('/check@mic_policy_bot'), me)).toMatchObject({ kind: 'message', command: 'check' });
  });

  it('should translate a button press with the message to edit, and a press without a message as stale', () => {
    const press: Update = {
      update_id: 10003,
      callback_query: {
        id: '4382bfdwdsb323b2d9',
        from: { id: 42, is_bot: false, first_name: '张' },
        chat_instance: '-8723',
        data: 'clause:yjxf-2017-139/3.2.7',
        message: {
          message_id: 19,
          date: 1764806400,
          chat: { id: 42, first_name: '张', type: 'private' },
          text: '…',
        },
      },
    } as Update;
    expect(toIncoming(press, me)).toEqual({
      kind: 'press',
      chatId: 42,
      callbackQueryId: '4382bfdwdsb323b2d9',
      messageId: 19,
      group: false,
      message: { platform: 'telegram', chat: 'telegram:42', user: 'telegram:42', choice: 'clause:yjxf-2017-139/3.2.7' },
    });
    const stale = { ...press, callback_query: { ...press.callback_query, message: undefined } } as Update;
    expect(toIncoming(stale, me)).toEqual({ kind: 'stale-press', callbackQueryId: '4382bfdwdsb323b2d9' });
  });

  it('should ignore non-text messages and messages from bots', () => {
    const photo = {
      update_id: 1,
      message: { ...privateText.message, text: undefined, photo: [] },
    } as unknown as Update;
    expect(toIncoming(photo, me).kind).toBe('ignore');
    const fromBot = {
      update_id: 2,
      message: { ...privateText.message, from: { id: 9, is_bot: true, first_name: 'b' } },
    } as Update;
    expect(toIncoming(fromBot, me).kind).toBe('ignore');
  });
});
