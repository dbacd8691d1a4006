// SQL for signing in safely: per-key throttles claimed in one statement, password changes and
// reset links, API token use, and the daily clean-up of what has ended.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';

/**
 * Claims one sign-in attempt for a key (an e-mail or a client address) in one statement:
 * counted as a failure at once (a success gives it back), unless the key must still wait.
 * The row's lock makes parallel attempts take their turns one by one, so ten at once get
 * exactly the free attempts and no more. Answers false when the key must wait.
 */
export async function claimSignInTurn(
  db: Db,
  claim: { key: string; now: Date; windowStart: Date; free: number; maxDelaySeconds: number },
): Promise<boolean> {
  const { key, now, windowStart, free, maxDelaySeconds } = claim;
  const next = sql<number>`(case when t.last_failed_at < ${windowStart} then 1 else t.failures + 1 end)`;
  const waitAfter = (failures: RawBuilder<number> | number) =>
    sql`case when ${failures} >= ${free}
      then ${now}::timestamptz + make_interval(secs => least(power(2, ${failures} - ${free}), ${maxDelaySeconds}))
      end`;
  const { rows } = await sql<{ failures: number }>`
    insert into sign_in_throttles as t (key, failures, last_failed_at, blocked_until)
    values (${key}, 1, ${now}, ${waitAfter(sql<number>`1`)})
    on conflict (key) do update set
      failures = ${next},
      last_failed_at = ${now},
      blocked_until = ${waitAfter(next)}
    where t.blocked_until is null or t.blocked_until <= ${now}
    returning failures`.execute(db);
  return rows.length > 0;
}

/** Gives back a claimed attempt that was not a failure (a success, or refused elsewhere). */
export async function refundSignInTurn(db: Db, key: string, free: number) {
  await sql`
    update sign_in_throttles set
      failures = greatest(failures - 1, 0),
      blocked_until = case when failures - 1 >= ${free} then blocked_until end
    where key = ${key}`.execute(db);
}

export function clearSignInThrottle(db: Db, key: string) {
  return db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}

/** Until when a key must wait, if it must. */
export async function signInBlockedUntil(db: Db, key: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sign_in_throttles')
    .select('blocked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.blocked_until ?? null;
}

/** The daily clean-up: throttles with no failure since `before` and no wait left. */
export async function deleteStaleThrottles(db: Db, before: Date, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_throttles')
    .where('last_failed_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The daily clean-up: sessions past their idle expiry or their absolute lifetime. */
export async function deleteEndedSessions(db: Db, now: Date, createdBefore: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('created_at', '<=', createdBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of a person but one (the one changing the password keeps theirs). */
export function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string | null) {
  return db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keepTokenHash !== null, (q) => q.where('token_hash', '!=', keepTokenHash ?? ''))
    .execute();
}

export function setPasswordHash(db: Db, userId: string, passwordHash: string, at: Date) {
  return db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

export function markApiTokenUsed(db: Db, tokenId: string, at: Date) {
  return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

export function insertPasswordReset(
  db: Db,
  reset: { workspaceId: string; userId: string; createdAt: Date; expiresAt: Date },
) {
  return db
    .insertInto('password_resets')
    .values({
      workspace_id: reset.workspaceId,
      user_id: reset.userId,
      created_at: reset.createdAt,
      expires_at: reset.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** When the person's latest reset link was made, if ever. */
export async function latestResetAt(db: Db, userId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('password_resets')
    .select('created_at')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** A reset with the person it is for (the e-mail job and the reset itself read it). */
export function findPasswordReset(db: Db, id: string, options: { lock: boolean }) {
  return db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.workspace_id',
      'r.user_id',
      'r.expires_at',
      'r.used_at',
      'u.email',
      'u.name',
      'u.locale',
      'u.timezone',
      'u.deactivated_at',
    ])
    .where('r.id', '=', id)
    .$if(options.lock, (q) => q.forUpdate('r'))
    .executeTakeFirst();
}

/** Every open reset of the person ends once one is used. */
export function markResetsUsed(db: Db, userId: string, at: Date) {
  return db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

export async function deleteOldResets(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('password_resets')
    .where('expires_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
