/**
 * @module knowledge-base/load
 * Reads and validates `knowledge/`: the documents list, each document's text (parsed into
 * clauses), the glossary and the example questions. A second document of the same shape is a data
 * change: add it to `documents.json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { parsePlan } from './parse-plan.ts';
import { documentsFileSchema, examplesFileSchema, glossaryFileSchema, otherProgrammesFileSchema } from './schema.ts';
import type { Clause, ClauseExamples, KnowledgeBase } from './types.ts';

/** The `knowledge/` folder shipped with the project. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

function readJson<T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${file}: cannot read or parse JSON`, {
      cause,
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(`knowledge/${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * Loads and validates the knowledge folder.
 *
 * @param dir the folder; defaults to the project's `knowledge/`
 * @throws KnowledgeError naming the file and field when anything is off
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const docsFile = readJson(dir, 'documents.json', documentsFileSchema);
  const clauses: Clause[] = [];
  for (const d of docsFile.documents) {
    let text: string;
    try {
      text = readFileSync(join(dir, d.file), 'utf8');
    } catch (cause) {
      throw new KnowledgeError(`knowledge/${d.file}: cannot read the text of ${d.number}`, { cause });
    }
    const parsed = parsePlan(text, d.id);
    if (parsed.length !== d.clauseCount) {
      throw new KnowledgeError(
        `knowledge/${d.file}: parsed ${parsed.length} clauses, documents.json expects ${d.clauseCount}`,
      );
    }
    clauses.push(...parsed);
  }

  const byId = new Map<string, Clause>();
  for (const c of clauses) {
    byId.set(`${c.doc}/${c.id}`, c);
    if (!byId.has(c.id)) byId.set(c.id, c);
  }

  const glossary = readJson(dir, 'glossary.json', glossaryFileSchema).groups.map((g) => ({
    zh: g.zh,
    alone: g.alone,
    en: g.en.map((t) => t.toLowerCase()),
  }));

  const examplesFile = readJson(dir, 'examples.json', examplesFileSchema);
  const examples = new Map<string, ClauseExamples>();
  for (const [id, ex] of Object.entries(examplesFile.clauses)) {
    const clause = byId.get(id);
    if (!clause) {
      throw new KnowledgeError(`knowledge/examples.json: clause ${id} does not exist`, {
        code: 'knowledge_clause_missing',
      });
    }
    examples.set(`${clause.doc}/${clause.id}`, ex);
  }

  const programmesFile = readJson(dir, 'other-programmes.json', otherProgrammesFileSchema);
  const otherProgrammes = programmesFile.programmes;
  for (const name of [...otherProgrammes, ...programmesFile.uncoveredTopics]) {
    const used = clauses.find((c) => c.text.includes(name));
    if (used) {
      throw new KnowledgeError(`knowledge/other-programmes.json: ${name} is named by clause ${used.id} of the plan`);
    }
  }

  return {
    otherProgrammes: [...otherProgrammes, ...programmesFile.namedWithoutRules],
    uncoveredTopics: programmesFile.uncoveredTopics,
    documents: docsFile.documents.map(({ id, title, number, date, issuer }) => ({
      id,
      title,
      number,
      date,
      issuer,
    })),
    clauses,
    glossary,
    examples,
    clause: (id) => byId.get(id),
  };
}
