/**
 * @module adapters/cli/centers
 * `npm run -s cli -- centers …`: the operators' side of the centers registry, read and written in
 * the `STORE_URL` store. A center added or imported here is verified (operators are city-level
 * staff); one registered in chat with `/subscribe` is not until staff verify it.
 *
 * - `centers add --name N --recognized YYYY-MM-DD [--status recognised|pilot] [--district D]
 *   [--field F] [--chat <chat>]…` prints the center as `centers list --json` shows it.
 * - `centers import <file.json|file.csv> [--skip-invalid]`: all or nothing; with
 *   `--skip-invalid` the good rows. Prints the errors `[{"row","field","reason"}]` (`[]` when
 *   none) and exits 1 when there are any. `row` counts the centers in the file from 1 (a CSV's
 *   header is not a row). CSV columns `name,district,field,status,recognized,chats`, chats
 *   separated by `;`, UTF-8 with or without BOM; JSON an array of objects with the same fields
 *   (`chats` an array or a `;`-separated string), or `{"centers": […]}`.
 * - `centers list [--json]`: every center, by recognition date then name.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  addCenter,
  type Center,
  type CenterInput,
  importSeedOnce,
  listCenters,
  loadConfig,
  MemoryStore,
  type Store,
} from '../../src/index.ts';
import { createLogger } from '../logger.ts';
import { createStore } from '../storage/index.ts';

/** The usage lines of the centers commands. */
export const CENTERS_USAGE = `  centers add --name N --recognized YYYY-MM-DD [--status recognised|pilot] [--district D] [--field F] [--chat <chat>]…
  centers import <file.json|file.csv> [--skip-invalid]
  centers list [--json]`;
const USAGE = `usage: npm run -s cli -- centers <command>\n${CENTERS_USAGE}`;

/** The columns of an import, in the CSV's order. */
const COLUMNS = ['name', 'district', 'field', 'status', 'recognized', 'chats'] as const;
type Column = (typeof COLUMNS)[number];

/** One problem with one imported center. */
export interface ImportError {
  row: number;
  field: string;
  reason: string;
}

class CentersUsageError extends Error {}

/** The environment (`STORE_URL`, `LOG_LEVEL`), passed in by the CLI's entry point. */
type Env = Record<string, string | undefined>;

/** A center as `centers list --json` prints it: exactly the spec's fields, in its order. */
export function centerForJson(c: Center) {
  return {
    id: c.id,
    name: c.name,
    district: c.district,
    field: c.field,
    status: c.status,
    recognized: c.recognized,
    chats: [...c.chats],
    verified: c.verified,
    paused: c.paused,
  };
}

const STATUS: Record<string, 'recognised' | 'pilot'> = {
  recognised: 'recognised',
  recognized: 'recognised',
  经认定: 'recognised',
  认定: 'recognised',
  pilot: 'pilot',
  培育试点: 'pilot',
  试点: 'pilot',
};

/** Runs `fn` with the registry's store (the seed file imported first, as the bot does). */
async function withStore<T>(env: Env, fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const store = await createStore(config.STORE_URL, { logger });
  try {
    await importSeedOnce(store);
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Reads `center <field>: <reason>` (the registry's validation message) into its parts. */
function problemOf(error: unknown, row: number): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^center ([\w.]*): (.*)$/s.exec(message);
  if (m) return { row, field: (m[1] ?? '').split('.')[0] ?? '', reason: m[2] ?? message };
  return { row, field: '', reason: message };
}

/** A raw imported record as the registry's input; problems it has before validation. */
function toInput(raw: Record<string, unknown>, row: number, registeredAt: string): CenterInput | ImportError {
  for (const key of Object.keys(raw)) {
    if (!(COLUMNS as readonly string[]).includes(key)) return { row, field: key, reason: 'unknown field' };
  }
  const text = (column: Column): string | undefined => {
    const v = raw[column];
    return v === undefined || v === null ? undefined : typeof v === 'string' ? v.trim() : String(v);
  };
  const statusText = text('status');
  let status: 'recognised' | 'pilot' | undefined;
  if (statusText) {
    status = STATUS[statusText.toLowerCase()];
    if (!status) return { row, field: 'status', reason: 'must be recognised or pilot' };
  }
  const chatsRaw = raw.chats;
  const chats = Array.isArray(chatsRaw)
    ? chatsRaw.map((c) => String(c).trim())
    : (text('chats') ?? '')
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean);
  return {
    name: text('name') ?? '',
    district: text('district') ?? '',
    field: text('field') ?? '',
    ...(status ? { status } : {}),
    recognized: text('recognized') ?? '',
    chats,
    verified: true,
    registeredBy: 'cli',
    registeredAt,
  };
}

/** The records of an import file, each a plain object. */
function readRecords(path: string): Record<string, unknown>[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CentersUsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const text = raw.replace(/^\uFEFF/, '');
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CentersUsageError(`${path} is not valid JSON`);
    }
    const list =
      json && typeof json === 'object' && !Array.isArray(json) ? (json as { centers?: unknown }).centers : json;
    if (!Array.isArray(list) || !list.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
      throw new CentersUsageError(`${path} must hold an array of centers (objects), or {"centers": [...]}`);
    }
    return list as Record<string, unknown>[];
  }
  if (ext === '.csv') {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw new CentersUsageError(`${path} is not valid CSV: ${(error as Error).message}`);
    }
    const header = rows.length ? Object.keys(rows[0] ?? {}) : [];
    const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
    if (unknown.length) {
      throw new CentersUsageError(
        `${path}: unknown column ${unknown.join(', ')}; the columns are ${COLUMNS.join(',')}`,
      );
    }
    // Empty cells are absent values, so defaults apply as in JSON.
    return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
  }
  throw new CentersUsageError(`${path}: import reads .json or .csv files`);
}

/**
 * Validates every record as the registry would store it (a dry run against an in-memory copy of
 * the registry, so duplicates within the file and with registered centers are found too).
 */
async function validate(
  store: Store,
  records: Record<string, unknown>[],
  registeredAt: string,
): Promise<{ good: CenterInput[]; errors: ImportError[] }> {
  const dry = new MemoryStore();
  for (const c of await listCenters(store)) await addCenter(dry, c);
  const good: CenterInput[] = [];
  const errors: ImportError[] = [];
  for (const [i, record] of records.entries()) {
    const row = i + 1;
    const input = toInput(record, row, registeredAt);
    if ('reason' in input) {
      errors.push(input);
      continue;
    }
    try {
      await addCenter(dry, input);
      good.push(input);
    } catch (error) {
      const problem = problemOf(error, row);
      errors.push(
        /already registered/.test(problem.reason) ? { row, field: 'name', reason: 'already registered' } : problem,
      );
    }
  }
  return { good, errors };
}

async function importFile(args: string[], env: Env): Promise<void> {
  const skipInvalid = args.includes('--skip-invalid');
  const rest = args.filter((a) => a !== '--skip-invalid');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new CentersUsageError(`unknown option ${unknown}`);
  if (rest.length !== 1)
    throw new CentersUsageError('centers import needs one file: centers import <file.json|file.csv>');
  const records = readRecords(rest[0] ?? '');
  await withStore(env, async (store) => {
    const { good, errors } = await validate(store, records, new Date().toISOString());
    if (errors.length && !skipInvalid) {
      process.stdout.write(`${JSON.stringify(errors)}\n`);
      process.stderr.write(`nothing imported: ${errors.length} of ${records.length} centers are invalid\n`);
      process.exitCode = 1;
      return;
    }
    for (const input of good) await addCenter(store, input);
    process.stdout.write(`${JSON.stringify(errors)}\n`);
    process.stderr.write(`imported ${good.length} centers${errors.length ? `, skipped ${errors.length}` : ''}\n`);
    if (errors.length) process.exitCode = 1;
  });
}

/** Reads `--key value` / `--key=value` options; `--chat` may repeat. */
function readOptions(args: string[], allowed: readonly string[]): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    const m = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(a);
    if (!m?.[1]) throw new CentersUsageError(`unexpected argument ${a}`);
    if (!allowed.includes(m[1])) throw new CentersUsageError(`unknown option --${m[1]}`);
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new CentersUsageError(`--${m[1]} needs a value`);
    options.set(m[1], [...(options.get(m[1]) ?? []), value]);
  }
  return options;
}

async function add(args: string[], env: Env): Promise<void> {
  const options = readOptions(args, ['name', 'recognized', 'status', 'district', 'field', 'chat']);
  const one = (key: string): string | undefined => {
    const values = options.get(key);
    if (values && values.length > 1) throw new CentersUsageError(`--${key} given twice`);
    return values?.[0];
  };
  const name = one('name');
  const recognized = one('recognized');
  if (!name || !recognized) throw new CentersUsageError('centers add needs --name and --recognized');
  const statusText = one('status');
  const status = statusText === undefined ? 'recognised' : STATUS[statusText.toLowerCase()];
  if (!status) throw new CentersUsageError('--status takes recognised or pilot');
  const input: CenterInput = {
    name,
    recognized,
    status,
    district: one('district') ?? '',
    field: one('field') ?? '',
    chats: options.get('chat') ?? [],
    verified: true,
    registeredBy: 'cli',
    registeredAt: new Date().toISOString(),
  };
  // Invalid values are usage errors (exit 2), checked before the store is opened.
  try {
    await addCenter(new MemoryStore(), input);
  } catch (error) {
    const problem = problemOf(error, 1);
    throw new CentersUsageError(`--${problem.field === 'chats' ? 'chat' : problem.field}: ${problem.reason}`);
  }
  const center = await withStore(env, (store) => addCenter(store, input));
  process.stdout.write(`${JSON.stringify(centerForJson(center))}\n`);
}

async function list(args: string[], env: Env): Promise<void> {
  const json = args.includes('--json');
  const unknown = args.find((a) => a !== '--json');
  if (unknown) throw new CentersUsageError(`unknown option ${unknown}`);
  const centers = await withStore(env, (store) => listCenters(store));
  if (json) {
    process.stdout.write(`${JSON.stringify(centers.map(centerForJson))}\n`);
    return;
  }
  for (const c of centers) {
    const flags = [c.status, c.verified ? 'verified' : 'unverified', ...(c.paused ? ['paused'] : [])].join(', ');
    process.stdout.write(
      `${c.recognized}  ${c.name}  ${c.district || '-'}  ${c.field || '-'}  (${flags})  ${c.chats.join(' ') || '-'}\n`,
    );
  }
}

/**
 * Runs `centers <add|import|list> …` against the store `env.STORE_URL` names. Usage errors print the usage on stderr and exit 2; an
 * import with invalid rows exits 1; a center registered twice is a `usage` BotError (exit 1).
 */
export async function centers(args: string[], env: Env): Promise<void> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'add':
        return await add(rest, env);
      case 'import':
        return await importFile(rest, env);
      case 'list':
        return await list(rest, env);
      default:
        throw new CentersUsageError(sub ? `unknown centers command ${sub}` : 'centers needs a command');
    }
  } catch (error) {
    if (!(error instanceof CentersUsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  }
}
