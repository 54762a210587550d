/**
 * @module reminders/districts
 * The districts and counties of Chongqing a center can be in, as data (`knowledge/districts.json`):
 * the 38 区县 plus the functional areas (两江新区, 重庆高新区, 万盛经开区) many centers name instead. A
 * user may type the full name (渝北区), the short one (渝北), the pinyin (Yubei) or with 重庆市 in
 * front; all read as the full name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge-base/index.ts';

/** The file in the knowledge folder. */
export const DISTRICTS_FILE = 'districts.json';

const entry = z.object({
  /** The official name, as stored: `渝北区`. */
  name: z.string().min(2),
  /** The name without 区/县/自治县: `渝北`. */
  short: z.string().min(1),
  /** Pinyin or English: `Yubei`. */
  en: z.string().min(1),
  aliases: z.array(z.string().min(2)).default([]),
});

const fileSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  districts: z.array(entry).length(38),
  areas: z.array(entry).default([]),
});

/** One district, county or area. */
export type District = z.infer<typeof entry>;

/** The districts, and how to read one typed by a user. */
export interface Districts {
  readonly all: readonly District[];
  /** The district the text names, or `undefined`. */
  match(text: string): District | undefined;
}

const fold = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’\-_.·]/g, '')
    .replace(/^重庆市?/, '')
    .replace(/(district|county|autonomouscounty)$/, '');

/**
 * Loads and validates `<dir>/districts.json`.
 *
 * @throws KnowledgeError naming the file when it is missing or invalid
 */
export function loadDistricts(dir: string = DEFAULT_KNOWLEDGE_DIR): Districts {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, DISTRICTS_FILE), 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${DISTRICTS_FILE}: cannot read or not valid JSON`, { cause });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(
      `knowledge/${DISTRICTS_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      { cause: parsed.error },
    );
  }
  const all = [...parsed.data.districts, ...parsed.data.areas];
  const index = new Map<string, District>();
  for (const d of all) {
    for (const key of [d.name, d.short, d.en, ...d.aliases]) {
      const k = fold(key);
      if (k && !index.has(k)) index.set(k, d);
    }
  }
  return {
    all,
    match: (text) => {
      const k = fold(text);
      return k ? index.get(k) : undefined;
    },
  };
}
