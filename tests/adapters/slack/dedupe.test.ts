import { afterEach, describe, expect, it } from 'vitest';
import { type BotCore, MemoryStore } from '../../../src/index.ts';
import { FakeSlackApi } from './fake-slack-api.ts';
import { dm, newTs, type SlackStack, say, sendEvent, startStack } from './harness.ts';

let stacks: SlackStack[] = [];
afterEach(async () => {
  for (const s of stacks) await s.stop();
  stacks = [];
});

const QUESTION = '研发人员要占多少比例？';

describe('slack adapter: retries and resends are answered once', () => {
  it('should answer one event delivered three times (retry 1 and 2) once', async () => {
    const s = await startStack();
    stacks.push(s);
    const event = dm('U0ABC', 'D0ABC', QUESTION);
    for (const retryNum of [undefined, 1, 2]) {
      const res = await sendEvent(s, event, { eventId: 'EvTRIPLE1', ...(retryNum ? { retryNum } : {}) });
      expect(res.status).toBe(200);
    }
    await s.slack.drain();
    // A later message in the same DM is answered, so the repeats had their chance to run.
    await say(s, 'U0ABC', 'D0ABC', '/source');
    await s.slack.drain();
    expect(s.api.postedTo('D0ABC')).toHaveLength(2);
  });

  it('should answer one message resent under a new event_id once', async () => {
    const s = await startStack();
    stacks.push(s);
    const event = dm('U0ABC', 'D0ABC', QUESTION, newTs());
    await sendEvent(s, event, { eventId: 'EvFIRST01' });
    await sendEvent(s, event, { eventId: 'EvSECOND1' });
    await say(s, 'U0ABC', 'D0ABC', '/source');
    await s.slack.drain();
    expect(s.api.postedTo('D0ABC')).toHaveLength(2);
  });

  it('should remember events and messages across a restart on the same store', async () => {
    const store = new MemoryStore();
    const api = new FakeSlackApi();
    await api.start();
    const first = await startStack({ store, api });
    const event = dm('U0ABC', 'D0ABC', QUESTION, newTs());
    await sendEvent(first, event, { eventId: 'EvRESTART' });
    await api.waitFor(() => api.postedTo('D0ABC').length === 1);
    await first.stop({ closeApi: false });

    const second = await startStack({ store, api });
    stacks.push(second);
    // Slack's retry of the same event, and the same message under a new event_id.
    await sendEvent(second, event, { eventId: 'EvRESTART', retryNum: 1 });
    await sendEvent(second, event, { eventId: 'EvRESTART2' });
    await say(second, 'U0ABC', 'D0ABC', '/source');
    await second.slack.drain();
    expect(api.postedTo('D0ABC')).toHaveLength(2);
  });

  it('should answer a retry of an event the process never saw (it was down)', async () => {
    const s = await startStack();
    stacks.push(s);
    const res = await sendEvent(s, dm('U0ABC', 'D0ABC', QUESTION), { eventId: 'EvMISSED1', retryNum: 2 });
    expect(res.status).toBe(200);
    await s.api.waitFor(() => s.api.postedTo('D0ABC').length === 1);
    expect(s.api.postedTo('D0ABC')[0]?.params.text).toContain('30%');
  });

  it("should handle at the next start an event a crash interrupted, and drop Slack's retry of it", async () => {
    const store = new MemoryStore();
    const api = new FakeSlackApi();
    await api.start();
    // A core that never finishes the turn: the process dies while handling it.
    const stuck: BotCore = {
      features: [],
      handle: () => new Promise(() => {}),
      home: async () => ({ locale: 'zh-CN', sections: [] }),
      registerMessenger() {},
      async start() {},
      async stop() {},
    };
    const first = await startStack({ store, api, core: stuck });
    const event = dm('U0ABC', 'D0ABC', QUESTION, newTs());
    expect((await sendEvent(first, event, { eventId: 'EvCRASHED' })).status).toBe(200);
    for (let i = 0; i < 100 && (await store.get('slack:pending:EvCRASHED')) === undefined; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await first.http.close();

    const second = await startStack({ store, api });
    stacks.push(second);
    expect(await second.slack.replayPending()).toBe(1);
    expect(api.postedTo('D0ABC')).toHaveLength(1);
    expect(await store.get('slack:pending:EvCRASHED')).toBeUndefined();
    await sendEvent(second, event, { eventId: 'EvCRASHED', retryNum: 1 });
    await say(second, 'U0ABC', 'D0ABC', '/source');
    await second.slack.drain();
    expect(api.postedTo('D0ABC')).toHaveLength(2);
  });
});
