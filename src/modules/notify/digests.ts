// The daily digest, built every 5 minutes by cron for each person whose local digest hour has
// passed today, who has undigested items and no digest yet for that local date: one digest
// (unique per person and local date), then one e-mail through the outbox.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../context.ts';
import type { JobHandler } from '../../jobs/registry.ts';
import { digestDue, digestFor, type Digest, type DigestItem } from './digestFor.ts';
import type { ActivityKind } from './kinds.ts';
import { channelsFor, queueDeliveries } from './notifyPeople.ts';
import { loadPreferences } from './preferences.ts';
import { readerOf } from './render.ts';
import type { Preferences } from './routing.ts';
import { nextDate } from './zoned.ts';

type Candidate = { id: string; workspace_id: string; timezone: string; digest_hour: number };

/** Everyone with undigested items, with their zone and digest hour: one query. */
async function peopleWithUndigestedItems(db: Db, now: Date): Promise<Candidate[]> {
  const rows = await sql<Candidate>`
    select u.id, u.workspace_id, u.timezone, coalesce(p.digest_hour, 8)::int as digest_hour
    from users u
    left join notification_preferences p on p.user_id = u.id
    where u.deactivated_at is null
      and u.id in (
        select n.user_id from notifications n
        where n.urgency = 'digest' and n.digest_id is null and n.created_at <= ${now}
      )`.execute(db);
  return rows.rows;
}

type DuePerson = { id: string; workspaceId: string; date: string };

/**
 * Gathers each person's undigested items into their digest for their local date and queues
 * its delivery, in one transaction of a few statements for everyone due (a morning's worth
 * is thousands of people). A person whose date has its digest already, or who has nothing
 * to send, gets none. Returns each new digest's id and deliveries by person.
 */
export async function composeDigests(
  deps: Deps,
  people: DuePerson[],
): Promise<Map<string, { digestId: string; deliveryIds: string[] }>> {
  const { db, clock, config } = deps;
  const now = clock.now();
  if (people.length === 0) return new Map();
  return db.transaction().execute(async (trx) => {
    const digests = await sql<{ id: string; user_id: string; workspace_id: string }>`
      insert into digests (workspace_id, user_id, local_date, created_at, item_count)
      select p.workspace_id, p.user_id, p.local_date, ${now}, 0
      from unnest(${people.map((p) => p.workspaceId)}::uuid[], ${people.map((p) => p.id)}::uuid[],
        ${people.map((p) => p.date)}::date[]) as p(workspace_id, user_id, local_date)
      on conflict (user_id, local_date) do nothing
      returning id, user_id, workspace_id`.execute(trx);
    if (digests.rows.length === 0) return new Map();
    const gathered = await sql<{ digest_id: string; n: number }>`
      with gathered as (
        update notifications n set digest_id = d.id, delivered_at = ${now}
        from unnest(${digests.rows.map((d) => d.id)}::uuid[], ${digests.rows.map((d) => d.user_id)}::uuid[],
          ${digests.rows.map((d) => d.workspace_id)}::uuid[]) as d(id, user_id, workspace_id)
        where n.workspace_id = d.workspace_id and n.user_id = d.user_id
          and n.urgency = 'digest' and n.digest_id is null and n.created_at <= ${now}
        returning n.digest_id
      )
      select digest_id, count(*)::int as n from gathered group by digest_id`.execute(trx);
    const counts = new Map(gathered.rows.map((r) => [r.digest_id, r.n]));
    // Nothing to say: no empty digest, and the date stays free for a later run.
    const empty = digests.rows.filter((d) => !counts.has(d.id)).map((d) => d.id);
    if (empty.length > 0) await trx.deleteFrom('digests').where('id', 'in', empty).execute();
    const filled = digests.rows.filter((d) => counts.has(d.id));
    if (filled.length === 0) return new Map();
    await sql`update digests set item_count = c.n
      from unnest(${[...counts.keys()]}::uuid[], ${[...counts.values()]}::int[]) as c(id, n)
      where digests.id = c.id`.execute(trx);

    const preferences = new Map<string, Preferences>();
    for (const workspaceId of new Set(filled.map((d) => d.workspace_id))) {
      const ids = filled.filter((d) => d.workspace_id === workspaceId).map((d) => d.user_id);
      for (const [id, prefs] of await loadPreferences(trx, workspaceId, ids))
        preferences.set(id, prefs);
    }
    const smtp = config.smtpUrl !== undefined;
    const outbox = filled.map((d) => {
      const prefs = preferences.get(d.user_id);
      return {
        id: d.id,
        userId: d.user_id,
        workspaceId: d.workspace_id,
        channels: prefs ? channelsFor(prefs, 'digest', smtp) : [],
        runAt: now,
      };
    });
    const deliveries = await queueDeliveries(trx, outbox, 'digest_id', now);
    return new Map(
      filled.map((d) => [
        d.user_id,
        {
          digestId: d.id,
          deliveryIds: deliveries.filter((r) => r.sourceId === d.id).map((r) => r.id),
        },
      ]),
    );
  });
}

/** People due at once are composed in batches of this many, a transaction each. */
const digestBatch = 500;

export const buildDueDigests: JobHandler<'notification__build_digests'> = async (deps) => {
  const now = deps.clock.now();
  const due = (await peopleWithUndigestedItems(deps.db, now)).flatMap((person) => {
    const slot = digestDue(now, person.timezone, person.digest_hour);
    return slot.due
      ? [{ id: person.id, workspaceId: person.workspace_id, date: slot.localDate }]
      : [];
  });
  for (let i = 0; i < due.length; i += digestBatch) {
    await composeDigests(deps, due.slice(i, i + digestBatch));
  }
};

/** A digest's content, from its items, in its recipient's language (e-mail and Slack). */
export async function renderDigest(db: Db, digestId: string, now: Date): Promise<Digest> {
  const head = await db
    .selectFrom('digests')
    .innerJoin('users', 'users.id', 'digests.user_id')
    .select([
      'users.name',
      'users.timezone',
      'users.locale',
      'digests.user_id',
      'digests.workspace_id',
    ])
    .where('digests.id', '=', digestId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('notifications as n')
    .leftJoin('tasks as t', 't.id', 'n.task_id')
    .leftJoin('accounts as a', 'a.id', 'n.account_id')
    .select([
      'n.kind',
      'n.message',
      'n.task_id',
      't.title as task_title',
      'n.account_id',
      'a.name as account_name',
      'n.created_at',
    ])
    // Through the person's own notifications (notifications_inbox_idx): nothing indexes
    // digest_id, and a scan of everyone's notifications per e-mail made sending quadratic.
    .where('n.workspace_id', '=', head.workspace_id)
    .where('n.user_id', '=', head.user_id)
    .where('n.digest_id', '=', digestId)
    .orderBy('n.created_at')
    .execute();
  const items: DigestItem[] = rows.map((r) => ({
    kind: r.kind as ActivityKind,
    message: r.message,
    taskId: r.task_id,
    taskTitle: r.task_title,
    accountId: r.account_id,
    accountName: r.account_name,
    createdAt: r.created_at,
  }));
  return digestFor({ name: head.name, ...readerOf(head) }, items, now);
}

/**
 * `steward digest --user <email> --now`: today's digest at once; when today's went out
 * already, the next day's is brought forward. Returns the digest's id, or null if empty.
 */
export async function composeDigestNow(deps: Deps, email: string) {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'workspace_id', 'timezone'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user) throw new Error(`No user ${email}.`);
  const sent = await deps.db
    .selectFrom('digests')
    .select('local_date')
    .where('user_id', '=', user.id)
    .execute();
  const taken = new Set(sent.map((s) => s.local_date));
  let date = digestDue(deps.clock.now(), user.timezone, 0).localDate;
  while (taken.has(date)) date = nextDate(date);
  const composed = await composeDigests(deps, [
    { id: user.id, workspaceId: user.workspace_id, date },
  ]);
  return composed.get(user.id) ?? null;
}
