/**
 * @module adapters/slack/render
 * Turns a core {@link Reply} into Block Kit: the text's paragraphs as `section` blocks, each
 * `依据：…` (or `Basis: …`) line and the source note as `context` under them, and the choices as
 * buttons in `actions` blocks with short stable `action_id`s (`mic:0`, `mic:1`, …; the choice's
 * value rides in the button's `value`). Every piece of text is escaped (`&`, `<`, `>`) and marked
 * `verbatim`, so nothing a user typed or a clause holds can become `<!channel>`, a mention or a link.
 * Also builds the App Home view from the core's home sections.
 */
import type { Choice, HomeSection, Reply } from '../../src/index.ts';

/** Slack's limit on the text of a `section` block. */
export const MAX_SECTION_LENGTH = 3000;
/** Slack's limit on blocks in one message. */
export const MAX_BLOCKS = 50;
/** Slack's limit on elements of one `actions` block. */
export const MAX_ACTIONS = 25;
/** Slack's limit on a button's label. */
export const MAX_BUTTON_LABEL = 75;
/** The prefix of the `action_id` of every button carrying a core choice. */
export const CHOICE_ACTION_PREFIX = 'mic:';

/** A Block Kit text object. */
export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  verbatim?: boolean;
  emoji?: boolean;
}

/** A Block Kit button. */
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: TextObject;
  value: string;
}

/** The blocks this adapter produces. */
export type Block =
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: ButtonElement[]; block_id?: string }
  | { type: 'header'; text: TextObject }
  | { type: 'divider' };

/** One Slack message a reply renders to: `text` is the notification fallback, also escaped. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A reply as Slack messages, then its document if any (uploaded with `files.uploadV2`). */
export interface RenderedReply {
  messages: SlackMessage[];
  document?: Reply['document'];
}

/** Escapes text for Slack's `mrkdwn` and message `text`: `&`, `<` and `>` (Slack's own rule). */
export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text: escapeSlack(text), verbatim: true });
const plain = (text: string, max: number): TextObject => {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return { type: 'plain_text', text: cut || '·', emoji: true };
};

/** A line shown as context under the text it belongs to: the basis of a clause, the source note. */
const CONTEXT_LINE = /^(依据：|Basis:|——|—— )/;

/**
 * Cuts `text` into pieces whose escaped length stays within `limit`, at line breaks where it can
 * (a hard cut otherwise, never inside a surrogate pair).
 */
export function splitForSection(text: string, limit: number = MAX_SECTION_LENGTH): string[] {
  const pieces: string[] = [];
  let current = '';
  const fits = (s: string) => escapeSlack(s).length <= limit;
  const push = (line: string) => {
    const joined = current ? `${current}\n${line}` : line;
    if (fits(joined)) {
      current = joined;
      return;
    }
    if (current) pieces.push(current);
    current = '';
    let rest = line;
    while (!fits(rest)) {
      // Escaping grows a character to at most 5, so a fifth of the limit always fits.
      let cut = Math.floor(limit / 5);
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut += 1;
      const c = rest.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut -= 1;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  };
  for (const line of text.split('\n')) push(line);
  if (current || !pieces.length) pieces.push(current);
  return pieces;
}

/** The text's blocks: paragraphs as sections, basis and source lines as context. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    let body: string[] = [];
    const flush = () => {
      const t = body.join('\n').trim();
      body = [];
      if (!t) return;
      for (const piece of splitForSection(t)) blocks.push({ type: 'section', text: mrkdwn(piece) });
    };
    for (const line of paragraph.split('\n')) {
      if (CONTEXT_LINE.test(line.trim())) {
        flush();
        blocks.push({ type: 'context', elements: [mrkdwn(line.trim().slice(0, MAX_SECTION_LENGTH))] });
      } else {
        body.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** The choices as `actions` blocks of at most 25 buttons, `action_id` `mic:<index>`. */
export function choiceBlocks(choices: readonly Choice[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < choices.length; i += MAX_ACTIONS) {
    const elements = choices.slice(i, i + MAX_ACTIONS).map(
      (c, k): ButtonElement => ({
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}${i + k}`,
        text: plain(c.label, MAX_BUTTON_LABEL),
        value: c.value,
      }),
    );
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

/** The notification text of a message: its plain text, escaped, bounded. */
export function fallbackText(text: string): string {
  const t = text.trim() || '·';
  const chars = [...t];
  return escapeSlack(chars.length > 3000 ? `${chars.slice(0, 2999).join('')}…` : t);
}

/** Renders one reply as messages of at most 50 blocks, the buttons on the last. */
export function renderReply(reply: Reply): RenderedReply {
  const text = textBlocks(reply.text);
  const actions = reply.choices?.length ? choiceBlocks(reply.choices) : [];
  const messages: SlackMessage[] = [];
  const all = [...text, ...actions];
  for (let i = 0; i < all.length; i += MAX_BLOCKS) {
    const blocks = all.slice(i, i + MAX_BLOCKS);
    const words = blocks
      .flatMap((b) =>
        b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
      )
      .join('\n');
    // The fallback is built from the escaped block texts, so it is escaped already.
    messages.push({ text: words.slice(0, 3000) || '·', blocks });
  }
  if (!messages.length && !reply.document) messages.push({ text: '·', blocks: [] });
  return reply.document ? { messages, document: reply.document } : { messages };
}

/**
 * A pressed message's blocks with the buttons taken away and what was chosen noted under them,
 * for `chat.update` or `replace_original`, so the same buttons cannot be pressed twice.
 */
export function pressedBlocks(blocks: readonly unknown[], chosen: string | undefined): Block[] {
  const kept = blocks.filter(
    (b): b is Block => typeof b === 'object' && b !== null && (b as { type?: unknown }).type !== 'actions',
  );
  return chosen ? [...kept, { type: 'context', elements: [mrkdwn(`✓ ${chosen}`)] }] : kept;
}

/** The adapter's own buttons on the App Home. */
export interface HomeButtons {
  title: string;
  intro: string;
  ask: string;
  check: string;
  empty: string;
}

/** The App Home view: a header, the core's sections (each with its buttons), then ask and check buttons. */
export function homeView(sections: readonly HomeSection[], words: HomeButtons): { type: 'home'; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: plain(words.title, 150) }];
  blocks.push({ type: 'section', text: mrkdwn(words.intro) });
  sections.forEach((s, n) => {
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'section', text: mrkdwn(s.title) });
    blocks.push(...textBlocks(s.lines.join('\n')));
    if (s.choices?.length) {
      // Home buttons carry the section's index, so two sections' buttons never share an action_id.
      const actions = choiceBlocks(s.choices).map((b) =>
        b.type === 'actions'
          ? { ...b, elements: b.elements.map((e) => ({ ...e, action_id: `${e.action_id}:h${n}` })) }
          : b,
      );
      blocks.push(...actions);
    }
  });
  if (!sections.length) blocks.push({ type: 'context', elements: [mrkdwn(words.empty)] });
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'actions',
    block_id: 'home',
    elements: [
      { type: 'button', action_id: 'home:ask', text: plain(words.ask, MAX_BUTTON_LABEL), value: 'ask' },
      { type: 'button', action_id: 'home:check', text: plain(words.check, MAX_BUTTON_LABEL), value: 'check' },
    ],
  });
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
