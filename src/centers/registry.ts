/**
 * @module centers/registry
 * The registry of recognised and pilot innovation centers, kept in the {@link Store} under
 * `center:<id>`. The eligibility check reads it for the 一行业（领域）一中心 warning (五（二）),
 * counting only centers marked verified so that nobody can plant a fake center to discourage
 * others; the reminders feature registers centers and their chats here. An optional
 * `knowledge/centers.seed.json` is imported once per store.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BotError, KnowledgeError, StateError } from '../errors.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge-base/index.ts';
import type { Store } from '../ports.ts';

/** The store key prefix of center records. */
export const CENTER_PREFIX = 'center:';
/** The store key that remembers the seed file was imported. */
export const SEED_IMPORTED_KEY = 'centers:seed-imported';
/** The optional seed file in the knowledge folder. */
export const SEED_FILE = 'centers.seed.json';
/**
 * How long records written with `setIfAbsent` live (the port wants a finite TTL): a century,
 * which for a registry means "kept".
 */
const KEEP_MS = 100 * 365 * 24 * 60 * 60 * 1000;

const name = z.string().trim().min(1).max(200);
const chatRef = z.string().regex(/^(telegram|slack|console):\S+$/, 'a chat such as telegram:-1001234 or slack:C0123');

/** A center as stored. */
export const centerSchema = z.object({
  /** Stable: lower-case letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name,
  /** The district (区县) it is in; `''` when not given. */
  district: z.string().trim().max(100),
  /** Its industry field, ideally a field name of 三（四）; `''` when not given. */
  field: z.string().trim().max(100),
  status: z.enum(['recognised', 'pilot']),
  /** 认定日期 `YYYY-MM-DD`. */
  recognized: z.iso.date(),
  /** Chats that receive its reminders. */
  chats: z.array(chatRef),
  /** Checked by city-level staff; only verified centers count for 五（二）. */
  verified: z.boolean(),
  /** Reminders paused. */
  paused: z.boolean(),
  /** Who registered it: a user reference (`telegram:42`), `cli` or `seed`. */
  registeredBy: z.string().trim().min(1).max(200),
});

/** A registered center. */
export type Center = z.infer<typeof centerSchema>;

/** What {@link addCenter} needs; everything else has a default. */
export const centerInputSchema = z.object({
  /** @default derived from the name, so one center cannot be registered twice */
  id: centerSchema.shape.id.optional(),
  name,
  /** @default '' */
  district: z.string().trim().max(100).default(''),
  /** @default '' */
  field: z.string().trim().max(100).default(''),
  /** @default 'recognised' */
  status: centerSchema.shape.status.default('recognised'),
  recognized: z.iso.date(),
  /** @default [] */
  chats: z.array(chatRef).default([]),
  /** @default false — staff verify a center; the CLI (operators) and the seed file pass true */
  verified: z.boolean().default(false),
  /** @default false */
  paused: z.boolean().default(false),
  registeredBy: z.string().trim().min(1).max(200),
});

/** The input of {@link addCenter}. */
export type CenterInput = z.input<typeof centerInputSchema>;

const seedFileSchema = z.object({
  version: z.literal(1),
  centers: z.array(centerInputSchema.omit({ registeredBy: true }).extend({ verified: z.boolean().default(true) })),
});

/** A stable id from a center's name: the same center named twice gets the same id. */
export function centerIdFor(centerName: string): string {
  const key = centerName.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return `c-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

function toCenter(input: CenterInput): Center {
  const parsed = centerInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotError('usage', `center ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, {
      cause: parsed.error,
    });
  }
  const { id, ...rest } = parsed.data;
  return { id: id ?? centerIdFor(rest.name), ...rest };
}

/**
 * Registers a center.
 *
 * @throws BotError `usage` when the input is invalid (the message names the field) or a center
 * with the same id (the same name) is already registered
 */
export async function addCenter(store: Store, input: CenterInput): Promise<Center> {
  const center = toCenter(input);
  if (!(await store.setIfAbsent(`${CENTER_PREFIX}${center.id}`, center, KEEP_MS))) {
    throw new BotError('usage', `center ${center.id} (${center.name}) is already registered`);
  }
  return center;
}

/**
 * Every registered center, by recognition date, then name (in code-point order).
 *
 * @throws StateError `state_corrupt` when a stored record does not validate
 */
export async function listCenters(store: Store): Promise<Center[]> {
  const centers: Center[] = [];
  for await (const [key, value] of store.entries(CENTER_PREFIX)) {
    const parsed = centerSchema.safeParse(value);
    if (!parsed.success) {
      throw new StateError(`stored center ${key} is invalid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
        code: 'state_corrupt',
        cause: parsed.error,
      });
    }
    centers.push(parsed.data);
  }
  // Code-point order: the same on every machine, whatever its locale data.
  const key = (c: Center) => `${c.recognized}\u0000${c.name}\u0000${c.id}`;
  return centers.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The fields of verified centers, each once; what 五（二）'s warning compares with. */
export async function verifiedFields(store: Store): Promise<string[]> {
  const fields = (await listCenters(store)).filter((c) => c.verified && c.field !== '').map((c) => c.field);
  return [...new Set(fields)];
}

/**
 * Imports `<dir>/centers.seed.json` into the store once: later calls (and other processes) see
 * the mark and do nothing, and a center already registered under the same id is kept as it is.
 * The file is optional; a seeded center is verified unless the file says otherwise.
 *
 * @returns how many centers this call registered
 * @throws KnowledgeError when the file exists but is not valid
 */
export async function importSeedOnce(store: Store, dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<number> {
  let raw: string;
  try {
    raw = readFileSync(join(dir, SEED_FILE), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new KnowledgeError(`knowledge/${SEED_FILE}: cannot read`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new KnowledgeError(`knowledge/${SEED_FILE}: not valid JSON`, { cause });
  }
  const parsed = seedFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(`knowledge/${SEED_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, {
      cause: parsed.error,
    });
  }
  if ((await store.get(SEED_IMPORTED_KEY)) !== undefined) return 0;
  let added = 0;
  for (const seed of parsed.data.centers) {
    const center = toCenter({ ...seed, registeredBy: 'seed' });
    if (await store.setIfAbsent(`${CENTER_PREFIX}${center.id}`, center, KEEP_MS)) added += 1;
  }
  await store.setIfAbsent(SEED_IMPORTED_KEY, { centers: parsed.data.centers.length }, KEEP_MS);
  return added;
}
