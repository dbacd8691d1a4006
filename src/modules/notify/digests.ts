// The daily digest, built every 5 minutes by cron for each person whose local digest hour has
// passed today, who has undigested items and no digest yet for that local date: one digest
// (unique per person and local date), then one e-mail through the outbox.
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../context.ts';
import type { JobHandler } from '../../jobs/registry.ts';
import { digestDue, digestFor, type Digest, type DigestItem } from './digestFor.ts';
import type { ActivityKind } from './kinds.ts';
import { channelsFor, queueDeliveries } from './notifyPeople.ts';
import { loadPreferences } from './preferences.ts';
import { readerOf } from './render.ts';
import type { Preferences } from './routing.ts';
import * as store from './store/digests.ts';
import { nextDate } from './zoned.ts';

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
    const digests = await store.insertDigests(trx, people, now);
    if (digests.length === 0) return new Map();
    const gathered = await store.gatherIntoDigests(trx, digests, now);
    const counts = new Map(gathered.map((r) => [r.digest_id, r.n]));
    // Nothing to say: no empty digest, and the date stays free for a later run.
    const empty = digests.filter((d) => !counts.has(d.id)).map((d) => d.id);
    if (empty.length > 0) await store.deleteDigests(trx, empty);
    const filled = digests.filter((d) => counts.has(d.id));
    if (filled.length === 0) return new Map();
    await store.setItemCounts(trx, counts);

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
  const due = (await store.peopleWithUndigestedItems(deps.db, now)).flatMap((person) => {
    const slot = digestDue(now, person.timezone, person.digest_hour);
    return slot.due
      ? [{ id: person.id, workspaceId: person.workspace_id, date: slot.localDate }]
      : [];
  });
  for (let i = 0; i < due.length; i += digestBatch) {
    await composeDigests(deps, due.slice(i, i + digestBatch));
  }
};

/**
 * Digests' content, from their items, each in its recipient's language (e-mail and Slack):
 * one query for a batch of deliveries. A digest that no longer exists is missing.
 */
export async function renderDigests(
  db: Db,
  digestIds: readonly string[],
  now: Date,
): Promise<Map<string, Digest>> {
  if (digestIds.length === 0) return new Map();
  const byDigest = new Map<string, Awaited<ReturnType<typeof store.digestsWithItems>>>();
  for (const row of await store.digestsWithItems(db, digestIds)) {
    const rows = byDigest.get(row.digest_id);
    if (rows) rows.push(row);
    else byDigest.set(row.digest_id, [row]);
  }
  const rendered = new Map<string, Digest>();
  for (const [digestId, rows] of byDigest) {
    const head = rows[0];
    if (!head) continue;
    const items: DigestItem[] = rows.flatMap((r) =>
      r.kind !== null && r.message !== null && r.created_at !== null
        ? [
            {
              kind: r.kind as ActivityKind,
              message: r.message,
              taskId: r.task_id,
              taskTitle: r.task_title,
              accountId: r.account_id,
              accountName: r.account_name,
              createdAt: r.created_at,
            },
          ]
        : [],
    );
    rendered.set(digestId, digestFor({ name: head.name, ...readerOf(head) }, items, now));
  }
  return rendered;
}

/**
 * `steward digest --user <email> --now`: today's digest at once; when today's went out
 * already, the next day's is brought forward. Returns the digest's id, or null if empty.
 */
export async function composeDigestNow(deps: Deps, email: string) {
  const user = await store.userByEmail(deps.db, email);
  if (!user) throw new Error(`No user ${email}.`);
  const sent = await store.digestDatesOf(deps.db, user.workspace_id, user.id);
  const taken = new Set(sent.map((s) => s.local_date));
  let date = digestDue(deps.clock.now(), user.timezone, 0).localDate;
  while (taken.has(date)) date = nextDate(date);
  const composed = await composeDigests(deps, [
    { id: user.id, workspaceId: user.workspace_id, date },
  ]);
  return composed.get(user.id) ?? null;
}
