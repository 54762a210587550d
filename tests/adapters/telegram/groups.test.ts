import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT, parseTelegramHtml } from './fake-bot-api.ts';
import { startStack, type TelegramStack } from './harness.ts';

let stack: TelegramStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const GROUP = { chatId: -100123, userId: 501, type: 'supergroup' as const };

/** Pushes a message and waits until the update has been handled (a marker message follows it). */
async function settle(s: TelegramStack): Promise<void> {
  const before = s.api.sentTo(999).length;
  s.api.push(s.api.text({ chatId: 999, userId: 999 }, '/help'));
  await s.api.waitFor(() => s.api.sentTo(999).length > before);
}

describe('telegram adapter: groups', () => {
  it('should stay silent on group chatter and answer a mention, a reply to the bot and a command, replying to the asker', async () => {
    stack = await startStack();
    const api = stack.api;
    api.push(api.text(GROUP, '大家好，今天开会'));
    api.push(api.text(GROUP, '/help@some_other_bot'));
    await settle(stack);
    expect(api.sentTo(GROUP.chatId)).toHaveLength(0);

    const mention = api.push(
      api.text(GROUP, `@${FAKE_BOT.username} 研发费用占比`, {
        entities: [{ type: 'mention', offset: 0, length: FAKE_BOT.username.length + 1 }],
      }),
    );
    await api.waitFor(() => api.sentTo(GROUP.chatId).length === 1);
    const answer = api.sentTo(GROUP.chatId)[0];
    expect(parseTelegramHtml(String(answer?.params.text))).toContain('依据：三（二）7');
    expect(answer?.params.reply_parameters).toMatchObject({ message_id: mention.message?.message_id });

    const botMessageId = [...api.sentMessages.keys()].at(-1);
    api.push(
      api.text(GROUP, '谁来认定创新中心？', {
        reply_to_message: {
          message_id: botMessageId,
          date: 0,
          chat: { id: GROUP.chatId, type: 'supergroup', title: '测试群' },
          from: { id: FAKE_BOT.id, is_bot: true, first_name: FAKE_BOT.first_name },
          text: '…',
        },
      }),
    );
    await api.waitFor(() => api.sentTo(GROUP.chatId).length === 2);

    api.push(api.text(GROUP, `/source@${FAKE_BOT.username}`));
    await api.waitFor(() => api.sentTo(GROUP.chatId).length === 3);
  });

  it('should move /check and /subscribe from a group to the private chat through a deep link', async () => {
    stack = await startStack();
    const api = stack.api;
    for (const [n, command] of [
      [1, 'check'],
      [2, 'subscribe'],
    ] as const) {
      api.push(api.text(GROUP, `/${command}`));
      await api.waitFor(() => api.sentTo(GROUP.chatId).length === n);
      const markup = api.sentTo(GROUP.chatId)[n - 1]?.params.reply_markup as {
        inline_keyboard: { text: string; url?: string }[][];
      };
      expect(markup.inline_keyboard[0]?.[0]?.url).toBe(`https://t.me/${FAKE_BOT.username}?start=${command}`);
    }
    // The link opens the private chat with /start <command>, which starts that flow there.
    const user = { chatId: GROUP.userId, userId: GROUP.userId };
    api.push(api.text(user, '/start check'));
    await api.waitFor(() => api.sentTo(user.chatId).length === 1);
    expect(parseTelegramHtml(String(api.sentTo(user.chatId)[0]?.params.text))).toContain('（1/18）');
  });
});
