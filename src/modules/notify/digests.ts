// The daily digest, built every 5 minutes by cron for each person whose local digest hour has
// passed today, who has undigested items and no digest yet for that local date: one digest
// (unique per person and local date), then one e-mail through the outbox.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/deps.ts';
import type { JobHandler } from '../../jobs/registry.ts';
import { digestDue, digestFor, type Digest, type DigestItem } from './digestFor.ts';
import type { ActivityKind } from './kinds.ts';
import { channelsFor, queueDeliveries } from './notifyPeople.ts';
import { loadPreferences } from './preferences.ts';
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

/**
 * Gathers a person's undigested items into the digest for `localDate` and queues its
 * delivery; null when that date has its digest already or there is nothing to send.
 */
export async function composeDigest(
  deps: Deps,
  person: { id: string; workspaceId: string },
  localDate: string,
  /** The person's preferences, when the caller loaded them with everyone else's. */
  preferences?: Preferences,
): Promise<{ digestId: string; deliveryIds: string[] } | null> {
  const { db, clock, config } = deps;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const digest = await trx
      .insertInto('digests')
      .values({
        workspace_id: person.workspaceId,
        user_id: person.id,
        local_date: localDate,
        created_at: now,
        item_count: 0,
      })
      .onConflict((oc) => oc.columns(['user_id', 'local_date']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!digest) return null;
    const items = await trx
      .updateTable('notifications')
      .set({ digest_id: digest.id, delivered_at: now })
      .where('workspace_id', '=', person.workspaceId)
      .where('user_id', '=', person.id)
      .where('urgency', '=', 'digest')
      .where('digest_id', 'is', null)
      .where('created_at', '<=', now)
      .returning('id')
      .execute();
    if (items.length === 0) {
      // Nothing to say: no empty digest, and the date stays free for a later run.
      await trx.deleteFrom('digests').where('id', '=', digest.id).execute();
      return null;
    }
    await trx
      .updateTable('digests')
      .set({ item_count: items.length })
      .where('id', '=', digest.id)
      .execute();
    const prefs =
      preferences ?? (await loadPreferences(trx, person.workspaceId, [person.id])).get(person.id);
    const channels = prefs ? channelsFor(prefs, 'digest', config.smtpUrl !== undefined) : [];
    const deliveryIds = await queueDeliveries(
      trx,
      [{ id: digest.id, userId: person.id, workspaceId: person.workspaceId, channels, runAt: now }],
      'digest_id',
      now,
    );
    return { digestId: digest.id, deliveryIds };
  });
}

/**
 * Each person's digest is its own short transaction, independent of the others': a few at a
 * time keep the database busy without taking every connection of the pool.
 */
const digestsAtOnce = 4;

export const buildDueDigests: JobHandler<'notification__build_digests'> = async (deps) => {
  const now = deps.clock.now();
  const due = (await peopleWithUndigestedItems(deps.db, now)).flatMap((person) => {
    const slot = digestDue(now, person.timezone, person.digest_hour);
    return slot.due
      ? [{ id: person.id, workspaceId: person.workspace_id, date: slot.localDate }]
      : [];
  });
  // Everyone's preferences up front: one query per workspace, not one per digest.
  const preferences = new Map<string, Preferences>();
  for (const workspaceId of new Set(due.map((person) => person.workspaceId))) {
    const ids = due.filter((p) => p.workspaceId === workspaceId).map((p) => p.id);
    for (const [id, prefs] of await loadPreferences(deps.db, workspaceId, ids))
      preferences.set(id, prefs);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: digestsAtOnce }, async () => {
      for (let person = due[next++]; person; person = due[next++]) {
        await composeDigest(deps, person, person.date, preferences.get(person.id));
      }
    }),
  );
};

/** A digest's content, from its items (for the e-mail and Slack senders). */
export async function renderDigest(db: Db, digestId: string, now: Date): Promise<Digest> {
  const head = await db
    .selectFrom('digests')
    .innerJoin('users', 'users.id', 'digests.user_id')
    .select(['users.name', 'users.timezone', 'digests.user_id', 'digests.workspace_id'])
    .where('digests.id', '=', digestId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('notifications as n')
    .leftJoin('tasks as t', 't.id', 'n.task_id')
    .leftJoin('accounts as a', 'a.id', 'n.account_id')
    .select([
      'n.kind',
      'n.title',
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
    title: r.title,
    taskId: r.task_id,
    taskTitle: r.task_title,
    accountId: r.account_id,
    accountName: r.account_name,
    createdAt: r.created_at,
  }));
  return digestFor({ name: head.name, timezone: head.timezone }, items, now);
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
  return composeDigest(deps, { id: user.id, workspaceId: user.workspace_id }, date);
}
