/**
 * @module reminders/subscribe
 * The chat side of subscriptions: `/subscribe` (a dialog asking, one step at a time, the center's
 * name, district, 认定日期 and status, then registering it unverified and bound to this chat; or,
 * given the name of a registered center, binding this chat to it), `/reminders` (the upcoming
 * reminders of this chat's centers) and `/unsubscribe`. Input that does not read never advances
 * the dialog and never changes what is stored.
 */
import {
  addCenter,
  bindChat,
  type Center,
  centersOfChat,
  findCenterByName,
  normalizeCenterName,
  unbindChat,
} from '../centers/index.ts';
import { BotError } from '../errors.ts';
import type { Turn } from '../feature.ts';
import { hasContent } from '../input.ts';
import type { KnowledgeBase } from '../knowledge-base/index.ts';
import type { ChatRef, Choice, Clock, Locale, Reply, Store } from '../ports.ts';
import type { Districts } from './districts.ts';
import { type CenterStatus, type RemindersMessages, remindersMessages } from './messages.ts';
import { deadlinesOf, type PlannedSend, shanghaiDate } from './plan-view.ts';
import { parseRecognitionDate } from './recognition-date.ts';
import { MAX_CENTER_NAME, type SubscribeState, type SubscribeStateStore } from './subscribe-state.ts';

/** The prefix of the subscribe dialog's buttons (under the feature's `rem:`). */
export const SUBSCRIBE_PREFIX = 'rem:sub:';
/** The prefix of `/unsubscribe`'s buttons. */
export const UNSUBSCRIBE_PREFIX = 'rem:unsub:';

const CANCEL = /^(取消|退出|不订了|cancel|quit|stop|exit)$/i;
const STATUS_WORDS: [CenterStatus, RegExp][] = [
  ['recognised', /^(1|经认定|已认定|认定|正式|recognised|recognized)$/i],
  ['pilot', /^(2|培育试点|试点|培育|pilot)$/i],
];

/** What the subscriptions need. */
export interface SubscriptionsDeps {
  store: Store;
  knowledge: KnowledgeBase;
  clock: Clock;
  dialogs: SubscribeStateStore;
  districts: Districts;
  /** Planned sends for these centers with send times in [from, to). */
  plan(centers: readonly Center[], from: Date, to: Date): Promise<readonly PlannedSend[]>;
  /** The next planned sends for the chat's centers, soonest first. */
  upcoming(chat: ChatRef, limit: number): Promise<readonly PlannedSend[]>;
  /** Called after a center is registered or a chat bound or unbound (the engine re-plans). */
  changed(): Promise<void>;
}

/** The subscriptions' behaviour, as the feature calls it. */
export interface Subscriptions {
  /** `/subscribe [name]`. */
  subscribe(turn: Turn, arg: string): Promise<Reply[]>;
  /** Free text: handled while a dialog is open, else `undefined`. */
  text(turn: Turn): Promise<Reply[] | undefined>;
  /** When this user's open subscribe dialog in this chat was last touched; `undefined` when none is open. */
  session(turn: Turn): Promise<{ touchedAt: Date } | undefined>;
  /** A press of a `rem:sub:` or `rem:unsub:` button. */
  choice(turn: Turn & { choice: string }): Promise<Reply[]>;
  /** `/reminders`. */
  reminders(turn: Turn): Promise<Reply[]>;
  /** `/unsubscribe [name]`. */
  unsubscribe(turn: Turn, arg: string): Promise<Reply[]>;
}

/** How far ahead the confirmation looks for a center's next deadlines. */
const CONFIRM_HORIZON_MS = 4 * 366 * 24 * 60 * 60 * 1000;
/** How many reminders `/reminders` lists. */
const UPCOMING_LIMIT = 10;

type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

/** Reads a typed center name; an empty, contentless or over-long one is refused. */
function checkName(raw: string, m: RemindersMessages): NameCheck {
  const name = raw.trim();
  if (name === '' || !hasContent(name)) return { ok: false, reason: m.nameEmpty };
  if ([...name].length > MAX_CENTER_NAME) return { ok: false, reason: m.nameTooLong(MAX_CENTER_NAME) };
  return { ok: true, name };
}

/** Builds the subscriptions. */
export function createSubscriptions(deps: SubscriptionsDeps): Subscriptions {
  const { store, knowledge, clock, dialogs, districts } = deps;
  const nowIso = (): string => clock.now().toISOString();
  const label = (clause: string): string => knowledge.clause(clause)?.label ?? clause;

  const cancelChoice = (m: RemindersMessages): Choice => ({
    label: m.cancelButton,
    value: `${SUBSCRIBE_PREFIX}cancel`,
  });

  /** The question of the current step, with `head` lines above it. */
  const question = (state: SubscribeState, locale: Locale, head: string[] = []): Reply => {
    const m = remindersMessages(locale);
    const lines = [...head];
    const choices: Choice[] = [];
    switch (state.step) {
      case 'name':
        lines.push(m.askName(MAX_CENTER_NAME));
        break;
      case 'district':
        lines.push(m.askDistrict(state.name ?? ''));
        break;
      case 'recognized':
        lines.push(m.askRecognized);
        break;
      case 'status':
        lines.push(m.askStatus);
        for (const status of ['recognised', 'pilot'] as const) {
          choices.push({ label: m.statusLabel(status), value: `${SUBSCRIBE_PREFIX}status:${status}` });
        }
        break;
    }
    if (state.step !== 'name') lines.push(m.cancelHint);
    choices.push(cancelChoice(m));
    return { text: lines.join('\n'), choices };
  };

  const save = (turn: Turn, state: SubscribeState): Promise<void> =>
    dialogs.write(turn.chat, turn.user, { ...state, updatedAt: nowIso() });

  /** The next deadline of each duty of `center`, as lines. */
  const nextDeadlines = async (center: Center, locale: Locale): Promise<string[]> => {
    const m = remindersMessages(locale);
    const now = clock.now();
    const sends = await deps.plan([center], now, new Date(now.getTime() + CONFIRM_HORIZON_MS));
    const firstPerDuty = new Map<string, ReturnType<typeof deadlinesOf>[number]>();
    for (const d of deadlinesOf(sends)) if (!firstPerDuty.has(d.duty)) firstPerDuty.set(d.duty, d);
    const lines = [...firstPerDuty.values()].map((d) =>
      m.deadline({
        due: d.due,
        duty: d.duty,
        center: d.center,
        clause: label(d.clause),
        next: shanghaiDate(d.firstSend),
      }),
    );
    return lines.length ? [m.deadlinesHeading, ...lines] : [m.noDeadlines];
  };

  /** Binds this chat to a registered center. */
  const bind = async (turn: Turn, center: Center): Promise<Reply[]> => {
    const m = remindersMessages(turn.locale);
    const result = await bindChat(store, center.id, turn.chat);
    if (!result) return [{ text: m.staleButton }];
    if (result.changed) await deps.changed();
    const head = result.changed ? m.bound(center.name) : m.alreadyBound(center.name);
    return [{ text: [head, '', ...(await nextDeadlines(result.center, turn.locale))].join('\n') }];
  };

  /** Registers the center the finished dialog describes, bound to this chat. */
  const register = async (turn: Turn, state: SubscribeState, status: CenterStatus): Promise<Reply[]> => {
    const m = remindersMessages(turn.locale);
    const { name, district, recognized } = state;
    if (!name || !district || !recognized) {
      // Cannot happen with a validated record; start over rather than store a partial center.
      const fresh: SubscribeState = { v: 1, step: 'name', startedAt: nowIso(), updatedAt: nowIso() };
      await save(turn, fresh);
      return [question(fresh, turn.locale)];
    }
    let center: Center;
    try {
      center = await addCenter(store, {
        name,
        district,
        status,
        recognized,
        chats: [turn.chat],
        verified: false,
        registeredBy: turn.user,
        registeredAt: nowIso(),
      });
    } catch (error) {
      // Registered meanwhile (another chat, the CLI): subscribe to that one.
      const existing = error instanceof BotError ? await findCenterByName(store, name) : undefined;
      if (!existing) throw error;
      await dialogs.remove(turn.chat, turn.user);
      return bind(turn, existing);
    }
    await dialogs.remove(turn.chat, turn.user);
    await deps.changed();
    const text = [
      m.registered({ name: center.name, district: center.district, recognized: center.recognized, status }),
      '',
      ...(await nextDeadlines(center, turn.locale)),
      '',
      m.unverifiedNote,
    ];
    return [{ text: text.join('\n') }];
  };

  /** Reads the answer to the current step; nothing is written when it does not read. */
  const answer = async (turn: Turn, state: SubscribeState, raw: string): Promise<Reply[]> => {
    const m = remindersMessages(turn.locale);
    switch (state.step) {
      case 'name': {
        const checked = checkName(raw, m);
        if (!checked.ok) return [question(state, turn.locale, [checked.reason])];
        const existing = await findCenterByName(store, checked.name);
        if (existing) {
          await dialogs.remove(turn.chat, turn.user);
          return bind(turn, existing);
        }
        const next: SubscribeState = { ...state, step: 'district', name: checked.name };
        await save(turn, next);
        return [question(next, turn.locale)];
      }
      case 'district': {
        const district = districts.match(raw);
        if (!district) return [question(state, turn.locale, [m.districtUnknown])];
        const next: SubscribeState = { ...state, step: 'recognized', district: district.name };
        await save(turn, next);
        return [question(next, turn.locale)];
      }
      case 'recognized': {
        const date = parseRecognitionDate(raw, clock.now());
        if (!date.ok) return [question(state, turn.locale, [m.dateRefused(date.reason)])];
        const next: SubscribeState = { ...state, step: 'status', recognized: date.date };
        await save(turn, next);
        return [question(next, turn.locale)];
      }
      case 'status': {
        const bare = raw.normalize('NFKC').trim();
        const status = STATUS_WORDS.find(([, re]) => re.test(bare))?.[0];
        if (!status) return [question(state, turn.locale, [m.statusUnknown])];
        return register(turn, state, status);
      }
    }
  };

  const cancel = async (turn: Turn): Promise<Reply[]> => {
    const m = remindersMessages(turn.locale);
    const removed = await dialogs.remove(turn.chat, turn.user);
    return [{ text: removed ? m.cancelled : m.noDialog }];
  };

  return {
    async subscribe(turn, arg) {
      const m = remindersMessages(turn.locale);
      if (CANCEL.test(arg)) return cancel(turn);
      const open = await dialogs.read(turn.chat, turn.user);
      if (arg === '') {
        if (open) return [question(open, turn.locale)];
        const fresh: SubscribeState = { v: 1, step: 'name', startedAt: nowIso(), updatedAt: nowIso() };
        await save(turn, fresh);
        return [question(fresh, turn.locale)];
      }
      const checked = checkName(arg, m);
      if (!checked.ok) return [{ text: checked.reason }];
      const existing = await findCenterByName(store, checked.name);
      if (existing) {
        if (open) await dialogs.remove(turn.chat, turn.user);
        return bind(turn, existing);
      }
      // A new center: the dialog starts with its name given.
      const started: SubscribeState = {
        v: 1,
        step: 'district',
        name: checked.name,
        startedAt: nowIso(),
        updatedAt: nowIso(),
      };
      await save(turn, started);
      return [question(started, turn.locale)];
    },

    async session(turn) {
      const state = await dialogs.read(turn.chat, turn.user);
      return state ? { touchedAt: new Date(state.updatedAt) } : undefined;
    },

    async text(turn) {
      const state = await dialogs.read(turn.chat, turn.user);
      if (!state) return undefined;
      if (CANCEL.test(turn.text.replace(/[\s。.!！]+$/u, ''))) return cancel(turn);
      // A question asked instead of an answer: answered from the plan, then the question again.
      if (/[?？]$/.test(turn.text)) {
        const policy = await turn.askPolicy(turn.text);
        if (policy) return [policy, question(state, turn.locale)];
      }
      return answer(turn, state, turn.text);
    },

    async choice(turn) {
      const m = remindersMessages(turn.locale);
      if (turn.choice.startsWith(UNSUBSCRIBE_PREFIX)) {
        const id = turn.choice.slice(UNSUBSCRIBE_PREFIX.length);
        const result = await unbindChat(store, id, turn.chat);
        if (!result?.changed) return [{ text: m.staleButton }];
        await deps.changed();
        return [{ text: m.unsubscribed(result.center.name) }];
      }
      const [kind, arg] = turn.choice.slice(SUBSCRIBE_PREFIX.length).split(':');
      if (kind === 'cancel') return cancel(turn);
      const state = await dialogs.read(turn.chat, turn.user);
      if (!state) return [{ text: m.noDialog }];
      if (kind === 'status' && state.step === 'status' && (arg === 'recognised' || arg === 'pilot')) {
        return register(turn, state, arg);
      }
      return [question(state, turn.locale, [m.staleButton])];
    },

    async reminders(turn) {
      const m = remindersMessages(turn.locale);
      const centers = await centersOfChat(store, turn.chat);
      if (!centers.length) return [{ text: m.noCenters }];
      const sends = await deps.upcoming(turn.chat, UPCOMING_LIMIT);
      if (!sends.length) return [{ text: m.noUpcoming(centers.map((c) => c.name)) }];
      const lines = sends.map((s) =>
        m.upcoming({
          sendOn: shanghaiDate(s.sendAt),
          due: s.due,
          duty: s.duty,
          center: s.center,
          clause: label(s.clause),
        }),
      );
      return [{ text: [m.remindersHeading, ...lines].join('\n') }];
    },

    async unsubscribe(turn, arg) {
      const m = remindersMessages(turn.locale);
      const centers = await centersOfChat(store, turn.chat);
      if (!centers.length) return [{ text: m.noCenters }];
      let target: Center | undefined;
      if (arg) {
        const wanted = normalizeCenterName(arg);
        target = centers.find((c) => normalizeCenterName(c.name) === wanted);
        if (!target) return [{ text: m.notSubscribed(arg.slice(0, MAX_CENTER_NAME)) }];
      } else if (centers.length === 1) {
        target = centers[0];
      } else {
        return [
          {
            text: m.unsubscribePick,
            choices: centers.map((c) => ({ label: c.name, value: `${UNSUBSCRIBE_PREFIX}${c.id}` })),
          },
        ];
      }
      if (!target) return [{ text: m.noCenters }];
      const result = await unbindChat(store, target.id, turn.chat);
      if (result?.changed) await deps.changed();
      return [{ text: m.unsubscribed(target.name) }];
    },
  };
}
