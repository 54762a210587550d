/**
 * @module knowledge-base/figures
 * `knowledge/figures.json`: every figure the plan states (1000万元, 30% twice, 10-15个, 1-2家, 前三年,
 * 每三年, 三年内) with what it measures — the words naming its subject, for a share its base, for a
 * period what the period is of — and words naming other quantities. The Q&A leads with a figure only
 * when it measures the quantity a question asks about (`qa/figure-quantity`).
 */
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { DEFAULT_KNOWLEDGE_DIR } from './load.ts';
import { readKnowledgeJson } from './read-json.ts';
import type { Clause, KnowledgeBase } from './types.ts';

/** The file under the knowledge folder that describes the plan's figures. */
export const FIGURES_FILE = 'figures.json';

const text = z.string().trim().min(1);

/** Words naming a quantity: glossary groups by id, plus words of its own. */
const wordsSchema = z.object({
  groups: z.array(z.string().min(1)).default([]),
  words: z.array(text).default([]),
});

const figureSchema = z.object({
  /** A stable name (`r-d-staff-share`). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id such as r-d-staff-share'),
  /** The clause stating it, of the first document unless `doc` says otherwise. */
  clause: z.string().min(1),
  doc: z.string().optional(),
  /** The figure as the clause writes it (`30%`, `前三年`): it must occur in the clause. */
  figure: text,
  kind: z.enum(['amount', 'ratio', 'count', 'duration']),
  /** What it measures, in words a reply can use. */
  measures: z.object({ 'zh-CN': text, en: text }),
  /** The quantity measured (for a share its part; for a period what the period is of). */
  subject: wordsSchema,
  /** For a share: the whole it is a share of. */
  base: wordsSchema.optional(),
  /** Words naming other quantities: a question about one of them is not answered by this figure. */
  unlike: z.array(text).default([]),
});

const fileSchema = z.object({ version: z.literal(1), figures: z.array(figureSchema).min(1) });

/** A figure the plan states, with the words that name what it measures. */
export interface PlanFigure {
  id: string;
  clause: Clause;
  figure: string;
  kind: 'amount' | 'ratio' | 'count' | 'duration';
  measures: { 'zh-CN': string; en: string };
  /** The subject's words, glossary groups expanded (Chinese and English). */
  subject: string[];
  /** A share's base, glossary groups expanded; empty for other kinds. */
  base: string[];
  unlike: string[];
}

/**
 * Loads `<dir>/figures.json` against the knowledge base.
 *
 * @throws KnowledgeError naming the file and field when the file is malformed, names a clause the
 *   knowledge base lacks, a figure its clause does not state, or a glossary group that does not exist
 */
export function loadFigures(kb: KnowledgeBase, dir: string = DEFAULT_KNOWLEDGE_DIR): PlanFigure[] {
  const fail = (message: string): never => {
    throw new KnowledgeError(`knowledge/${FIGURES_FILE}: ${message}`);
  };
  const data = readKnowledgeJson(dir, FIGURES_FILE, fileSchema);
  const groups = new Map(kb.glossary.map((g) => [g.id, g]));
  const firstDoc = kb.documents[0]?.id ?? '';
  const seen = new Set<string>();
  return data.figures.map((f, i) => {
    if (seen.has(f.id)) fail(`figures.${i}.id: "${f.id}" appears twice`);
    seen.add(f.id);
    const clause =
      kb.clause(`${f.doc ?? firstDoc}/${f.clause}`) ?? fail(`figures.${i}.clause: ${f.clause} does not exist`);
    if (!clause.text.includes(f.figure)) fail(`figures.${i}.figure: clause ${f.clause} does not state "${f.figure}"`);
    const expand = (w: z.infer<typeof wordsSchema> | undefined, path: string): string[] => [
      ...(w?.words ?? []),
      ...(w?.groups ?? []).flatMap((id, j) => {
        const g = groups.get(id) ?? fail(`figures.${i}.${path}.groups.${j}: no glossary group "${id}"`);
        return [...g.zh, ...g.en];
      }),
    ];
    return {
      id: f.id,
      clause,
      figure: f.figure,
      kind: f.kind,
      measures: f.measures,
      subject: expand(f.subject, 'subject'),
      base: expand(f.base, 'base'),
      unlike: f.unlike,
    };
  });
}
