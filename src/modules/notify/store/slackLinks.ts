// SQL for proven Slack links: the one-time codes people start a link with, the Slack team a
// workspace answers, and the member each person linked. Every query is scoped to the workspace.
import type { Db } from '../../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';

type Person = { workspaceId: WorkspaceId; userId: UserId };

/** Keeps a person's new code (its hash), replacing any code they had not used yet. */
export function saveLinkCode(
  db: Db,
  person: Person,
  code: { hash: string; expiresAt: Date; now: Date },
) {
  const row = { code_hash: code.hash, expires_at: code.expiresAt, created_at: code.now };
  return db
    .insertInto('slack_link_codes')
    .values({ workspace_id: person.workspaceId, user_id: person.userId, ...row })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(row))
    .execute();
}

/**
 * Takes the code with this hash out of the workspace, used or not in time: whoever deletes it
 * is the only one who gets it, so a code works once even when typed twice at the same moment.
 */
export function takeLinkCode(db: Db, workspaceId: WorkspaceId, hash: string) {
  return db
    .deleteFrom('slack_link_codes')
    .where('workspace_id', '=', workspaceId)
    .where('code_hash', '=', hash)
    .returning(['user_id', 'expires_at'])
    .executeTakeFirst();
}

/** When the person's code not used yet stops working, if they have one. */
export function pendingLinkCode(db: Db, person: Person) {
  return db
    .selectFrom('slack_link_codes')
    .select('expires_at')
    .where('workspace_id', '=', person.workspaceId)
    .where('user_id', '=', person.userId)
    .executeTakeFirst();
}

/** An active person of the workspace, with how Slack replies should speak to them. */
export function activePerson(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'locale', 'timezone'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** The Slack team the workspace answers, once its first link recorded it. */
export function slackTeamOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('slack_teams')
    .select(['team_id', 'connected_at'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** Records the workspace's Slack team unless one is already: true when this call recorded it. */
export async function connectSlackTeam(
  db: Db,
  by: Person,
  team: { teamId: string; now: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('slack_teams')
    .values({
      workspace_id: by.workspaceId,
      team_id: team.teamId,
      connected_at: team.now,
      connected_by: by.userId,
    })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .returning('team_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The other person of the workspace who holds this Slack member, if anyone does. */
export function slackMemberHolder(db: Db, person: Person, memberId: string) {
  return db
    .selectFrom('notification_preferences')
    .select('user_id')
    .where('workspace_id', '=', person.workspaceId)
    .where('slack_member_id', '=', memberId)
    .where('user_id', '<>', person.userId)
    .executeTakeFirst();
}

/** Whether a write failed on the one-person-per-member key (two links at once). */
export function isSlackMemberClash(error: unknown): boolean {
  const pgError = error as { code?: unknown; constraint?: unknown } | null;
  return (
    pgError?.code === '23505' && pgError.constraint === 'notification_preferences_slack_member_idx'
  );
}

/** Links the member to the person, keeping the rest of their preferences (defaults if none). */
export function saveSlackLink(
  db: Db,
  person: Person,
  link: { memberId: string; teamId: string; now: Date },
) {
  const row = {
    slack_member_id: link.memberId,
    slack_team_id: link.teamId,
    slack_linked_at: link.now,
  };
  return db
    .insertInto('notification_preferences')
    .values({ user_id: person.userId, workspace_id: person.workspaceId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
}

/** The person's link, if they have one. */
export function slackLinkOf(db: Db, person: Person) {
  return db
    .selectFrom('notification_preferences')
    .select(['slack_member_id', 'slack_team_id', 'slack_linked_at'])
    .where('workspace_id', '=', person.workspaceId)
    .where('user_id', '=', person.userId)
    .where('slack_member_id', 'is not', null)
    .executeTakeFirst();
}

/** Forgets the person's link; the member it held, or nothing when there was none. */
export function removeSlackLink(db: Db, person: Person) {
  return db
    .updateTable('notification_preferences as p')
    .from('notification_preferences as before')
    .set({ slack_member_id: null, slack_team_id: null, slack_linked_at: null })
    .whereRef('before.user_id', '=', 'p.user_id')
    .where('p.workspace_id', '=', person.workspaceId)
    .where('p.user_id', '=', person.userId)
    .where('p.slack_member_id', 'is not', null)
    .returning(['before.slack_member_id', 'before.slack_team_id'])
    .executeTakeFirst();
}

/**
 * Forgets the workspace's Slack team with every link and code made for it: the team it
 * recorded, and so who its members are, are no longer vouched for. The team it forgot, if any.
 */
export async function forgetSlackTeam(db: Db, workspaceId: WorkspaceId) {
  await db.deleteFrom('slack_link_codes').where('workspace_id', '=', workspaceId).execute();
  await db
    .updateTable('notification_preferences')
    .set({ slack_member_id: null, slack_team_id: null, slack_linked_at: null })
    .where('workspace_id', '=', workspaceId)
    .where('slack_member_id', 'is not', null)
    .execute();
  return db
    .deleteFrom('slack_teams')
    .where('workspace_id', '=', workspaceId)
    .returning('team_id')
    .executeTakeFirst();
}
