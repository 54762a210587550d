/**
 * @module knowledge-base/read-json
 * Reads one JSON file of the knowledge folder and validates it with its schema, so every loader
 * reports a broken file the same way: the file, then the path of the first wrong field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { KnowledgeError } from '../errors.ts';

/**
 * The parsed and validated content of `<dir>/<file>`.
 *
 * @throws KnowledgeError `knowledge/<file>: cannot read or parse JSON`, or
 *   `knowledge/<file>: <path>: <message>` for the first field the schema rejects
 */
export function readKnowledgeJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${file}: cannot read or parse JSON`, { cause });
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
