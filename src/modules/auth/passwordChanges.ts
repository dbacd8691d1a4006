// Ways to a new password: changing one's own (knowing the current one), a reset by e-mail
// link (knowing nothing but the inbox), and a new one given by someone else — an operator's
// `steward user set-password`, or a person who may manage people, in the app. Each ends the
// person's other sessions: whoever had the old password is signed out everywhere.
//
// A reset link's token is the reset's id signed with the install's key (lib/secrets.ts): the
// database keeps only the id, its expiry and whether it was used, so a copy of the database
// cannot reset anyone's password. The e-mail is sent by notify, which hears the
// `password_reset__requested` announcement made in the request's transaction.
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../context.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import type { UserId } from '../../lib/ids.ts';
import type { SecretBox } from '../../lib/secrets.ts';
import { announce } from '../../jobs/announce.ts';
import { recordAudit, type ChangeAuthor } from './audit.ts';
import type { AuditAction } from './auditActions.ts';
import { hashPassword, verifyPasswordOrPretend } from './passwords.ts';
import { hashToken } from './sessions.ts';
import * as store from './store.ts';
import * as signInStore from './store/signIn.ts';
import { claimTurns, emailKey, forgiveEmail, giveBack } from './throttle.ts';

/** A reset link works for an hour, once. */
export const resetLifetimeMs = 60 * 60_000;
/** One reset e-mail per person every few minutes, however often it is asked for. */
const resetEveryMs = 5 * 60_000;
const resetPurpose = 'password-reset';

async function replacePassword(
  db: Db,
  by: ChangeAuthor,
  user: { id: string; email: string },
  options: { password: string; now: Date; keepSession: string | null; action: AuditAction },
) {
  await signInStore.setPasswordHash(db, user.id, await hashPassword(options.password), options.now);
  await signInStore.deleteOtherSessions(db, user.id, options.keepSession);
  await signInStore.markResetsUsed(db, user.id, options.now);
  await forgiveEmail(db, user.email);
  await recordAudit(db, by, { action: options.action, entityType: 'user', entityId: user.id });
}

/**
 * A signed-in person changes their password: the current one must be right (a guess claims a
 * sign-in turn, as at sign-in), and every other session of theirs ends.
 */
export async function changePassword(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null },
): Promise<void> {
  const now = clock.now();
  const user = await store.findUser(db, actor.workspaceId, actor.userId);
  if (!user) throw new AppError('user.not_found', { key: 'auth.problem.youAreGone' });
  const keys = [emailKey(user.email)];
  await claimTurns(db, keys, now);
  if (!(await verifyPasswordOrPretend(input.currentPassword, user.password_hash))) {
    throw invalid([fieldProblem('currentPassword', 'auth.field.currentPassword')]);
  }
  await giveBack(db, keys);
  await db.transaction().execute((trx) =>
    replacePassword(trx, actor, user, {
      password: input.newPassword,
      now,
      keepSession: input.sessionToken ? hashToken(input.sessionToken) : null,
      action: 'user.password_changed',
    }),
  );
}

/**
 * Someone else gives a person a new password: the person had no way back in (no SMTP for a
 * reset link, a demo person whose password nobody knows), and every session of theirs ends.
 */
function givePassword(
  db: Db,
  by: ChangeAuthor,
  user: { id: string; email: string },
  input: { password: string; now: Date },
) {
  return db
    .transaction()
    .execute((trx) =>
      replacePassword(trx, by, user, { ...input, keepSession: null, action: 'user.password_set' }),
    );
}

/** An operator sets a person's password (`steward user set-password`). */
export async function setPassword(
  db: Db,
  clock: Clock,
  input: { email: string; password: string },
): Promise<{ id: UserId; email: string }> {
  const user = await store.findUserByEmail(db, input.email);
  if (!user)
    throw new AppError('user.not_found', {
      key: 'auth.problem.noUserWithEmail',
      params: { email: input.email },
    });
  await givePassword(
    db,
    { workspaceId: user.workspace_id as Actor['workspaceId'], userId: null },
    user,
    { password: input.password, now: clock.now() },
  );
  return { id: user.id as UserId, email: user.email };
}

/** A person who may manage people sets the password of someone in their workspace. */
export async function setUserPassword(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  input: { userId: string; password: string },
): Promise<void> {
  const user = await store.findUser(db, by.workspaceId, input.userId);
  if (!user) throw new AppError('user.not_found', { key: 'auth.problem.noUser' });
  await givePassword(db, by, user, { password: input.password, now: clock.now() });
}

/**
 * Someone asks for a reset link for an e-mail. The answer is the same whether or not the
 * e-mail has an account; a link is made (and mailed) only for an active person, at most one
 * every few minutes.
 */
export async function requestPasswordReset(
  db: Db,
  clock: Clock,
  input: { email: string },
): Promise<void> {
  const now = clock.now();
  const user = await store.findUserByEmail(db, input.email);
  if (!user || user.deactivated_at !== null) return;
  const latest = await signInStore.latestResetAt(db, user.id);
  if (latest && now.getTime() - latest.getTime() < resetEveryMs) return;
  await db.transaction().execute(async (trx) => {
    const reset = await signInStore.insertPasswordReset(trx, {
      workspaceId: user.workspace_id,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + resetLifetimeMs),
    });
    await announce(trx, 'password_reset__requested', { resetId: reset.id }, { runAt: now });
  });
}

export function resetToken(box: SecretBox, resetId: string): string {
  return `${resetId}.${box.sign(resetPurpose, resetId)}`;
}

/** What the reset e-mail says and to whom, while the link still works; undefined after. */
export async function passwordResetLetter(
  db: Db,
  box: SecretBox,
  input: { resetId: string; now: Date },
) {
  const reset = await signInStore.findPasswordReset(db, input.resetId, { lock: false });
  if (!reset || reset.used_at || reset.deactivated_at || reset.expires_at <= input.now) {
    return undefined;
  }
  return {
    resetId: reset.id,
    email: reset.email,
    name: reset.name,
    locale: reset.locale,
    timeZone: reset.timezone,
    token: resetToken(box, reset.id),
    expiresAt: reset.expires_at,
  };
}

const badLink = () =>
  new AppError(
    'password_reset.invalid',
    { key: 'auth.problem.resetLinkInvalid' },
    {
      errors: [fieldProblem('token', 'auth.field.resetToken')],
    },
  );

/** Sets a new password with a reset link's token; the link and every session then end. */
export async function resetPassword(
  db: Db,
  clock: Clock,
  box: SecretBox,
  input: { token: string; password: string },
): Promise<void> {
  const [resetId = '', signature = '', ...rest] = input.token.split('.');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (rest.length > 0 || !uuid.test(resetId) || !box.verify(resetPurpose, resetId, signature)) {
    throw badLink();
  }
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const reset = await signInStore.findPasswordReset(trx, resetId, { lock: true });
    if (!reset || reset.used_at || reset.deactivated_at || reset.expires_at <= now) {
      throw badLink();
    }
    await replacePassword(
      trx,
      { workspaceId: reset.workspace_id as Actor['workspaceId'], userId: reset.user_id as UserId },
      { id: reset.user_id, email: reset.email },
      { password: input.password, now, keepSession: null, action: 'user.password_reset' },
    );
  });
}
