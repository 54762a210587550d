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
  /** When it was registered (ISO 8601); absent on records written before this field existed. */
  registeredAt: z.iso.datetime({ offset: true }).optional(),
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
  recognized: z.iso.date({ error: 'not a date YYYY-MM-DD, or no such day' }),
  /** @default [] */
  chats: z.array(chatRef).default([]),
  /** @default false — staff verify a center; the CLI (operators) and the seed file pass true */
  verified: z.boolean().default(false),
  /** @default false */
  paused: z.boolean().default(false),
  registeredBy: z.string().trim().min(1).max(200),
  /** When it was registered (ISO 8601); omitted when the caller has no clock to hand (the seed file). */
  registeredAt: z.iso.datetime({ offset: true }).optional(),
});

/** The input of {@link addCenter}. */
export type CenterInput = z.input<typeof centerInputSchema>;

const seedFileSchema = z.object({
  version: z.literal(1),
  centers: z.array(centerInputSchema.omit({ registeredBy: true }).extend({ verified: z.boolean().default(true) })),
});

/**
 * A center's name as it is compared: full-width forms folded (NFKC), white space removed, lower
 * case. `重庆市 集成电路创新中心`, `重庆市集成电路创新中心` and full-width `ＡＢＣ中心` / `abc中心` compare equal.
 */
export function normalizeCenterName(centerName: string): string {
  return centerName.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** A stable id from a center's name: the same center named twice gets the same id. */
export function centerIdFor(centerName: string): string {
  return `c-${createHash('sha256').update(normalizeCenterName(centerName)).digest('hex').slice(0, 12)}`;
}

/**
 * Validates an input into a record. The error message reads `center <field>: <reason>`, the form
 * the CLI's import report reads the field from.
 */
function toCenter(input: CenterInput): Center {
  const parsed = centerInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotError('usage', `center ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, {
      cause: parsed.error,
    });
  }
  const { id, registeredAt, ...rest } = parsed.data;
  return { id: id ?? centerIdFor(rest.name), ...rest, ...(registeredAt ? { registeredAt } : {}) };
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
  for await (const [key, value] of store.entries(CENTER_PREFIX)) centers.push(storedCenter(key, value));
  // Code-point order: the same on every machine, whatever its locale data.
  const key = (c: Center) => `${c.recognized}\u0000${c.name}\u0000${c.id}`;
  return centers.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Validates one stored record. */
function storedCenter(key: string, value: unknown): Center {
  const parsed = centerSchema.safeParse(value);
  if (!parsed.success) {
    throw new StateError(`stored center ${key} is invalid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
      code: 'state_corrupt',
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * The center stored under `id`, or `undefined`.
 *
 * @throws StateError `state_corrupt` when the stored record does not validate
 */
export async function readCenter(store: Store, id: string): Promise<Center | undefined> {
  const key = `${CENTER_PREFIX}${id}`;
  const value = await store.get(key);
  return value === undefined ? undefined : storedCenter(key, value);
}

/**
 * The center with this name, compared as {@link normalizeCenterName} does (width, white space,
 * case), or `undefined`. Looks up the id the name derives to first, then the names of centers
 * registered under an explicit id.
 */
export async function findCenterByName(store: Store, centerName: string): Promise<Center | undefined> {
  const wanted = normalizeCenterName(centerName);
  if (wanted === '') return undefined;
  const direct = await readCenter(store, centerIdFor(centerName));
  if (direct) return direct;
  return (await listCenters(store)).find((c) => normalizeCenterName(c.name) === wanted);
}

/** Writes a changed center back, validated as on the way in. */
async function writeCenter(store: Store, center: Center): Promise<void> {
  const checked = storedCenter(`${CENTER_PREFIX}${center.id}`, center);
  await store.set(`${CENTER_PREFIX}${checked.id}`, checked, KEEP_MS);
}

/** What {@link bindChat} and {@link unbindChat} did. */
export interface BindingChange {
  center: Center;
  /** `false` when the chat was already bound (bind) or was not bound (unbind). */
  changed: boolean;
}

/**
 * Adds `chat` to the chats that receive the reminders of center `id`.
 *
 * @returns the center as stored afterwards, or `undefined` when no center has that id
 * @throws BotError `usage` when `chat` is not a chat reference
 */
export async function bindChat(store: Store, id: string, chat: string): Promise<BindingChange | undefined> {
  const parsedChat = chatRef.safeParse(chat);
  if (!parsedChat.success) throw new BotError('usage', `center chats: ${parsedChat.error.issues[0]?.message}`);
  const center = await readCenter(store, id);
  if (!center) return undefined;
  if (center.chats.includes(parsedChat.data)) return { center, changed: false };
  const next = { ...center, chats: [...center.chats, parsedChat.data] };
  await writeCenter(store, next);
  return { center: next, changed: true };
}

/**
 * Removes `chat` from the chats of center `id` (unsubscribes it); the center stays registered.
 *
 * @returns the center as stored afterwards, or `undefined` when no center has that id
 */
export async function unbindChat(store: Store, id: string, chat: string): Promise<BindingChange | undefined> {
  const center = await readCenter(store, id);
  if (!center) return undefined;
  if (!center.chats.includes(chat)) return { center, changed: false };
  const next = { ...center, chats: center.chats.filter((c) => c !== chat) };
  await writeCenter(store, next);
  return { center: next, changed: true };
}

/** The centers whose reminders go to `chat`, in {@link listCenters} order. */
export async function centersOfChat(store: Store, chat: string): Promise<Center[]> {
  return (await listCenters(store)).filter((c) => c.chats.includes(chat));
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
