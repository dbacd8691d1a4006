// One Segment request into the database, all or nothing: identify/group calls in order, then
// every track/page event in one set-based statement that inserts the raw events (dropping
// messages already seen) and adds only the newly inserted ones to the daily rollups. Once that
// commits, the accounts that got new events are announced as changed (accounts' changed set),
// outside the transaction: concurrent batches then never wait on each other's announcement.
// So are the accounts an identify or group call gave a user's earlier events to (rolled up
// under them then), and the customers a group call was the first to name.
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../context.ts';
import { retriedTransaction } from '../../../db/retry.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { daysAfter } from '../../../lib/calendar.ts';
import { markAccountsChanged } from '../../accounts/index.ts';
import { featureCatalog, featureMapper } from './features.ts';
import { ensurePartitions, forgetKnownPartitions, retentionCutoff } from './partitions.ts';
import * as store from './store/events.ts';
import { isLoginEvent, lockUsers } from './store/rollups.ts';
import type { SegmentMessage } from './payload.ts';
import { recordGroup, recordIdentify } from './people.ts';

type UsageEvent = Extract<SegmentMessage, { type: 'track' | 'page' }>;

export type IngestOutcome = {
  /** Track/page events newly stored (a repeated messageId is not). */
  stored: number;
  /** Track/page events outside retention (or more than a day ahead), acknowledged but not kept. */
  skipped: number;
};

/** A month partition dropped under a batch (retention ran in another process). */
const noPartition = '23514';

export async function ingestMessages(
  deps: Deps,
  workspaceId: WorkspaceId,
  messages: readonly SegmentMessage[],
): Promise<IngestOutcome> {
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, deps.config.usageRetentionMonths);
  const horizon = daysAfter(now, 1);
  const usage = messages.filter((m): m is UsageEvent => m.type === 'track' || m.type === 'page');
  const kept = usage.filter((m) => m.occurredAt >= cutoff && m.occurredAt < horizon);
  const people = messages.filter((m) => m.type === 'identify' || m.type === 'group');
  const { stored, accounts } = await storeMessages(deps, workspaceId, now, people, kept);
  // Announced after the commit, the change is already visible to whoever takes it: a crash in
  // between leaves those accounts to their next change or to the daily rescore.
  await markAccountsChanged(deps.db, workspaceId, accounts);
  return { stored, skipped: usage.length - kept.length };
}

/**
 * The request's transaction, retried: answers the events stored and the accounts whose
 * rollups they (or the events a call linked) changed.
 */
async function storeMessages(
  deps: Deps,
  workspaceId: WorkspaceId,
  now: Date,
  people: readonly SegmentMessage[],
  kept: readonly UsageEvent[],
): Promise<{ stored: number; accounts: string[] }> {
  // Deadlocks and serialization failures between concurrent batches are run again, as is a
  // batch whose month partition was dropped under it, once the partition is made again.
  return retriedTransaction(
    deps.db,
    async (trx) => {
      const linking = people.flatMap((m) => (m.userId ? [m.userId] : []));
      await lockUsers(trx, workspaceId, linking, 'exclusive');
      const linked: string[] = [];
      for (const message of people) {
        let account: string | null = null;
        if (message.type === 'identify') {
          account = await recordIdentify(trx, workspaceId, message);
        } else if (message.type === 'group') {
          account = await recordGroup(trx, deps.clock, workspaceId, message);
        }
        if (account) linked.push(account);
      }
      if (kept.length === 0) return { stored: 0, accounts: linked };
      const tracked = kept.flatMap((m) => (m.userId ? [m.userId] : []));
      await lockUsers(trx, workspaceId, tracked, 'shared');
      const catalog = await featureCatalog(trx, workspaceId);
      const events = await insertUsageEvents(trx, workspaceId, now, kept, featureMapper(catalog));
      return { stored: events.stored, accounts: [...linked, ...events.accounts] };
    },
    {
      prepare: async () => {
        if (kept.length > 0)
          await ensurePartitions(
            deps.db,
            kept.map((m) => m.occurredAt),
          );
      },
      alsoRetry: (state) => {
        if (state !== noPartition) return false;
        forgetKnownPartitions(deps.db);
        return true;
      },
    },
  );
}

/** A Steward account id given as the group id (Segment senders may use either). */
const uuidPattern = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

async function insertUsageEvents(
  db: Db,
  workspaceId: WorkspaceId,
  receivedAt: Date,
  events: readonly UsageEvent[],
  featureOf: (event: string) => string,
): Promise<{ stored: number; accounts: string[] }> {
  const n = events.length;
  const messageIds = new Array<string>(n);
  const occurredAt = new Array<string>(n);
  const types = new Array<string>(n);
  const names = new Array<string>(n);
  const features = new Array<string>(n);
  const userIds = new Array<string | null>(n);
  const anonymousIds = new Array<string | null>(n);
  const groupIds = new Array<string | null>(n);
  const groupUuids = new Array<string | null>(n);
  const properties = new Array<string>(n);
  // Each distinct event name and group id is matched once per batch, here, not per row in SQL.
  const logins = new Map<string, boolean>();
  const uuids = new Map<string, string | null>();
  for (let i = 0; i < n; i++) {
    const e = events[i] as UsageEvent;
    messageIds[i] = e.messageId;
    occurredAt[i] = e.occurredAt.toISOString();
    types[i] = e.type;
    names[i] = e.event;
    features[i] = featureOf(e.event);
    userIds[i] = e.userId;
    anonymousIds[i] = e.anonymousId;
    groupIds[i] = e.contextGroupId;
    if (e.contextGroupId === null) groupUuids[i] = null;
    else {
      let uuid = uuids.get(e.contextGroupId);
      if (uuid === undefined) {
        uuid = uuidPattern.test(e.contextGroupId) ? e.contextGroupId.toLowerCase() : null;
        uuids.set(e.contextGroupId, uuid);
      }
      groupUuids[i] = uuid;
    }
    if (!logins.has(e.event)) logins.set(e.event, isLoginEvent(e.event));
    properties[i] = JSON.stringify(e.properties);
  }
  return store.insertUsageEvents(db, workspaceId, receivedAt, {
    messageIds,
    occurredAt,
    types,
    names,
    features,
    userIds,
    anonymousIds,
    groupIds,
    groupUuids,
    properties,
    loginEvents: [...logins].flatMap(([event, login]) => (login ? [event] : [])),
  });
}
