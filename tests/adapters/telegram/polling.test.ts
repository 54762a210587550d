import { afterEach, describe, expect, it } from 'vitest';
import { ALL_MET } from '../../core/eligibility/answers.ts';
import { type ChatSpec, parseTelegramHtml, type RecordedCall } from './fake-bot-api.ts';
import { startStack, type TelegramStack } from './harness.ts';

type Keyboard = { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] };
const keyboardOf = (call: RecordedCall | undefined): Keyboard | undefined =>
  call?.params.reply_markup as Keyboard | undefined;
const buttons = (call: RecordedCall | undefined) => keyboardOf(call)?.inline_keyboard.flat() ?? [];
const plain = (call: RecordedCall | undefined): string => parseTelegramHtml(String(call?.params.text ?? ''));

let stack: TelegramStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** Sends `text` as the user and waits until the bot has sent `count` more messages to the chat. */
async function say(s: TelegramStack, chat: ChatSpec, text: string, count = 1): Promise<RecordedCall[]> {
  const before = s.api.sentTo(chat.chatId).length;
  s.api.push(s.api.text(chat, text));
  await s.api.waitFor(() => s.api.sentTo(chat.chatId).length >= before + count);
  return s.api.sentTo(chat.chatId).slice(before);
}

/** Presses a button of a message the bot sent and waits for `count` messages. */
async function press(s: TelegramStack, chat: ChatSpec, messageOf: RecordedCall, data: string, count = 1) {
  const before = s.api.sentTo(chat.chatId).length;
  const id = [...s.api.sentMessages.entries()].find(
    ([, m]) => m.chatId === chat.chatId && m.text === plain(messageOf),
  )?.[0];
  if (id === undefined) throw new Error('pressed message not found');
  s.api.push(s.api.press(chat, id, data));
  await s.api.waitFor(() => s.api.sentTo(chat.chatId).length >= before + count);
  return { id, sent: s.api.sentTo(chat.chatId).slice(before) };
}

describe('telegram adapter: long polling against a fake Bot API', () => {
  it('should set the command menu in Chinese (default) and in English', async () => {
    stack = await startStack();
    const calls = stack.api.callsOf('setMyCommands');
    expect(calls).toHaveLength(2);
    const zh = calls.find((c) => c.params.language_code === undefined);
    const en = calls.find((c) => c.params.language_code === 'en');
    const commands = (c: RecordedCall | undefined) =>
      (c?.params.commands ?? []) as { command: string; description: string }[];
    const names = (c: RecordedCall | undefined) => commands(c).map((x) => x.command);
    for (const c of [zh, en]) {
      expect(names(c).slice(0, 9)).toEqual([
        'start',
        'help',
        'ask',
        'check',
        'subscribe',
        'reminders',
        'calendar',
        'source',
        'lang',
      ]);
    }
    const described = (c: RecordedCall | undefined, name: string) =>
      commands(c).find((x) => x.command === name)?.description;
    expect(described(zh, 'check')).toMatch(/资格自测/);
    expect(described(en, 'check')).toMatch(/self-check/);
  });

  it('should answer a question with the cited clause and related clauses as buttons, and a press with that clause', async () => {
    stack = await startStack();
    const chat = { chatId: 4242, userId: 4242 };
    const [answer] = await say(stack, chat, '研发人员要占多少比例？');
    expect(answer?.params.parse_mode).toBe('HTML');
    expect(plain(answer)).toContain('依据：三（二）6');
    const related = buttons(answer);
    expect(related.length).toBeGreaterThan(0);
    for (const b of related) expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);

    const target = related[0];
    if (!answer || !target?.callback_data) throw new Error('no related clause button');
    const { id, sent } = await press(stack, chat, answer, target.callback_data);
    expect(plain(sent[0])).toMatch(/依据：三（二）/);
    expect(stack.api.callsOf('answerCallbackQuery')).toHaveLength(1);
    const edit = stack.api.callsOf('editMessageReplyMarkup').find((c) => c.params.message_id === id);
    expect(edit).toBeDefined();
    expect(edit?.params.reply_markup).toBeUndefined();

    // The same keyboard pressed again (a double tap) is answered but not handled twice.
    const before = stack.api.sentTo(chat.chatId).length;
    stack.api.push(stack.api.press(chat, id, target.callback_data));
    await stack.api.waitFor(() => stack?.api.callsOf('answerCallbackQuery').length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(stack.api.sentTo(chat.chatId).length).toBe(before);
  });

  it('should escape what the user typed, so the message is valid Telegram HTML', async () => {
    stack = await startStack();
    const chat = { chatId: 77, userId: 77 };
    await say(stack, chat, '/subscribe');
    // The subscribe dialog repeats the center's name back: the user's markup must arrive as text.
    const [echo] = await say(stack, chat, '<b>x</b> & 测试中心');
    const html = String(echo?.params.text);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; 测试中心');
    expect(html).not.toContain('<b>');
    expect(plain(echo)).toContain('<b>x</b> & 测试中心');
  });

  it('should run /check to its verdict with buttons and typed answers and send the report document', async () => {
    stack = await startStack();
    const chat = { chatId: 9001, userId: 9001 };
    let [last] = await say(stack, chat, '/check');
    expect(plain(last)).toContain('（1/18）');
    // The first answer by button, the rest typed.
    const yes = buttons(last).find((b) => b.text === '是');
    if (!last || !yes?.callback_data) throw new Error('no 是 button');
    [last] = (await press(stack, chat, last, yes.callback_data)).sent;
    for (const answer of Object.values(ALL_MET).slice(1)) {
      [last] = await say(stack, chat, answer);
    }
    const verdict = plain(last);
    expect(verdict).toContain('符合基本条件');
    const word = buttons(last).find((b) => /Word/.test(b.text));
    if (!last || !word?.callback_data) throw new Error('no Word report button');
    const { sent } = await press(stack, chat, last, word.callback_data, 1);
    await stack.api.waitFor(() => (stack?.api.callsOf('sendDocument').length ?? 0) >= 1);
    const doc = stack.api.callsOf('sendDocument')[0];
    expect(doc?.files[0]?.filename).toMatch(/\.docx$/);
    expect(doc?.files[0]?.content.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(sent.length).toBeGreaterThan(0);
  });

  it('should start a flow from a deep link (/start check)', async () => {
    stack = await startStack();
    const chat = { chatId: 31, userId: 31 };
    const [first] = await say(stack, chat, '/start check');
    expect(plain(first)).toContain('（1/18）');
  });
});
