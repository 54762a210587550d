/**
 * @module qa/reply-en
 * A clause in the reader's language: where the reply's language is not the plan's and the document
 * ships a reading in it (`knowledge/<doc>.en.json`), a reply shows the clause's label and headings,
 * its reading marked as an unofficial translation, and then the original, quoted as always. The
 * one-line lead becomes the reading's sentence that matches the original sentence the lead was cut
 * from. Without a reading, everything stays as the original has it.
 */
import type { Clause, ClauseReading, KnowledgeBase } from '../knowledge-base/index.ts';
import type { Messages } from '../messages/index.ts';

/**
 * The sentences of a clause, in the original or its reading: each line, cut after its sentence ends
 * (。！？ in Chinese; . ! ? before a new sentence in English). A reading is written sentence for
 * sentence, so the n-th sentence of each says the same (checked for the shipped readings in the
 * knowledge tests).
 */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z“"(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The clause's reading in the reply's language, when there is one. */
export function readingOf(kb: KnowledgeBase, m: Messages, clause: Clause): ClauseReading | undefined {
  return m.readingLocale ? kb.reading(clause, m.readingLocale) : undefined;
}

/**
 * The lines that quote a clause: with a reading, its label and headings, the reading and its mark,
 * then the original under its own heading; without one, the original alone (and the note that it
 * is the original text, in a language other than the plan's).
 */
export function quoteLines(kb: KnowledgeBase, m: Messages, clause: Clause): string[] {
  const reading = readingOf(kb, m, clause);
  if (!reading) return [`“${clause.text}”`, ...(m.originalTextNote ? [m.originalTextNote] : [])];
  const path = [reading.path, reading.title].filter(Boolean).join(' › ');
  return [
    m.readingHeading(m.readingLabel(clause.id, clause.label), path),
    `“${reading.text}”`,
    m.readingNote,
    '',
    m.originalHeading,
    `“${clause.text}”`,
  ];
}

/** Numbers as a reading writes them for a numeral of the original (三 → three, 3). */
const NUMERAL = /[\d〇一二两三四五六七八九十百千万]/;

/**
 * The lead in the reply's language. The original's lead is a piece of one of its sentences; the
 * reading's sentence of the same index says it, and of that sentence the part (between semicolons)
 * that states a figure when the lead is one. Undefined when the lead would only repeat the whole
 * reading shown below it, or when the sentences do not align (the whole reading then answers).
 * Without a reading, the original's lead as it is.
 */
export function leadLine(kb: KnowledgeBase, m: Messages, clause: Clause, lead: string): string | undefined {
  const reading = readingOf(kb, m, clause);
  if (!reading) return lead;
  const original = sentences(clause.text);
  const read = sentences(reading.text);
  if (original.length !== read.length) return undefined;
  const compact = (s: string) => s.replace(/\s+/g, '');
  const at = original.findIndex((s) => compact(s).includes(compact(lead)));
  const sentence = at >= 0 ? read[at] : undefined;
  if (!sentence) return undefined;
  let line = sentence;
  if (NUMERAL.test(lead)) {
    const parts = sentence.split(/;\s*/);
    const stating = parts.filter((p) => /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(p));
    if (parts.length > 1 && stating.length === 1 && stating[0]) line = stating[0];
  }
  line = line.replace(/[;,]\s*$/, '');
  if (compact(line) === compact(reading.text)) return undefined;
  return /^[a-z]/.test(line) ? `${line[0]?.toUpperCase()}${line.slice(1)}` : line;
}

/** A short name for a clause on a button, in the reply's language: its title or opening words. */
export function readingName(kb: KnowledgeBase, m: Messages, clause: Clause): string | undefined {
  const reading = readingOf(kb, m, clause);
  if (!reading) return undefined;
  if (reading.title) return reading.title;
  const words = reading.text.split(/\s+/);
  return words.length > 7 ? `${words.slice(0, 7).join(' ')}…` : reading.text;
}
