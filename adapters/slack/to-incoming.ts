/**
 * @module adapters/slack/to-incoming
 * Translates what Slack sends (a DM `message`, an `app_mention`, the slash command's text, a
 * button press) into the core's {@link IncomingMessage}, or into nothing when the bot should stay
 * silent (an edit, a bot's message, a channel message not addressed to it). Pure: tests feed
 * recorded payloads and assert on the result.
 *
 * Slack sends a user's text with `&`, `<` and `>` escaped and its own markup in angle brackets
 * (`<@U0ABC>`, `<https://x|label>`, `<!channel>`). The core gets plain text back: markup becomes
 * its readable form, entities are decoded; the renderer escapes everything again on the way out.
 */
import type { ChatRef, IncomingMessage, UserRef } from '../../src/index.ts';

/** The fields of a Slack message event this adapter reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

/** What the adapter does with one message or mention. */
export type Translation =
  | {
      kind: 'message';
      message: IncomingMessage;
      /** The conversation to answer in. */
      channel: string;
      /** The thread to answer in (a mention in a channel). */
      threadTs?: string;
      /** The core command named, lower-case, when the text is one. */
      command?: string;
    }
  | { kind: 'ignore' };

/** Plain text from Slack's formatted text: markup to its readable form, entities decoded. */
export function fromSlackText(text: string): string {
  const readable = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@') || target.startsWith('#')) return label ? `${target[0]}${label}` : target;
    if (target.startsWith('!')) {
      // <!channel>, <!here>, <!subteam^S1|@team>, <!date^…|fallback>
      return label ?? `@${target.slice(1).split('^')[0]}`;
    }
    return label ?? target;
  });
  return readable.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'lt' ? '<' : e === 'gt' ? '>' : '&'));
}

/**
 * The text the core reads for words addressed to the bot: a first word naming a core command
 * (`check`, `/check`, `help x`) becomes that command (`/check`, `/help x`); empty text is `/help`;
 * anything else is a question.
 */
export function commandText(text: string, commands: ReadonlySet<string>): { text: string; command?: string } {
  const t = text.trim();
  if (!t) return { text: '/help', command: 'help' };
  const m = /^\/?([A-Za-z_]+)(?:\s+([\s\S]*))?$/.exec(t);
  const name = m?.[1]?.toLowerCase();
  if (!m || !name || !commands.has(name)) return { text: t };
  const arg = (m[2] ?? '').trim();
  return { text: arg ? `/${name} ${arg}` : `/${name}`, command: name };
}

const slackChat = (id: string): ChatRef => `slack:${id}` as ChatRef;
const slackUser = (id: string): UserRef => `slack:${id}` as UserRef;

/** True for a message a person typed (not an edit, a deletion, a join or a bot's post). */
function typedByPerson(event: SlackMessageEvent): event is SlackMessageEvent & {
  channel: string;
  user: string;
  text: string;
  ts: string;
} {
  return (
    event.subtype === undefined &&
    !event.bot_id &&
    typeof event.user === 'string' &&
    typeof event.channel === 'string' &&
    typeof event.text === 'string' &&
    typeof event.ts === 'string'
  );
}

/** A `message` event in the user's DM with the bot (`message.im`); anything else is ignored. */
export function fromDirectMessage(event: SlackMessageEvent, commands: ReadonlySet<string>): Translation {
  if (event.type !== 'message' || event.channel_type !== 'im' || !typedByPerson(event)) return { kind: 'ignore' };
  const { text, command } = commandText(fromSlackText(event.text), commands);
  return {
    kind: 'message',
    message: { platform: 'slack', chat: slackChat(event.channel), user: slackUser(event.user), text },
    channel: event.channel,
    // A DM thread (a reply to one of the bot's messages) is answered in that thread.
    ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
    ...(command ? { command } : {}),
  };
}

/**
 * An `app_mention`: the mentions of the bot are removed and the rest read as in a DM; the answer
 * goes to the thread of the mention (the thread it was in, or a new one under it).
 */
export function fromMention(
  event: SlackMessageEvent,
  botUserId: string | undefined,
  commands: ReadonlySet<string>,
): Translation {
  if (event.type !== 'app_mention' || event.bot_id || !event.user || !event.channel || !event.ts) {
    return { kind: 'ignore' };
  }
  let raw = event.text ?? '';
  if (botUserId) raw = raw.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  const { text, command } = commandText(fromSlackText(raw).replace(/\s+/g, ' '), commands);
  return {
    kind: 'message',
    message: { platform: 'slack', chat: slackChat(event.channel), user: slackUser(event.user), text },
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
    ...(command ? { command } : {}),
  };
}

/** The slash command's text (`/mic check` → `/check`; `/mic 研发人员比例` → the question). */
export function fromSlashCommand(
  body: { user_id: string; channel_id: string; text?: string },
  commands: ReadonlySet<string>,
): Extract<Translation, { kind: 'message' }> {
  const { text, command } = commandText(fromSlackText(body.text ?? ''), commands);
  return {
    kind: 'message',
    message: { platform: 'slack', chat: slackChat(body.channel_id), user: slackUser(body.user_id), text },
    channel: body.channel_id,
    ...(command ? { command } : {}),
  };
}

/** A pressed button carrying a core choice, in a conversation. */
export function fromPress(channel: string, user: string, value: string): IncomingMessage {
  return { platform: 'slack', chat: slackChat(channel), user: slackUser(user), choice: value };
}

/** True for a DM conversation ID (`D…`). */
export const isDirectChannel = (channel: string): boolean => channel.startsWith('D');
