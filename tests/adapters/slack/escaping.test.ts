import { afterEach, describe, expect, it } from 'vitest';
import { fromSlackText, renderReply } from '../../../adapters/slack/index.ts';
import { buttonsOf, textsOf } from './fake-slack-api.ts';
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

const EVIL = '<!channel> & <https://evil|x>';
const ESCAPED = '&lt;!channel&gt; &amp; &lt;https://evil|x&gt;';

describe('slack adapter: nothing a user types becomes markup', () => {
  it('should escape <!channel>, links and & in DMs, ephemeral answers and the App Home', async () => {
    stack = await startStack();
    const s = stack;
    const [user, channel] = ['U0EVIL', 'D0EVIL'];
    await say(s, user, channel, 'subscribe');
    const echoed = await say(s, user, channel, EVIL);
    expect(textsOf(echoed[0]?.params ?? {}).join('\n')).toContain(ESCAPED);
    await say(s, user, channel, '渝北');
    await say(s, user, channel, '2024-03-15');
    const message = postedMessage(s, channel);
    const status = buttonsOf(message).find((b) => /经认定/.test(b.label));
    if (!status) throw new Error('no status button');
    const before = s.api.postedTo(channel).length;
    await post(s.url, blockAction(user, status, { channel, message }), FORM_TYPE);
    await s.api.waitFor(() => s.api.postedTo(channel).length > before);

    // Ephemeral: /mic reminders in the DM lists the center by its name.
    const url = s.api.responseUrl();
    await post(s.url, slashCommand(user, channel, 'reminders', url), FORM_TYPE);
    await s.api.waitFor(() => s.api.responsesTo(url).length === 1);
    expect(textsOf(s.api.responsesTo(url)[0]?.params ?? {}).join('\n')).toContain(ESCAPED);

    // The App Home lists the next deadlines of the center.
    await sendEvent(s, { type: 'app_home_opened', user, channel, tab: 'home', event_ts: newTs() });
    await s.api.waitFor(() => s.api.callsOf('views.publish').length === 1);
    expect(textsOf(s.api.callsOf('views.publish')[0]?.params ?? {}).join('\n')).toContain(ESCAPED);

    // A mention in a channel with the same text.
    await sendEvent(s, {
      type: 'app_mention',
      channel: 'C0EVIL',
      user,
      text: `<@UBOT0001> <!channel> &amp; &lt;https://evil|x&gt; <https://real.example|real>`,
      ts: newTs(),
    });
    await s.api.waitFor(() => s.api.postedTo('C0EVIL').length === 1);

    const outgoing = s.api.calls.filter((c) =>
      ['chat.postMessage', 'chat.update', 'respond', 'views.publish'].includes(c.method),
    );
    expect(outgoing.length).toBeGreaterThan(8);
    for (const call of outgoing) {
      for (const text of textsOf(call.params)) {
        expect(text, call.method).not.toMatch(/[<>]/);
        expect(text, call.method).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    }
  });

  it('should render clause and user text escaped, verbatim, and read Slack markup back as plain text', () => {
    const { messages } = renderReply({
      text: `“${EVIL}”\n依据：三（一）1 & <x>`,
      choices: [{ label: '<b>', value: 'v' }],
    });
    expect(messages[0]?.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `“${ESCAPED}”`, verbatim: true },
    });
    expect(messages[0]?.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '依据：三（一）1 &amp; &lt;x&gt;', verbatim: true }],
    });
    expect(messages[0]?.text).not.toMatch(/[<>]/);
    expect(fromSlackText('&lt;!channel&gt; &amp; <https://a.example|a> <@U1> <!here>')).toBe(
      '<!channel> & a @U1 @here',
    );
  });
});
