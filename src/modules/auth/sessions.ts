// Signing in and out, and turning a session cookie or an API token into an Actor.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../context.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, codeDetail } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { dayMs } from '../../lib/calendar.ts';
import { verifyPasswordOrPretend } from './passwords.ts';
import { rolePermissions, type Permission } from './permissions.ts';
import * as store from './store.ts';
import { markApiTokenUsed } from './store/signIn.ts';
import { claimTurns, forgiveEmail, giveBack, signInKeys } from './throttle.ts';

export const sessionCookie = 'steward_session';
/** A session unused this long ends. */
export const sessionIdleMs = 14 * dayMs;
/** However often it is used, a session ends this long after sign-in: sign in again. */
export const sessionAbsoluteMs = 30 * dayMs;
/** Refresh a session's expiry (and a token's last use) at most this often, not on every request. */
const touchMs = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Signs a person in. Each attempt first claims a turn for the e-mail and the client address
 * (throttle.ts), and the same scrypt work is done whether or not the e-mail has an account.
 */
export async function signIn(
  db: Db,
  clock: Clock,
  attempt: { email: string; password: string; address: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const now = clock.now();
  const keys = signInKeys(attempt.email, attempt.address);
  await claimTurns(db, keys, now);

  const user = await store.findUserByEmail(db, attempt.email);
  const matches = await verifyPasswordOrPretend(attempt.password, user?.password_hash);
  if (!user || !matches || user.deactivated_at !== null) {
    throw new AppError('auth.invalid_credentials', codeDetail('auth.invalid_credentials'));
  }

  await forgiveEmail(db, attempt.email);
  await giveBack(db, keys.slice(1));
  const token = newSecret('');
  // The cookie lives as long as the session can; the idle expiry is the database's to keep.
  const expiresAt = new Date(now.getTime() + sessionAbsoluteMs);
  await store.insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id as UserId,
    workspaceId: user.workspace_id as WorkspaceId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + sessionIdleMs),
  });
  return {
    token,
    expiresAt,
    actor: {
      userId: user.id as UserId,
      workspaceId: user.workspace_id as WorkspaceId,
      role: user.role,
      permissions: new Set(rolePermissions[user.role]),
      locale: user.locale,
      timeZone: user.timezone,
      via: 'session',
    },
  };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await store.deleteSession(db, hashToken(token));
}

export async function actorFromSession(
  db: Db,
  clock: Clock,
  token: string,
): Promise<Actor | undefined> {
  const now = clock.now();
  const tokenHash = hashToken(token);
  const user = await store.findSessionUser(
    db,
    tokenHash,
    now,
    new Date(now.getTime() - sessionAbsoluteMs),
  );
  if (!user) return undefined;
  if (now.getTime() - user.last_seen_at.getTime() > touchMs) {
    const idleEnd = now.getTime() + sessionIdleMs;
    const absoluteEnd = user.created_at.getTime() + sessionAbsoluteMs;
    await store.touchSession(db, tokenHash, now, new Date(Math.min(idleEnd, absoluteEnd)));
  }
  return {
    userId: user.id as UserId,
    workspaceId: user.workspace_id as WorkspaceId,
    role: user.role,
    permissions: new Set(rolePermissions[user.role]),
    locale: user.locale,
    timeZone: user.timezone,
    via: 'session',
  };
}

/** A token acts as its user, limited to its scopes: never more than the user's role allows now. */
export async function actorFromApiToken(db: Db, clock: Clock, token: string): Promise<Actor> {
  const now = clock.now();
  const found = await store.findTokenUser(db, hashToken(token), now);
  if (!found) throw new AppError('auth.unauthenticated', { key: 'auth.problem.tokenNotValid' });
  if (!found.last_used_at || now.getTime() - found.last_used_at.getTime() > touchMs) {
    await markApiTokenUsed(db, found.token_id, now);
  }
  const allowed = new Set<Permission>(rolePermissions[found.role]);
  return {
    userId: found.id as UserId,
    workspaceId: found.workspace_id as WorkspaceId,
    role: found.role,
    permissions: new Set(found.scopes.filter((s): s is Permission => allowed.has(s as Permission))),
    locale: found.locale,
    timeZone: found.timezone,
    via: 'token',
  };
}
