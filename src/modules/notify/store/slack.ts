// SQL for the `/steward` Slack command: which workspace asks (by its Slack team, a link code or
// its slug), who asks (the person who linked the Slack member, store/slackLinks.ts) or else the
// workspace's language, and the account it names with its open escalations.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';

/** The workspaces with this slug (or all, without one), at most two: one answers, two do not. */
export function workspacesForCommand(db: Db, slug: string | undefined) {
  return db
    .selectFrom('workspaces')
    .select(['id', 'timezone'])
    .$if(slug !== undefined, (q) => q.where('slug', '=', slug ?? ''))
    .limit(2)
    .execute();
}

/** The workspaces whose first link recorded this Slack team, at most two: one answers. */
export function workspacesOfSlackTeam(db: Db, teamId: string) {
  return db
    .selectFrom('slack_teams')
    .innerJoin('workspaces', 'workspaces.id', 'slack_teams.workspace_id')
    .select(['workspaces.id', 'workspaces.timezone'])
    .where('slack_teams.team_id', '=', teamId)
    .limit(2)
    .execute();
}

/** The workspaces holding a link code with this hash, at most two: one answers. */
export function workspacesOfLinkCode(db: Db, codeHash: string) {
  return db
    .selectFrom('slack_link_codes')
    .innerJoin('workspaces', 'workspaces.id', 'slack_link_codes.workspace_id')
    .select(['workspaces.id', 'workspaces.timezone'])
    .where('slack_link_codes.code_hash', '=', codeHash)
    .limit(2)
    .execute();
}

/** The active person of the workspace who linked this Slack member of this team, with their language and zone. */
export function personOfSlackMember(
  db: Db,
  workspaceId: string,
  member: { memberId: string; teamId: string },
) {
  return db
    .selectFrom('notification_preferences as p')
    .innerJoin('users', 'users.id', 'p.user_id')
    .select(['users.id', 'users.locale', 'users.timezone'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.slack_member_id', '=', member.memberId)
    .where('p.slack_team_id', '=', member.teamId)
    .where('users.workspace_id', '=', workspaceId)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** The language most of the workspace's active people use (English on a tie). */
export function commonestLocale(db: Db, workspaceId: string) {
  return db
    .selectFrom('users')
    .select(['locale', sql<number>`count(*)::int`.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('deactivated_at', 'is', null)
    .groupBy('locale')
    .orderBy('n', 'desc')
    .orderBy(sql`locale = 'en'`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The live account whose name contains `name`: the exact name first, then the shortest. */
export function accountNamed(db: Db, workspaceId: string, name: string) {
  return (
    db
      .selectFrom('accounts')
      // Health's view of its current scores (migration 0014); null until the account is scored.
      .leftJoin('account_health', (join) =>
        join
          .onRef('account_health.account_id', '=', 'accounts.id')
          .onRef('account_health.workspace_id', '=', 'accounts.workspace_id'),
      )
      .select(['id', 'name', 'renewal_date'])
      .select([
        'account_health.score as health_score',
        'account_health.category as health_category',
        'account_health.risk_level as churn_risk_level',
      ])
      .where('accounts.workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .where(sql<boolean>`lower(name) like ${`%${name.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`)
      // The exact name first, then the shortest match.
      .orderBy(sql`lower(name) = ${name.toLowerCase()}`, 'desc')
      .orderBy(sql`length(name)`)
      .limit(1)
      .executeTakeFirst()
  );
}

/** Breaches and escalations not resolved on the account's open tasks, newest first. */
export function openEscalationsOf(db: Db, workspaceId: string, accountId: string) {
  return db
    .selectFrom('escalations as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select(['t.title', 'e.kind'])
    .where('e.workspace_id', '=', workspaceId)
    .where('t.account_id', '=', accountId)
    .where('t.status', '<>', 'done')
    .where('t.deleted_at', 'is', null)
    .where('e.kind', 'in', ['breach', 'escalation'])
    .where('e.resolved_at', 'is', null)
    .orderBy('e.raised_at', 'desc')
    .execute();
}
