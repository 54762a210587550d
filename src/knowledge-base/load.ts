/**
 * @module knowledge-base/load
 * Reads and validates `knowledge/`: the documents list (documents with their text, and later ones
 * only known by title, issuer and topics), each text (parsed into clauses), the glossary and the
 * example questions. A second text of the same shape is a data change: its file plus an entry in
 * `documents.json` with `status: "text"`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError } from '../errors.ts';
import { parsePlan } from './parse-plan.ts';
import { readKnowledgeJson } from './read-json.ts';
import {
  type DocumentsFile,
  documentsFileSchema,
  englishName,
  examplesFileSchema,
  glossaryFileSchema,
  otherProgrammesFileSchema,
} from './schema.ts';
import { readingsOf, translationFileSchema } from './translations.ts';
import type { Clause, ClauseExamples, ClauseReading, DocumentEntry, DocumentRelation, KnowledgeBase } from './types.ts';

/** The `knowledge/` folder shipped with the project. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/**
 * Checks the entries of `documents.json` against each other and the texts, and turns them into the
 * catalogue: ids unique, every relation naming a listed document, every topic clause one the
 * earlier document has (when its text ships), a `supersedes` relation without clauses covering the
 * entry's topics.
 */
function checkCatalogue(file: DocumentsFile, clauses: Clause[]): DocumentEntry[] {
  const fail = (message: string, code?: 'knowledge_clause_missing'): never => {
    throw new KnowledgeError(`knowledge/documents.json: ${message}`, code ? { code } : undefined);
  };
  const ids = new Set<string>();
  file.documents.forEach((d, i) => {
    if (ids.has(d.id)) fail(`documents.${i}.id: "${d.id}" appears twice`);
    ids.add(d.id);
  });
  const firstText = file.documents.find((d) => d.status === 'text')?.id ?? '';
  const hasText = new Set(file.documents.filter((d) => d.status === 'text').map((d) => d.id));
  return file.documents.map((d, i) => {
    d.relations.forEach((r, j) => {
      if (!ids.has(r.doc) || r.doc === d.id)
        fail(`documents.${i}.relations.${j}.doc: "${r.doc}" is not another listed document`);
    });
    // Topic clauses are the clause ids of the document it supersedes (the plan when none is named).
    const earlier = d.relations.find((r) => r.type === 'supersedes')?.doc ?? firstText;
    const check = (list: string[], path: string) =>
      list.forEach((id, j) => {
        if (hasText.has(earlier) && !clauses.some((c) => c.doc === earlier && c.id === id)) {
          fail(`documents.${i}.${path}.${j}: clause ${id} does not exist in ${earlier}`, 'knowledge_clause_missing');
        }
      });
    check(d.topics.clauses, 'topics.clauses');
    const relations: DocumentRelation[] = d.relations.map((r, j) => {
      if (r.type === 'implements') return r;
      check(r.clauses ?? [], `relations.${j}.clauses`);
      return { type: 'supersedes', doc: r.doc, clauses: r.clauses ?? d.topics.clauses };
    });
    const base = {
      id: d.id,
      status: d.status,
      title: d.title,
      issuer: d.issuer,
      issuerShort: d.issuerShort ?? d.issuer,
      ...(d.en ? { en: { ...d.en, issuerShort: d.en.issuerShort ?? d.en.issuer } } : {}),
      topics: d.topics,
      relations,
    };
    if (d.status === 'text') {
      return { ...base, year: Number(d.date.slice(0, 4)), number: d.number, date: d.date, verified: true };
    }
    return { ...base, year: d.year, ...(d.number ? { number: d.number } : {}), verified: d.verified, source: d.source };
  });
}

/**
 * Loads and validates the knowledge folder.
 *
 * @param dir the folder; defaults to the project's `knowledge/`
 * @throws KnowledgeError naming the file and field when anything is off
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const docsFile = readKnowledgeJson(dir, 'documents.json', documentsFileSchema);
  const clauses: Clause[] = [];
  const texts = docsFile.documents.flatMap((d) => (d.status === 'text' ? [d] : []));
  for (const d of texts) {
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
  const catalogue = checkCatalogue(docsFile, clauses);

  // Readings in other languages, checked against the clauses they read: keyed `locale:doc/id`.
  const readings = new Map<string, ClauseReading>();
  for (const d of texts) {
    for (const [locale, file] of Object.entries(d.translations)) {
      if (!file || locale !== 'en') continue;
      const data = readKnowledgeJson(dir, file, translationFileSchema);
      for (const [id, r] of readingsOf(file, data, d.id, locale, clauses)) readings.set(`${locale}:${d.id}/${id}`, r);
    }
  }

  const byId = new Map<string, Clause>();
  for (const c of clauses) {
    byId.set(`${c.doc}/${c.id}`, c);
    if (!byId.has(c.id)) byId.set(c.id, c);
  }

  const glossary = readKnowledgeJson(dir, 'glossary.json', glossaryFileSchema).groups.map((g) => ({
    id: g.id,
    zh: g.zh,
    alone: g.alone,
    en: g.en.map((t) => t.toLowerCase()),
  }));

  const examplesFile = readKnowledgeJson(dir, 'examples.json', examplesFileSchema);
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

  const programmesFile = readKnowledgeJson(dir, 'other-programmes.json', otherProgrammesFileSchema);
  const otherProgrammes = programmesFile.programmes;
  for (const name of [...otherProgrammes, ...programmesFile.uncoveredTopics]) {
    const used = clauses.find((c) => c.text.includes(name));
    if (used) {
      throw new KnowledgeError(`knowledge/other-programmes.json: ${name} is named by clause ${used.id} of the plan`);
    }
  }

  // The English names likewise: none may be one the plan's English reading uses ("high-tech leading
  // enterprises" is the plan's; "high-tech enterprise" is another programme).
  const readingTexts = [...readings.values()].filter((r) => r.locale === 'en');
  for (const name of programmesFile.en.programmes) {
    const re = englishName(name);
    const used = readingTexts.find((r) => re.test(`${r.title} ${r.text}`));
    if (used) {
      throw new KnowledgeError(`knowledge/other-programmes.json: en ${name} is used by the plan's English reading`);
    }
  }

  return {
    otherProgrammes: [...otherProgrammes, ...programmesFile.namedWithoutRules],
    programmeAsking: programmesFile.asking,
    programmeAskedBefore: { names: otherProgrammes, asking: programmesFile.askingBefore },
    otherProgrammesEn: {
      names: [...programmesFile.en.programmes, ...programmesFile.en.namedWithoutRules],
      askingAfter: programmesFile.en.askingAfter,
      askingBefore: programmesFile.en.askingBefore,
    },
    uncoveredTopics: programmesFile.uncoveredTopics,
    documents: texts.map(({ id, title, number, date, issuer }) => ({
      id,
      title,
      number,
      date,
      issuer,
    })),
    catalogue,
    clauses,
    glossary,
    examples,
    clause: (id) => byId.get(id),
    reading: (clause, locale) => readings.get(`${locale}:${clause.doc}/${clause.id}`),
  };
}
