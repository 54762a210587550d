/**
 * @module knowledge-base/translations
 * Readings of a document in another language (`yjxf-2017-139.en.json`): an unofficial translation
 * of every clause and of the headings above them, kept beside the original and named by the
 * document's entry in `documents.json` (`translations`). The original is still quoted with every
 * answer and is what counts; a reading only helps a reader who does not read Chinese.
 *
 * A reading file is checked against the parsed text at start: every clause has a reading, no
 * reading names a clause or heading the text does not have, and a clause has a translated title
 * exactly when the original has one.
 */
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import type { Clause, ClauseReading } from './types.ts';

/** The languages a document may be read in besides its own (the bot's locales other than zh-CN). */
export const READING_LOCALES = ['en'] as const;

/** A language a document may be read in besides its own. */
export type ReadingLocale = (typeof READING_LOCALES)[number];

const clauseId = z.string().regex(/^(notice|preamble|\d+(\.\d+){0,2})$/, 'a clause id such as 3.1.4');
const text = z.string().trim().min(1);

/** The shape of a reading file. */
export const translationFileSchema = z.object({
  version: z.literal(1),
  /**
   * The document whose text was read, as in `documents.json`. Another entry with the same text may
   * name the file too: the reading is checked against the clauses of whichever entry names it.
   */
  doc: z.string().regex(/^[a-z0-9-]+$/, 'a document id such as yjxf-2017-139'),
  locale: z.enum(READING_LOCALES),
  /** What the file is: that it is unofficial, who made it from which text, and that the original counts. */
  note: text,
  /** The headings without text of their own, by the id of the part they head (`3.1`: Basic conditions). */
  sections: z.record(z.string().regex(/^\d+(\.\d+)?$/, 'a heading id such as 3 or 3.1'), text),
  /** Every clause's reading: its title when the original has one, and its text. */
  clauses: z.record(clauseId, z.object({ title: text.optional(), text }).strict()),
});

/** The ids of the headings above a clause (`3.1.4` → `3`, `3.1`). */
function headingIds(id: string): string[] {
  const parts = id.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Checks a parsed reading file against the document's clauses and returns the reading of each,
 * keyed by clause id.
 *
 * @param file the file's name, for the messages (`yjxf-2017-139.en.json`)
 * @throws KnowledgeError naming the file and the clause or heading at fault
 */
export function readingsOf(
  file: string,
  data: z.infer<typeof translationFileSchema>,
  doc: string,
  locale: ReadingLocale,
  clauses: Clause[],
): Map<string, ClauseReading> {
  const fail = (message: string, code?: 'knowledge_clause_missing'): never => {
    throw new KnowledgeError(`knowledge/${file}: ${message}`, code ? { code } : undefined);
  };
  if (data.locale !== locale) fail(`locale: "${data.locale}" is not ${locale}, as documents.json names it`);
  const own = clauses.filter((c) => c.doc === doc);
  const ids = new Set(own.map((c) => c.id));
  for (const id of Object.keys(data.clauses)) {
    if (!ids.has(id)) fail(`clauses.${id}: clause ${id} does not exist in ${doc}`, 'knowledge_clause_missing');
  }
  const headings = new Set(own.flatMap((c) => headingIds(c.id)));
  for (const id of Object.keys(data.sections)) {
    if (!headings.has(id)) fail(`sections.${id}: ${doc} has no heading ${id} above a clause`);
  }
  const readings = new Map<string, ClauseReading>();
  for (const c of own) {
    const r = data.clauses[c.id];
    if (!r) return fail(`clauses.${c.id}: clause ${c.id} has no ${locale} reading`, 'knowledge_clause_missing');
    if (c.title && !r.title) fail(`clauses.${c.id}.title: the original has the title ${c.title}; give its reading`);
    if (!c.title && r.title) fail(`clauses.${c.id}.title: the original has no title`);
    const path = headingIds(c.id).map(
      (h) => data.sections[h] ?? fail(`sections.${h}: the heading above clause ${c.id} has no ${locale} reading`),
    );
    readings.set(c.id, { locale, title: r.title ?? '', path: path.join(' › '), text: r.text });
  }
  return readings;
}
