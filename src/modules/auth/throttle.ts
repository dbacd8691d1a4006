// Guessing passwords is slowed down, never turned into a way to lock someone out. Each e-mail
// and each client address has a few free failures in a quarter of an hour; after that every
// further attempt first waits a delay that doubles with each failure (1 s, 2 s, 4 s …) up to a
// minute. A hard lock let anyone who knew an e-mail keep its owner out for fifteen minutes
// with five wrong passwords, and everyone behind one proxy out with thirty: with a delay, the
// owner waits a minute at most, while a guesser gets about one try a minute per e-mail.
//
// An attempt claims its turn before the password is checked, in one statement per key
// (store/signIn.ts), and gives it back when the password was right: parallel attempts cannot
// slip between a count and its record.
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/errors.ts';
import * as store from './store/signIn.ts';

export type ThrottleRule = { free: number; maxDelaySeconds: number };

export const signInRules = {
  email: { free: 5, maxDelaySeconds: 60 },
  /** Higher: many people may share an address (an office, a proxy not configured as trusted). */
  address: { free: 30, maxDelaySeconds: 60 },
  /** Failures older than this are forgotten. */
  windowMs: 15 * 60_000,
} as const;

export type ThrottleKey = { key: string; rule: ThrottleRule };

export const emailKey = (email: string): ThrottleKey => ({
  key: `email:${email.trim().toLowerCase()}`,
  rule: signInRules.email,
});

export function signInKeys(email: string, address: string): ThrottleKey[] {
  return [emailKey(email), { key: `address:${address}`, rule: signInRules.address }];
}

/** Claims an attempt for every key, or none: a key that must wait answers 429 with Retry-After. */
export async function claimTurns(db: Db, keys: readonly ThrottleKey[], now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - signInRules.windowMs);
  const claimed: ThrottleKey[] = [];
  for (const entry of keys) {
    const ok = await store.claimSignInTurn(db, {
      key: entry.key,
      now,
      windowStart,
      free: entry.rule.free,
      maxDelaySeconds: entry.rule.maxDelaySeconds,
    });
    if (!ok) {
      await giveBack(db, claimed);
      const until = await store.signInBlockedUntil(db, entry.key);
      const retryAfter = Math.max(1, Math.ceil(((until?.getTime() ?? 0) - now.getTime()) / 1000));
      throw new AppError(
        'auth.throttled',
        { key: 'auth.problem.throttled', params: { count: retryAfter } },
        { headers: { 'retry-after': String(retryAfter) } },
      );
    }
    claimed.push(entry);
  }
}

/** Gives back claimed attempts that were not failures. */
export async function giveBack(db: Db, keys: readonly ThrottleKey[]): Promise<void> {
  for (const entry of keys) await store.refundSignInTurn(db, entry.key, entry.rule.free);
}

/** After a right password (or a reset): the e-mail's failures are forgotten. */
export async function forgiveEmail(db: Db, email: string): Promise<void> {
  await store.clearSignInThrottle(db, emailKey(email).key);
}
