/**
 * @module eligibility/dialog-state
 * Where a user's self-check dialog lives between messages: one versioned record per user in the
 * store, with a TTL renewed on every write, so an untouched dialog disappears by itself and a
 * restart of the process loses nothing. Records are validated on read; one that no longer
 * validates is dropped (the user starts over) rather than crashing their turns.
 */
import { z } from 'zod';
import type { Logger, Store, UserRef } from '../ports.ts';

const stateV1 = z.object({
  v: z.literal(1),
  /** Index of the question being asked; the number of questions means the summary is shown. */
  step: z.number().int().min(0),
  /** Raw answers as typed (or as a pressed button's label), by question id; skipped ones are absent. */
  answers: z.record(z.string(), z.string().max(2_000)),
  /** Options ticked so far on a multiple-choice question, before 完成. */
  picked: z.array(z.string()).default([]),
  /** The question is being changed from the summary: go back there after it. */
  editing: z.boolean().default(false),
  /** The user left with 退出: free text goes to Q&A again until /check resumes. */
  paused: z.boolean().default(false),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A user's dialog as stored. */
export type DialogState = z.infer<typeof stateV1>;

/** The stored report a user can fetch again and delete. */
const reportV1 = z.object({
  v: z.literal(1),
  answers: z.record(z.string(), z.string().max(2_000)),
  createdAt: z.iso.datetime(),
});

/** The answers behind a user's latest report. */
export type StoredReport = z.infer<typeof reportV1>;

const dialogKey = (user: UserRef): string => `eligibility:dialog:${user}`;
const reportKey = (user: UserRef): string => `eligibility:report:${user}`;

/** Reads and writes the dialog and report records of users. */
export interface DialogStore {
  read(user: UserRef): Promise<DialogState | undefined>;
  write(user: UserRef, state: DialogState): Promise<void>;
  remove(user: UserRef): Promise<boolean>;
  readReport(user: UserRef): Promise<StoredReport | undefined>;
  writeReport(user: UserRef, report: StoredReport): Promise<void>;
  removeReport(user: UserRef): Promise<boolean>;
}

/**
 * Builds the dialog store over the `Store` port.
 *
 * @param ttlMs how long an untouched dialog is kept (DIALOG_TTL_DAYS); reports are kept as long
 */
export function createDialogStore(store: Store, ttlMs: number, logger: Logger): DialogStore {
  const readValid = async <T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    const raw = await store.get(key);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    // An older or damaged record: losing an unfinished self-check is better than a user stuck
    // with an error on every message.
    logger.warn(
      { key: key.split(':').slice(0, 2).join(':'), issues: parsed.error.issues.length },
      'dropping a stored record that does not validate',
    );
    await store.delete(key);
    return undefined;
  };
  return {
    read: (user) => readValid(dialogKey(user), stateV1),
    write: (user, state) => store.set(dialogKey(user), state, ttlMs),
    remove: (user) => store.delete(dialogKey(user)),
    readReport: (user) => readValid(reportKey(user), reportV1),
    writeReport: (user, report) => store.set(reportKey(user), report, ttlMs),
    removeReport: (user) => store.delete(reportKey(user)),
  };
}
