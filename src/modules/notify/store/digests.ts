// SQL for daily digests: who has items waiting, a digest per person and local date with the
// items gathered into it, and what a digest lists. The cron's set-based statements span
// workspaces on purpose (one pass for everyone due); each row they touch names its own.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';

/**
 * Everyone with undigested items, with their zone and digest hour: one query. An item read in
 * the inbox is seen already; the digest carries what was not.
 */
export async function peopleWithUndigestedItems(db: Db, now: Date) {
  const rows = await sql<{
    id: string;
    workspace_id: string;
    timezone: string;
    digest_hour: number;
  }>`
    select u.id, u.workspace_id, u.timezone, coalesce(p.digest_hour, 8)::int as digest_hour
    from users u
    left join notification_preferences p on p.user_id = u.id
    where u.deactivated_at is null
      and u.id in (
        select n.user_id from notifications n
        where n.urgency = 'digest' and n.digest_id is null and n.read_at is null
          and n.created_at <= ${now}
      )`.execute(db);
  return rows.rows;
}

/** A digest for each person and local date that has none yet; answers those added. */
export async function insertDigests(
  db: Db,
  people: { id: string; workspaceId: string; date: string }[],
  now: Date,
) {
  const digests = await sql<{ id: string; user_id: string; workspace_id: string }>`
      insert into digests (workspace_id, user_id, local_date, created_at, item_count)
      select p.workspace_id, p.user_id, p.local_date, ${now}, 0
      from unnest(${people.map((p) => p.workspaceId)}::uuid[], ${people.map((p) => p.id)}::uuid[],
        ${people.map((p) => p.date)}::date[]) as p(workspace_id, user_id, local_date)
      on conflict (user_id, local_date) do nothing
      returning id, user_id, workspace_id`.execute(db);
  return digests.rows;
}

/**
 * Moves each person's undigested unread items into their new digest; answers the count per
 * digest. What they read in the inbox meanwhile stays out of it.
 */
export async function gatherIntoDigests(
  db: Db,
  digests: { id: string; user_id: string; workspace_id: string }[],
  now: Date,
) {
  const gathered = await sql<{ digest_id: string; n: number }>`
      with gathered as (
        update notifications n set digest_id = d.id, delivered_at = ${now}
        from unnest(${digests.map((d) => d.id)}::uuid[], ${digests.map((d) => d.user_id)}::uuid[],
          ${digests.map((d) => d.workspace_id)}::uuid[]) as d(id, user_id, workspace_id)
        where n.workspace_id = d.workspace_id and n.user_id = d.user_id
          and n.urgency = 'digest' and n.digest_id is null and n.read_at is null
          and n.created_at <= ${now}
        returning n.digest_id
      )
      select digest_id, count(*)::int as n from gathered group by digest_id`.execute(db);
  return gathered.rows;
}

/** Digests just added with nothing in them (their dates stay free for a later run). */
export function deleteDigests(db: Db, ids: string[]) {
  return db.deleteFrom('digests').where('id', 'in', ids).execute();
}

export function setItemCounts(db: Db, counts: Map<string, number>) {
  return sql`update digests set item_count = c.n
      from unnest(${[...counts.keys()]}::uuid[], ${[...counts.values()]}::int[]) as c(id, n)
      where digests.id = c.id`.execute(db);
}

/**
 * Digests' recipients and their items, oldest first, with their tasks' titles and accounts'
 * names: one statement for a batch of e-mails. The recipient repeats on every item row; a
 * digest whose items are gone is one row with no item (kind null).
 */
export function digestsWithItems(db: Db, digestIds: readonly string[]) {
  return (
    db
      .selectFrom('digests as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      // Through each person's own notifications (notifications_inbox_idx), digest by digest:
      // nothing indexes digest_id, and joined plainly the planner reads everyone's
      // notifications for each batch (a seq scan of 50,000 rows per 50 e-mails). `offset 0`
      // keeps PostgreSQL from flattening the lateral subquery back into that join.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('notifications as n')
            .select(['n.id', 'n.kind', 'n.message', 'n.task_id', 'n.account_id', 'n.created_at'])
            .whereRef('n.workspace_id', '=', 'd.workspace_id')
            .whereRef('n.user_id', '=', 'd.user_id')
            .whereRef('n.digest_id', '=', 'd.id')
            .offset(0)
            .as('n'),
        (join) => join.onTrue(),
      )
      .leftJoin('tasks as t', 't.id', 'n.task_id')
      .leftJoin('accounts as a', 'a.id', 'n.account_id')
      .select([
        'd.id as digest_id',
        'u.name',
        'u.timezone',
        'u.locale',
        'n.kind',
        'n.message',
        'n.task_id',
        't.title as task_title',
        'n.account_id',
        'a.name as account_name',
        'n.created_at',
      ])
      .where('d.id', '=', sql<string>`any(${[...digestIds]}::uuid[])`)
      .orderBy('d.id')
      .orderBy('n.created_at')
      .orderBy('n.id')
      .execute()
  );
}

/** A person by e-mail, any workspace (the CLI names them so). */
export function userByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'workspace_id', 'timezone'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The local dates a person has a digest for already. */
export function digestDatesOf(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom('digests')
    .select('local_date')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}
