/**
 * @module input
 * Cleans what a user typed before anything reads it: control characters go, white space folds,
 * and the length is checked. Nothing here echoes the text back.
 */

/** Longest question the bot takes, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/** Removes control and invisible formatting characters and folds white space. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text has something to search for: a letter, digit or Chinese character. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
