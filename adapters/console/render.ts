/**
 * @module adapters/console/render
 * Renders replies for a terminal: plain text, choices as numbered options.
 */
import type { Reply } from '../../src/index.ts';

// Clause text and our strings hold no control characters, but a terminal must never receive
// escape sequences from anywhere, so strip them on the way out.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text of one reply for a terminal, with its choices numbered from 1. */
export function renderForTerminal(reply: Reply): string {
  const lines = [reply.text.replace(CONTROL, '')];
  if (reply.choices?.length) {
    lines.push('');
    reply.choices.forEach((c, i) => {
      lines.push(`  [${i + 1}] ${c.label.replace(CONTROL, '')}`);
    });
  }
  return lines.join('\n');
}
