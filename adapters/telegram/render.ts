/**
 * @module adapters/telegram/render
 * Turns a core {@link Reply} into what the Bot API takes: HTML-escaped text (parse mode `HTML`, so
 * nothing a user typed or a clause holds can inject markup), split into messages of at most 4096
 * characters at clause or line boundaries, and the choices as an inline keyboard whose
 * `callback_data` is the choice's value (the core keeps those ≤ 64 bytes).
 */
import type { Choice, Reply } from '../../src/index.ts';

/** The Bot API's limit on the text of one message, in UTF-16 code units after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;
/** The Bot API's limit on `callback_data`, in bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** One inline keyboard button as the Bot API takes it. */
export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

/** An inline keyboard: rows of buttons. */
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** One Bot API message a reply renders to. */
export interface RenderedMessage {
  /** HTML text for `sendMessage` with `parse_mode: 'HTML'`. */
  html: string;
  /** The keyboard, only on the last message of a reply. */
  keyboard?: InlineKeyboard;
}

/** A reply as Telegram messages: text messages in order, then its document if any. */
export interface RenderedReply {
  messages: RenderedMessage[];
  document?: Reply['document'];
}

/** Escapes text for Telegram's HTML parse mode (`<`, `>`, `&`; `"` too, so it is safe in attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

/** True when cutting `text` before index `i` would split a surrogate pair. */
const splitsPair = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * Splits plain text into pieces of at most `limit` UTF-16 units, preferring, in order, a blank
 * line (between clauses and blocks), a line break, the end of a sentence or clause (`。；！？;.!?`),
 * a comma or space, and only then a hard cut (never inside a surrogate pair). Pieces are trimmed of
 * the white space at the cut; nothing else is dropped.
 */
export function splitText(text: string, limit: number = MAX_MESSAGE_LENGTH): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = -1;
    for (const pattern of [/\n\s*\n/g, /\n/g, /[。；！？;!?]|[.](?=\s)/g, /[，,、\s]/g]) {
      let best = -1;
      for (const m of window.matchAll(pattern)) {
        // Cut after a punctuation mark, at the start of a white-space break.
        const end = /\s/.test(m[0][0] ?? '') ? m.index : m.index + m[0].length;
        if (end > 0 && end <= limit) best = end;
      }
      // A boundary in the first fifth would leave a tiny piece; look for a better kind.
      if (best > limit / 5) {
        cut = best;
        break;
      }
    }
    if (cut <= 0) {
      cut = limit;
      if (splitsPair(rest, cut)) cut -= 1;
    }
    const head = rest.slice(0, cut).trimEnd();
    if (head) pieces.push(head);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest || !pieces.length) pieces.push(rest);
  return pieces;
}

/** Byte length of a string in UTF-8. */
export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Lays choices out as an inline keyboard: short labels up to three to a row, longer ones alone. A value
 * over 64 bytes cannot be `callback_data`; `encode` (the adapter's store-backed shortener) maps it
 * to a short token first.
 */
export function renderKeyboard(choices: readonly Choice[], encode: (value: string) => string): InlineKeyboard {
  const rows: InlineButton[][] = [];
  let row: InlineButton[] = [];
  for (const c of choices) {
    const button = { text: c.label.slice(0, 100) || '·', callback_data: encode(c.value) };
    const short = [...c.label].length <= 8;
    if (short && row.length < 3) {
      row.push(button);
      continue;
    }
    if (row.length) rows.push(row);
    row = [];
    if (short) row.push(button);
    else rows.push([button]);
  }
  if (row.length) rows.push(row);
  return { inline_keyboard: rows };
}

/** Renders one reply; `encode` maps a choice value to its `callback_data` (see {@link renderKeyboard}). */
export function renderReply(reply: Reply, encode: (value: string) => string = (v) => v): RenderedReply {
  const pieces = reply.text.trim() ? splitText(reply.text) : [];
  const messages: RenderedMessage[] = pieces.map((p) => ({ html: escapeHtml(p) }));
  if (reply.choices?.length) {
    const keyboard = renderKeyboard(reply.choices, encode);
    const last = messages.at(-1);
    // A keyboard needs a message to hang on; a reply of buttons only gets a neutral marker.
    if (last) last.keyboard = keyboard;
    else messages.push({ html: '⬇️', keyboard });
  }
  return reply.document ? { messages, document: reply.document } : { messages };
}
