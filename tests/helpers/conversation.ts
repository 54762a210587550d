/**
 * A conversation driver: pushes messages through the real core and lets a test read the replies
 * as a user would see them.
 */
import { composeCore } from '../../adapters/compose.ts';
import {
  type BotCore,
  type Clock,
  type Logger,
  loadKnowledge,
  MemoryStore,
  type Reply,
  type Store,
} from '../../src/index.ts';

/** A logger that keeps what it was given, for assertions. */
export function createRecordingLogger(): Logger & {
  records: { level: string; obj: Record<string, unknown>; msg?: string }[];
} {
  const records: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg?: string) => {
    records.push({ level, obj, ...(msg ? { msg } : {}) });
  };
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let sharedKnowledge: ReturnType<typeof loadKnowledge> | undefined;
/** The shipped knowledge base, loaded once per test file. */
export function knowledge() {
  sharedKnowledge ??= loadKnowledge();
  return sharedKnowledge;
}

/** A user talking to a fresh core. */
export function createConversation(options: { store?: Store; user?: string; clock?: Clock } = {}) {
  const store = options.store ?? new MemoryStore();
  const logger = createRecordingLogger();
  const core: BotCore = composeCore({
    knowledge: knowledge(),
    store,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const user = (options.user ?? 'telegram:42') as `telegram:${string}`;
  const base = { platform: 'telegram', chat: 'telegram:42', user } as const;
  let last: Reply[] = [];
  return {
    core,
    store,
    logger,
    async send(text: string): Promise<Reply[]> {
      last = await core.handle({ ...base, text });
      return last;
    },
    async press(value: string): Promise<Reply[]> {
      last = await core.handle({ ...base, choice: value });
      return last;
    },
    /** The text of all replies of the last turn, joined. */
    get text(): string {
      return last.map((r) => r.text).join('\n');
    },
    get replies(): Reply[] {
      return last;
    },
  };
}

/** Every live entry of a store, sorted by key: compare two to see whether a turn changed any state. */
export async function storeSnapshot(store: Store): Promise<[string, unknown][]> {
  const out: [string, unknown][] = [];
  for await (const e of store.entries('')) out.push(e);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}
