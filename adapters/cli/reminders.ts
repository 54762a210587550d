/**
 * @module adapters/cli/reminders
 * `npm run -s cli -- reminders …`: the reminder schedule as operators see it.
 *
 * - `reminders plan --json --from YYYY-MM-DD --to YYYY-MM-DD`: every pending reminder whose send
 *   time falls in [from 00:00, to 24:00) +08:00, sorted by send time, as one JSON array of
 *   `{"centerId","center","duty","clause","period","due","sendAt","stage","chat"?}` (one element
 *   per chat; none for a center without chats).
 * - `reminders tick --now <ISO>`: sends what is due at that instant and not yet sent, through a
 *   stand-in platform that delivers by printing one line per reminder (center, duty, stage, chat,
 *   tab-separated); run again at the same instant it prints nothing more.
 *
 * Centers come from the `STORE_URL` store (as `check` reads them). Usage errors exit 2.
 */
import {
  type ChatRef,
  type Clock,
  type Config,
  createReminderEngine,
  formatSendAt,
  importSeedOnce,
  listCenters,
  loadConfig,
  loadDuties,
  loadKnowledge,
  localInstant,
  type Messenger,
  type PlannedReminder,
  reminderSettingsFrom,
  type Store,
} from '../../src/index.ts';
import { createLogger } from '../logger.ts';
import { createStore } from '../storage/index.ts';

/** The usage lines of the reminders commands. */
export const REMINDERS_USAGE = `  reminders plan --json --from YYYY-MM-DD --to YYYY-MM-DD
                            pending reminders sent in [from, to] (+08:00), one JSON array
  reminders tick --now <ISO 8601>
                            send what is due at that instant; one line per reminder sent`;

class RemindersUsageError extends Error {}

const DAY_MS = 86_400_000;

/** One element of `reminders plan --json`. */
export interface PlanRow {
  centerId: string;
  center: string;
  duty: string;
  clause: string;
  period: string;
  due: string;
  sendAt: string;
  stage: string;
  chat?: string;
}

/** The rows of `plan --json` for pending reminders: one per chat, none-chat rows without `chat`. */
export function planRows(reminders: readonly PlannedReminder[]): PlanRow[] {
  return reminders.flatMap((r) => {
    const row = {
      centerId: r.centerId,
      center: r.center,
      duty: r.duty,
      clause: r.clause,
      period: r.period,
      due: r.due,
      sendAt: formatSendAt(r.sendAt),
      stage: r.stage,
    };
    return r.chats.length === 0 ? [row] : r.chats.map((chat) => ({ ...row, chat }));
  });
}

function parseDay(flag: string, value: string | undefined): string {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new RemindersUsageError(`${flag} takes a date YYYY-MM-DD`);
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new RemindersUsageError(`${flag} ${value} is not a calendar date`);
  }
  return value;
}

/** Reads `--flag value` and `--flag=value` options; rejects unknown ones and stray arguments. */
function options(args: string[], known: readonly string[], booleans: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    if (!a.startsWith('--')) throw new RemindersUsageError(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (booleans.includes(name)) {
      out.set(name, 'true');
      continue;
    }
    if (!known.includes(name)) throw new RemindersUsageError(`unknown option ${name}`);
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new RemindersUsageError(`${name} needs a value`);
    out.set(name, value);
  }
  return out;
}

async function withStore<T>(config: Config, clock: Clock | undefined, body: (store: Store) => Promise<T>): Promise<T> {
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const store = await createStore(config.STORE_URL, clock ? { logger, clock } : { logger });
  try {
    await importSeedOnce(store);
    return await body(store);
  } finally {
    await store.close();
  }
}

function engineOver(store: Store, config: Config, clock: Clock, messenger: Messenger) {
  const knowledge = loadKnowledge();
  return createReminderEngine({
    store,
    clock,
    messenger,
    logger: createLogger(config.LOG_LEVEL ?? 'warn'),
    knowledge,
    duties: loadDuties(knowledge),
    settings: reminderSettingsFrom(config),
    centers: () => listCenters(store),
    locale: config.LANG_DEFAULT,
  });
}

async function plan(args: string[], env: Record<string, string | undefined>): Promise<void> {
  const opts = options(args, ['--from', '--to'], ['--json']);
  if (!opts.has('--json')) throw new RemindersUsageError('reminders plan needs --json');
  const from = parseDay('--from', opts.get('--from'));
  const to = parseDay('--to', opts.get('--to'));
  if (to < from) throw new RemindersUsageError('--to is before --from');
  const config = loadConfig(env);
  const systemClock: Clock = { now: () => new Date() };
  const rows = await withStore(config, undefined, async (store) => {
    const engine = engineOver(store, config, systemClock, { send: async () => 'failed' });
    const start = localInstant(from);
    const end = new Date(localInstant(to).getTime() + DAY_MS);
    return planRows(await engine.pending(start, end));
  });
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

async function tick(args: string[], env: Record<string, string | undefined>): Promise<void> {
  const opts = options(args, ['--now'], []);
  const raw = opts.get('--now');
  if (raw === undefined) throw new RemindersUsageError('reminders tick needs --now <ISO 8601 instant>');
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ||
    Number.isNaN(Date.parse(raw))
  ) {
    throw new RemindersUsageError(`--now ${raw} is not an ISO 8601 instant such as 2026-01-01T09:00:00+08:00`);
  }
  const now = new Date(raw);
  const config = loadConfig(env);
  const clock: Clock = { now: () => new Date(now.getTime()) };
  const lines = await withStore(config, clock, async (store) => {
    // The stand-in platform: a delivery is the line printed below, so every send succeeds.
    const stdoutPlatform: Messenger = { send: async () => 'ok' };
    const engine = engineOver(store, config, clock, stdoutPlatform);
    const reports = await engine.tick(now);
    return reports
      .filter((r) => r.result === 'ok')
      .flatMap((r) => r.reminders.map((x) => [x.center, x.duty, x.stage, r.chat as ChatRef].join('\t')));
  });
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Runs `reminders <plan|tick> …`. Usage errors are reported on stderr with exit code 2 here, so
 * the CLI's dispatcher needs only one line for this command.
 *
 * @param env the process environment (read only by the CLI's `main.ts`)
 */
export async function reminders(args: string[], env: Record<string, string | undefined>): Promise<void> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'plan') return await plan(rest, env);
    if (sub === 'tick') return await tick(rest, env);
    throw new RemindersUsageError(
      sub === undefined ? 'reminders needs plan or tick' : `unknown reminders command ${sub}`,
    );
  } catch (error) {
    if (!(error instanceof RemindersUsageError)) throw error;
    process.stderr.write(`${error.message}\nusage: npm run -s cli -- <command>\n${REMINDERS_USAGE}\n`);
    process.exitCode = 2;
  }
}
