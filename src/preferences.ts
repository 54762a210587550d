/**
 * @module preferences
 * What the bot remembers about a user: for now, the language they chose with /lang.
 */
import { z } from 'zod';
import { StateError } from './errors.ts';
import type { Locale, Store, UserRef } from './ports.ts';

const preferencesSchema = z.object({
  v: z.literal(1),
  locale: z.enum(['zh-CN', 'en']),
});

const key = (user: UserRef): string => `user:${user}:prefs`;

/** Reads a user's language; `undefined` when they never chose one. */
export async function readLocale(store: Store, user: UserRef): Promise<Locale | undefined> {
  const raw = await store.get(key(user));
  if (raw === undefined) return undefined;
  const parsed = preferencesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StateError(`stored preferences of ${user} do not validate`, {
      code: 'state_corrupt',
      cause: parsed.error,
    });
  }
  return parsed.data.locale;
}

/** Stores a user's language. */
export async function writeLocale(store: Store, user: UserRef, locale: Locale): Promise<void> {
  await store.set(key(user), { v: 1, locale });
}
