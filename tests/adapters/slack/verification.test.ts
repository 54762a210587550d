import { afterEach, describe, expect, it } from 'vitest';
import { refuseEarly } from '../../../adapters/slack/index.ts';
import { storeSnapshot } from '../../helpers/conversation.ts';
import { dm, envelope, JSON_TYPE, post, type SignOptions, type SlackStack, say, startStack } from './harness.ts';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const now = () => Math.floor(Date.now() / 1000);

/** Each way a request can be wrong; the stamps are taken when the test runs. */
const BAD: [string, () => SignOptions][] = [
  ['a wrong signature', () => ({ secret: 'not-the-signing-secret' })],
  ['a timestamp older than 5 minutes', () => ({ timestamp: now() - 310 })],
  ['a timestamp more than 5 minutes ahead', () => ({ timestamp: now() + 310 })],
  ['a body changed after signing', () => ({ tamper: (b) => b.replace('研发', '组建') })],
  ['missing signature headers', () => ({ unsigned: true })],
];

describe('slack adapter: request verification', () => {
  it.each(BAD)('should refuse %s with 401 and run no handler', async (_, sign) => {
    stack = await startStack();
    const eventId = 'EvBAD0001';
    const res = await post(stack.url, envelope(dm('U0BAD', 'D0BAD', '研发人员比例'), eventId), JSON_TYPE, sign());
    expect(res.status).toBe(401);
    // A good request after it is answered, and the refused one left no trace.
    await say(stack, 'U0GOOD', 'D0GOOD', '研发人员比例');
    await stack.slack.drain();
    expect(stack.api.postedTo('D0BAD')).toHaveLength(0);
    const keys = (await storeSnapshot(stack.store)).map(([k]) => k);
    expect(keys.filter((k) => k.includes('D0BAD') || k.includes(eventId))).toEqual([]);
    expect(keys.some((k) => k.startsWith('slack:msg:D0GOOD:'))).toBe(true);
  });

  it('should accept a timestamp just inside the window either way', async () => {
    stack = await startStack();
    for (const [i, timestamp] of [now() - 240, now() + 240].entries()) {
      const res = await post(stack.url, envelope(dm('U0OK', `D0OK${i}`, '研发人员比例')), JSON_TYPE, { timestamp });
      expect(res.status).toBe(200);
      await stack.api.waitFor(() => (stack?.api.postedTo(`D0OK${i}`).length ?? 0) === 1);
    }
  });

  it('should refuse early only what Bolt cannot: missing headers and future stamps', () => {
    const at = 1_800_000_000_000;
    const headers = (ts: string) => ({ headers: { 'x-slack-signature': 'v0=ab', 'x-slack-request-timestamp': ts } });
    expect(refuseEarly({ headers: {} }, at)).toBe('missing_signature');
    expect(refuseEarly(headers('12a'), at)).toBe('bad_timestamp');
    expect(refuseEarly(headers(String(at / 1000 + 301)), at)).toBe('future_timestamp');
    expect(refuseEarly(headers(String(at / 1000 + 300)), at)).toBeUndefined();
    // Old stamps are Bolt's to refuse (with the signature check).
    expect(refuseEarly(headers(String(at / 1000 - 3600)), at)).toBeUndefined();
  });
});
