import { afterEach, describe, expect, it } from 'vitest';
import { shown } from './fake-slack-api.ts';
import { dm, type SlackStack, sendEvent, startStack } from './harness.ts';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const USERS = 50;

/** Each user's script: the self-check with an amount of their own, a policy question mid-dialog, the next answer. */
const script = (i: number): [string, RegExp[]][] => [
  ['check', [/（1\/18）/]],
  ['是', [/已记录：是[\s\S]*（2\/18）/]],
  ['是', [/（3\/18）/]],
  ['是', [/（4\/18）/]],
  ['有', [/（5\/18）/]],
  ['都有', [/（6\/18）/]],
  [`实缴${1000 + i}万元`, [new RegExp(`已记录：${1000 + i}万元[\\s\\S]*（7/18）`)]],
  ['研发费用占比', [/依据：三（二）7/, /回到自测[\s\S]*（7\/18）/]],
  ['是', [/（8\/18）/]],
];

describe('slack adapter: 50 users in DMs at once', { timeout: 60_000 }, () => {
  it('should give every user exactly their own replies, in order, with no state crossing', async () => {
    stack = await startStack();
    const s = stack;
    const steps = script(0).length;
    const chan = (i: number) => `D0C${String(i).padStart(4, '0')}`;
    const user = (i: number) => `U0C${String(i).padStart(4, '0')}`;
    // Interleaved: every user's first message at once, then every user's second, …
    for (let step = 0; step < steps; step += 1) {
      await Promise.all(
        Array.from({ length: USERS }, (_, i) =>
          sendEvent(s, dm(user(i), chan(i), script(i)[step]?.[0] ?? '')).then((r) => expect(r.status).toBe(200)),
        ),
      );
    }
    const expected = script(0).reduce((n, [, replies]) => n + replies.length, 0);
    await s.api.waitFor(() => s.api.callsOf('chat.postMessage').length >= USERS * expected, 50_000);
    await s.slack.drain();

    for (let i = 0; i < USERS; i += 1) {
      const got = s.api.postedTo(chan(i)).map((c) => shown(c.params));
      const want = script(i).flatMap(([, replies]) => replies);
      expect(got, `user ${i}`).toHaveLength(want.length);
      want.forEach((pattern, k) => {
        expect(got[k], `user ${i}, reply ${k}`).toMatch(pattern);
      });
      const amounts = got.join('\n').match(/已记录：(\d+)万元/g) ?? [];
      expect(amounts).toEqual([`已记录：${1000 + i}万元`]);
    }
    expect(s.api.callsOf('chat.postMessage')).toHaveLength(USERS * expected);
  });
});
