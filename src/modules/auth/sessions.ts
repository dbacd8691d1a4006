// Signing in and out, and turning a session cookie or an API token into an Actor.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../context.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { dayMs } from '../../lib/calendar.ts';
import { verifyPassword } from './passwords.ts';
import { rolePermissions, type Permission } from './permissions.ts';
import * as store from './store.ts';

export const sessionCookie = 'steward_session';
const sessionLifetimeMs = 30 * dayMs;
/** Refresh a session's expiry at most this often, not on every request. */
const sessionTouchMs = 60_000;

/** Sign-in throttling: this many failures in the window lock out an address (or a client). */
export const throttle = { perEmail: 5, perIp: 30, windowMs: 15 * 60_000 };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export async function signIn(
  db: Db,
  clock: Clock,
  attempt: { email: string; password: string; ip: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const now = clock.now();
  const since = new Date(now.getTime() - throttle.windowMs);
  const recent = await store.countRecentFailures(db, attempt.email, attempt.ip, since);
  if (Number(recent.by_email) >= throttle.perEmail || Number(recent.by_ip) >= throttle.perIp) {
    const oldest = recent.oldest ? new Date(recent.oldest).getTime() : now.getTime();
    const retryAfter = Math.max(1, Math.ceil((oldest + throttle.windowMs - now.getTime()) / 1000));
    throw new AppError(
      'auth.throttled',
      `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
      { headers: { 'retry-after': String(retryAfter) } },
    );
  }

  const user = await store.findUserByEmail(db, attempt.email);
  const valid =
    user?.password_hash != null &&
    user.deactivated_at === null &&
    (await verifyPassword(attempt.password, user.password_hash));
  if (!user || !valid) {
    await store.recordFailure(db, attempt.email, attempt.ip, now);
    throw new AppError('auth.invalid_credentials', 'The e-mail or the password is not right.');
  }

  await store.clearFailures(db, attempt.email);
  const token = newSecret('');
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await store.insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id as UserId,
    workspaceId: user.workspace_id as WorkspaceId,
    expiresAt,
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
  const user = await store.findSessionUser(db, tokenHash, now);
  if (!user) return undefined;
  if (now.getTime() - user.last_seen_at.getTime() > sessionTouchMs) {
    await store.touchSession(db, tokenHash, now, new Date(now.getTime() + sessionLifetimeMs));
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
  const found = await store.findTokenUser(db, hashToken(token), clock.now());
  if (!found)
    throw new AppError('auth.unauthenticated', 'The API token is not valid, or was revoked.');
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
