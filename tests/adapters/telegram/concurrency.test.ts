import { afterEach, describe, expect, it } from 'vitest';
import { parseTelegramHtml } from './fake-bot-api.ts';
import { startStack, type TelegramStack } from './harness.ts';

let stack: TelegramStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const USERS = 100;

/**
 * Each user's script: the self-check with an amount of their own, a policy question mid-dialog
 * (answered, then the dialog question again), and the next answer. Each step lists what the
 * bot's replies to it must contain, in order.
 */
const script = (i: number): [string, RegExp[]][] => [
  ['/check', [/（1\/18）/]],
  ['是', [/已记录：是[\s\S]*（2\/18）/]],
  ['是', [/（3\/18）/]],
  ['是', [/（4\/18）/]],
  ['有', [/（5\/18）/]],
  ['都有', [/（6\/18）/]],
  [`实缴${1000 + i}万元`, [new RegExp(`已记录：${1000 + i}万元[\\s\\S]*（7/18）`)]],
  ['研发费用占比', [/依据：三（二）7/, /回到自测[\s\S]*（7\/18）/]],
  ['是', [/（8\/18）/]],
];

describe('telegram adapter: 100 users at once', { timeout: 60_000 }, () => {
  it('should give every user exactly their own replies, in order, with no state crossing', async () => {
    stack = await startStack();
    const api = stack.api;
    const steps = script(0).length;
    // Interleaved: every user's first message, then every user's second, … all queued at once.
    for (let step = 0; step < steps; step += 1) {
      for (let i = 0; i < USERS; i += 1) {
        const chat = { chatId: 10_000 + i, userId: 10_000 + i };
        api.push(api.text(chat, script(i)[step]?.[0] ?? ''));
      }
    }
    const expected = script(0).reduce((n, [, replies]) => n + replies.length, 0);
    await api.waitFor(() => api.callsOf('sendMessage').length >= USERS * expected, 50_000);

    for (let i = 0; i < USERS; i += 1) {
      const got = api.sentTo(10_000 + i).map((c) => parseTelegramHtml(String(c.params.text)));
      const want = script(i).flatMap(([, replies]) => replies);
      expect(got, `user ${i}`).toHaveLength(want.length);
      want.forEach((pattern, k) => {
        expect(got[k], `user ${i}, reply ${k}`).toMatch(pattern);
      });
      // Nobody else's amount appears in this chat.
      const amounts = got.join('\n').match(/已记录：(\d+)万元/g) ?? [];
      expect(amounts).toEqual([`已记录：${1000 + i}万元`]);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(api.callsOf('sendMessage')).toHaveLength(USERS * expected);
  });
});
